import { compareText } from "../text";
import type { DataIssue } from "../types";
import type { AgentEvent, ReadResult } from "../read/model";
import { ATTENDANCE_TYPES, EVENT_LABELS, NEVER_DEDUCTED } from "../classify";
import { formatYmd, daysInMonth, parseMonthKey, prevMonthKey, addDays, roundCents } from "../parse";
import { EVENT_KINDS, rankAwards, type Charge } from "./kinds";
import { num, parseList, str, type Rule, type Scheme } from "./scheme";
import type { AgentResult, CourierRow, FundBox, IncidentRow, Indicator, Line, MonthResult, OpenReview } from "./result";

/** Types that are records, not conduct: never listed as "counted, not scored". */
const RECORD_TYPES = new Set(["metric", "grade", "express", "fund-spend", "fund-opening", "fine", "reward-yuan"]);
const COMPLAINT_TYPES = new Set([
  "slow-response",
  "bad-attitude",
  "complaint",
  "verified-complaint",
  "quarrel",
  "remark-unclear",
  "private-discount",
  "shifting-blame",
  "low-quality-review",
  "greeting-delay",
]);

const byDateThenRow = (a: AgentEvent, b: AgentEvent) =>
  compareText(a.date ?? "9999", b.date ?? "9999") ||
  compareText(a.sources[0].sheet, b.sources[0].sheet) ||
  a.sources[0].row - b.sources[0].row;

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
  let prevClosing: number | null = null;
  for (const m of months) {
    const carried = prevClosing ?? history.closing[prevMonthKey(m)] ?? 0;
    const r = scoreMonth(read, scheme, m, levels, carried, byMonth.get(m) ?? []);
    levels[m] = Object.fromEntries(r.agents.map((a) => [a.name, a.level]));
    prevClosing = r.fundBox.closing;
    out.push(r);
  }
  return out;
}

