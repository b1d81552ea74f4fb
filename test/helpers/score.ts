import type { AgentEvent, ReadResult } from "../../src/engine/read/model";
import { builtinScheme } from "../../src/engine/schemes";
import { scoreMonths } from "../../src/engine/score/month";
import type { Scheme } from "../../src/engine/score/scheme";

let row = 1;
/** An event as the reader would make it, with a fresh source row. */
export function ev(
  agent: string | null,
  type: string,
  date: string | null,
  extra: Partial<AgentEvent> = {},
): AgentEvent {
  return {
    agent,
    type,
    date,
    month: (date ?? extra.month ?? "2026-10").slice(0, 7),
    days: 1,
    sources: [{ sheet: "测试", row: ++row }],
    ...extra,
  };
}

export function readOf(events: AgentEvent[], agents: string[] = [], groups: Record<string, string> = {}): ReadResult {
  const all = new Set(agents);
  for (const e of events) if (e.agent) all.add(e.agent);
  return {
    sheets: [],
    events,
    issues: [],
    agents: [...all],
    groups,
    roster: [...all],
    resigned: [],
    leaveDates: {},
    presentDays: {},
    months: [...new Set(events.map((e) => e.month))].sort(),
  };
}

/** Score one month with a built-in scheme (or a given one) and return that month's result. */
export function scoreWith(
  scheme: string | Scheme,
  events: AgentEvent[],
  month = "2026-10",
  agents: string[] = [],
  groups: Record<string, string> = {},
) {
  const s = typeof scheme === "string" ? builtinScheme(scheme)! : scheme;
  const chain = scoreMonths(readOf(events, agents, groups), s, month);
  return chain[chain.length - 1];
}

export const agentOf = (r: ReturnType<typeof scoreWith>, name: string) => r.agents.find((a) => a.name === name)!;

/** n events of a type on consecutive days from the 1st. */
export const times = (n: number, agent: string, type: string, extra: Partial<AgentEvent> = {}, month = "2026-10") =>
  Array.from({ length: n }, (_, i) => ev(agent, type, `${month}-${String(i + 1).padStart(2, "0")}`, extra));
