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

/** How a column writes `05/10/2026`: month first (US exports) or day first. */
export type SlashOrder = "mdy" | "dmy";

export interface DateContext {
  /** The year for `10月3日`. */
  y?: number;
  /** The workbook's month: settles `05/10/2026` when only one reading falls in it. */
  m?: number;
  /** The column's order, from `slashOrder` over the column. */
  order?: SlashOrder;
}

const DMY = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/;

/**
 * The order of a column's `a/b/yyyy` dates: a first part above 12 can only be a day, a second part
 * above 12 only a day too. Null when the column does not settle it (or contradicts itself).
 */
export function slashOrder(cells: Cell[]): SlashOrder | null {
  let dmy = false,
    mdy = false;
  for (const c of cells) {
    if (typeof c !== "string") continue;
    const m = halfWidth(c).trim().match(DMY);
    if (!m) continue;
    if (+m[1] > 12) dmy = true;
    if (+m[2] > 12) mdy = true;
  }
  return dmy === mdy ? null : dmy ? "dmy" : "mdy";
}

/** Why a cell that looks like a date gave none, for a 数据问题 line; null when it gave one (or never looked like one). */
export type DateProblem = "ambiguous-order" | "time-only" | null;

/**
 * A date with the reason when there is none: `05/10/2026` is decided by the column's order, else by
 * the workbook's month, else reported as ambiguous (never guessed); a time-only cell (serial below 1,
 * which Excel shows as 1899-12-30) is no date: the caller joins it to the row's date or reports it.
 */
export function parseDateDetail(
  c: Cell,
  context?: DateContext,
  fmt?: string | null,
): { date: Ymd | null; problem: DateProblem } {
  if ((isDateCell(c) && c.serial < 1) || (typeof c === "number" && c >= 0 && c < 1 && isDateFormat(fmt)))
    return { date: null, problem: "time-only" };
  if (typeof c === "string") {
    const m = halfWidth(c).trim().match(DMY);
    if (m) {
      const a = +m[1],
        b = +m[2],
        y = +m[3];
      const md = validYmd(y, a, b) ? { y, m: a, d: b } : null;
      const dm = validYmd(y, b, a) ? { y, m: b, d: a } : null;
      if (!md || !dm || a === b) return { date: md ?? dm, problem: null };
      if (context?.order) return { date: context.order === "mdy" ? md : dm, problem: null };
      if (context?.m && (md.m === context.m) !== (dm.m === context.m))
        return { date: md.m === context.m ? md : dm, problem: null };
      return { date: null, problem: "ambiguous-order" };
    }
  }
  return { date: parseDate(c, context, fmt), problem: null };
}

/** What to write in 数据问题 for a date problem. */
export const DATE_PROBLEM_TEXT: Record<Exclude<DateProblem, null>, string> = {
  "ambiguous-order":
    "日期写成“日/月/年”还是“月/日/年”无法确定（这一列没有大于 12 的日），没有使用；请改成 2026-10-05 这样的写法",
  "time-only": "只有时间、没有日期，且这一行没有别的日期可以补上，没有使用",
};

/**
 * A date from a cell. `context` supplies the year for `10月3日` and the month for a bare day.
 * Two-digit years are 20xx. Returns null when the cell holds no date (or only a time, or an
 * undecidable `05/10/2026`: see parseDateDetail for the reason).
 */
