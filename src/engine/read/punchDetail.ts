import { formatYmd, isBlankCell, parseTimeOfDay } from "../parse";
import { SheetCursor } from "./context";
import type { AgentEvent } from "./model";
import type { DataIssue } from "../types";
import { E, eventLabel } from "../events";
import { dateOnly } from "../punch/cells";

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
    if ((e.type === E.unauthorised || e.type === E.missedPunch) && e.agent && e.date)
      marked.set(`${e.agent}|${e.date}`, e.type === E.unauthorised ? "旷工" : "缺卡");
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

/** Kinds a punch sheet and a daily sheet can disagree on. */
const CHECKED_KINDS: string[] = [E.late, E.early, E.unauthorised, E.missedPunch, E.absence];

/**
 * A punch grid or a one-person punch sheet beside a daily sheet of the same month and people: read as the punch
 * readers would (into a scratch context), then compared day by day with the daily sheet. Each agent-day where
 * the two disagree is listed on the punch sheet's row; nothing of it is scored. Returns false (nothing done) when
 * the sheet shares no month or no person with the daily sheets: then it is scored on its own.
 */
export function crossCheckPunchSheet(
  cur: SheetCursor,
  fields: (string | null)[],
  daily: { events: AgentEvent[]; months: Set<string> },
  read: (scratch: SheetCursor) => void,
): boolean {
  const scratchCtx = { ...cur.ctx, events: [], issues: [], present: new Map(), sheetMonths: new Map() };
  read(new SheetCursor(cur.grid, fields, scratchCtx, cur.labels));
  const dailyMonths = daily.months;
  const mine = scratchCtx.events as AgentEvent[];
  const agents = new Set<string>(mine.map((e) => e.agent!).filter(Boolean));
  for (const byAgent of scratchCtx.present.values())
    for (const a of (byAgent as Map<string, number>).keys()) agents.add(a);
  const months = new Set([...mine.map((e) => e.month), ...scratchCtx.present.keys()]);
  const shared = daily.events.filter((e) => e.agent && agents.has(e.agent) && months.has(e.month));
  if (![...months].some((m) => dailyMonths.has(m)) || !shared.length) return false;
  // What the scratch read said of names and months still holds for the manager.
  for (const i of scratchCtx.issues as DataIssue[])
    if (KEPT_ISSUES.has(i.code)) {
      cur.ctx.issues.push(i);
      cur.reportCell(i.row - 1, i.col ? colIndex(i.col) : 0);
    }
  const rowOf = rowsOf(mine, dayRows(cur, fields));
  reportDisagreements(cur, kindsByDay(mine.filter((e) => dailyMonths.has(e.month))), kindsByDay(shared), rowOf);
  return true;
}

const KEPT_ISSUES = new Set(["unknown-name", "no-name", "title-month-differs", "name-note"]);
const colIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** agent|date → the checked kinds marked that day. */
function kindsByDay(events: AgentEvent[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const e of events) {
    if (!e.agent || !e.date || !CHECKED_KINDS.includes(e.type)) continue;
    const key = `${e.agent}|${e.date}`;
    (out.get(key) ?? out.set(key, new Set()).get(key)!).add(e.type);
  }
  return out;
}

/** The punch sheet's row for an agent-day (its event's row), else the agent's first row: where a line points. */
function rowsOf(events: AgentEvent[], byDate: Map<string, number>) {
  const byDay = new Map<string, number>();
  const byAgent = new Map<string, number>();
  for (const e of events) {
    const row = (e.sources[0]?.row ?? 1) - 1;
    if (e.agent && e.date && !byDay.has(`${e.agent}|${e.date}`)) byDay.set(`${e.agent}|${e.date}`, row);
    if (e.agent && !byAgent.has(e.agent)) byAgent.set(e.agent, row);
  }
  return (key: string) => byDate.get(key.split("|")[1]) ?? byDay.get(key) ?? byAgent.get(key.split("|")[0]) ?? 0;
}

/** A one-person sheet's rows by date: a day without any punch has no event row of its own, but it has its row. */
function dayRows(cur: SheetCursor, fields: (string | null)[]): Map<string, number> {
  const out = new Map<string, number>();
  const c = fields.indexOf("punchDate");
  if (c < 0) return out;
  cur.grid.cells.forEach((row, r) => {
    const d = dateOnly(row?.[c] ?? null, cur.ctx.defaultYear);
    if (d && !out.has(formatYmd(d))) out.set(formatYmd(d), r);
  });
  return out;
}

function reportDisagreements(
  cur: SheetCursor,
  punch: Map<string, Set<string>>,
  day: Map<string, Set<string>>,
  rowOf: (key: string) => number,
) {
  const words = (s: Set<string> | undefined) => (s?.size ? [...s].map(eventLabel).join("、") : "正常");
  for (const key of [...new Set([...punch.keys(), ...day.keys()])].sort()) {
    const a = punch.get(key),
      b = day.get(key);
    if (CHECKED_KINDS.every((k) => !!a?.has(k) === !!b?.has(k))) continue;
    const [agent, date] = key.split("|");
    cur.issue(
      rowOf(key),
      "punch-mismatch",
      `${agent} ${date}：每日考勤记为${words(b)}，按这张打卡表的打卡时间计算是${words(a)}。计分以每日考勤为准，请核对。`,
      "warning",
    );
  }
}
