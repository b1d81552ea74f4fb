import chineseDays from "chinese-days/dist/chinese-days.json";

/**
 * The workday calendar: weekends, China's statutory holidays and make-up workdays (调休上班), then the
 * shop's own per-day overrides from 规则. The holiday data is the `chinese-days` package's JSON (State
 * Council notices, 2004 onward), bundled: no network at run time, the same in the CLI and the browser.
 * Weekdays are computed here from the ISO date in UTC: the package's own `isWorkday` reads the host's
 * time zone and calls a Saturday a workday west of Greenwich.
 */
const HOLIDAYS: Record<string, string> = (chineseDays as { holidays: Record<string, string> }).holidays;
const MAKEUP: Record<string, string> = (chineseDays as { workdays: Record<string, string> }).workdays;
const COVERED = new Set(Object.keys(HOLIDAYS).map((d) => +d.slice(0, 4)));

/** A shop's decision for one day, from the 规则 tab: works on a Saturday, closes for its own holiday. */
export interface DayOverride {
  date: string;
  work: boolean;
  note?: string;
}
export type Overrides = ReadonlyMap<string, DayOverride>;
export const NO_OVERRIDES: Overrides = new Map();

export interface DayInfo {
  work: boolean;
  /** Why, in words a manager reads: 周六, 国庆节, 调休上班(国庆节), 规则表: 店休. */
  why: string;
  /** The calendar has no holiday data for this year: weekends only. */
  uncovered?: boolean;
}

const WEEKDAY_WORDS = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

/** 0 = Sunday … 6 = Saturday, from an ISO date, independent of the host's time zone. */
export function weekday(iso: string): number {
  return new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10))).getUTCDay();
}
export const weekdayWord = (iso: string) => WEEKDAY_WORDS[weekday(iso)];

/** The Chinese name of a holiday or make-up entry (`National Day,国庆节,3` → 国庆节). */
const holidayName = (entry: string) => entry.split(",")[1] ?? entry;

/** What the national calendar says of a day, before the shop's overrides. */
export function calendarDay(iso: string): DayInfo {
  const h = HOLIDAYS[iso];
  if (h) return { work: false, why: holidayName(h) };
  const w = MAKEUP[iso];
  if (w) return { work: true, why: `调休上班(${holidayName(w)})` };
  const wd = weekday(iso);
  const uncovered = !COVERED.has(+iso.slice(0, 4)) || undefined;
  return { work: wd !== 0 && wd !== 6, why: WEEKDAY_WORDS[wd], uncovered };
}

/** The calendar with the shop's overrides applied. */
export function dayInfo(iso: string, overrides: Overrides = NO_OVERRIDES): DayInfo {
  const o = overrides.get(iso);
  if (o) return { work: o.work, why: `规则表：${o.note || (o.work ? "上班" : "休息")}` };
  return calendarDay(iso);
}

/** Is this ISO date a workday for the shop? For the matrix and export readers as well as punch data. */
export function isWorkday(iso: string, overrides: Overrides = NO_OVERRIDES): boolean {
  return dayInfo(iso, overrides).work;
}

/** Does the bundled calendar know this year's holidays? (When not, only weekends rest, and the run says so.) */
export const calendarCovers = (year: number) => COVERED.has(year);

/** Is the day a statutory holiday (not merely a weekend)? */
export const isStatutoryHoliday = (iso: string) => !!HOLIDAYS[iso];
/** Is the day a make-up workday (调休上班) on a weekend? */
export const isMakeupWorkday = (iso: string) => !!MAKEUP[iso];
