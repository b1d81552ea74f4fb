import type { Cell } from "../types";
import { halfWidth } from "../text";
import { isDateCell, parseDate, serialToYmd, type Ymd } from "../parse";

/** A punch's time of day in seconds (seconds kept only to find near-duplicates; minutes decide). */
export interface Stamp {
  date: Ymd;
  second: number;
}

const TIME_AT_END = /(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?\s*$/;

/** A date and a time in one cell: `2026-10-08 08:55:12`, `2026/10/8 8:55`, or a serial with a time part. */
export function stampOf(c: Cell, year: number): Stamp | null {
  const serial = isDateCell(c) ? c.serial : typeof c === "number" && c > 20000 && c < 80000 ? c : null;
  if (serial !== null) {
    const frac = serial - Math.floor(serial);
    if (frac <= 0) return null;
    return { date: serialToYmd(serial), second: Math.round(frac * 86400) };
  }
  if (typeof c !== "string") return null;
  const s = halfWidth(c).trim();
  const t = s.match(TIME_AT_END);
  if (!t || t.index === 0) return null;
  const date = parseDate(s.slice(0, t.index).trim(), { y: year });
  if (!date || +t[1] > 23 || +t[2] > 59) return null;
  return { date, second: +t[1] * 3600 + +t[2] * 60 + (t[3] ? +t[3] : 0) };
}

/** A time of day alone: `08:55`, `8:55:10`, an Excel time fraction. Seconds after midnight. */
export function timeOf(c: Cell): number | null {
  if (typeof c === "number") return c >= 0 && c < 1 ? Math.round(c * 86400) : null;
  if (isDateCell(c)) return c.serial >= 0 && c.serial < 1 ? Math.round(c.serial * 86400) : null;
  if (typeof c !== "string") return null;
  const m = halfWidth(c)
    .trim()
    .match(/^(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?$/);
  if (!m || +m[1] > 23 || +m[2] > 59) return null;
  return +m[1] * 3600 + +m[2] * 60 + (m[3] ? +m[3] : 0);
}

/** Every time written in a grid cell: `08:55`, `08:55 18:03`, `08:55\n12:01\n18:03`. */
export function timesIn(c: Cell): number[] | null {
  const one = timeOf(c);
  if (one !== null) return [one];
  if (typeof c !== "string") return null;
  const parts = halfWidth(c)
    .split(/[\s,，;；、|/]+/)
    .filter(Boolean);
  if (!parts.length) return null;
  const out: number[] = [];
  for (const p of parts) {
    const t = timeOf(p);
    if (t === null) return null;
    out.push(t);
  }
  return out;
}

/** A date alone (no time part): what a log's 考勤日期 / WeCom 时间 column holds. */
export function dateOnly(c: Cell, year: number): Ymd | null {
  if (isDateCell(c) && c.serial - Math.floor(c.serial) > 0) return null;
  if (typeof c === "string" && TIME_AT_END.test(c)) return null;
  return parseDate(c, { y: year });
}
