import { fold, halfWidth, normalizeText } from "../text";
import { cellText, formatYmd, isBlankCell, parseNumber } from "../parse";
import {
  classificationProblem,
  classifyReason,
  classifyText,
  EVENT_LABELS,
  NEVER_DEDUCTED,
  reviewCauses,
} from "../classify";
import { E, METRICS, PERFORMANCE_EVENTS, REWARD_EVENTS } from "../events";
import { CELL_REPORTED, type SheetCursor } from "./context";
import type { Person } from "./names";

/** Roster rows → people. Ids are kept as text so leading zeros survive. */
export function readRoster(cur: SheetCursor, start: number, end: number): Person[] {
  const people: Person[] = [];
  for (let r = start; r < end; r++) {
    if (cur.rowBlank(r)) continue;
    const rawName = cur.cell(r, "name");
    // Keep the roster's own spelling (Traditional stays Traditional); matching folds it.
    const name = typeof rawName === "string" ? halfWidth(rawName).trim() : cur.text(r, "name");
    if (!name) {
      cur.issue(r, "no-name", "花名册这一行没有姓名。");
      continue;
    }
    const rawId = cur.cell(r, "empId");
    const empId = isBlankCell(rawId) ? undefined : typeof rawId === "number" ? String(rawId) : cellText(rawId);
    const accounts = cur
      .text(r, "account")
      .split(/[,，;；、\s]+/)
      .filter(Boolean);
    const leave = cur.date(r, "leaveDate");
    people.push({
      name,
      empId,
      accounts,
      group: cur.text(r, "group") || undefined,
      dept: cur.text(r, "dept") || undefined,
      position: cur.text(r, "position") || undefined,
      shift: cur.text(r, "shift") || undefined,
      hireDate: cur.date(r, "hireDate") ? formatYmd(cur.date(r, "hireDate")!) : undefined,
      leaveDate: leave ? formatYmd(leave) : undefined,
      resigned: !!leave,
      source: { sheet: cur.name, row: r + 1 },
    });
    cur.used.add(r);
  }
  return people;
}

const YES = /^(是|已查实|属实|查实|y|yes|true|1|√)$/i;
const NO = /^(否|未查实|不属实|n|no|false|0|×)$/i;
const DONE = /已处理|已完成|已解决|完成|已回复|已修改|已删除|已追评|closed|done/i;

/** Rows of a conduct sheet that add points (加分) rather than deduct them. */
export const REWARD_TYPES = REWARD_EVENTS;

type PointsKind = "ok" | "both" | "bonus-on-deduction" | "deduction-on-reward";

/** A row with both 加分 and 扣分, or a 加分 on an offence (and the reverse), is a contradiction, never a guess. */
function pointsKind(type: string | null, bonus: number | null, deducted: number | null): PointsKind {
  if (bonus && deducted) return "both";
  // 加分 for overtime or a trip is no contradiction: those are never deductions.
  if (type && bonus && !REWARD_TYPES.has(type) && !NEVER_DEDUCTED.has(type)) return "bonus-on-deduction";
  if (type && deducted && REWARD_TYPES.has(type)) return "deduction-on-reward";
  return "ok";
}

const POINTS_MESSAGE: Record<Exclude<PointsKind, "ok">, (w: string) => string> = {
  both: (w) => `“${w}”这一行同时填了加分和扣分，看不出是奖还是罚，没有计入。请只填一项。`,
  "bonus-on-deduction": (w) => `“${w}”读作扣分事项，但填在加分列，没有计入。请核对是奖还是罚。`,
  "deduction-on-reward": (w) => `“${w}”读作加分事项，但填在扣分列，没有计入。请核对是奖还是罚。`,
};

/**
 * 是否查实: yes → scored; no → listed, not scored; blank → listed, not scored (a blank is not "verified"),
 * unless the 规则 tab declares blanks verified, and then every such row is listed where the default applied.
 */
