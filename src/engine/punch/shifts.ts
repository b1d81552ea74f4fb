import { halfWidth } from "../text";
import { dayInfo, weekday, isMakeupWorkday, isStatutoryHoliday, type Overrides } from "./calendar";

/**
 * A shift (班次): times are minutes after midnight of the day the shift starts; a night shift's
 * end is past 1440 (晚班 17:30–01:00 ends at 1500) and its punches after midnight belong to the
 * day it started.
 */
export interface Shift {
  name: string;
  start: number;
  end: number;
  /** 弹性分钟: an arrival up to start + grace is on time, a departure from end − grace too. */
  grace: number;
  /** Which days the shift works: the calendar's workdays, listed weekdays (0 = Sunday), or every day. */
  days: "workdays" | "every" | number[];
  lunch?: { start: number; end: number };
  /** Names and groups the shift is assigned to in 规则 (the roster's 班次 column decides first). */
  appliesTo: string[];
  /** Where it came from, for the note on the scorecard: 规则!B12, 花名册!F3, the default. */
  source: string;
}

export const DEFAULT_SHIFT: Shift = {
  name: "默认",
  start: 9 * 60,
  end: 18 * 60,
  grace: 0,
  days: "workdays",
  appliesTo: [],
  source: "默认班次",
};

/** `9:00`, `09:00:00`, `次日01:00` (+1440), or an Excel time fraction → minutes after midnight. */
export function parseClock(text: string | number): number | null {
  if (typeof text === "number") return text >= 0 && text < 1 ? Math.round(text * 1440) : null;
  const s = halfWidth(text).trim();
  const m = s.match(/^(次日|翌日)?\s*(\d{1,2})[:：](\d{2})(?::\d{2})?$/);
  if (!m || +m[2] > 24 || +m[3] > 59) return null;
  return (m[1] ? 1440 : 0) + +m[2] * 60 + +m[3];
}

export const clockText = (min: number) => {
  const m = ((min % 1440) + 1440) % 1440;
  return `${min >= 1440 ? "次日" : ""}${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};

/** End after start; an end at or before the start is the next day's (a night shift). */
export const normaliseEnd = (start: number, end: number) => (end <= start ? end + 1440 : end);

/**
 * A shift written in one cell, as DingTalk / WeCom exports and rosters do: `早班 09:00-18:00`,
 * `晚班 17:30-次日01:00`, `09:00~18:00`. Null for `休息` or text without two times.
 */
export function parseShiftText(text: string, source: string): Shift | null {
  const s = halfWidth(text).trim();
  const m = s.match(/(\d{1,2}[:：]\d{2})\s*[-~～至到—]+\s*((?:次日)?\s*\d{1,2}[:：]\d{2})/);
  if (!m) return null;
  const start = parseClock(m[1]);
  const endRaw = parseClock(m[2].replace(/\s/g, ""));
  if (start === null || endRaw === null) return null;
  const name =
    s
      .slice(0, m.index)
      .trim()
      .replace(/[:：]$/, "") || s;
  return { ...DEFAULT_SHIFT, name, start, end: normaliseEnd(start, endRaw), days: "workdays", source };
}

const DAY_CHARS: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/** `工作日` | `每天` | `周一至周六` | `一,三,五` | `1-5` → the shift's days; null when unreadable. */
export function parseShiftDays(text: string): Shift["days"] | null {
  const s = halfWidth(text)
    .replace(/\s/g, "")
    .replace(/星期|周|礼拜/g, "");
  if (!s || /^(工作日|按日历|法定工作日)$/.test(s)) return "workdays";
  if (/^(每天|每日|全部|全年|无休)$/.test(s)) return "every";
  const toNum = (c: string) => (c in DAY_CHARS ? DAY_CHARS[c] : /^[0-7]$/.test(c) ? +c % 7 : null);
  const range = s.match(/^(.)[至到~\-—](.)$/);
  if (range) {
    const a = toNum(range[1]),
      b = toNum(range[2]);
    if (a === null || b === null) return null;
    const out: number[] = [];
    for (let d = a; ; d = (d + 1) % 7) {
      out.push(d);
      if (d === b || out.length > 7) break;
    }
    return out;
  }
  const parts = s.split(/[,，、;；]/).filter(Boolean);
  const days = (parts.length > 1 ? parts : [...s]).map(toNum);
  return days.every((d) => d !== null) && days.length ? [...new Set(days as number[])].sort() : null;
}

export const shiftDaysText = (d: Shift["days"]) =>
  d === "workdays" ? "工作日" : d === "every" ? "每天" : d.map((n) => "日一二三四五六"[n]).join("、");

/**
 * Is the date a day this shift works? Workdays follow the calendar; listed weekdays still rest on
 * statutory holidays and work on make-up days; `每天` has no rest days. The shop's own overrides win.
 */
export function shiftWorks(shift: Shift, iso: string, overrides: Overrides): { work: boolean; why: string } {
  const o = overrides.get(iso);
  if (o || shift.days === "workdays") return dayInfo(iso, overrides);
  if (shift.days === "every") return { work: true, why: `班次“${shift.name}”每天上班` };
  if (isStatutoryHoliday(iso)) return dayInfo(iso, overrides);
  if (isMakeupWorkday(iso)) return dayInfo(iso, overrides);
  const wd = weekday(iso);
  return { work: shift.days.includes(wd), why: `班次“${shift.name}”的上班日为${shiftDaysText(shift.days)}` };
}

export const describeShift = (s: Shift) =>
  `${s.name} ${clockText(s.start)}-${clockText(s.end)}${s.grace ? `，弹性${s.grace}分钟` : ""}`;
