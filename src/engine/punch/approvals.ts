import { halfWidth } from "../text";
import { classifyText, leaveWord, type KeywordRow } from "../classify";

/** An approval read from a punch sheet's 审批 cell: a leave or trip over a span, or an approved 补卡. */
export interface Approval {
  type: string;
  detail: string;
  /** ISO date + minute of the start and end; null for a whole-day approval without times. */
  from: { date: string; minute: number } | null;
  to: { date: string; minute: number } | null;
  makeup: boolean;
}

const SPAN =
  /(?:(\d{4})[-/])?(\d{1,2})[-/月](\d{1,2})日?\s*(\d{1,2}):(\d{2})\s*(?:到|至|~|～|-|—)\s*(?:(\d{4})[-/])?(\d{1,2})[-/月](\d{1,2})日?\s*(\d{1,2}):(\d{2})/;

/**
 * `事假 10-08 09:00到10-08 11:00 2小时`, `补卡审批通过`, `年假`. Only approved text counts: a cell saying
 * 审批中 / 已驳回 / 撤销 is not an approval. Null when the cell names nothing the keyword table knows.
 */
export function parseApproval(text: string, year: number, table: KeywordRow[]): Approval | null {
  const s = halfWidth(text).trim();
  if (!s || /审批中|待审批|驳回|拒绝|撤销|撤回/.test(s)) return null;
  if (/补卡/.test(s)) return { type: "missed-punch", detail: "补卡", from: null, to: null, makeup: true };
  const type = classifyText(s, table);
  if (!type || !["leave", "swap", "statutory", "trip"].includes(type)) return null;
  const detail = leaveWord(s) ?? s;
  const m = s.match(SPAN);
  if (!m) return { type, detail, from: null, to: null, makeup: false };
  const iso = (y: string | undefined, mo: string, d: string) =>
    `${y ?? year}-${mo.padStart(2, "0")}-${d.padStart(2, "0")}`;
  return {
    type,
    detail,
    from: { date: iso(m[1], m[2], m[3]), minute: +m[4] * 60 + +m[5] },
    to: { date: iso(m[6] ?? m[1], m[7], m[8]), minute: +m[9] * 60 + +m[10] },
    makeup: false,
  };
}

/** The part of an approval that falls on one day, in that day's minutes (0 … 2880 for a night shift). */
export function approvalOnDay(a: Approval, iso: string, nextIso: string): { start: number; end: number } | null {
  if (!a.from || !a.to) return { start: -1440, end: 2 * 1440 };
  const at = (p: { date: string; minute: number }) =>
    p.date === iso ? p.minute : p.date === nextIso ? p.minute + 1440 : p.date < iso ? -1 : 2 * 1440 + 1;
  const start = Math.max(0, at(a.from));
  const end = Math.min(2 * 1440, at(a.to));
  return end > start ? { start, end } : null;
}
