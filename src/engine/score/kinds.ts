import type { AgentEvent } from "../read/model";
import { roundCents } from "../parse";
import { num, parseGradeMap, parseSteps, str, type Rule } from "./scheme";

/** What one event cost or earned under one rule. */
export interface Charge {
  event: AgentEvent;
  /** Signed: negative is a deduction or a fine. */
  value: number;
  note?: string;
  action?: string;
  /** The value came from the sheet (a written amount or points), not the scheme's price. */
  written?: boolean;
}

/** Spread a month total over its events as marginal costs: event k costs total(k) − total(k−1). */
function marginal(events: AgentEvent[], total: (n: number) => number, sign: number): Charge[] {
  return events.map((event, i) => {
    const v = roundCents(total(i + 1) - total(i));
    return { event, value: sign * v, note: v === 0 ? "未达扣分线，记录在案" : undefined };
  });
}

/** A written yuan amount overrides the scheme's price but keeps the event's place in the count. */
function priced(r: Rule, e: AgentEvent, schemePrice: number): { value: number; written: boolean } {
  if (r.unit === "yuan" && e.amount !== undefined) return { value: e.amount, written: true };
  return { value: schemePrice, written: false };
}

export type KindFn = (r: Rule, events: AgentEvent[]) => Charge[];

/** Every kind's charges are rounded to cents and never −0. */
const kind =
  (fn: KindFn): KindFn =>
  (r, events) =>
    fn(r, events).map((c) => ({ ...c, value: roundCents(c.value) }));

export const each = kind((r, events) =>
  events.map((event) => {
    const p = priced(r, event, num(r, "amount"));
    const action = str(r, "action") || undefined;
    return { event, value: r.sign * p.value, written: p.written, action };
  }),
);

export const perUnit = kind((r, events) => {
  const unit = num(r, "unit"),
    grace = num(r, "grace", 0),
    amount = num(r, "amount");
  const started = str(r, "rounding", "started") !== "full";
  return events.map((event) => {
    if (r.unit === "yuan" && event.amount !== undefined) return { event, value: r.sign * event.amount, written: true };
    const m = event.measure;
    if (m === undefined) return { event, value: r.sign * amount, note: "未写延迟时长，按1个单位计" };
    const over = Math.max(0, m - grace);
    const units = started ? Math.ceil(over / unit - 1e-9) : Math.floor(over / unit + 1e-9);
    return { event, value: r.sign * units * amount, note: `${m} 超出 ${grace} → ${units} 个单位` };
  });
});

export const tiers = kind((r, events) => {
  const per = num(r, "per", 0);
  const steps = parseSteps(str(r, "steps"));
  const total = (n: number) => {
    let t = per * n;
    for (const s of steps) if (n >= s.at) t = s.total + per * (n - s.at);
    return t;
  };
  return marginal(events, total, r.sign);
});

export const everyN = kind((r, events) => {
  const n = num(r, "n"),
    amount = num(r, "amount");
  return marginal(events, (k) => Math.floor(k / n) * amount, r.sign);
});

export const firstWarning = kind((r, events) =>
  events.map((event, i) => {
    if (i === 0) return { event, value: 0, note: "当月第一次：警告，不扣分" };
    const p = priced(r, event, num(r, "amount"));
    return { event, value: r.sign * p.value, written: p.written };
  }),
);

export const escalating = kind((r, events) => {
  const amount = num(r, "amount"),
    actionAt = num(r, "actionAt", 0),
    action = str(r, "action");
  return events.map((event, i) => {
    const k = i + 1;
    const p = priced(r, event, amount * 2 ** (k - 1));
    return {
      event,
      value: r.sign * p.value,
      written: p.written,
      note: `本月第${k}次`,
      action: actionAt && k >= actionAt ? action : undefined,
    };
  });
});

export const range = kind((r, events) => {
  const min = num(r, "min"),
    max = num(r, "max"),
    dflt = num(r, "default");
  return events.map((event) => {
    const written =
      r.unit === "yuan"
        ? (event.amount ?? event.points)
        : (event.points ?? (r.unit !== "points" ? event.amount : undefined));
    if (written === undefined) return { event, value: r.sign * dflt, note: `未写分值，按${dflt}计` };
    const v = Math.min(max, Math.max(min, written));
    return {
      event,
      value: r.sign * v,
      written: true,
      note: v !== written ? `表里写的${written}超出${min}~${max}，按${v}计` : undefined,
    };
  });
});

export const grade = kind((r, events) => {
  const item = str(r, "item");
  const map = parseGradeMap(r.params.map);
  return events
    .filter((e) => e.detail === item)
    .map((event) => {
      const v = map.get((event.text ?? "").toLowerCase());
      return v === undefined
        ? { event, value: 0, note: `评级“${event.text}”不在对照表里，按0计` }
        : { event, value: v, note: `评级${event.text}` };
    });
});

/** Kinds that price each agent's own events; rank, clean-month, capped-item, allowance, convert and group-fine are month-level (see month.ts). */
export const EVENT_KINDS: Partial<Record<Rule["kind"], KindFn>> = {
  each,
  "per-unit": perUnit,
  tiers,
  "every-n": everyN,
  "first-warning": firstWarning,
  escalating,
  range,
  grade,
};

/** Competition ranking by a metric: ties share the better place (1, 1, 3). */
export function rankAwards(
  values: { agent: string; value: number }[],
  awards: number[],
): Map<string, { place: number; points: number }> {
  const sorted = values.filter((v) => v.value > 0).sort((a, b) => b.value - a.value);
  const out = new Map<string, { place: number; points: number }>();
  sorted.forEach((v, i) => {
    const place = i > 0 && v.value === sorted[i - 1].value ? out.get(sorted[i - 1].agent)!.place : i + 1;
    if (place <= awards.length) out.set(v.agent, { place, points: awards[place - 1] });
    else out.set(v.agent, { place, points: 0 });
  });
  return out;
}