function verifiedOk(cur: SheetCursor, r: number, type: string): boolean {
  if (!cur.has("verified")) return true;
  const verified = cur.text(r, "verified");
  // Praise is not a complaint to verify; its 是否查实 cell was still read.
  if (REWARD_TYPES.has(type)) return true;
  const label = EVENT_LABELS[type] ?? "投诉";
  if (!verified) {
    if (cur.ctx.blankVerified === "verified") {
      cur.issue(
        r,
        "verified-default",
        `“是否查实”为空，规则表“是否查实为空时”设为“按已查实”，计分。`,
        "warning",
        cur.col.verified,
      );
      return true;
    }
    cur.issue(r, "verified-blank", `这条${label}的“是否查实”为空，按未查实列出，不计分。查实后请填“是”。`, "info");
    return false;
  }
  if (NO.test(verified)) {
    cur.issue(r, "not-verified", `这条${label}标为未查实，不计分。`, "info");
    return false;
  }
  if (!YES.test(verified))
    cur.issue(r, "verified-unclear", `“是否查实”写的是“${verified}”，按已查实处理。`, "warning", cur.col.verified);
  return true;
}

const NAMED = new WeakMap<object, Map<string, Set<string>>>();

/**
 * An agent named on a row of the month that scores nothing (not verified, a colleague's quarrel, unclassified):
 * the row is listed in 数据问题 and the agent still stands on that month's scorecard, never vanishes from it.
 */
function namedOn(cur: SheetCursor, month: string, agent: string) {
  let byMonth = NAMED.get(cur.ctx);
  if (!byMonth) NAMED.set(cur.ctx, (byMonth = new Map()));
  (byMonth.get(month) ?? byMonth.set(month, new Set()).get(month)!).add(agent);
}

/** Month → agents named only on rows set aside (see `namedOn`), for the read result. */
export function namedOnly(ctx: object): Record<string, string[]> {
  return Object.fromEntries([...(NAMED.get(ctx) ?? [])].map(([m, agents]) => [m, [...agents]]));
}

/** Generic words a 类型 column uses for any complaint: the reason then says which kind. */
const GENERIC_TYPES = new Set<string>([E.complaint, E.verifiedComplaint]);

/**
 * A row's kind from its own content: a 类型 / 类别 column that names a specific kind (低质评价, 表扬) decides, and the
 * reason is its description; a generic 类型 (投诉) or none leaves it to the reason and the type together.
 */
function classifyRow(cur: SheetCursor, r: number, words: string) {
  const source = cur.text(r, "source");
  const typeText = cur.text(r, "type");
  if (typeText && cur.text(r, "reason")) {
    const byType = classifyReason(typeText, cur.ctx.keywords, source);
    if (byType.type && !GENERIC_TYPES.has(byType.type)) return byType;
  }
  return classifyReason(words, cur.ctx.keywords, source);
}

/** Complaints and reviews: one row per complaint, the reason classified by keywords. */
export function readComplaints(cur: SheetCursor, start: number, end: number, sheetMonth: string | null) {
  cur.monthHint = sheetMonth;
  for (let r = start; r < end; r++) {
    if (cur.rowBlank(r)) continue;
    const agent = cur.agent(r, ["name", "account", "responsiblePerson", "empId"]);
    if (!agent) continue;
    const { date, month } = rowMonth(cur, r, sheetMonth, "这条投诉");
    if (!month) continue;
    const words = [cur.text(r, "type"), cur.text(r, "reason")].filter(Boolean).join(" ");
    const found = classifyRow(cur, r, words);
    const type = found.type;
    const bonus = parseNumber(cur.cell(r, "bonus"));
    const deducted = parseNumber(cur.cell(r, "points"));
    const kind = pointsKind(type, bonus, deducted);
    if (kind !== "ok") {
      cur.issue(r, kind === "both" ? "points-both" : "points-contradict", POINTS_MESSAGE[kind](words), "error");
      namedOn(cur, month, agent);
      continue;
    }
    if (!type) {
      const code = found.outcome === "tie" || found.outcome === "contradiction" ? "ambiguous" : "unclassified";
      cur.issue(r, code, `原因${classificationProblem(found, words)}`, "error", cur.col.reason ?? cur.col.type);
      namedOn(cur, month, agent);
      continue;
    }
    if (!verifiedOk(cur, r, type)) {
      namedOn(cur, month, agent);
      continue;
    }
    const handled = cur.text(r, "handleStatus");
    const handleDate = cur.date(r, "handleDate");
    const points = bonus ?? deducted;
    const written = cur.amount(r);
    // A written amount that is no number is not priced: the row still counts as the complaint it is.
    if (written.bad) cur.cellIssue(r, cur.col.amount, "bad-amount", `${written.note}（投诉照常计入）。`);
    const amount = written.value;
    const seconds = cur.has("measureSeconds") ? cur.measure(r, "measureSeconds", "s") : null;
    cur.event(r, {
      type,
      agent,
      date: date ? formatYmd(date) : null,
      month,
      text: words,
      points: points === null ? undefined : Math.abs(points),
      amount: amount === null ? undefined : Math.abs(amount),
      measure: seconds ?? undefined,
      meta: {
        source: cur.text(r, "source") || null,
        orderNo: cur.text(r, "orderNo") || null,
        open: !(DONE.test(handled) || !!handleDate),
        handled: handled || null,
        handleDate: handleDate ? formatYmd(handleDate) : null,
        reviewRow: /评/.test(cur.name + words),
        // The failing a review was the outcome of: scored instead where the scheme has no review rule.
        cause: reviewCauses(found).join(",") || null,
        // The column the points were written in (加分 / 扣分), for the line when no rule scores them.
        pointsColumn: bonus !== null ? cur.label("bonus") : deducted !== null ? cur.label("points") : null,
      },
    });
  }
}

