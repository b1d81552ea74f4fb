import type { Shift } from "./shifts";

/** One valid punch of an agent-day, in whole minutes after midnight of the day its shift started. */
export interface DayPunch {
  minute: number;
  /** Index of the source (a sheet row or cell) the caller keeps. */
  ref: number;
}

/** An approved absence for part of the day (or all of it), in minutes of that day. */
export interface DayLeave {
  type: string;
  detail: string;
  start: number;
  end: number;
  ref: number;
}

export interface DayMark {
  type: string;
  minutes?: number;
  /** A part day (a leave of 2 of 8 hours is 0.25). */
  days?: number;
  detail?: string;
  /** The punch (its `ref`) that decided it. */
  punch?: number;
  /** The approval's source (its `ref`) that decided it. */
  approval?: number;
  /** The words a manager reads in 明细: 首次打卡 09:12，班次 09:00. */
  text: string;
}

const hm = (min: number) => {
  const m = ((min % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};

/** Minutes of [a, b) covered by any of the spans (spans may overlap). */
function coveredMinutes(a: number, b: number, spans: { start: number; end: number }[]): number {
  let n = 0;
  for (let t = a; t < b; t++) if (spans.some((s) => t >= s.start && t < s.end)) n++;
  return n;
}

/** The working minutes of a shift (lunch excluded): what a leave's fraction of a day is measured against. */
export const shiftMinutes = (s: Shift) =>
  s.end - s.start - (s.lunch ? Math.max(0, Math.min(s.end, s.lunch.end) - Math.max(s.start, s.lunch.start)) : 0);

/** Approved leave as marks: a part day is one event lasting its fraction of the shift's working time. */
function leaveMarks(shift: Shift, leaves: DayLeave[]): DayMark[] {
  const work = shiftMinutes(shift) || 1;
  return leaves.map((l) => {
    const part =
      coveredMinutes(shift.start, shift.end, [l]) -
      (shift.lunch ? coveredMinutes(shift.lunch.start, shift.lunch.end, [l]) : 0);
    const days = Math.max(0.01, Math.round((Math.max(0, part) / work) * 100) / 100);
    return { type: l.type, days: Math.min(1, days), detail: l.detail, approval: l.ref, text: `审批：${l.detail}` };
  });
}

/**
 * One agent's workday from its valid punches (RULES.md, readings for punch data): the first punch
 * against the start (+ grace) → late with its minutes; the last against the end (− grace) → early;
 * a single punch → a missed punch (缺卡, a forgotten registration), judged as the arrival or the
 * departure by which half of the shift it falls in; no punch → the 规则 tab's no-punch kind.
 * Approved leave replaces what it covers: a late counts only the minutes the leave does not cover.
 * `makeup` (an approved 补卡) stands for the missing punch, at the shift's own time.
 */
export function evaluateDay(
  shift: Shift,
  punches: DayPunch[],
  leaves: DayLeave[],
  noPunchKind: string,
  makeup?: { ref: number },
): DayMark[] {
  const marks: DayMark[] = [];
  const cover = [...leaves, ...(shift.lunch ? [shift.lunch] : [])];
  leaves = leaves.filter((l) => coveredMinutes(shift.start, shift.end, [l]) > 0); // a span outside the shift covers nothing
  marks.push(...leaveMarks(shift, leaves));
  // Working minutes no leave covers (the lunch break is not working time).
  const uncovered = shift.end - shift.start - coveredMinutes(shift.start, shift.end, cover);
  const sorted = [...punches].sort((a, b) => a.minute - b.minute);
  if (!sorted.length) {
    if (makeup)
      marks.push({ type: "missed-punch", detail: "补卡", approval: makeup.ref, text: "补卡审批通过，按忘记登记记录" });
    else if (uncovered > shift.grace)
      marks.push({ type: noPunchKind, text: `全天无打卡（班次 ${hm(shift.start)}-${hm(shift.end)}）` });
    return marks;
  }
  const mid = (shift.start + shift.end) / 2;
  const single = sorted.length === 1;
  const arrival = !single || sorted[0].minute < mid ? sorted[0] : null;
  const departure = !single || sorted[0].minute >= mid ? sorted[sorted.length - 1] : null;
  if (single)
    marks.push({
      type: "missed-punch",
      detail: makeup ? "补卡" : "缺卡",
      ...(makeup ? { approval: makeup.ref } : { punch: sorted[0].ref }),
      text: makeup
        ? `补卡审批通过（只有 ${hm(sorted[0].minute)} 一次打卡），按忘记登记记录`
        : `只有 ${hm(sorted[0].minute)} 一次打卡，缺${arrival ? "下班" : "上班"}卡`,
    });
  if (arrival && arrival.minute > shift.start) {
    const late = arrival.minute - shift.start - coveredMinutes(shift.start, arrival.minute, cover);
    if (late > shift.grace)
      marks.push({
        type: "late",
        minutes: late,
        punch: arrival.ref,
        text: `首次打卡 ${hm(arrival.minute)}，班次 ${hm(shift.start)} 上班${shift.grace ? `（弹性${shift.grace}分钟）` : ""}，迟到${late}分钟`,
      });
  }
  if (departure && departure.minute < shift.end) {
    const early = shift.end - departure.minute - coveredMinutes(departure.minute, shift.end, cover);
    if (early > shift.grace)
      marks.push({
        type: "early",
        minutes: early,
        punch: departure.ref,
        text: `末次打卡 ${hm(departure.minute)}，班次 ${hm(shift.end)} 下班${shift.grace ? `（弹性${shift.grace}分钟）` : ""}，早退${early}分钟`,
      });
  }
  return marks;
}
