import { addDays, daysInMonth, formatYmd, parseDate } from "../parse";
import { classifyText, EVENT_LABELS } from "../classify";
import type { SheetCursor } from "../read/context";
import { calendarCovers, dayInfo, weekdayWord } from "./calendar";
import { chooseShift, defaultShift, type PunchConfig } from "./config";
import { evaluateDay, type DayLeave, type DayPunch } from "./evaluate";
import { approvalOnDay, type Approval } from "./approvals";
import { describeShift, shiftWorks, type Shift } from "./shifts";

/** A punch as a sheet gave it: the calendar date written beside it and the second of that day. */
export interface RawPunch {
  agent: string;
  date: string;
  second: number;
  row: number;
  col?: number;
  rowShift?: string;
  /** The clock's own verdict on this punch (打卡结果), compared, never copied. */
  result?: string;
  /** The date is the workday itself (a grid's day column): a night shift's 01:00 stays on it. */
  workday?: boolean;
}
export interface RawApproval {
  agent: string;
  date: string;
  approval: Approval;
  row: number;
}
/** Days a person is not employed (a roster's 入职 / 离职, or a note glued to a name in a grid). */
export interface Employment {
  from?: string;
  to?: string;
}

interface Placed extends DayPunch {
  raw: RawPunch;
}
/** One agent-day's punches and shift; `restShift` when the sheet's own 班次 says 休息 / 未排班 that day. */
interface Slot {
  shift: Shift;
  punches: Placed[];
  restShift?: string;
}
export const REST_SHIFT = /^(休息|休|未排班|轮休)$/;

const hm = (min: number) =>
  `${String(Math.floor((min % 1440) / 60)).padStart(2, "0")}:${String(min % 60).padStart(2, "0")}`;

const WARNED = new WeakMap<SheetCursor, Set<string>>();

/** The shift of an agent for a sheet (a row's own 班次 cell may change it for that day), or an issue. */
function shiftOf(
  cur: SheetCursor,
  cfg: PunchConfig,
  agent: string,
  rowShift: string | undefined,
  row: number,
  group?: string,
): Shift {
  const person = cur.ctx.resolver.people.get(agent);
  group = person?.group ?? group;
  const choice = chooseShift(cfg, { name: agent, group, rosterShift: person?.shift }, rowShift);
  if ("shift" in choice) return choice.shift;
  const warned = (WARNED.get(cur) ?? WARNED.set(cur, new Set()).get(cur))!;
  if (!warned.has(agent))
    cur.issue(
      row,
      "unknown-shift",
      `${agent} 的班次“${choice.unknown}”在规则表【班次】里没有，也没写上下班时间；按默认班次计算。`,
      "warning",
    );
  warned.add(agent);
  return defaultShift(cfg);
}

/**
 * Punches → workday → evaluation, for one sheet (a log or a grid). A night shift's punch after
 * midnight belongs to the day it started; punches within a minute of the one before are duplicates;
 * punches far outside the shift are listed and not used.
 */
function place(cur: SheetCursor, cfg: PunchConfig, punches: RawPunch[], groups?: Map<string, string>) {
  const byAgentDay = new Map<string, Map<string, Slot>>();
  const sorted = [...punches].sort((a, b) =>
    a.agent === b.agent
      ? a.date === b.date
        ? a.second - b.second
        : a.date < b.date
          ? -1
          : 1
      : a.agent < b.agent
        ? -1
        : 1,
  );
  let prev: RawPunch | null = null;
  for (const p of sorted) {
    if (prev && prev.agent === p.agent && prev.date === p.date && p.second - prev.second < 60) {
      cur.issue(
        p.row,
        "duplicate-punch",
        `${p.agent} ${p.date} ${hm(Math.floor(p.second / 60))} 与上一次打卡相隔不到1分钟，视为重复打卡，已列出，不计入。`,
        "info",
        p.col,
      );
      continue;
    }
    prev = p;
    const shift = shiftOf(cur, cfg, p.agent, p.rowShift, p.row, groups?.get(p.agent));
    let minute = Math.floor(p.second / 60);
    let day = p.date;
    if (shift.end > 1440 && minute < shift.start && minute <= shift.end - 1440 + 120) {
      if (!p.workday) day = formatYmd(addDays(parseDate(p.date)!, -1));
      minute += 1440;
    }
    if (minute < shift.start - 240 || minute > shift.end + 360) {
      cur.issue(
        p.row,
        "punch-outside-shift",
        `${p.agent} ${p.date} ${hm(minute % 1440)} 的打卡不在班次（${describeShift(shift)}）前后的时间内，已列出，不计入。`,
        "info",
        p.col,
      );
      continue;
    }
    let days = byAgentDay.get(p.agent);
    if (!days) byAgentDay.set(p.agent, (days = new Map()));
    const slot: Slot = days.get(day) ?? { shift, punches: [] };
    days.set(day, slot);
    if (p.rowShift && REST_SHIFT.test(p.rowShift.trim())) slot.restShift = p.rowShift.trim();
    slot.punches.push({ minute, ref: slot.punches.length, raw: p });
  }
  return byAgentDay;
}

