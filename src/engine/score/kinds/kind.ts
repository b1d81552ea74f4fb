import type { AgentEvent } from "../../read/model";
import type { DataIssue, Severity } from "../../types";
import { roundCents } from "../../parse";
import type { Line } from "../result";
import type { ParamValue, Rule, Scheme } from "../scheme";

/**
 * What every rule kind declares: its parameters (the 规则 tab writes, reads and validates these,
 * nothing else does), when in the month it runs, how it applies and how it explains itself.
 */
export type ParamType = "number" | "text" | "event" | "metric" | "list" | "steps" | "grades" | "choice";

export interface ParamSpec {
  key: string;
  /** The Chinese name the 规则 tab shows (and accepts in place of the key). */
  label: string;
  type: ParamType;
  min?: number;
  max?: number;
  integer?: boolean;
  /** "rule": the rule's own unit (分/元/张); else a word such as 秒 or 次. */
  unit?: string;
  choices?: readonly string[];
  /** The value used when a 规则 row leaves the parameter out, and why; the 规则 tab shows both. */
  default?: { value: ParamValue; note: string };
  /** May be left out with no default: the behaviour it switches on does not happen. */
  optional?: boolean;
  /** What leaving an optional parameter out means, for the 规则 tab. */
  hint?: string;
}

/** What one event cost or earned under one rule. */
export interface Charge {
  event: AgentEvent;
  /** Signed: negative is a deduction or a fine. */
  value: number;
  note?: string;
  action?: string;
  /** The value came from the sheet (a written amount or points), not the scheme's price. */
  written?: boolean;
  /** A 数据问题 line for this event: a default the 规则 tab declares was applied, or the row is held. */
  issue?: { code: string; message: string; severity: Severity; col?: string };
  /** Not scored: a value the rule needs is missing and the rule declares no default. */
  held?: boolean;
}

/**
 * Kinds run in stages, because some read what others produced: transforms rewrite events before
 * pricing; group fines and rankings look across agents; a capped item and a clean month sum lines.
 */
export const STAGES = ["transform", "event", "group", "rank", "item", "month"] as const;
export type Stage = (typeof STAGES)[number];

/** The month being scored, as a kind sees it. */
export interface MonthContext {
  month: string;
  scheme: Scheme;
  agents: string[];
  groups: Record<string, string>;
  /** The agent's events of the month, after the transforms, by date then source row. */
  events(agent: string): AgentEvent[];
  setEvents(agent: string, events: AgentEvent[]): void;
  /** Lines so far for the agent. */
  lines(agent: string): Line[];
  /** Records what `c` cost under `r` for `agent` (and its 数据问题 line if it carries one). */
  charge(agent: string, r: Rule, c: Charge, extra?: Partial<Line>): void;
  /** A 数据问题 line that belongs to no single charge. */
  issue(i: DataIssue): void;
  /** A month-level line with no event behind it (an item's total, a clean-month bonus). */
  summary(agent: string, r: Rule, value: number, note: string, eventType: string): void;
}

export interface RuleKindDef {
  id: string;
  /** The Chinese name of the kind, for the 规则 tab's legend. */
  label: string;
  stage: Stage;
  params: readonly ParamSpec[];
  /** One line beside the rule in 规则: what it does with these parameters. */
  describe(r: Rule): string;
  apply(r: Rule, ctx: MonthContext): void;
  /** Prices one agent's matching events (the per-event kinds); `apply` then does the rest. */
  price?(r: Rule, events: AgentEvent[]): Charge[];
  /** A check across parameters (min ≤ max); the message names what is wrong. */
  check?(params: Record<string, ParamValue>): string | null;
}

export const UNIT_WORD = { points: "分", yuan: "元", vouchers: "张" } as const;

/** A parameter's value, the kind's declared default when the rule leaves it out. */
export function param(def: RuleKindDef, r: Rule, key: string): ParamValue | undefined {
  const v = r.params[key];
  if (v !== undefined && v !== "") return v;
  const spec = def.params.find((p) => p.key === key);
  if (!spec) throw new Error(`kind ${def.id} declares no parameter ${key}`);
  if (spec.default) return spec.default.value;
  if (spec.optional) return undefined;
  throw new Error(`rule ${r.id}: missing ${key}`);
}
export const numParam = (def: RuleKindDef, r: Rule, key: string): number => {
  const v = param(def, r, key);
  return v === undefined ? NaN : Number(v);
};
export const textParam = (def: RuleKindDef, r: Rule, key: string): string => String(param(def, r, key) ?? "");