export function scoreMonth(
  read: ReadResult,
  scheme: Scheme,
  month: string,
  priorLevels: Record<string, Record<string, number>>,
  openingCarried: number,
  monthEvents: AgentEvent[] = read.events.filter((e) => e.month === month),
): MonthResult {
  const issues: DataIssue[] = [];
  const resigned = new Set(read.resigned);
  const byAgent = new Map<string, AgentEvent[]>();
  for (const e of monthEvents) if (e.agent) (byAgent.get(e.agent) ?? byAgent.set(e.agent, []).get(e.agent)!).push(e);
  const { y, m } = parseMonthKey(month);
  const monthStart = `${month}-01`;
  // The roster's people (unless they left before the month) and anyone with a record this month.
  const rostered = new Set(read.roster);
  const present = read.presentDays[month] ?? {};
  const agents = read.agents.filter(
    (a) => byAgent.has(a) || present[a] !== undefined || (rostered.has(a) && !leftBefore(read, a, monthStart)),
  );

  const eventRules = scheme.rules.filter((r) => EVENT_KINDS[r.kind]);
  const transforms = scheme.rules.filter((r) => r.kind === "convert" || r.kind === "allowance");
  const groupLines = groupFines(scheme, byAgent, read.groups, agents, month);
  const ranks = rankRules(scheme, byAgent);

  const results: AgentResult[] = [];
  for (const name of agents) {
    const evs = (byAgent.get(name) ?? []).slice().sort(byDateThenRow);
    const lines: Line[] = [];
    const add = (r: Rule | { id: string; label: string; unit: Rule["unit"] }, c: Charge, extra: Partial<Line> = {}) =>
      lines.push({
        agent: name,
        month,
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
        inItem: (r as Rule).item,
        ...extra,
      });

    const conduct = applyTransforms(transforms, evs, (r, c) => add(r, c));
    const covered = new Set<string>();
    for (const r of eventRules) {
      r.events.forEach((t) => covered.add(t));
      // Points come from the conduct sheets; a fines row only carries its yuan (see the written-money lines below).
      const mine = conduct.filter((e) => r.events.includes(e.type) && (r.unit === "yuan" || !e.meta?.fromFines));
      if (!mine.length) continue;
      for (const c of EVENT_KINDS[r.kind]!(r, mine)) add(r, c);
    }
    for (const r of scheme.rules)
      if (r.kind === "group-fine" || r.kind === "allowance" || r.kind === "convert")
        r.events.forEach((t) => covered.add(t));
    lines.push(...(groupLines.get(name) ?? []));
    // Money written in the sheet that no yuan rule priced is taken as written.
    for (const e of conduct) {
      if (e.amount === undefined || !e.agent) continue;
      const pricedByYuanRule = eventRules.some((r) => r.unit === "yuan" && r.events.includes(e.type));
      if (pricedByYuanRule) continue;
      const reward = e.type === "reward-yuan" || !!e.meta?.reward;
      add(
        {
          id: reward ? "reward-written" : "fine-written",
          label: reward ? "奖励（表内金额）" : "罚款（表内金额）",
          unit: "yuan",
        },
        { event: e, value: reward ? e.amount : -e.amount, written: true, note: "金额按表内所写" },
      );
    }
    for (const r of scheme.rules.filter((r) => r.kind === "rank")) {
      const award = ranks.get(r.id)?.get(name);
      if (award && award.points) {
        const ev = evs.find((e) => e.type === "metric")!;
        add(r, {
          event: ev,
          value: award.points,
          note: `第${award.place}名${award.place === 1 ? "（金牌客服）" : ""}`,
        });
      }
    }
    const cappedLines = cappedItems(scheme, lines, name, month);
    lines.push(...cappedLines);
    for (const r of scheme.rules.filter((r) => r.kind === "clean-month")) {
      const deductions = lines.filter((l) => l.unit === "points" && l.value < 0).length;
      if (deductions <= num(r, "max")) {
        lines.push({
          agent: name,
          month,
          ruleId: r.id,
          ruleLabel: r.label,
          eventType: "clean-month",
          date: null,
          value: num(r, "bonus"),
          unit: "points",
          note: `本月扣分${deductions}次`,
          sources: [],
        });
      }
    }
    const points = lines.filter((l) => l.unit === "points" && !l.inItem).reduce((s, l) => s + l.value, 0);
    const fineYuan = roundCents(
      -lines.filter((l) => l.unit === "yuan" && l.value < 0).reduce((s, l) => s + l.value, 0),
    );
    const rewardYuan = roundCents(
      lines.filter((l) => l.unit === "yuan" && l.value > 0).reduce((s, l) => s + l.value, 0),
    );
    const vouchers = roundCents(lines.filter((l) => l.unit === "vouchers").reduce((s, l) => s + l.value, 0));
    const score =
      scheme.unit === "yuan" ? null : scheme.unit === "vouchers" ? vouchers : roundCents((scheme.base ?? 0) + points);
    const actions = [...new Set(lines.map((l) => l.action).filter(Boolean) as string[])];
    const byRule: AgentResult["byRule"] = {};
    for (const l of lines) {
      const b = (byRule[l.ruleId] ??= { count: 0, value: 0 });
      b.count++;
      b.value = roundCents(b.value + l.value);
    }
    const unscored: Record<string, number> = {};
    const attendance: Record<string, number> = {};
    const presentDays = read.presentDays[month]?.[name];
    if (presentDays) attendance.present = presentDays;
    for (const e of evs) {
      if (ATTENDANCE_TYPES.has(e.type)) attendance[e.type] = roundCents((attendance[e.type] ?? 0) + (e.days ?? 1));
      if (!covered.has(e.type) && !RECORD_TYPES.has(e.type) && !NEVER_DEDUCTED.has(e.type) && !e.meta?.fromFines)
        unscored[e.type] = (unscored[e.type] ?? 0) + 1;
    }
    const band = applyBands(scheme, { score, fineYuan, actions: actions.length }, name, month, priorLevels);
    results.push({
      name,
      group: read.groups[name],
      resigned: resigned.has(name),
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
      unscored,
      attendance,
      streak: band.streak,
    });
  }

  const fundBox = fundBoxOf(monthEvents, results, openingCarried, issues, month);
  const { courier, incidents } = courierOf(monthEvents, y, m);
  const complaintsByType: Record<string, number> = {};
  for (const e of monthEvents)
    if (COMPLAINT_TYPES.has(e.type) && !e.meta?.fromFines && !e.meta?.fromExpress)
      complaintsByType[e.type] = (complaintsByType[e.type] ?? 0) + 1;
  return {
    month,
    scheme: { id: scheme.id, name: scheme.name, unit: scheme.unit },
    agents: results,
    fundBox,
    courier,
    incidents,
    indicators: indicatorsOf(monthEvents),
    openReviews: openReviewsOf(monthEvents, y, m),
    issues,
    complaintsByType,
  };
}

