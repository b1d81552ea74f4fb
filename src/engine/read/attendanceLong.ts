import type { Cell } from "../types";
import {
  cellText,
  formatYmd,
  isBlankCell,
  parseNumber,
  parseTimeOfDay,
  shiftDay,
  addDays,
  isDateCell,
  type Ymd,
} from "../parse";
import { classifyText } from "../classify";
import type { SheetCursor } from "./context";
import { parseApproval, parseStatus, type ApprovalLeave, type Mark } from "./status";
import { E } from "../events";
import { DEFAULT_PUNCH_CONFIG, type PunchConfig } from "../punch/config";
import { REST_SHIFT } from "../punch/agentDays";
import { calendarRest, deductible, listRestMark } from "../punch/restDays";

const LEAVE_DAY_FIELDS: [string, string, string][] = [
  ["personalLeave", E.leave, "事假"],
  ["sickLeave", E.leave, "病假"],
  ["swapLeave", E.swap, "调休"],
  ["annualLeave", E.statutory, "年假"],
];

/** Up to three sessions a day (DingTalk 上班1…下班3): each session's result is a mark of the one day. */
const STATUS_FIELDS = ["status", "statusIn", "statusOut", "statusIn2", "statusOut2", "statusIn3", "statusOut3"];
const CLOCK_FIELDS = ["clockIn", "clockOut", "clockIn2", "clockOut2", "clockIn3", "clockOut3"];

const SESSION_OF: Record<string, number> = { statusIn: 0, statusIn2: 1, statusIn3: 2 };
const SESSION_CLOCK: Record<string, string> = { statusIn: "clockIn", statusIn2: "clockIn2", statusIn3: "clockIn3" };

/** A shift's session starts from its text: `两头班 09:00-12:00 13:30-18:00` → 09:00, 13:30 (minutes). */
export function sessionStarts(shift: string): number[] {
  const times = [...shift.matchAll(/(\d{1,2}):(\d{2})/g)].map((m) => +m[1] * 60 + +m[2]);
  return times.filter((_, i) => i % 2 === 0);
}

/**
 * A session's late without minutes takes them from its punch and the shift (14:05 against 13:30 → 35), so lates
 * in two sessions are one late whose longest decides; 严重迟到 with no minutes to be had stays an absence.
 */
function lateFromPunch(marks: Mark[], starts: number[], session: number | undefined, punch: Cell): Mark[] {
  for (const m of marks) {
    if (!(m.type === E.late || m.serious) || m.minutes !== undefined || session === undefined) continue;
    const at = parseTimeOfDay(punch);
    const start = starts[session];
    if (at === null || start === undefined || at <= start) continue;
    m.type = E.late;
    m.minutes = at - start;
  }
  return marks;
}

const LEAVE_FAMILY = new Set<string>([E.leave, E.swap, E.statutory, E.trip]);

/**
 * The approval refines the day's own mark: `正常（请假）` with `年假1天` is one statutory day, with `调休0.5天`
 * one half swap day, never a leave and a swap both. An approval on a day with no leave mark adds its own.
 */
export function refineByApproval(marks: Mark[], leaves: ApprovalLeave[]) {
  for (const l of leaves) {
    const existing = marks.find((m) => LEAVE_FAMILY.has(m.type) && !m.refined);
    if (existing) {
      existing.type = l.type;
      existing.days = l.days;
      existing.detail = l.detail;
      existing.refined = true;
    } else if (!marks.some((m) => m.type === l.type))
      marks.push({ type: l.type, days: l.days, detail: l.detail, refined: true });
  }
}

const MISSING = new Set<string>([E.missedPunch, E.unauthorised]);

/**
 * An approved absence replaces what the system made of the hours it covers (RULES.md): the day's missing punches
 * and 旷工 are explained by it; a late counts only the minutes after the approval's end (a 09:45 punch inside
 * 事假 09:00–10:00 is no late). Without the approval's hours a late stands.
 */
export function coverByApproval(marks: Mark[], leaves: ApprovalLeave[], clockIn: number | null) {
  if (!leaves.length) return;
  for (let i = marks.length - 1; i >= 0; i--) if (MISSING.has(marks[i].type)) marks.splice(i, 1);
  const late = marks.find((m) => m.type === E.late);
  const w = leaves.find((l) => l.window)?.window;
  if (!late || !w || clockIn === null) return;
  const start = late.minutes !== undefined ? clockIn - late.minutes : null;
  if (start !== null && w.from > start) return;
  if (clockIn <= w.to) marks.splice(marks.indexOf(late), 1);
  else late.minutes = clockIn - w.to;
}

/**
 * Long attendance: one row per agent-day or per incident, including DingTalk 每日统计 and
 * WeCom 上下班打卡_日报 exports (status text with its measure, approvals, `--` for empty).
 */