const sgn = (r: Rule) => (r.sign < 0 ? "−" : "+");
/** "−0.5分", "+3张": a rule's value as the 规则 tab and 明细 write it. */
export const amountText = (r: Rule, v: number) => `${sgn(r)}${v}${UNIT_WORD[r.unit]}`;

/** Events a per-event rule sees: points come from the conduct sheets; a fines row only carries its yuan. */
export const ruleEvents = (r: Rule, events: AgentEvent[]) =>
  events.filter((e) => r.events.includes(e.type) && (r.unit === "yuan" || !e.meta?.fromFines));

/** A kind that prices each agent's own events; charges are rounded to cents and never −0. */
export function perEventKind(
  def: Omit<RuleKindDef, "apply" | "stage" | "price">,
  price: (r: Rule, events: AgentEvent[]) => Charge[],
): RuleKindDef {
  const rounded = (r: Rule, events: AgentEvent[]) =>
    price(r, events).map((c) => ({ ...c, value: roundCents(c.value) }));
  return {
    ...def,
    stage: "event",
    price: rounded,
    apply(r, ctx) {
      for (const agent of ctx.agents) {
        const mine = ruleEvents(r, ctx.events(agent));
        if (mine.length) for (const c of rounded(r, mine)) ctx.charge(agent, r, c);
      }
    },
  };
}

/** Spread a month total over its events as marginal costs: event k costs total(k) − total(k−1). */
export function marginal(events: AgentEvent[], total: (n: number) => number, sign: number): Charge[] {
  return events.map((event, i) => {
    const v = roundCents(total(i + 1) - total(i));
    return { event, value: sign * v, note: v === 0 ? "未达扣分线，记录在案" : undefined };
  });
}

/** A written yuan amount overrides the scheme's price but keeps the event's place in the count. */
export function priced(r: Rule, e: AgentEvent, schemePrice: number): { value: number; written: boolean } {
  if (r.unit === "yuan" && e.amount !== undefined) return { value: e.amount, written: true };
  return { value: schemePrice, written: false };
}

/** The 数据问题 line for a charge, naming the event's source. */
export function chargeIssue(agent: string, r: Rule, c: Charge): DataIssue | null {
  if (!c.issue) return null;
  const src = c.event.sources[0];
  return {
    sheet: src?.sheet ?? "",
    row: src?.row ?? 0,
    col: c.issue.col ?? src?.col,
    severity: c.issue.severity,
    code: c.issue.code,
    message: `${agent}，${r.label}：${c.issue.message}`,
    outcome: c.held ? "not-used" : c.issue.code === "default-applied" ? "defaulted" : "used",
  };
}

/** The `actionAt` / `action` pair of the kinds whose k-th event of the month also fires an action (dismissal). */
export const ACTION_PARAMS: readonly ParamSpec[] = [
  {
    key: "actionAt",
    label: "第几次起处理",
    type: "number",
    min: 0,
    integer: true,
    unit: "次",
    optional: true,
    hint: "不写：不处理",
  },
  { key: "action", label: "处理", type: "text", optional: true, hint: "不写：不处理" },
];

/** The action the k-th event of the month fires under a kind declaring ACTION_PARAMS, if any. */
export function actionFor(def: RuleKindDef, r: Rule, k: number): string | undefined {
  const at = numParam(def, r, "actionAt") || 0;
  return at && k >= at ? textParam(def, r, "action") : undefined;
}

/** The value the rule needs is missing and it declares no default: the row is listed, not scored. */
export const heldCharge = (event: AgentEvent, message: string): Charge => ({
  event,
  value: 0,
  held: true,
  issue: { code: "value-missing", severity: "error", message },
});

/** A blank took the rule's declared default: scored, and listed with the note saying which default. */
export const defaultedCharge = (event: AgentEvent, value: number, note: string): Charge => ({
  event,
  value,
  note,
  issue: { code: "default-applied", severity: "warning", message: note },
});

/** `3:5,5:10` → steps. */
export function parseSteps(s: ParamValue): { at: number; total: number }[] {
  return String(s)
    .split(/[,，;；]/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const [at, total] = p.split(/[:：=]/).map(Number);
      return { at, total };
    })
    .sort((a, b) => a.at - b.at);
}
/** `5,3,1` → numbers. */
export const parseList = (s: ParamValue): number[] =>
  String(s)
    .split(/[,，;；\s]+/)
    .filter(Boolean)
    .map(Number);
/** `优=20,良=15` → map. */
export function parseGradeMap(s: ParamValue): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of String(s)
    .split(/[,，;；\s]+/)
    .filter(Boolean)) {
    const [k, v] = p.split(/[:：=]/);
    m.set(k.trim().toLowerCase(), Number(v));
  }
  return m;
}