function leftBefore(read: ReadResult, agent: string, monthStart: string): boolean {
  // An agent whose roster leave date is before the month is not listed for it.
  const left = read.leaveDates[agent];
  return !!left && left < monthStart;
}

/** convert and allowance rewrite events before pricing; what they kept or changed is in the audit. */
function applyTransforms(rules: Rule[], events: AgentEvent[], add: (r: Rule, c: Charge) => void): AgentEvent[] {
  let evs = events;
  for (const r of rules.filter((x) => x.kind === "convert")) {
    const above = num(r, "above"),
      to = str(r, "to");
    evs = evs.map((e) => {
      if (!r.events.includes(e.type) || e.measure === undefined || e.measure <= above) return e;
      add(r, {
        event: e,
        value: 0,
        note: `${EVENT_LABELS[e.type]}${e.measure}分钟，超过${above}分钟，转为${EVENT_LABELS[to] ?? to}`,
      });
      return { ...e, type: to, text: `${e.text ?? EVENT_LABELS[e.type]}（转为${EVENT_LABELS[to] ?? to}）` };
    });
  }
  for (const r of rules.filter((x) => x.kind === "allowance")) {
    const free = num(r, "free"),
      to = str(r, "to");
    let k = 0;
    evs = evs.map((e) => {
      if (!r.events.includes(e.type) || e.meta?.fromFines) return e;
      k++;
      if (k <= free) {
        add(r, { event: e, value: 0, note: `本月第${k}次，在${free}次以内` });
        return e;
      }
      add(r, { event: e, value: 0, note: `本月第${k}次，超过${free}次，按${EVENT_LABELS[to] ?? to}计` });
      return { ...e, type: to, text: `${e.text ?? EVENT_LABELS[e.type]}（第${k}次，按${EVENT_LABELS[to] ?? to}计）` };
    });
  }
  return evs;
}

function groupFines(
  scheme: Scheme,
  byAgent: Map<string, AgentEvent[]>,
  groups: Record<string, string>,
  agents: string[],
  month: string,
): Map<string, Line[]> {
  const out = new Map<string, Line[]>();
  const push = (agent: string, l: Line) => (out.get(agent) ?? out.set(agent, []).get(agent)!).push(l);
  for (const r of scheme.rules.filter((x) => x.kind === "group-fine")) {
    const amount = num(r, "amount"),
      from = num(r, "from", 1),
      solo = num(r, "solo", 0),
      actionAt = num(r, "actionAt", 0),
      action = str(r, "action");
    for (const [offender, evs] of byAgent) {
      const mine = evs.filter((e) => r.events.includes(e.type)).sort(byDateThenRow);
      mine.forEach((e, i) => {
        const k = i + 1;
        const base = {
          month,
          ruleId: r.id,
          ruleLabel: r.label,
          eventType: e.type,
          date: e.date,
          unit: r.unit,
          text: e.text,
          sources: e.sources,
        };
        const act = actionAt && k >= actionAt ? action : undefined;
        if (k < from) {
          push(offender, {
            ...base,
            agent: offender,
            value: -(e.amount ?? solo),
            note: `本月第${k}次，当事人罚款`,
            action: act,
          });
          return;
        }
        const group = groups[offender];
        const members = group ? agents.filter((a) => groups[a] === group) : [offender];
        for (const member of members) {
          push(member, {
            ...base,
            agent: member,
            value: -amount,
            groupOf: member === offender ? undefined : offender,
            note: group
              ? `本月第${k}次，${group}每人罚款${member === offender ? "" : `（${offender}所致）`}`
              : `本月第${k}次；花名册没有班组，只罚当事人`,
            action: member === offender ? act : undefined,
          });
        }
      });
    }
  }
  return out;
}