/** The days to evaluate: each month of the sheet from its 1st to the last day anyone punched (a partial month stands as it is). */
function evaluationDays(cur: SheetCursor, headerRow: number, days: Iterable<string>): string[] {
  const span = new Map<string, [string, string]>();
  for (const d of days) {
    const m = span.get(d.slice(0, 7));
    span.set(d.slice(0, 7), m ? [m[0] < d ? m[0] : d, m[1] > d ? m[1] : d] : [d, d]);
  }
  const out: string[] = [];
  for (const [month, [first, last]] of [...span].sort()) {
    const a = parseDate(first)!,
      b = parseDate(last)!;
    for (let d = a.d; d <= b.d; d++) out.push(`${month}-${String(d).padStart(2, "0")}`);
    // Days outside what the export covers are not judged: a log that starts on the 12th says nothing of the 8th.
    if (a.d > 1 || b.d < daysInMonth(b.y, b.m))
      cur.issue(
        headerRow,
        "partial-month",
        `打卡数据从 ${first} 到 ${last}：${month} 只评估这些日子，之外的日子没有评估。`,
        "warning",
      );
  }
  return out;
}

export interface SheetPunches {
  punches: RawPunch[];
  approvals: RawApproval[];
  employment?: Map<string, Employment>;
  /** Agent-days whose own 班次 cell says 休息 / 未排班, on rows without a punch. */
  restShifts?: Set<string>;
  /** Groups (部门 / 组别) the sheet itself gives, for shifts assigned by group. */
  groups?: Map<string, string>;
  /** The row events without a punch point at (the header row, 0-based). */
  headerRow: number;
}

const employed = (e: Employment | undefined, iso: string) =>
  !e || ((!e.from || iso >= e.from) && (!e.to || iso <= e.to));

/** Workdays on which nobody in a sheet of several people punched: a shop rest day, listed so 规则 can say otherwise. */
function shopRestDays(
  cur: SheetCursor,
  cfg: PunchConfig,
  s: SheetPunches,
  agents: number,
  days: string[],
  punched: Set<string>,
) {
  const rest = new Set<string>();
  if (agents < 2) return rest;
  for (const d of days) if (dayInfo(d, cfg.overrides).work && !punched.has(d) && !cfg.overrides.has(d)) rest.add(d);
  if (rest.size)
    cur.issue(
      s.headerRow,
      "shop-rest-day",
      `${[...rest].map((d) => `${d.slice(5)}（${weekdayWord(d)}）`).join("、")} 按日历是工作日，但表里没有任何人打卡：按店休处理，不扣分。若那天其实上班，请在规则表【日历】里写明“上班”。`,
      "warning",
    );
  return rest;
}

const BY_AGENT = new WeakMap<SheetPunches, Map<string, RawApproval[]>>();
const approvalsOf = (s: SheetPunches, agent: string) => {
  let by = BY_AGENT.get(s);
  if (!by) {
    BY_AGENT.set(s, (by = new Map()));
    for (const a of s.approvals) (by.get(a.agent) ?? by.set(a.agent, []).get(a.agent)!).push(a);
  }
  return by.get(agent) ?? [];
};

/** Approvals of one agent-day, as spans of that day's minutes; an approved 补卡 separately. */
function dayApprovals(s: SheetPunches, agent: string, iso: string) {
  const next = formatYmd(addDays(parseDate(iso)!, 1));
  const leaves: DayLeave[] = [];
  let makeup: { ref: number } | undefined;
  for (const a of approvalsOf(s, agent)) {
    if (a.approval.makeup) {
      if (a.date === iso) makeup = { ref: a.row };
      continue;
    }
    if (!a.approval.from && a.date !== iso) continue;
    const span = approvalOnDay(a.approval, iso, next);
    if (span) leaves.push({ type: a.approval.type, detail: a.approval.detail, ...span, ref: a.row });
  }
  return { leaves, makeup };
}

interface SheetRun {
  cur: SheetCursor;
  cfg: PunchConfig;
  s: SheetPunches;
  rest: Set<string>;
  used: Set<string>;
}

/**
 * Evaluate every agent-day of a punch sheet and emit events through the cursor: late / early with
 * minutes, missed punches, the no-punch kind on a workday without any punch (each listed), leave from
 * approvals; punches on rest days and outside employment are listed, not scored. Returns the shifts used.
 */