/** Courier names folded so that 中通快递 and 中通 are one company. */
export function foldCourier(raw: string): string {
  const s = normalizeText(raw).replace(/\s/g, "");
  if (/ems|邮政|邮局/i.test(s)) return "邮政";
  if (/京东/.test(s)) return "京东";
  if (/顺丰/.test(s)) return "顺丰";
  if (/极兔|j&t/i.test(s)) return "极兔";
  const stripped = s.replace(/(股份)?(有限)?(公司)$/, "").replace(/(快递|速递|速运|快运|物流|快件|express)$/i, "");
  return stripped || s;
}

/** Who bears an express incident: the courier, an agent, or the shop / warehouse. */
export function responsibleParty(text: string, problem: string): "courier" | "agent" | "shop" {
  const f = fold(text);
  if (/客服|个人|员工/.test(f)) return "agent";
  if (/仓库|店铺|商家|公司|本店|打包|我方/.test(f)) return "shop";
  if (/快递|物流|承运|courier/.test(f)) return "courier";
  if (!f && /错发|漏发|地址错/.test(fold(problem))) return "shop";
  return "courier";
}

/** Express incidents: one row per parcel. */
export function readExpress(cur: SheetCursor, start: number, end: number, sheetMonth: string | null) {
  cur.monthHint = sheetMonth;
  for (let r = start; r < end; r++) {
    if (cur.rowBlank(r)) continue;
    const { date, month } = rowMonth(cur, r, sheetMonth, "这个快递异常");
    if (!month) continue;
    const courierRaw = cur.text(r, "courier");
    if (!courierRaw) {
      cur.issue(r, "no-courier", "没有写快递公司，无法交给财务扣款。", "error", cur.col.courier);
      continue;
    }
    const problem = cur.text(r, "problem") || cur.text(r, "reason") || cur.text(r, "note");
    const written = cur.amount(r);
    if (written.bad) {
      cur.issue(r, "bad-amount", `${written.note}，这个快递异常没有交给财务。请改成数字。`, "error", cur.col.amount);
      continue;
    }
    const amount = written.value;
    const party = responsibleParty(cur.text(r, "responsible"), problem);
    const tracking = cur.cell(r, "trackingNo");
    let agent: string | null = null;
    if (party === "agent") {
      agent = cur.agent(r, ["responsiblePerson", "name", "account"]);
      if (!agent) continue;
    }
    if (amount === null) cur.issue(r, "no-amount", "理赔金额为空，按 0 元计。", "warning", cur.col.amount);
    cur.event(r, {
      type: E.express,
      agent: null,
      date: date ? formatYmd(date) : null,
      month,
      amount: amount ?? 0,
      detail: foldCourier(courierRaw),
      text: problem,
      meta: {
        courier: foldCourier(courierRaw),
        courierRaw,
        problem,
        party,
        person: agent,
        trackingNo: typeof tracking === "number" ? String(tracking) : cellText(tracking),
        status: cur.text(r, "status") || null,
      },
    });
    // Charged to the agent under the scheme's remark rule as well (RULES.md, courier deductions).
    if (agent)
      cur.event(r, {
        type: E.remarkUnclear,
        agent,
        date: date ? formatYmd(date) : null,
        month,
        text: `快递异常：${problem}`,
        meta: { fromExpress: true },
      });
  }
}

