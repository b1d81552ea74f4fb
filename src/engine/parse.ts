import type { Cell } from "./types";
import { halfWidth, normalizeText } from "./text";

/** A calendar date without a time zone. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const BLANK_TEXT = /^\s*-{0,2}\s*$/;
export const isBlankCell = (c: Cell): boolean =>
  c === null || c === undefined || (typeof c === "string" && (c === "" || BLANK_TEXT.test(c)));

export const isErrorCell = (c: Cell): c is { kind: "error"; code: string } =>
  typeof c === "object" && c !== null && (c as { kind?: string }).kind === "error";

export const isDateCell = (c: Cell): c is { kind: "date"; serial: number } =>
  typeof c === "object" && c !== null && (c as { kind?: string }).kind === "date";

/** The text a user sees for a cell, for matching and for messages. */
export function cellText(c: Cell): string {
  if (c === null || c === undefined) return "";
  if (typeof c === "string") return normalizeText(c);
  if (typeof c === "number") return String(c);
  if (typeof c === "boolean") return c ? "TRUE" : "FALSE";
  if (isDateCell(c)) return formatYmd(serialToYmd(c.serial));
  if (isErrorCell(c)) return c.code;
  return "";
}

// ---- dates -------------------------------------------------------------------------------

const DAY_MS = 86400000;
// Serial 25569 is 1970-01-01 in the 1900 system (Excel's fictitious 1900-02-29 included).
const YMD_CACHE = new Map<number, Ymd>();
/** A 1900-system serial to its calendar date. Cached: a month's sheet repeats each date per agent. */
export function serialToYmd(serial: number): Ymd {
  const day = Math.floor(serial);
  let hit = YMD_CACHE.get(day);
  if (!hit) {
    const t = new Date(Math.round((day - 25569) * DAY_MS));
    hit = Object.freeze({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
    if (YMD_CACHE.size > 100_000) YMD_CACHE.clear();
    YMD_CACHE.set(day, hit);
  }
  return hit;
}
export function ymdToSerial(d: Ymd): number {
  return Date.UTC(d.y, d.m - 1, d.d) / DAY_MS + 25569;
}
const ISO_CACHE = new Map<number, string>();
export function formatYmd(d: Ymd): string {
  const key = d.y * 10000 + d.m * 100 + d.d;
  let s = ISO_CACHE.get(key);
  if (s === undefined) {
    s = `${d.y}-${String(d.m).padStart(2, "0")}-${String(d.d).padStart(2, "0")}`;
    if (ISO_CACHE.size > 100_000) ISO_CACHE.clear();
    ISO_CACHE.set(key, s);
  }
  return s;
}
export const monthKey = (d: Ymd | { y: number; m: number }) => `${d.y}-${String(d.m).padStart(2, "0")}`;
export const parseMonthKey = (k: string): { y: number; m: number } => ({ y: +k.slice(0, 4), m: +k.slice(5, 7) });
export const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
export function addDays(d: Ymd, n: number): Ymd {
  return serialToYmd(ymdToSerial(d) + n);
}
export function prevMonthKey(k: string): string {
  const { y, m } = parseMonthKey(k);
  return m === 1 ? monthKey({ y: y - 1, m: 12 }) : monthKey({ y, m: m - 1 });
}

const validYmd = (y: number, m: number, d: number) =>
  m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) && y >= 1990 && y <= 2100;

/** Does a number format show a date (and not just a number)? */
export function isDateFormat(fmt: string | null | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[ymd]/i.test(f) && !/^[#0.,%\s]*$/.test(f);
}

/**
 * A date from a cell. `context` supplies the year for `10月3日` and the month for a bare day.
 * Two-digit years are 20xx. Returns null when the cell holds no date.
 */
export function parseDate(c: Cell, context?: { y?: number; m?: number }, fmt?: string | null): Ymd | null {
  if (isDateCell(c)) return serialToYmd(c.serial);
  if (typeof c === "number") {
    if (c > 20000 && c < 80000) return serialToYmd(c); // a bare serial in a date column
    return null;
  }
  if (typeof c !== "string") return null;
  const s = halfWidth(c).trim();
  if (!s) return null;
  let m = s.match(/^(\d{4}|\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/);
  if (m) {
    let y = +m[1];
    if (m[1].length === 2) y += 2000;
    if (validYmd(y, +m[2], +m[3])) return { y, m: +m[2], d: +m[3] };
    return null;
  }
  m =
    s.match(/^(\d{1,2})\s*[月/-]\s*(\d{1,2})\s*日?(?:\s|$|星期|周|\()/) ?? s.match(/^(\d{1,2})\s*月\s*(\d{1,2})\s*日/);
  if (m && context?.y) {
    if (validYmd(context.y, +m[1], +m[2])) return { y: context.y, m: +m[1], d: +m[2] };
    return null;
  }
  if (/^\d{5}(\.\d+)?$/.test(s)) return parseDate(Number(s), context, fmt);
  return null;
}

/** Yuan and points to the cent; `+ 0` turns −0 into 0, which a sheet would show as "-0". */
export const roundCents = (x: number): number => Math.round(x * 100) / 100 + 0;

// ---- numbers -----------------------------------------------------------------------------

/** A number from a cell: `50`, `50元`, `¥50.00`, `５０`, `1,234`, `85%` (→ 85). Null when there is none. */
export function parseNumber(c: Cell): number | null {
  if (typeof c === "number") return Number.isFinite(c) ? c : null;
  if (typeof c !== "string") return null;
  const s = halfWidth(c)
    .replace(/[\s,，]/g, "")
    .replace(/^[¥￥$]|元$|块$|分$|rmb$/gi, "");
  if (!s || s === "--") return null;
  const m = s.match(/^([+-]?\d+(?:\.\d+)?)%?$/);
  return m ? Number(m[1]) : null;
}

/** A leading number anywhere in the text (`缺卡1次` → 1, `旷工480分钟` → 480). */
export function firstNumber(s: string): number | null {
  const m = halfWidth(s).match(/(\d+(?:\.\d+)?)/);
  return m ? Number(m[1]) : null;
}

/**
 * Minutes from `35`, `35分钟`, `0:35`, `1小时5分`, `1.5小时`, or a serial fraction of a day.
 * A bare number is minutes.
 */
export function parseMinutes(c: Cell): number | null {
  if (typeof c === "number") {
    if (c > 0 && c < 1 && !Number.isInteger(c)) return Math.round(c * 1440 * 100) / 100;
    return c;
  }
  if (typeof c !== "string") return null;
  const s = halfWidth(c).replace(/\s/g, "");
  if (!s || s === "--") return null;
  let m = s.match(/^(\d+):(\d{1,2})(?::(\d{1,2}))?$/);
  if (m) return +m[1] * 60 + +m[2] + (m[3] ? +m[3] / 60 : 0);
  m = s.match(/^(?:(\d+(?:\.\d+)?)(?:小时|时|h))?(?:(\d+(?:\.\d+)?)(?:分钟|分|min|m)?)?(?:(\d+)(?:秒|s))?$/i);
  if (m && (m[1] || m[2] || m[3])) return (m[1] ? +m[1] * 60 : 0) + (m[2] ? +m[2] : 0) + (m[3] ? +m[3] / 60 : 0);
  return null;
}

/** Seconds from `45`, `45秒`, `1分5秒`, `0:45`. A bare number is seconds. */
export function parseSeconds(c: Cell): number | null {
  if (typeof c === "number") return c;
  if (typeof c !== "string") return null;
  const s = halfWidth(c).replace(/\s/g, "");
  let m = s.match(/^(\d+):(\d{1,2})$/);
  if (m) return +m[1] * 60 + +m[2];
  m = s.match(/^(?:(\d+)(?:分钟|分|min|m))?(?:(\d+(?:\.\d+)?)(?:秒|s)?)?$/i);
  if (m && (m[1] || m[2])) return (m[1] ? +m[1] * 60 : 0) + (m[2] ? +m[2] : 0);
  return null;
}

/** Minutes after midnight from `8:45`, `08:45:00`, `2026-03-14 08:45`, or a serial (fraction). */
export function parseTimeOfDay(c: Cell): number | null {
  if (typeof c === "number") return Math.round((c - Math.floor(c)) * 1440);
  if (isDateCell(c)) return Math.round((c.serial - Math.floor(c.serial)) * 1440);
  if (typeof c !== "string") return null;
  const m = halfWidth(c).match(/(\d{1,2}):(\d{2})(?::\d{2})?\s*$/) ?? halfWidth(c).match(/(?:^|\s)(\d{1,2}):(\d{2})/);
  if (!m) return null;
  const h = +m[1],
    mi = +m[2];
  return h < 24 && mi < 60 ? h * 60 + mi : null;
}

/**
 * The working day a punch belongs to. A night shift such as `晚班 17:30-01:00` ends after
 * midnight; a punch after midnight and before the shift's end is the previous day's.
 */
export function shiftDay(date: Ymd, minuteOfDay: number, shift: string | null): Ymd {
  if (!shift) return date;
  const m = halfWidth(shift).match(/(\d{1,2}):(\d{2})\s*[-~～至到]\s*(?:次日)?(\d{1,2}):(\d{2})/);
  if (!m) return date;
  const start = +m[1] * 60 + +m[2];
  const end = +m[3] * 60 + +m[4];
  if (end >= start) return date; // shift does not cross midnight
  return minuteOfDay <= end + 120 && minuteOfDay < start ? addDays(date, -1) : date;
}

// ---- values we write ---------------------------------------------------------------------

/** Excel's limit for one cell's text; longer text is cut and says so. */
export const MAX_CELL_TEXT = 32767;
export const TRUNCATED_MARK = "…(已截断 truncated)";

/** Text a cell can hold: cut at Excel's limit with a visible marker (never mid-way through a surrogate pair). */
export function safeText(s: string): string {
  if (s.length <= MAX_CELL_TEXT) return s;
  let cut = MAX_CELL_TEXT - TRUNCATED_MARK.length;
  const code = s.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return s.slice(0, cut) + TRUNCATED_MARK;
}

/** A number a cell can hold: NaN and ±Infinity are never written (the cell stays empty). */
export const safeNumber = (n: number): number | null => (Number.isFinite(n) ? n + 0 : null);