function rankRules(
  scheme: Scheme,
  byAgent: Map<string, AgentEvent[]>,
): Map<string, Map<string, { place: number; points: number }>> {
  const out = new Map<string, Map<string, { place: number; points: number }>>();
  for (const r of scheme.rules.filter((x) => x.kind === "rank")) {
    const metric = str(r, "metric", "sales");
    const values: { agent: string; value: number }[] = [];
    for (const [agent, evs] of byAgent) {
      const v = evs
        .filter((e) => e.type === "metric")
        .map((e) => Number(e.meta?.[metric] ?? NaN))
        .find((x) => Number.isFinite(x));
      if (v !== undefined) values.push({ agent, value: metric === "churn" ? -v : v });
    }
    // Churn: lower is better; ranked on the negated rate, so shift to keep values positive.
    const shift = metric === "churn" ? 1000 : 0;
    out.set(
      r.id,
      rankAwards(
        values.map((v) => ({ ...v, value: v.value + shift })),
        parseList(r.params.awards),
      ),
    );
  }
  return out;
}

function cappedItems(scheme: Scheme, lines: Line[], agent: string, month: string): Line[] {
  return scheme.rules
    .filter((r) => r.kind === "capped-item")
    .map((r) => {
      const item = str(r, "item"),
        max = num(r, "max");
      const sum = lines.filter((l) => l.inItem === item).reduce((s, l) => s + l.value, 0);
      const value = Math.max(0, max + sum);
      return {
        agent,
        month,
        ruleId: r.id,
        ruleLabel: r.label,
        eventType: "item",
        date: null,
        value: roundCents(value),
        unit: r.unit,
        note: `满分${max}，扣${roundCents(-sum)}${max + sum < 0 ? "，扣到0为止" : ""}`,
        sources: [],
      };
    });
}

function applyBands(
  scheme: Scheme,
  v: { score: number | null; fineYuan: number; actions: number },
  agent: string,
  month: string,
  prior: Record<string, Record<string, number>>,
) {
  let level = 0,
    label = scheme.okLabel,
    bonusCut = 0;
  const actions: string[] = [];
  const test = (x: number, op: string, y: number) =>
    op === "<=" ? x <= y : op === "<" ? x < y : op === ">=" ? x >= y : x > y;
  for (const b of scheme.bands) {
    if (!b.metric || b.op === undefined || b.value === undefined) continue;
    const x = b.metric === "score" ? v.score : b.metric === "fineYuan" ? v.fineYuan : v.actions;
    if (x === null || !test(x, b.op, b.value)) continue;
    if (b.level >= level) {
      level = b.level;
      label = b.label;
      if (b.bonusCutPercent !== undefined) bonusCut = b.bonusCutPercent;
    }
    actions.push(...(b.actions ?? []));
  }
  if (level === 0 && scheme.params.bonusLine !== undefined && v.score !== null) {
    const line = Number(scheme.params.bonusLine),
      per = Number(scheme.params.bonusPerPoint ?? 0);
    if (v.score > line && per) bonusCut = -roundCents((v.score - line) * per);
  }
  let streak = 0;
  for (const b of scheme.bands) {
    if (!b.consecutive) continue;
    const { months, levelAtLeast } = b.consecutive;
    if (level < levelAtLeast) continue;
    streak = 1;
    let m = month;
    while (streak < months) {
      m = prevMonthKey(m);
      const l = prior[m]?.[agent];
      if (l === undefined || l < levelAtLeast) break;
      streak++;
    }
    if (streak >= months && b.level > level) {
      level = b.level;
      label = b.label;
      if (b.bonusCutPercent !== undefined) bonusCut = b.bonusCutPercent;
      actions.push(...(b.actions ?? []));
    }
  }
  return { level, label, bonusCut, actions, streak };
}