const SPEND = /支出|花费|开支|购买|采购|聚餐|团建|买/;
const REWARD = /奖励|奖金|嘉奖|奖/;
const OPENING = /期初|上月结余|结余|上期/;

/** Fines, rewards and fund-box spends. A fine's reason is classified so it counts toward escalation. */
export function readFines(cur: SheetCursor, start: number, end: number, sheetMonth: string | null) {
  cur.monthHint = sheetMonth;
  for (let r = start; r < end; r++) if (!cur.rowBlank(r)) readFineRow(cur, r, sheetMonth);
}

/** What one row of a fines sheet is: the fund's opening balance, a spend, a reward or a fine. */
function readFineRow(cur: SheetCursor, r: number, sheetMonth: string | null) {
  const { date, month } = rowMonth(cur, r, sheetMonth, "这笔钱");
  const kind = cur.text(r, "type");
  const reason = cur.text(r, "reason") || cur.text(r, "note");
  if (!month) return;
  const written = cur.amount(r);
  // `abc` or `#N/A` where the yuan should be: not priced, and the row is held rather than charged a guess.
  if (written.bad) {
    cur.issue(r, "bad-amount", `${written.note}，这一行没有计入。请改成数字。`, "error", cur.col.amount);
    return;
  }
  const row: FineRow = { r, kind, reason, month, iso: date ? formatYmd(date) : null, amount: written.value };
  if (OPENING.test(kind) || (!cur.text(r, "name") && OPENING.test(reason))) return fundOpening(cur, row);
  if (SPEND.test(kind) || (!kind && !cur.text(r, "name") && row.amount !== null)) return fundSpend(cur, row);
  const agent = cur.agent(r);
  if (!agent) return;
  if (REWARD.test(kind)) return reward(cur, row, agent);
  fine(cur, row, agent);
}

interface FineRow {
  r: number;
  kind: string;
  reason: string;
  month: string;
  iso: string | null;
  amount: number | null;
}

function fundOpening(cur: SheetCursor, { r, reason, month, iso, amount }: FineRow) {
  if (amount === null) {
    cur.issue(r, "no-amount", "期初余额没有金额。", "error", cur.col.amount);
    return;
  }
  cur.event(r, { type: E.fundOpening, agent: null, date: iso, month, amount, text: reason });
}

function fundSpend(cur: SheetCursor, { r, kind, reason, month, iso, amount }: FineRow) {
  if (amount === null) {
    cur.issue(r, "no-amount", "这笔支出没有金额，没有记入基金箱。", "error", cur.col.amount);
    return;
  }
  cur.event(r, {
    type: E.fundSpend,
    agent: null,
    date: iso,
    month,
    amount: Math.abs(amount),
    text: reason || kind,
  });
}

function reward(cur: SheetCursor, { r, reason, month, iso, amount }: FineRow, agent: string) {
  const t = classifyText(reason, cur.ctx.keywords);
  cur.event(r, {
    type: t && REWARD_EVENTS.has(t) ? t : E.rewardYuan,
    agent,
    date: iso,
    month,
    amount: amount === null ? undefined : Math.abs(amount),
    text: reason,
    meta: { reward: true },
  });
}

/** A fine: its reason classified; unclassified with an amount it is still a fine, without one it is reported. */
function fine(cur: SheetCursor, { r, reason, month, iso, amount }: FineRow, agent: string) {
  const found = classifyReason(reason, cur.ctx.keywords);
  const type = found.type;
  // A typed amount is the manager's decision and still goes in the box; an ambiguous reason is said.
  const ambiguous = found.outcome === "tie" || found.outcome === "contradiction";
  if (!type && amount !== null && ambiguous)
    cur.issue(
      r,
      "ambiguous",
      `事由${classificationProblem(found, reason, "金额记为其他罚款")}`,
      "warning",
      cur.col.reason,
    );
  if (!type && amount === null) {
    const message = ambiguous
      ? `事由${classificationProblem(found, reason, "又没有金额，这一行没有计入")}`
      : `事由“${reason || "空"}”无法归类且没有金额，这一行没有计入。`;
    cur.issue(r, ambiguous ? "ambiguous" : "unclassified", message, "error", cur.col.reason);
    namedOn(cur, month, agent);
    return;
  }
  cur.event(r, {
    type: type ?? E.fine,
    agent,
    date: iso,
    month,
    amount: amount === null ? undefined : Math.abs(amount),
    text: reason,
    meta: { fromFines: true },
  });
}