export function parseDate(c: Cell, context?: DateContext, fmt?: string | null): Ymd | null {
  if (isDateCell(c)) return c.serial < 1 ? null : serialToYmd(c.serial);
  if (typeof c === "number") {
    if (c > 20000 && c < 80000) return serialToYmd(c); // a bare serial in a date column
    return null;
  }
  if (typeof c !== "string") return null;
  const s = halfWidth(c).trim();
  if (!s) return null;
  let m = s.match(/^(\d{4}|\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?/);
  if (m) {
    let y = +m[1];
    if (m[1].length === 2) y += 2000;
    if (validYmd(y, +m[2], +m[3])) return { y, m: +m[2], d: +m[3] };
    return null;
  }
  if (DMY.test(s)) return parseDateDetail(s, context).date;
  m =
    s.match(/^(\d{1,2})\s*[月/-]\s*(\d{1,2})\s*日?(?:\s|$|星期|周|\()/) ?? s.match(/^(\d{1,2})\s*月\s*(\d{1,2})\s*日/);
  if (m && context?.y) {
    if (validYmd(context.y, +m[1], +m[2])) return { y: context.y, m: +m[1], d: +m[2] };
    return null;
  }
  if (/^\d{5}(\.\d+)?$/.test(s)) return parseDate(Number(s), context, fmt);
  return null;
}

/** Is the cell a time of day without a date (a serial below 1)? The caller joins it to the row's date. */
export const isTimeOnly = (c: Cell): boolean => isDateCell(c) && c.serial >= 0 && c.serial < 1;

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
  const n = m ? Number(m[1]) : null;
  return n !== null && Number.isFinite(n) ? n : null;
}

const CN_DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  两: 2,
  兩: 2,
  贰: 2,
  貳: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const CN_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000, 万: 10000, 萬: 10000 };

/**
 * A whole number written in Chinese numerals: 十 (10), 十五 (15), 一百五 (150, the spoken
 * abbreviation of 一百五十), 两千零五 (2005), 壹佰 (100). Null when the text is anything else.
 */
export function chineseNumber(text: string): number | null {
  const s = text.replace(/\s/g, "");
  if (!s || ![...s].every((ch) => ch in CN_DIGIT || ch in CN_UNIT)) return null;
  let total = 0,
    section = 0,
    digit: number | null = null,
    lastUnit = 0;
  for (const ch of s) {
    if (ch in CN_DIGIT) {
      if (CN_DIGIT[ch] === 0) {
        // 零 only holds a place (一百零五): the next digit is worth itself.
        lastUnit = 0;
        continue;
      }
      if (digit !== null) return null; // 一二 is not a number
      digit = CN_DIGIT[ch];
      continue;
    }
    const unit = CN_UNIT[ch];
    if (unit === 10000) {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
    } else section += (digit ?? (unit === 10 ? 1 : NaN)) * unit;
    if (Number.isNaN(section)) return null;
    digit = null;
    lastUnit = unit;
  }
  // 一百五 → 150, 一万二 → 12000: a trailing digit right after a unit is worth a tenth of it.
  if (digit !== null) section += lastUnit >= 100 ? (digit * lastUnit) / 10 : digit;
  return total + section;
}

/** Why an amount cell was not priced, or how it was read, as a 数据问题 line. */
export interface AmountReading {
  value: number | null;
  /** Stable code: "amount-chinese" (read, noted), "amount-not-number" or "amount-error" (not priced). */
  code?: "amount-chinese" | "amount-not-number" | "amount-error";
  /** What the manager reads, in Chinese. */
  note?: string;
}

/**
 * An amount (yuan or points) with the reason the caller must report: `50`, `¥50` plainly; `十元`,
 * `一百五` read as numbers and noted; `abc` or an error value (`#N/A`) not priced and reported.
 * An empty cell is `{ value: null }` with no note (nothing was written).
 */
export function readAmount(c: Cell): AmountReading {
  if (isBlankCell(c)) return { value: null };
  if (isErrorCell(c))
    return { value: null, code: "amount-error", note: `金额是错误值 ${c.code}，没有计价；请在原表改正公式或数字` };
  const n = parseNumber(c);
  if (n !== null) return { value: n };
  const text = cellText(c);
  const bare = text.replace(/\s/g, "").replace(/^[¥￥]|(?:元整?|块钱?|圆)$/g, "");
  const cn = chineseNumber(bare);
  if (cn !== null) return { value: cn, code: "amount-chinese", note: `金额“${text}”是中文数字，按 ${cn} 计` };
  return { value: null, code: "amount-not-number", note: `金额“${text}”不是数字，没有计价` };
}