function fundBoxOf(
  events: AgentEvent[],
  agents: AgentResult[],
  carried: number,
  issues: DataIssue[],
  month: string,
): FundBox {
  const openings = events.filter((e) => e.type === "fund-opening");
  const explicit = openings.reduce((s, e) => s + (e.amount ?? 0), 0);
  const opening = openings.length ? explicit : carried;
  if (openings.length && Math.abs(explicit - carried) > 0.005 && carried !== 0) {
    const src = openings[0].sources[0];
    issues.push({
      sheet: src.sheet,
      row: src.row,
      severity: "warning",
      code: "opening-differs",
      message: `${month} 表内写的期初余额 ${explicit} 元与上月结余 ${carried} 元不一致，按表内所写。`,
    });
  }
  const rows: FundBox["rows"] = [
    {
      date: `${month}-01`,
      kind: "opening",
      agent: null,
      text: openings.length ? "期初余额（表内所写）" : "上月结余",
      amount: roundCents(opening),
    },
  ];
  let fines = 0;
  for (const a of agents)
    for (const l of a.lines) {
      if (l.unit !== "yuan" || l.value >= 0) continue;
      fines += -l.value;
      rows.push({
        date: l.date,
        kind: "fine",
        agent: a.name,
        text: `${l.ruleLabel}${l.groupOf ? `（${l.groupOf}所致，班组连带）` : ""}${l.text ? `：${l.text}` : ""}`,
        amount: -l.value,
        source: l.sources[0],
      });
    }
  let spent = 0;
  for (const e of events.filter((x) => x.type === "fund-spend").sort(byDateThenRow)) {
    spent += e.amount ?? 0;
    rows.push({
      date: e.date,
      kind: "spend",
      agent: null,
      text: e.text ?? "支出",
      amount: -(e.amount ?? 0),
      source: e.sources[0],
    });
  }
  const closing = roundCents(opening + fines - spent);
  rows.push({
    date: formatYmd({ ...parseMonthKey(month), d: daysInMonth(parseMonthKey(month).y, parseMonthKey(month).m) }),
    kind: "closing",
    agent: null,
    text: "本月结余",
    amount: closing,
  });
  return { opening: roundCents(opening), fines: roundCents(fines), spent: roundCents(spent), closing, rows };
}

function courierOf(events: AgentEvent[], y: number, m: number): { courier: CourierRow[]; incidents: IncidentRow[] } {
  const handOver = formatYmd(addDays({ y, m, d: daysInMonth(y, m) }, -10));
  const incidents: IncidentRow[] = events
    .filter((e) => e.type === "express")
    .sort(byDateThenRow)
    .map((e) => ({
      date: e.date,
      courier: String(e.meta?.courier ?? ""),
      problem: String(e.meta?.problem ?? ""),
      amount: e.amount ?? 0,
      party: String(e.meta?.party ?? "courier"),
      person: (e.meta?.person as string) ?? null,
      trackingNo: String(e.meta?.trackingNo ?? ""),
      source: e.sources[0],
    }));
  const by = new Map<string, CourierRow>();
  for (const i of incidents.filter((x) => x.party === "courier")) {
    const row =
      by.get(i.courier) ??
      by
        .set(i.courier, { courier: i.courier, incidents: 0, amount: 0, handOverDate: handOver, byProblem: {} })
        .get(i.courier)!;
    row.incidents++;
    row.amount = roundCents(row.amount + i.amount);
    row.byProblem[i.problem || "其他"] = (row.byProblem[i.problem || "其他"] ?? 0) + 1;
  }
  return {
    courier: [...by.values()].sort((a, b) => b.amount - a.amount || compareText(a.courier, b.courier)),
    incidents,
  };
}

function indicatorsOf(events: AgentEvent[]): Indicator[] {
  const out: Indicator[] = [];
  for (const e of events.filter((x) => x.type === "metric" && x.agent)) {
    const s = Number(e.meta?.satisfied ?? NaN),
      n = Number(e.meta?.neutral ?? NaN),
      d = Number(e.meta?.disappointed ?? NaN);
    if (![s, n, d].every(Number.isFinite)) continue;
    const bad = Number(e.meta?.badAttitudeReviews ?? 0) || 0;
    const goodRate = s + n + d > 0 ? s / (s + n + d) : null;
    const badShare = n + d > 0 ? bad / (n + d) : null;
    const flags: string[] = [];
    if (goodRate !== null && goodRate < 0.8) flags.push("好评率低于80%");
    if (badShare !== null && badShare > 0.06) flags.push("态度差占比高于6%");
    out.push({
      agent: e.agent!,
      satisfied: s,
      neutral: n,
      disappointed: d,
      badAttitude: bad,
      goodRate,
      badShare,
      flags,
    });
  }
  return out;
}

/** A complaint or review still open 7 days after its date, at month end (seed 004). */
function openReviewsOf(events: AgentEvent[], y: number, m: number): OpenReview[] {
  const cutoff = formatYmd(addDays({ y, m, d: daysInMonth(y, m) }, -7));
  return events
    .filter((e) => e.meta?.open === true && e.date && e.date <= cutoff && e.agent)
    .map((e) => ({ agent: e.agent!, date: e.date!, text: e.text ?? "", source: e.sources[0] }));
}