const GRADES = new Set(["优", "良", "中", "差", "a", "b", "c", "d"]);

/** Figures carried as the agent's month attributes (indicators and ranks read them). */
const METRIC_FIELDS = [
  "sales",
  "conversion",
  "churn",
  "responseTime",
  "satisfied",
  "neutral",
  "disappointed",
  "badAttitudeReviews",
  "attendanceRate",
  "receptions",
  "inquiries",
  "firstResponse",
  "replyRate",
  "salesQty",
  "buyers",
  "workDays",
  "verySatisfied",
  "veryDissatisfied",
  "satisfactionRate",
];
const GRADE_FIELDS = ["gradeQuality", "gradeComplaints", "gradeCooperation", "gradeExecution"];
/** Per-month counts a KPI sheet gives for the seeds' items: each becomes that many events of the month. */
const COUNT_EVENTS: [string, string, string][] = [
  ["lowQualityCount", E.lowQualityReview, "低质评价"],
  ["complaintCount", E.verifiedComplaint, "客户投诉"],
  ["praiseCount", E.praise, "客户表扬"],
];

/** Per-agent monthly figures: sales, conversion, review counts, 130-scale grades, the outstanding bonus. */
export function readPerformance(cur: SheetCursor, start: number, end: number, sheetMonth: string | null) {
  cur.monthHint = sheetMonth;
  for (let r = start; r < end; r++) {
    if (cur.rowBlank(r)) continue;
    if (SUMMARY_ROW.test(cur.text(r, "name") || cur.text(r, "account"))) {
      cur.structuralRow(r, "汇总/均值行");
      continue;
    }
    const agent = cur.agent(r, ["name", "account", "empId"]);
    if (!agent) continue;
    const date = cur.date(r);
    const month = date ? formatYmd(date).slice(0, 7) : sheetMonth;
    if (!month) {
      cur.issue(r, "no-month", "看不出这一行是哪一个月的数据：请在表名或标题里写明月份。");
      continue;
    }
    const meta: Record<string, number | null> = {};
    for (const f of METRIC_FIELDS) {
      if (!cur.has(f)) continue;
      const v =
        f === "responseTime"
          ? cur.measure(r, f, "min")
          : f === "firstResponse"
            ? cur.measure(r, f, "s")
            : parseNumber(cur.cell(r, f));
      meta[f] = v;
      // `延迟统计` (not ready yet) or any text that is no figure: named, never read as 0.
      if (v === null && !isBlankCell(cur.cell(r, f)) && cur.cellState(r, cur.col[f]) !== CELL_REPORTED)
        cur.cellIssue(r, cur.col[f], "bad-number", `“${cur.text(r, f)}”不是数字（${cur.label(f)}），这一项按空处理。`);
    }
    cur.event(r, { type: E.metric, agent, date: null, month, meta });
    for (const g of GRADE_FIELDS) {
      const t = cur.text(r, g);
      if (!t) continue;
      if (!GRADES.has(t.toLowerCase())) {
        cur.cellIssue(r, cur.col[g], "bad-grade", `评级“${t}”不是 优/良/中/差 之一，没有计入。`);
        continue;
      }
      cur.event(r, { type: E.grade, agent, date: null, month, detail: g, text: t });
    }
    readOutstandingAndCounts(cur, r, agent, month);
  }
}

const pointsLabel = (field: string, type: string) =>
  (METRICS as Record<string, { label: string } | undefined>)[field]?.label ?? `${EVENT_LABELS[type] ?? type}加分`;

/** 汇总 / 均值 / 合计 rows at the bottom of a 赤兔 report: the report's own totals, structural. */
const SUMMARY_ROW = /^(汇总|均值|平均|合计|总计|小计|total|average)$/i;

