import type { SheetGrid } from "../types";
import { cellText, isBlankCell } from "../parse";
import { formatYmd } from "../parse";
import type { HeaderInfo } from "../read/headers";
import { dateOnly, stampOf, timeOf, timesIn } from "./cells";
import { PUNCH_HINT, punchField } from "./columns";
import { findPunchGrid } from "./gridHeader";
import { detectPersonSheet } from "./personSheet";

export interface PunchDetection {
  layout: "punchLog" | "punchGrid";
  header: HeaderInfo;
  reason: string;
}

const PERSON = new Set(["name", "empId", "account"]);
const SAMPLE = 400;
const OTHER_ROLES = new Set(["reason", "amount", "trackingNo", "courier", "orderNo", "verified", "points", "problem"]);

/** Share of the sampled non-blank cells of a column that pass a test. */
function share(grid: SheetGrid, start: number, c: number, test: (v: SheetGrid["cells"][0][0]) => boolean) {
  let n = 0,
    hit = 0;
  for (let r = start; r < Math.min(grid.cells.length, start + SAMPLE); r++) {
    const v = grid.cells[r]?.[c] ?? null;
    if (isBlankCell(v)) continue;
    n++;
    if (test(v)) hit++;
  }
  return n >= 3 ? hit / n : 0;
}

/**
 * A raw punch log, recognised by content: a person column, and a date-time column (or a date column and
 * a time column), with many rows per person-day. A daily export (one row per person-day with 上班 / 下班
 * columns) is not one. Returns the header with the punch columns named.
 */
export function detectPunchLog(grid: SheetGrid, header: HeaderInfo | null): PunchDetection | null {
  if (!header || header.dayColumns.length) return null;
  const fields = header.fields;
  const person = fields.findIndex((f) => f !== null && PERSON.has(f));
  if (person < 0 || fields.some((f) => f === "statusIn" || f === "clockIn" || f === "clockOut")) return null;
  const start = header.dataStart;
  const width = header.labels.length;
  const Y = 2000;
  // The punch's own column before a scheduled-time column (考勤时间 / 应打卡时间), which is never the punch.
  const rank = (c: number) => (punchField(header.labels[c] ?? "") === "punchTime" ? 0 : 1);
  const cols = Array.from({ length: width }, (_, c) => c)
    .filter((c) => !PERSON.has(fields[c] ?? "") && punchField(header.labels[c] ?? "") !== "punchPlanned")
    .sort((a, b) => rank(a) - rank(b) || a - b);
  const stampCol = cols.find((c) => share(grid, start, c, (v) => !!stampOf(v, Y)) >= 0.6);
  const dateCol = cols.find((c) => c !== stampCol && share(grid, start, c, (v) => !!dateOnly(v, Y)) >= 0.6);
  const timeCol = cols.find((c) => share(grid, start, c, (v) => timeOf(v) !== null) >= 0.6);
  if (stampCol === undefined && (dateCol === undefined || timeCol === undefined)) return null;
  // Many rows per person-day: a log, not a daily summary.
  const days = new Set<string>();
  let rows = 0;
  for (let r = start; r < Math.min(grid.cells.length, start + SAMPLE); r++) {
    const who = cellText(grid.cells[r]?.[person] ?? null);
    const d =
      stampCol !== undefined
        ? stampOf(grid.cells[r]?.[stampCol] ?? null, Y)?.date
        : dateOnly(grid.cells[r]?.[dateCol!] ?? null, Y);
    if (!who || !d) continue;
    rows++;
    days.add(`${who}|${formatYmd(d)}`);
  }
  const ratio = days.size ? rows / days.size : 0;
  const hinted = header.labels.some((l) => PUNCH_HINT.test(l));
  // A complaints or fines log with a date-time is not a punch log unless a punch word says so.
  const other = fields.some((f) => f !== null && OTHER_ROLES.has(f));
  if (!(ratio >= 1.5 || (ratio > 1 && hinted)) || (other && !hinted)) return null;
  const named = fields.map((f, c) => (f === "empId" && punchField(header.labels[c]) === "punchInfo" ? null : f));
  header.labels.forEach((l, c) => {
    const f = punchField(l);
    // ZKTeco's 编号 is the record's number, not the person's: its 考勤号码 is the id.
    if (f === "empId" && !named.includes("empId")) named[c] = f;
    else if (f && f !== "empId" && !PERSON.has(named[c] ?? "") && named[c] !== "shift" && named[c] !== "approval")
      named[c] = f;
  });
  if (stampCol !== undefined) named[stampCol] = "punchTime";
  else {
    named[dateCol!] = "punchDate";
    named[timeCol!] = "punchClock";
  }
  // A date column that is not the punch's own is information only.
  named.forEach((f, c) => {
    if (f === "date" || (f === "punchDate" && stampCol !== undefined)) named[c] = "punchInfo";
  });
  return {
    layout: "punchLog",
    header: { ...header, fields: named },
    reason: `每人每天有多行打卡（平均 ${ratio.toFixed(1)} 行），第 ${header.fieldRow + 1} 行表头有${stampCol !== undefined ? `“${header.labels[stampCol]}”（日期+时间）` : `“${header.labels[dateCol!]}”“${header.labels[timeCol!]}”`} → 考勤（原始打卡记录）`,
  };
}

/** A punch log or a punch-time grid, or null: the hook `detectSheet` calls first. */
export function detectPunchSheet(grid: SheetGrid, header: HeaderInfo | null): PunchDetection | null {
  return detectPunchLog(grid, header) ?? findPunchGrid(grid, header, timesIn) ?? detectPersonSheet(grid, header);
}