export function readAttendanceLong(cur: SheetCursor, start: number, end: number, rest?: RestSource) {
  // An export (its 班次, its sessions) speaks for every day; a hand-kept register's row is the shop's own record.
  const calendar = !!rest?.export || cur.has("shift");
  for (let r = start; r < end; r++) {
    if (cur.rowBlank(r)) continue;
    const errors = cur.errorCells(r);
    const agent = cur.agent(r);
    if (!agent) continue;
    const date = rowDate(cur, r);
    if (!date) continue;
    const { marks, unknown } = rowMarks(cur, r);
    if (unknown.length) {
      cur.issue(
        r,
        "unknown-status",
        `考勤状态“${unknown.join("、")}”无法识别，这一行没有计入。可在规则表的关键词里补充。`,
      );
      continue;
    }
    if (!marks.length) {
      cur.issue(r, "empty-status", "这一行有姓名和日期，但没有考勤状态，没有计入。");
      continue;
    }
    // A leave spanning several days written once (`请假3天` with a 天数 column) is that many leave-days.
    const span = cur.has("days") ? parseNumber(cur.cell(r, "days")) : null;
    const kept = onePerKind(marks);
    emitDays(cur, { r, agent, date, kept, cfg: calendar ? (rest?.cfg ?? DEFAULT_PUNCH_CONFIG) : undefined, span });
    if (errors.length)
      cur.issue(r, "error-cell", `单元格含错误值：${errors.join("，")}，已忽略这些单元格。`, "warning");
    // The times themselves were looked at: a day with a status is still checked against its punches.
    for (const f of CLOCK_FIELDS) cur.cell(r, f);
    checkOwnCounts(cur, r, kept);
  }
}

/** The row's day, or null after reporting an unreadable date. */
function rowDate(cur: SheetCursor, r: number): Ymd | null {
  const date = cur.date(r);
  if (!date) {
    cur.badDate(r, "这一行");
    return null;
  }
  // A punch log whose date holds the punch time: a night shift's after-midnight punch is the day before.
  const rawDate = cur.cell(r, "date");
  if (cur.has("shift") && (isDateCell(rawDate) || typeof rawDate === "string")) {
    const minute = typeof rawDate === "string" && !/\d:\d/.test(rawDate) ? null : parseTimeOfDay(rawDate);
    if (minute !== null && minute > 0) return shiftDay(date, minute, cur.text(r, "shift"));
  }
  return date;
}

/** Every mark the row carries (statuses, measures, approvals, leave-day columns, note), and the unreadable texts. */
function rowMarks(cur: SheetCursor, r: number): { marks: Mark[]; unknown: string[] } {
  const marks: Mark[] = [];
  const unknown: string[] = [];
  const starts = sessionStarts(cur.text(r, "shift"));
  for (const f of STATUS_FIELDS) {
    const t = cur.text(r, f);
    if (!t) continue;
    const m = parseStatus(t, cur.ctx.attendance);
    if (m === null) unknown.push(t);
    else marks.push(...lateFromPunch(m, starts, SESSION_OF[f], cur.cell(r, SESSION_CLOCK[f] ?? "")));
  }
  addMeasuredMarks(cur, r, marks);
  const approval = cur.text(r, "approval");
  const leaves = approval ? parseApproval(approval, cur.ctx.attendance) : [];
  refineByApproval(marks, leaves);
  coverByApproval(marks, leaves, parseTimeOfDay(cur.cell(r, "clockIn")));
  for (const [field, type, detail] of LEAVE_DAY_FIELDS) {
    const n = cur.has(field) ? cur.measure(r, field, "day") : null;
    // The day's status or approval already named this absence (`正常（请假）` + 事假(天) 1): one event.
    if (n && n > 0 && !marks.some((m) => LEAVE_FAMILY.has(m.type))) marks.push({ type, days: Math.min(1, n), detail });
  }
  if (!marks.length && !unknown.length) {
    const note = cur.text(r, "note");
    const t = note ? classifyText(note, cur.ctx.attendance) : null;
    if (t) marks.push({ type: t, detail: note });
    else if (!isBlankCell(cur.cell(r, "clockIn")) || !isBlankCell(cur.cell(r, "clockOut")))
      marks.push({ type: E.present });
  }
  return { marks, unknown };
}

/** The late / early minute columns: they measure the day's mark, or are the mark when the status has none. */
function addMeasuredMarks(cur: SheetCursor, r: number, marks: Mark[]) {
  const lateMin = cur.has("lateMinutes") ? cur.measure(r, "lateMinutes", "min") : null;
  if (lateMin && lateMin > 0) {
    const late = marks.find((m) => m.type === E.late);
    if (late) late.minutes = late.minutes ?? lateMin;
    else if (!marks.some((m) => m.type === E.unauthorised || m.type === E.absence))
      marks.push({ type: E.late, minutes: lateMin });
  }
  const earlyMin = cur.has("earlyMinutes") ? cur.measure(r, "earlyMinutes", "min") : null;
  if (earlyMin && earlyMin > 0 && !marks.some((m) => m.type === E.early))
    marks.push({ type: E.early, minutes: earlyMin });
}