function readOutstandingAndCounts(cur: SheetCursor, r: number, agent: string, month: string) {
  // A performance column whose number is an event's points (tmall-130's 突出表现加分 → 表现突出).
  for (const [f, type] of PERFORMANCE_EVENTS) {
    if (!cur.has(f)) continue;
    const bonus = parseNumber(cur.cell(r, f));
    if (bonus !== null && bonus !== 0)
      cur.event(r, { type, agent, date: null, month, points: Math.abs(bonus), text: cur.label(f) });
    else if (!isBlankCell(cur.cell(r, f)) && bonus === null)
      cur.cellIssue(r, cur.col[f], "bad-number", `“${cur.text(r, f)}”不是分数，${pointsLabel(f, type)}没有计入。`);
  }
  for (const [f, type, label] of COUNT_EVENTS) {
    if (!cur.has(f)) continue;
    const n = parseNumber(cur.cell(r, f));
    if (n === null) {
      if (!isBlankCell(cur.cell(r, f)))
        cur.cellIssue(r, cur.col[f], "bad-number", `“${cur.text(r, f)}”不是次数，${label}没有计入。`);
      continue;
    }
    for (let k = 0; k < Math.round(n); k++)
      cur.event(r, { type, agent, date: null, month, text: `${label}（绩效表）` });
  }
}

/** A count cell of a summary (`3`, `3次`); anything else is named, never read as 0. */
function summaryCount(cur: SheetCursor, r: number, f: string): number | null {
  const c = cur.cell(r, f);
  const n = parseNumber(c) ?? (typeof c === "string" ? Number(c.match(/^\s*(\d+)\s*次\s*$/)?.[1] ?? NaN) : NaN);
  if (Number.isFinite(n)) return n;
  if (!isBlankCell(c))
    cur.cellIssue(r, cur.col[f], "bad-number", `“${cur.text(r, f)}”不是次数（${cur.label(f) || f}），没有计入。`);
  return null;
}

/**
 * A record's date and month. A date cell that cannot be read (an undecidable `05/10/2026`, a typo year) is
 * named: with the sheet's month the row still counts in that month, without a day; without one it is held.
 */
function rowMonth(cur: SheetCursor, r: number, sheetMonth: string | null, what: string) {
  const date = cur.date(r);
  if (date) return { date, month: formatYmd(date).slice(0, 7) };
  if (!sheetMonth) {
    cur.badDate(r, what);
    return { date: null, month: null };
  }
  if (cur.has("date") && !isBlankCell(cur.cell(r, "date")))
    cur.cellIssue(
      r,
      cur.col.date,
      "bad-date",
      `日期“${cur.text(r, "date")}”无法确定${cur.dateProblem(r) ? `（${cur.dateProblem(r)}）` : ""}，${what}按表的月份 ${sheetMonth} 计入，没有具体日期。`,
    );
  return { date: null, month: sheetMonth };
}

/** Summary columns counted in days, not occurrences. */
const DAY_COUNTS = new Set<string>([E.leave, E.swap, E.statutory]);

/** DingTalk 月度汇总: counts per agent, used as events only when no detailed sheet covers the month. */
export interface SummaryRow {
  agent: string;
  row: number;
  counts: Record<string, number>;
}

export function readSummary(cur: SheetCursor, start: number, end: number): SummaryRow[] {
  const out: SummaryRow[] = [];
  const pairs: [string, string][] = [
    ["lateCount", E.late],
    ["absentCount", E.unauthorised],
    ["missedCount", E.missedPunch],
    ["earlyCount", E.early],
    ["personalLeave", E.leave],
    ["sickLeave", E.leave],
    ["swapLeave", E.swap],
    ["annualLeave", E.statutory],
  ];
  for (let r = start; r < end; r++) {
    if (cur.rowBlank(r)) continue;
    const agent = cur.agent(r);
    if (!agent) continue;
    const counts: Record<string, number> = {};
    for (const [f, t] of pairs) {
      if (!cur.has(f)) continue;
      const n = f.endsWith("Count") ? summaryCount(cur, r, f) : cur.measure(r, f, DAY_COUNTS.has(t) ? "day" : "min");
      if (n) counts[t] = (counts[t] ?? 0) + n;
    }
    // 请假天数 alone is the leave total: leave when no 事假 / 病假 column says more.
    const total = cur.has("days") ? cur.measure(r, "days", "day") : null;
    if (total) {
      if (!cur.has("personalLeave") && !cur.has("sickLeave")) counts.leave = (counts.leave ?? 0) + total;
      else counts.leaveTotal = total;
    }
    out.push({ agent, row: r, counts });
  }
  return out;
}