export function scorePunches(cur: SheetCursor, cfg: PunchConfig, s: SheetPunches, offDays?: Set<string>): string[] {
  const placed = place(cur, cfg, s.punches, s.groups);
  const punchedDays = new Set<string>();
  for (const days of placed.values()) for (const d of days.keys()) punchedDays.add(d);
  const agents = new Set([...placed.keys(), ...(s.employment?.keys() ?? [])]);
  const days = evaluationDays(cur, s.headerRow, punchedDays);
  for (const y of new Set(days.map((d) => +d.slice(0, 4))))
    if (!calendarCovers(y))
      cur.issue(
        s.headerRow,
        "calendar-year-missing",
        `日历数据里还没有 ${y} 年的法定节假日和调休安排：${y} 年只按周末休息计算。请在规则表【日历】里写上这一年的节假日和调休上班日。`,
        "warning",
      );
  const run: SheetRun = {
    cur,
    cfg,
    s,
    rest: shopRestDays(cur, cfg, s, agents.size, days, punchedDays),
    used: new Set(),
  };
  for (const agent of agents) {
    const mine = placed.get(agent);
    const person = cur.ctx.resolver.people.get(agent);
    const job: Employment = s.employment?.get(agent) ?? { from: person?.hireDate, to: person?.leaveDate };
    for (const iso of days) {
      const slot = mine?.get(iso);
      const shift = slot?.shift ?? shiftOf(cur, cfg, agent, undefined, s.headerRow, s.groups?.get(agent));
      const work = shiftWorks(shift, iso, cfg.overrides);
      const listed = !employed(job, iso)
        ? "不在职（入职前或离职后）"
        : run.rest.has(iso)
          ? "店休日"
          : slot?.restShift || s.restShifts?.has(`${agent}|${iso}`)
            ? `休息日（班次“${slot?.restShift ?? "休息"}”）`
            : !work.work
              ? `休息日（${work.why}）`
              : null;
      if (listed) offDays?.add(`${agent}|${iso}`);
      if (!listed) oneDay(run, agent, iso, shift, slot?.punches ?? []);
      else if (slot) listRestDay(cur, agent, iso, listed, slot.punches);
    }
  }
  return [...run.used];
}

/** Punches on a day that is not a workday for the agent: one line for the day, every row accounted for. */
function listRestDay(cur: SheetCursor, agent: string, iso: string, why: string, punches: Placed[]) {
  const times = punches.map((p) => hm(p.minute % 1440)).join("、");
  const first = punches[0].raw;
  cur.issue(
    first.row,
    "rest-day-punch",
    `${agent} ${iso} 是${why}，这天的打卡（${times}）已列出，不计分。`,
    "info",
    first.col,
  );
  for (const p of punches) cur.rejected.add(p.raw.row);
}

/** One agent's workday: its marks become events; a day without any punch is listed for the manager. */
function oneDay(run: SheetRun, agent: string, iso: string, shift: Shift, punches: Placed[]) {
  const { cur, cfg, s } = run;
  run.used.add(describeShift(shift));
  const { leaves, makeup } = dayApprovals(s, agent, iso);
  const marks = evaluateDay(shift, punches, leaves, cfg.noPunchKind, makeup);
  for (const p of punches) cur.used.add(p.raw.row);
  for (const m of marks) {
    const raw = m.punch !== undefined ? punches[m.punch]?.raw : undefined;
    const text = `${m.text}；班次：${describeShift(shift)}`;
    const e = { type: m.type, agent, date: iso, days: m.days ?? 1, measure: m.minutes, detail: m.detail, text };
    cur.event(raw?.row ?? m.approval ?? s.headerRow, { ...e, meta: { punch: true } }, raw?.col);
    if (m.type === cfg.noPunchKind && !punches.length)
      cur.issue(
        s.headerRow,
        "no-punch-day",
        `${agent} ${iso}（${weekdayWord(iso)}）是工作日，但没有任何打卡：按规则表的无打卡类型“${EVENT_LABELS[cfg.noPunchKind] ?? cfg.noPunchKind}”计。若是请假、出差或店休，请补审批或在规则表【日历】里更正。`,
        "warning",
      );
  }
  if (!marks.length && punches.length) cur.event(punches[0].raw.row, { type: "present", agent, date: iso });
  crossCheck(
    cur,
    agent,
    iso,
    punches,
    marks.map((m) => m.type),
  );
}

/** The clock's own verdict (打卡结果 迟到 / 早退 / 缺卡) against the engine's: each disagreement is listed. */
function crossCheck(cur: SheetCursor, agent: string, iso: string, punches: Placed[], ours: string[]) {
  const said = new Set<string>();
  let row = -1;
  for (const p of punches) {
    const t = p.raw.result ? classifyText(p.raw.result, cur.ctx.attendance) : null;
    if (t === "late" || t === "early" || t === "missed-punch") {
      said.add(t);
      row = p.raw.row;
    }
    if (t && row < 0) row = p.raw.row;
  }
  if (row < 0) return;
  for (const k of ["late", "early"]) {
    if (said.has(k) === ours.includes(k)) continue;
    cur.issue(
      row,
      "clock-disagrees",
      `${agent} ${iso}：打卡机记为${said.has(k) ? "" : "没有"}${EVENT_LABELS[k]}，按班次计算${ours.includes(k) ? "是" : "不是"}${EVENT_LABELS[k]}。以计算为准（打卡机的结果只作核对）。`,
      "warning",
    );
  }
}
