import type { Cell } from "../types";
import { cellText, formatYmd, isBlankCell, parseNumber, parseTimeOfDay, shiftDay, addDays, isDateCell } from "../parse";
import { classifyText } from "../classify";
import type { SheetCursor } from "./context";
import { parseApproval, parseStatus, type ApprovalLeave, type Mark } from "./status";

const LEAVE_DAY_FIELDS: [string, string, string][] = [
  ["personalLeave", "leave", "事假"],
  ["sickLeave", "leave", "病假"],
  ["swapLeave", "swap", "调休"],
  ["annualLeave", "statutory", "年假"],
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
    if (!(m.type === "late" || m.serious) || m.minutes !== undefined || session === undefined) continue;
    const at = parseTimeOfDay(punch);
    const start = starts[session];
    if (at === null || start === undefined || at <= start) continue;
    m.type = "late";
    m.minutes = at - start;
  }
  return marks;
}

const LEAVE_FAMILY = new Set(["leave", "swap", "statutory", "trip"]);

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

const MISSING = new Set(["missed-punch", "unauthorised"]);

/**
 * An approved absence replaces what the system made of the hours it covers (RULES.md): the day's missing punches
 * and 旷工 are explained by it; a late counts only the minutes after the approval's end (a 09:45 punch inside
 * 事假 09:00–10:00 is no late). Without the approval's hours a late stands.
 */
export function coverByApproval(marks: Mark[], leaves: ApprovalLeave[], clockIn: number | null) {
  if (!leaves.length) return;
  for (let i = marks.length - 1; i >= 0; i--) if (MISSING.has(marks[i].type)) marks.splice(i, 1);
  const late = marks.find((m) => m.type === "late");
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
export function readAttendanceLong(cur: SheetCursor, start: number, end: number) {
  for (let r = start; r < end; r++) {
    if (cur.rowBlank(r)) continue;
    const errors = cur.errorCells(r);
    const agent = cur.agent(r);
    if (!agent) continue;
    let date = cur.date(r);
    if (!date) {
      cur.badDate(r, "这一行");
      continue;
    }
    // A punch log whose date holds the punch time: a night shift's after-midnight punch is the day before.
    const rawDate = cur.cell(r, "date");
    if (cur.has("shift") && (isDateCell(rawDate) || typeof rawDate === "string")) {
      const minute = typeof rawDate === "string" && !/\d:\d/.test(rawDate) ? null : parseTimeOfDay(rawDate);
      if (minute !== null && minute > 0) date = shiftDay(date, minute, cur.text(r, "shift"));
    }
    const iso = formatYmd(date);
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
    const lateMin = cur.has("lateMinutes") ? cur.measure(r, "lateMinutes", "min") : null;
    if (lateMin && lateMin > 0) {
      const late = marks.find((m) => m.type === "late");
      if (late) late.minutes = late.minutes ?? lateMin;
      else if (!marks.some((m) => m.type === "unauthorised" || m.type === "absence"))
        marks.push({ type: "late", minutes: lateMin });
    }
    const earlyMin = cur.has("earlyMinutes") ? cur.measure(r, "earlyMinutes", "min") : null;
    if (earlyMin && earlyMin > 0 && !marks.some((m) => m.type === "early"))
      marks.push({ type: "early", minutes: earlyMin });
    const approval = cur.text(r, "approval");
    const leaves = approval ? parseApproval(approval, cur.ctx.attendance) : [];
    refineByApproval(marks, leaves);
    coverByApproval(marks, leaves, parseTimeOfDay(cur.cell(r, "clockIn")));
    for (const [field, type, detail] of LEAVE_DAY_FIELDS) {
      const n = cur.has(field) ? cur.measure(r, field, "day") : null;
      // The day's status or approval already named this absence (`正常（请假）` + 事假(天) 1): one event.
      if (n && n > 0 && !marks.some((m) => LEAVE_FAMILY.has(m.type)))
        marks.push({ type, days: Math.min(1, n), detail });
    }
    if (!marks.length && !unknown.length) {
      const note = cur.text(r, "note");
      const t = note ? classifyText(note, cur.ctx.attendance) : null;
      if (t) marks.push({ type: t, detail: note });
      else if (!isBlankCell(cur.cell(r, "clockIn")) || !isBlankCell(cur.cell(r, "clockOut")))
        marks.push({ type: "present" });
    }
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
    // Keep one mark per kind: a day with a mark of one kind is one event of that kind.
    let kept: Mark[] = [];
    for (const m of marks) {
      const prev = kept.find((k) => k.type === m.type);
      if (!prev) kept.push(m);
      else prev.minutes = Math.max(prev.minutes ?? 0, m.minutes ?? 0) || undefined;
    }
    // `正常` beside a real mark is the other half of the day, not a second event.
    if (kept.length > 1) kept = kept.filter((m) => m.type !== "present");
    for (const m of kept) {
      const n =
        span && span > 1 && (m.type === "leave" || m.type === "swap" || m.type === "statutory") ? Math.round(span) : 1;
      for (let k = 0; k < n; k++) {
        const d = k === 0 ? iso : formatYmd(addDays(date, k));
        cur.event(r, {
          type: m.type,
          agent,
          date: d,
          days: m.days ?? 1,
          measure: m.minutes,
          detail: m.detail,
          text: cellText(cur.cell(r, "status")) || undefined,
        });
      }
    }
    if (errors.length)
      cur.issue(r, "error-cell", `单元格含错误值：${errors.join("，")}，已忽略这些单元格。`, "warning");
    // The times themselves were looked at: a day with a status is still checked against its punches.
    for (const f of CLOCK_FIELDS) cur.cell(r, f);
    checkOwnCounts(cur, r, kept);
  }
}

const OWN_COUNTS: [string, string, string][] = [
  ["lateCount", "late", "迟到"],
  ["seriousLateCount", "late", "严重迟到"],
  ["missedCount", "missed-punch", "缺卡"],
  ["absentCount", "unauthorised", "旷工"],
  ["earlyCount", "early", "早退"],
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
