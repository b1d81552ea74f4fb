import type { DataIssue } from "../types";
import type { AgentEvent, ReadResult } from "../read/model";
import {
  ATTENDANCE_EVENTS,
  COMPLAINT_EVENTS,
  E,
  NEVER_DEDUCTED_EVENTS,
  PERFORMANCE_EVENTS,
  RECORD_EVENTS,
  eventLabel,
} from "../events";
import { parseMonthKey, prevMonthKey, roundCents } from "../parse";
import { STAGES, kindOf } from "./kinds";
import { chargeIssue, type Charge, type MonthContext } from "./kinds/kind";
import { byDateThenRow } from "./order";
import { own, ownCopy } from "./own";
import { policyOf, type Policy } from "./policy";
import { applyBands } from "./bands";
import { fundBoxOf, type Carried } from "./fundBox";
import { courierOf } from "./courier";
import { indicatorsOf, openReviewsOf } from "./indicators";
import { scoreReviewCauses } from "./reviewCause";
import { unscoredPointsIssues } from "./writtenPoints";
import type { Rule, Scheme } from "./scheme";
import type { AgentResult, Line, MonthResult } from "./result";

export interface History {
  /** Level per agent for months before the one scored (from results generated earlier). */
  levels: Record<string, Record<string, number>>;
  /** Fund-box closing balance per month (from results generated earlier). */
  closing: Record<string, number>;
}

/**
 * Score the given month and every earlier month in the data, oldest first, so that the
 * fund box carries its balance and consecutive-month bands see earlier levels.
 */
export function scoreMonths(
  read: ReadResult,
  scheme: Scheme,
  month: string,
  history: History = { levels: {}, closing: {} },
): MonthResult[] {
  const months = [...new Set([...read.months.filter((m) => m < month), month])].sort();
  const out: MonthResult[] = [];
  const levels: Record<string, Record<string, number>> = { ...history.levels };
  const byMonth = new Map<string, AgentEvent[]>();
  for (const e of read.events) (byMonth.get(e.month) ?? byMonth.set(e.month, []).get(e.month)!).push(e);
  let prev: Carried | null = null;
  for (const m of months) {
    const stored = history.closing[prevMonthKey(m)];
    const carried: Carried = prev ?? (stored !== undefined ? { amount: stored } : { amount: 0, assumedIn: m });
    const r = scoreMonth(read, scheme, m, levels, carried, byMonth.get(m) ?? []);
    levels[m] = Object.fromEntries(r.agents.map((a) => [a.name, a.level]));
    prev = { amount: r.fundBox.closing, assumedIn: r.fundBox.openingAssumedIn };
    out.push(r);
  }
  return out;
}

/** One month: every rule of the scheme through its kind in the registry, stage by stage, then the ledgers. */
export function scoreMonth(
  read: ReadResult,
  scheme: Scheme,
  month: string,
  priorLevels: Record<string, Record<string, number>>,
  openingCarried: Carried,
  monthEvents: AgentEvent[] = read.events.filter((e) => e.month === month),
): MonthResult {
  const policy = policyOf(scheme);
  const events = scoreReviewCauses(scheme, [...monthEvents, ...performanceEvents(monthEvents)]);
  const byAgent = new Map<string, AgentEvent[]>();
  for (const e of events) if (e.agent) (byAgent.get(e.agent) ?? byAgent.set(e.agent, []).get(e.agent)!).push(e);
  const agents = agentsOfMonth(read, month, byAgent);
  const ctx = new MonthState(month, scheme, agents, ownCopy(read.groups), byAgent);
  for (const i of unscoredPointsIssues(scheme, agents, events)) ctx.issue(i);
  for (const stage of STAGES) {
    for (const r of scheme.rules) if (kindOf(r.kind)?.stage === stage) kindOf(r.kind)!.apply(r, ctx);
    if (stage === "group") writtenMoney(ctx);
  }
  const resigned = new Set(read.resigned);
  const results = agents.map((name) => ({
    ...agentFigures(ctx, name, own(read.presentDays[month], name), policy, priorLevels),
    group: own(read.groups, name),
    resigned: resigned.has(name),
  }));
  const issues = ctx.issues;
  const { y, m } = parseMonthKey(month);
  const complaintsByType: Record<string, number> = {};
  for (const e of monthEvents)
    if (COMPLAINT_EVENTS.has(e.type) && !e.meta?.fromFines && !e.meta?.fromExpress)
      complaintsByType[e.type] = (complaintsByType[e.type] ?? 0) + 1;
  return {
    month,
    scheme: { id: scheme.id, name: scheme.name, unit: scheme.unit },
    agents: results,
    fundBox: fundBoxOf(monthEvents, results, openingCarried, issues, month),
    ...courierOf(monthEvents, y, m, policy.handOverDays),
    indicators: indicatorsOf(monthEvents, policy),
    openReviews: openReviewsOf(monthEvents, y, m, policy),
    issues,
    complaintsByType,
    policy: { handOverDays: policy.handOverDays, openReviewDays: policy.openReviewDays },
  };
}