/** Keep one mark per kind: a day with a mark of one kind is one event of that kind (the longest minutes decide). */
function onePerKind(marks: Mark[]): Mark[] {
  const kept: Mark[] = [];
  for (const m of marks) {
    const prev = kept.find((k) => k.type === m.type);
    if (!prev) kept.push(m);
    else prev.minutes = Math.max(prev.minutes ?? 0, m.minutes ?? 0) || undefined;
  }
  // `正常` beside a real mark is the other half of the day, not a second event.
  return kept.length > 1 ? kept.filter((m) => m.type !== E.present) : kept;
}

/** Where rest days come from for a long sheet: the 规则 tab's calendar, and whether the sheet is a system export. */
export interface RestSource {
  cfg?: PunchConfig;
  export?: boolean;
}

interface DayMarks {
  r: number;
  agent: string;
  date: Ymd;
  kept: Mark[];
  /** The calendar and 规则 decide a day the sheet says nothing of; none for a hand-kept register. */
  cfg?: PunchConfig;
  /** A leave written once over several days (`请假3天` with a 天数 column). */
  span: number | null;
}

/** The row's marks as events, one per kind and day; a deduction mark on a rest day is listed instead. */
function emitDays(cur: SheetCursor, d: DayMarks) {
  const { r, agent, date, kept, span } = d;
  let emitted = 0;
  for (const m of kept) {
    const n = span && span > 1 && LEAVE_DAYS.has(m.type) ? Math.round(span) : 1;
    for (let k = 0; k < n; k++) {
      const iso = formatYmd(k === 0 ? date : addDays(date, k));
      const why = deductible(m.type) ? restWhy(cur, d, iso) : null;
      if (why) {
        const [col, text] = markCell(cur, r);
        listRestMark(cur, r, col, { agent, iso, types: [m.type], text, why });
        continue;
      }
      emitted++;
      cur.event(r, {
        type: m.type,
        agent,
        date: iso,
        days: m.days ?? 1,
        measure: m.minutes,
        detail: m.detail,
        text: cellText(cur.cell(r, "status")) || undefined,
      });
    }
  }
  // Nothing scored, everything listed: the name and date it read fed the listed lines, which name the marks.
  if (!emitted) cur.used.add(r);
}

const LEAVE_DAYS = new Set<string>([E.leave, E.swap, E.statutory]);

/**
 * Is the day a rest day (RULES.md)? The export's own word first: 班次 休息 / 未排班, or a result such as
 * `正常（休息）`; a 班次 naming a working shift makes it a workday; a sheet that says nothing leaves it to the
 * calendar and the 规则 tab's 【日历】 days and shifts.
 */
function restWhy(cur: SheetCursor, d: DayMarks, iso: string): string | null {
  const shift = cur.text(d.r, "shift").trim();
  if (REST_SHIFT.test(shift)) return `班次“${shift}”`;
  if (d.kept.some((m) => m.type === E.rest)) return `考勤结果“${markCell(cur, d.r)[1]}”`;
  if ((shift && shift !== "--") || !d.cfg) return null;
  return calendarRest(cur, d.cfg, d.agent, iso);
}

/** The cell that carries the row's marks, for the line that lists them: the first status cell with text. */
function markCell(cur: SheetCursor, r: number): [number, string] {
  for (const f of [...STATUS_FIELDS, "lateMinutes", "earlyMinutes", ...LEAVE_DAY_FIELDS.map((l) => l[0])]) {
    const t = cur.has(f) ? cur.text(r, f) : "";
    if (t && t !== "--") return [cur.col[f], t];
  }
  return [cur.col.date, cur.text(r, "date")];
}

const OWN_COUNTS: [string, string, string][] = [
  ["lateCount", E.late, "迟到"],
  ["seriousLateCount", E.late, "严重迟到"],
  ["missedCount", E.missedPunch, "缺卡"],
  ["absentCount", E.unauthorised, "旷工"],
  ["earlyCount", E.early, "早退"],
];

/**
 * An export's own counts on the day's row (迟到次数, 缺卡次数, 旷工次数): one event per agent-day, so any count
 * of 1 or more agrees with the day's mark and 0 with its absence. An agreeing count is structural; a
 * disagreeing one is reported, and the day's result decides.
 */
function checkOwnCounts(cur: SheetCursor, r: number, kept: Mark[]) {
  for (const [field, type, label] of OWN_COUNTS) {
    if (!cur.has(field)) continue;
    const c = cur.col[field];
    const raw = cur.grid.cells[r]?.[c] ?? null;
    if (isBlankCell(raw)) continue;
    const n = parseNumber(raw);
    const marked = kept.some((m) => m.type === type);
    if (n !== null && n >= 1 === marked) {
      cur.structuralCell(r, c);
      continue;
    }
    cur.cellIssue(
      r,
      c,
      "export-count-mismatch",
      `${cur.label(field) || label}写的是 ${cellText(raw)}，但这一天的考勤结果${marked ? `有${label}` : `没有${label}`}。计分以考勤结果为准，请核对。`,
    );
  }
}
