import { formatYmd, isBlankCell, parseTimeOfDay } from "../parse";
import type { SheetCursor } from "./context";
import type { AgentEvent } from "./model";

/** Fields that say what a day was: a sheet with none of them holds only punches. */
const DAY_RESULT_FIELDS = [
  "status",
  "statusIn",
  "statusOut",
  "approval",
  "lateMinutes",
  "earlyMinutes",
  "personalLeave",
  "sickLeave",
  "swapLeave",
  "annualLeave",
  "lateCount",
  "missedCount",
  "absentCount",
];

/**
 * A punch-detail sheet (打卡详情 / 打卡明细 / 原始记录): dates and punch times, no result of the day. Beside a
 * daily sheet it is a cross-check; alone it is the only attendance there is (raw punch scoring reads it).
 */
export function isPunchDetail(fields: Set<string>): boolean {
  if (!fields.has("date") || !(fields.has("name") || fields.has("account") || fields.has("empId"))) return false;
  return !DAY_RESULT_FIELDS.some((f) => fields.has(f));
}

const DATE_FIELDS = ["date", "punchDate", "punchTime"];
const CLOCK_FIELDS = ["clockIn", "clockOut", "punchClock"];

/** Agent-day → punches of a punch-detail sheet, and the rows each day came from. */
interface PunchDay {
  punches: number;
  rows: number[];
}

/**
 * Cross-check a punch-detail sheet against the daily sheets' events: a day the daily sheet calls 旷工 or 缺卡
 * while this sheet shows the punches is a disagreement, reported on its rows; every other row is structural.
 */
export function crossCheckPunches(cur: SheetCursor, start: number, end: number, daily: AgentEvent[]) {
  const days = new Map<string, PunchDay>();
  for (let r = start; r < end; r++) {
    if (cur.rowBlank(r)) continue;
    const agent = cur.agent(r);
    if (!agent) continue;
    // A daily punch sheet names its date 日期; a raw log a date-time (打卡时间) or a date and a time.
    const dateField = DATE_FIELDS.find((f) => cur.has(f)) ?? "date";
    const date = cur.date(r, dateField);
    if (!date) {
      cur.badDate(r, "这次打卡");
      continue;
    }
    let punches = 0;
    for (const f of CLOCK_FIELDS) if (cur.has(f) && !isBlankCell(cur.cell(r, f))) punches++;
    if (!punches && parseTimeOfDay(cur.cell(r, dateField)) !== null) punches = 1;
    const key = `${agent}|${formatYmd(date)}`;
    const day = days.get(key) ?? { punches: 0, rows: [] };
    day.punches += punches;
    day.rows.push(r);
    days.set(key, day);
    cur.structuralRow(r, "打卡明细（仅核对）");
  }
  const marked = new Map<string, string>();
  for (const e of daily)
    if ((e.type === "unauthorised" || e.type === "missed-punch") && e.agent && e.date)
      marked.set(`${e.agent}|${e.date}`, e.type === "unauthorised" ? "旷工" : "缺卡");
  for (const [key, day] of days) {
    const kind = marked.get(key);
    const disagrees = kind === "旷工" ? day.punches > 0 : kind === "缺卡" ? day.punches >= 2 : false;
    if (!disagrees) continue;
    const [agent, date] = key.split("|");
    for (const r of day.rows)
      cur.issue(
        r,
        "punch-mismatch",
        `${agent} ${date}：每日考勤记为${kind}，但打卡明细里有 ${day.punches} 次打卡。计分以每日考勤为准，请核对。`,
        "warning",
      );
  }
}