/** The roster's people (unless they left before the month) and anyone with a record this month, scored or not. */
function agentsOfMonth(read: ReadResult, month: string, byAgent: Map<string, AgentEvent[]>): string[] {
  const rostered = new Set(read.roster);
  const present = read.presentDays[month];
  const monthStart = `${month}-01`;
  const leftBefore = (a: string) => (own(read.leaveDates, a) ?? "9999") < monthStart;
  const named = new Set(own(read.named, month) ?? []);
  return read.agents.filter(
    (a) => byAgent.has(a) || own(present, a) !== undefined || named.has(a) || (rostered.has(a) && !leftBefore(a)),
  );
}

/**
 * A performance column that carries an event's points (突出表现 → `outstanding`, per the vocabulary)
 * becomes that event, sourced at the performance row. Works as soon as the reader maps the column.
 */
function performanceEvents(events: AgentEvent[]): AgentEvent[] {
  const out: AgentEvent[] = [];
  for (const e of events) {
    if (e.type !== E.metric || !e.agent) continue;
    for (const [field, type] of PERFORMANCE_EVENTS) {
      const v = Number(e.meta?.[field] ?? NaN);
      if (Number.isFinite(v) && v !== 0)
        out.push({
          type,
          agent: e.agent,
          date: e.date,
          month: e.month,
          points: v,
          text: eventLabel(type),
          sources: e.sources,
        });
    }
  }
  return out;
}

/** The month's working state that kinds read and add to. */
class MonthState implements MonthContext {
  readonly issues: DataIssue[] = [];
  private readonly evs = new Map<string, AgentEvent[]>();
  /** The events as read, before any transform: what attendance and "counted, not scored" show. */
  readonly read = new Map<string, AgentEvent[]>();
  private readonly out = new Map<string, Line[]>();
  constructor(
    readonly month: string,
    readonly scheme: Scheme,
    readonly agents: string[],
    readonly groups: Record<string, string>,
    byAgent: Map<string, AgentEvent[]>,
  ) {
    for (const a of agents) {
      this.read.set(a, (byAgent.get(a) ?? []).slice().sort(byDateThenRow));
      this.evs.set(a, this.read.get(a)!);
      this.out.set(a, []);
    }
  }
  events = (agent: string) => this.evs.get(agent) ?? [];
  setEvents = (agent: string, events: AgentEvent[]) => void this.evs.set(agent, events);
  lines = (agent: string) => this.out.get(agent) ?? [];
  charge(agent: string, r: Pick<Rule, "id" | "label" | "unit" | "item">, c: Charge, extra: Partial<Line> = {}) {
    const issue = chargeIssue(agent, r as Rule, c);
    if (issue) this.issues.push(issue);
    if (c.held) return;
    this.lines(agent).push({
      agent,
      month: this.month,
      ruleId: r.id,
      ruleLabel: r.label,
      eventType: c.event.type,
      date: c.event.date,
      value: roundCents(c.value),
      unit: r.unit,
      note: c.note,
      action: c.action,
      text: c.event.text,
      sources: c.event.sources,
      inItem: r.item,
      ...extra,
    });
  }
  issue(i: DataIssue) {
    this.issues.push(i);
  }
  summary(agent: string, r: Rule, value: number, note: string, eventType: string) {
    this.lines(agent).push({
      agent,
      month: this.month,
      ruleId: r.id,
      ruleLabel: r.label,
      eventType,
      date: null,
      value: roundCents(value),
      unit: r.unit,
      note,
      sources: [],
    });
  }
}