/**
 * Header cells that repeat an earlier header of the same row (two 金额 columns, say): the second is
 * not read as that field. The caller reports each one (or maps it to another field).
 */
export function duplicateHeaders(row: Cell[]): { col: number; firstCol: number; text: string }[] {
  const seen = new Map<string, number>();
  const out: { col: number; firstCol: number; text: string }[] = [];
  row.forEach((c, col) => {
    const t = cellText(c).replace(/\s/g, "");
    if (!t) return;
    const first = seen.get(t);
    if (first === undefined) seen.set(t, col);
    else out.push({ col, firstCol: first, text: t });
  });
  return out;
}

/** A leading number anywhere in the text (`缺卡1次` → 1, `旷工480分钟` → 480). */
export function firstNumber(s: string): number | null {
  const m = halfWidth(s).match(/(\d+(?:\.\d+)?)/);
  return m ? Number(m[1]) : null;
}

const UNIT_SECONDS: [RegExp, number][] = [
  [/^(?:天|日|d|day|days)$/i, 86400],
  [/^(?:小时|小時|时|時|h|hr|hrs|hour|hours)$/i, 3600],
  [/^(?:分钟|分鐘|分|min|mins|minute|minutes|m)$/i, 60],
  [/^(?:秒钟|秒鐘|秒|s|sec|secs|second|seconds)$/i, 1],
];

/**
 * Seconds from a duration written with units: `600秒`, `1小时5分`, `1.5小时`, `2天`, `1分5秒`. A
 * trailing bare number takes the unit below the one before it (`1小时5` is 65 minutes). Null when
 * the text is not a duration. `bare` is the unit of a number written alone.
 */
function durationSeconds(s: string, bare: number): number | null {
  const parts = [...s.matchAll(/(\d+(?:\.\d+)?)([^\d.]*)/g)];
  if (!parts.length || parts.map((p) => p[0]).join("") !== s) return null;
  let total = 0;
  let last = Infinity;
  for (const [i, p] of parts.entries()) {
    let unit: number | undefined;
    if (p[2] === "") unit = i === 0 ? bare : ({ 86400: 3600, 3600: 60, 60: 1 } as Record<number, number>)[last];
    else unit = UNIT_SECONDS.find(([re]) => re.test(p[2]))?.[1];
    if (unit === undefined || unit >= last) return null;
    total += +p[1] * unit;
    last = unit;
  }
  return total;
}

/**
 * Minutes from `35`, `35分钟`, `0:35`, `1小时5分`, `1.5小时`, `600秒` (10), `1天`, or a serial
 * fraction of a day. A bare number is minutes.
 */
export function parseMinutes(c: Cell): number | null {
  if (typeof c === "number") {
    if (!Number.isFinite(c)) return null;
    if (c > 0 && c < 1 && !Number.isInteger(c)) return Math.round(c * 1440 * 100) / 100;
    return c;
  }
  if (isDateCell(c) && c.serial >= 0 && c.serial < 1) return Math.round(c.serial * 1440 * 100) / 100;
  if (typeof c !== "string") return null;
  const s = halfWidth(c).replace(/\s/g, "");
  if (!s || s === "--") return null;
  const m = s.match(/^(\d+):(\d{1,2})(?::(\d{1,2}))?$/);
  if (m) return +m[1] * 60 + +m[2] + (m[3] ? +m[3] / 60 : 0);
  const secs = durationSeconds(s, 60);
  return secs === null ? null : Math.round((secs / 60) * 100) / 100;
}

/** Seconds from `45`, `45秒`, `1分5秒`, `0:45`, `2分钟`. A bare number is seconds. */
export function parseSeconds(c: Cell): number | null {
  if (typeof c === "number") return Number.isFinite(c) ? c : null;
  if (typeof c !== "string") return null;
  const s = halfWidth(c).replace(/\s/g, "");
  const m = s.match(/^(\d+):(\d{1,2})$/);
  if (m) return +m[1] * 60 + +m[2];
  return durationSeconds(s, 1);
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
