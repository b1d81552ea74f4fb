import type { Cell, SheetGrid } from "../types";
import { halfWidth } from "../text";
import { cellText, isBlankCell, isDateCell, parseDate, type Ymd } from "../parse";
import { headerDay, mapHeaderText, type HeaderInfo } from "../read/headers";
import type { PunchDetection } from "./detectPunch";

/** One day of a punch grid: its header date (or day number) and the columns holding its times. */
export interface GridDay {
  day: number;
  /** The full date when the header cell gives it (a date, `10-01`); else the title's month decides. */
  date?: Ymd;
  /** Placeholder year used to read `10-01`: the reader re-reads with the workbook's year. */
  monthOnly?: boolean;
  cols: number[];
  /** 上班 / 下班 per column, when a pair row labels them. */
  sides: ("in" | "out" | null)[];
}

const Y = 2000;
const SIDE_IN = /^(上班|签到|上|进|早|上午)\d?$/;
const SIDE_OUT = /^(下班|签退|下|出|晚|下午)\d?$/;

/** A header cell naming a day: a date, a day-formatted serial, `10-01`, `10月1日`, `1`, `1日`. */
export function gridDayOf(
  c: Cell,
  fmt: string | null | undefined,
): { day: number; date?: Ymd; monthOnly?: boolean } | null {
  // Dates, day numbers and day-formatted serials read as the matrix reads them (a day typed into a cell
  // formatted "d" is a serial in January 1900 and means that day of the sheet's month).
  if (isDateCell(c) || typeof c === "number") return headerDay(c, fmt);
  if (typeof c !== "string") return null;
  const s = halfWidth(c).trim().split(/\s|\n/)[0];
  const m = s.match(/^(\d{1,2})\s*(日|号)?$/);
  if (m && +m[1] >= 1 && +m[1] <= 31) return { day: +m[1] };
  const full = /^\d{4}/.test(s);
  const d = parseDate(s, { y: Y });
  return d ? { day: d.d, date: d, monthOnly: !full || undefined } : null;
}

/** The days of a grid whose date row is `r`: each date cell owns the columns up to the next one. */
export function gridDays(grid: SheetGrid, r: number): { days: GridDay[]; paired: boolean } {
  const row = grid.cells[r] ?? [];
  const sub = (grid.cells[r + 1] ?? []).map((c) => halfWidth(cellText(c)).trim());
  const found: { col: number; d: NonNullable<ReturnType<typeof gridDayOf>> }[] = [];
  for (let c = 1; c < row.length; c++) {
    const d = gridDayOf(row[c], grid.formats?.[r]?.[c]);
    if (d) found.push({ col: c, d });
  }
  const paired = found.filter((f) => SIDE_IN.test(sub[f.col] ?? "")).length >= Math.max(3, found.length / 2);
  const width = Math.max(row.length, sub.length);
  const days = found.map((f, i) => {
    const stop = paired ? (found[i + 1]?.col ?? Math.min(width, f.col + 4)) : f.col + 1;
    const cols: number[] = [];
    const sides: GridDay["sides"] = [];
    for (let c = f.col; c < stop; c++) {
      if (c > f.col && (!paired || !(SIDE_IN.test(sub[c] ?? "") || SIDE_OUT.test(sub[c] ?? "")))) break;
      cols.push(c);
      sides.push(!paired ? null : SIDE_IN.test(sub[c] ?? "") ? "in" : SIDE_OUT.test(sub[c] ?? "") ? "out" : null);
    }
    return { day: f.d.day, date: f.d.date, monthOnly: f.d.monthOnly, cols, sides };
  });
  return { days, paired };
}

/**
 * A punch-time grid: a row of at least 7 day cells (alone, or over a 上班 / 下班 pair) above rows of
 * people whose day cells hold times. The person columns come from the same header rows.
 */
export function findPunchGrid(
  grid: SheetGrid,
  header: HeaderInfo | null,
  timesIn: (c: Cell) => number[] | null,
): PunchDetection | null {
  for (let r = 0; r < Math.min(grid.cells.length, 15); r++) {
    const { days, paired } = gridDays(grid, r);
    if (days.length < 7) continue;
    let dataStart = r + (paired ? 2 : 1);
    const next = (grid.cells[dataStart] ?? []).map((c) => cellText(c));
    if (days.filter((d) => /^(星期|周)?[一二三四五六日天]$/.test(next[d.cols[0]] ?? "")).length >= days.length / 2)
      dataStart++;
    let n = 0,
      hit = 0;
    for (let rr = dataStart; rr < Math.min(grid.cells.length, dataStart + 60); rr++)
      for (const d of days)
        for (const c of d.cols) {
          const v = grid.cells[rr]?.[c] ?? null;
          if (isBlankCell(v)) continue;
          n++;
          if (timesIn(v)) hit++;
        }
    if (hit < 5 || hit / n < 0.6) continue;
    const width = Math.max(...grid.cells.slice(r, dataStart).map((x) => x?.length ?? 0));
    const labels: string[] = [];
    const fields: (string | null)[] = [];
    for (let c = 0; c < width; c++) {
      const texts = [r, r + 1].map((rr) => cellText(grid.cells[rr]?.[c] ?? null)).filter(Boolean);
      const inDay = days.some((d) => d.cols.includes(c));
      labels.push(texts.join(" "));
      fields.push(inDay ? "day" : (texts.map(mapHeaderText).find(Boolean) ?? null));
    }
    if (!fields.some((f) => f === "name" || f === "empId" || f === "account")) continue;
    return {
      layout: "punchGrid",
      header: {
        fieldRow: paired ? r + 1 : r,
        groupRow: paired ? r : null,
        dataStart,
        fields,
        labels,
        dayColumns: days.map((d) => ({ col: d.cols[0], day: d.day, date: d.date })),
      },
      reason: `第 ${r + 1} 行有 ${days.length} 个日期${paired ? "（每天 上班/下班 两列）" : ""}，格子里是打卡时刻 → 考勤（打卡时间表）`,
    };
  }
  void header;
  return null;
}