/** Money written in the sheet that no yuan rule priced is taken as written (the manager's decision). */
function writtenMoney(ctx: MonthState) {
  const yuanTypes = new Set(
    ctx.scheme.rules.filter((r) => r.unit === "yuan" && kindOf(r.kind)?.price).flatMap((r) => r.events),
  );
  for (const agent of ctx.agents)
    for (const e of ctx.events(agent)) {
      if (e.amount === undefined || yuanTypes.has(e.type)) continue;
      const reward = e.type === E.rewardYuan || !!e.meta?.reward;
      const rule = reward
        ? { id: "reward-written", label: "奖励（表内金额）", unit: "yuan" as const }
        : { id: "fine-written", label: "罚款（表内金额）", unit: "yuan" as const };
      ctx.charge(agent, rule, {
        event: e,
        value: reward ? e.amount : -e.amount,
        written: true,
        note: "金额按表内所写",
      });
    }
}

/** One agent's totals, level and counts from the month's lines and events. */
function agentFigures(
  ctx: MonthState,
  name: string,
  presentDays: number | undefined,
  policy: Policy,
  priorLevels: Record<string, Record<string, number>>,
): Omit<AgentResult, "group" | "resigned"> {
  const { scheme } = ctx;
  const lines = ctx.lines(name);
  const sum = (p: (l: Line) => boolean) => roundCents(lines.filter(p).reduce((s, l) => s + l.value, 0));
  const points = sum((l) => l.unit === "points" && !l.inItem);
  const fineYuan = -sum((l) => l.unit === "yuan" && l.value < 0) || 0;
  const rewardYuan = sum((l) => l.unit === "yuan" && l.value > 0);
  const vouchers = sum((l) => l.unit === "vouchers");
  const score =
    scheme.unit === "yuan" ? null : scheme.unit === "vouchers" ? vouchers : roundCents((scheme.base ?? 0) + points);
  const actions = [...new Set(lines.map((l) => l.action).filter(Boolean) as string[])];
  const byRule: AgentResult["byRule"] = Object.create(null); // rule ids come from 规则: any text
  for (const l of lines) {
    const b = (byRule[l.ruleId] ??= { count: 0, value: 0 });
    b.count++;
    b.value = roundCents(b.value + l.value);
  }
  const band = applyBands(scheme, policy, { score, fineYuan, actions: actions.length }, name, ctx.month, priorLevels);
  return {
    name,
    base: scheme.base,
    score,
    level: band.level,
    label: band.label,
    fineYuan,
    rewardYuan,
    vouchers,
    bonusCutPercent: band.bonusCut,
    actions: [...new Set([...actions, ...band.actions])],
    byRule,
    lines,
    ...tallies(ctx, name, presentDays),
    streak: band.streak,
  };
}

/** Attendance days per kind, and the events no rule of the scheme looks at (counted, not scored). */
function tallies(ctx: MonthState, name: string, presentDays: number | undefined) {
  const covered = new Set(ctx.scheme.rules.flatMap((r) => r.events));
  const unscored: Record<string, number> = {};
  const attendance: Record<string, number> = {};
  if (presentDays) attendance[E.present] = presentDays;
  for (const e of ctx.read.get(name) ?? []) {
    if (ATTENDANCE_EVENTS.has(e.type)) attendance[e.type] = roundCents((attendance[e.type] ?? 0) + (e.days ?? 1));
    const record = RECORD_EVENTS.has(e.type) || NEVER_DEDUCTED_EVENTS.has(e.type);
    if (!covered.has(e.type) && !record && !e.meta?.fromFines) unscored[e.type] = (unscored[e.type] ?? 0) + 1;
  }
  return { unscored, attendance };
}
