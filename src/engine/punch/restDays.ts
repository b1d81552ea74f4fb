import { ATTENDANCE_EVENTS, NEVER_DEDUCTED_EVENTS, eventLabel } from "../events";
import type { SheetCursor } from "../read/context";
import { weekdayWord } from "./calendar";
import { agentWorks, DEFAULT_PUNCH_CONFIG, type PunchConfig } from "./config";

/** An attendance mark a scheme may deduct for (or count against an allowance): what a rest day must not carry. */
export const deductible = (type: string) => ATTENDANCE_EVENTS.has(type) && !NEVER_DEDUCTED_EVENTS.has(type);

/**
 * Why the day is not a workday for the agent by the calendar, the 规则 tab's 【日历】 days and the agent's
 * shift (a 周一至周六 shift works Saturdays); null on a workday. For sheets that say nothing of the day.
 */
export function calendarRest(cur: SheetCursor, cfg: PunchConfig | undefined, agent: string, iso: string) {
  const person = cur.ctx.resolver.people.get(agent);
  const who = { name: agent, group: person?.group, rosterShift: person?.shift };
  const w = agentWorks(cfg ?? DEFAULT_PUNCH_CONFIG, who, iso);
  return w.work ? null : w.why;
}

/** A deduction mark on a rest day: listed on its cell (info), not scored (RULES.md, rest days). */
export function listRestMark(
  cur: SheetCursor,
  r: number,
  col: number,
  mark: { agent: string; iso: string; types: string[]; text: string; why: string },
) {
  const { agent, iso, types, text, why } = mark;
  cur.cellIssue(
    r,
    col,
    "rest-day-mark",
    `${agent} ${iso}（${weekdayWord(iso)}）是休息日（${why}），“${text}”（${types.map(eventLabel).join("、")}）已列出，不扣分。若那天其实上班，请在规则表【日历】里写明“上班”或为此人排班。`,
    "info",
  );
}
