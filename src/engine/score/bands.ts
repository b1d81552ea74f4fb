import { prevMonthKey, roundCents } from "../parse";
import type { Policy } from "./policy";
import { own } from "./own";
import type { Band, Scheme } from "./scheme";

export interface Figures {
  score: number | null;
  fineYuan: number;
  actions: number;
}

const test = (x: number, op: Band["op"], y: number) =>
  op === "<=" ? x <= y : op === "<" ? x < y : op === ">=" ? x >= y : x > y;

function metricValue(b: Band, v: Figures, policy: Policy): number | null {
  if (b.metric === "score") return v.score;
  if (b.metric === "percent") return v.score === null || !policy.total ? null : (v.score / policy.total) * 100;
  return b.metric === "fineYuan" ? v.fineYuan : v.actions;
}

/** The level an agent's month reaches, its bonus adjustment and actions, and the run of bad months. */
export function applyBands(
  scheme: Scheme,
  policy: Policy,
  v: Figures,
  agent: string,
  month: string,
  prior: Record<string, Record<string, number>>,
) {
  let level = 0,
    label = scheme.okLabel,
    bonusCut = 0;
  const actions: string[] = [];
  for (const b of scheme.bands) {
    if (!b.metric || b.op === undefined || b.value === undefined) continue;
    const x = metricValue(b, v, policy);
    const line = typeof b.value === "number" ? b.value : Number(scheme.params[b.value]);
    if (x === null || !test(x, b.op, line)) continue;
    if (b.level >= level) {
      level = b.level;
      label = b.label;
      if (b.bonusCutPercent !== undefined) bonusCut = b.bonusCutPercent;
    }
    actions.push(...(b.actions ?? []));
  }
  if (
    level === 0 &&
    policy.bonusLine !== null &&
    v.score !== null &&
    v.score > policy.bonusLine &&
    policy.bonusPerPoint
  )
    bonusCut = -roundCents((v.score - policy.bonusLine) * policy.bonusPerPoint);
  const streak = consecutive(scheme, level, agent, month, prior);
  if (streak.band) {
    level = streak.band.level;
    label = streak.band.label;
    if (streak.band.bonusCutPercent !== undefined) bonusCut = streak.band.bonusCutPercent;
    actions.push(...(streak.band.actions ?? []));
  }
  return { level, label, bonusCut, actions, streak: streak.months };
}

/** Months in a row at a band's level or worse (this one included), and the consecutive band it reaches. */
function consecutive(
  scheme: Scheme,
  level: number,
  agent: string,
  month: string,
  prior: Record<string, Record<string, number>>,
): { months: number; band: Band | null } {
  let months = 0,
    reached: Band | null = null;
  for (const b of scheme.bands) {
    if (!b.consecutive) continue;
    const { months: need, levelAtLeast } = b.consecutive;
    if (level < levelAtLeast) continue;
    months = 1;
    let m = month;
    while (months < need) {
      m = prevMonthKey(m);
      const l = own(prior[m], agent);
      if (l === undefined || l < levelAtLeast) break;
      months++;
    }
    if (months >= need && b.level > (reached?.level ?? level)) reached = b;
  }
  return { months, band: reached };
}
