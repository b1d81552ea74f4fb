import { halfWidth, fold } from "../text";
import { ATTENDANCE_KEYWORDS, classifyText, leaveWord, type KeywordRow } from "../classify";
import { E } from "../events";

/** A day without a shift (WeCom 未排班, 排休, 轮休): a rest day. */
const UNSCHEDULED = /^(未排班|排休|轮休)$/;

/** One attendance mark read from a status text. */
export interface Mark {
  type: string;
  /** Minutes for late / early. */
  minutes?: number;
  /** Part of the day, for leave (0.5 for a half day). */
  days?: number;
  detail?: string;
  /** Set once an approval has said what this absence was. */
  refined?: boolean;
  /** DingTalk 严重迟到: an absence unless the punch time gives its minutes. */
  serious?: boolean;
}

/**
 * Status text of a long sheet or an export: `迟到30分钟`, `旷工480分钟`, `缺卡1次`, `正常（请假）`,
 * `严重迟到`, `迟到30分钟;早退10分钟`. Returns null when the text names no attendance kind.
 */
const STATUS_CACHE = new WeakMap<KeywordRow[], Map<string, Mark[] | null>>();

export function parseStatus(raw: string, table: KeywordRow[] = ATTENDANCE_KEYWORDS): Mark[] | null {
  let cache = STATUS_CACHE.get(table);
  if (!cache) STATUS_CACHE.set(table, (cache = new Map()));
  let marks = cache.get(raw);
  if (marks === undefined) {
    marks = parseStatusText(raw, table);
    if (cache.size > 20_000) cache.clear();
    cache.set(raw, marks);
  }
  // Callers fill in measures: each gets its own copies.
  return marks && marks.map((m) => ({ ...m }));
}

function parseStatusText(raw: string, table: KeywordRow[]): Mark[] | null {
  const s = halfWidth(raw).trim();
  if (!s || s === "--") return [];
  // `正常（请假）`: the bracket says what the normal day really was.
  const bracket = s.match(/^正常\s*[(（]([^)）]+)[)）]$/);
  if (bracket) {
    const inner = bracket[1];
    // An approved make-up punch is a forgotten registration, recorded as 调休 (RULES.md, seed 000).
    if (/补卡/.test(inner)) return [{ type: E.missedPunch, detail: "补卡" }];
    // WeCom's `正常（未排班）`: no shift that day, a rest day (RULES.md).
    if (UNSCHEDULED.test(inner.trim())) return [{ type: E.rest, detail: inner.trim() }];
    const t = classifyText(inner, table);
    if (!t) return null;
    return [{ type: t, detail: leaveWord(inner) ?? undefined }];
  }
  const parts = s.split(/[,，;；、/]|\s+/).filter(Boolean);
  const marks: Mark[] = [];
  for (const p of parts) {
    const f = fold(p);
    // DingTalk: 旷工迟到 is 旷工; 严重迟到 without minutes is an absence; 补卡审批通过 a forgotten registration;
    // a result the administrator changed to normal is normal (RULES.md).
    const type = UNSCHEDULED.test(f)
      ? E.rest
      : /旷工迟到/.test(f)
        ? E.unauthorised
        : /管理员.*改为正常/.test(f)
          ? E.present
          : /补卡/.test(f)
            ? E.missedPunch
            : /外勤|公差/.test(f)
              ? E.trip
              : /严重迟到/.test(f) && !/\d/.test(f)
                ? E.absence
                : classifyText(p, table);
    if (!type) return null;
    const mark: Mark = { type };
    if (/严重迟到/.test(f)) mark.serious = true;
    const hm = f.match(/(\d+(?:\.\d+)?)小时(?:(\d+)分)?/);
    const mm = f.match(/(\d+(?:\.\d+)?)分钟?/);
    const dm = f.match(/(\d+(?:\.\d+)?)天/);
    if (hm) mark.minutes = +hm[1] * 60 + (hm[2] ? +hm[2] : 0);
    else if (mm) mark.minutes = +mm[1];
    if (dm) mark.days = Math.min(1, +dm[1]);
    const lw = leaveWord(p);
    if (lw) mark.detail = lw;
    marks.push(mark);
  }
  return marks;
}

export interface ApprovalLeave {
  type: string;
  detail: string;
  days: number;
  half: boolean;
  /** The hours it covers on the day, minutes after midnight (`09:00到10:00`), when the text gives them. */
  window?: { from: number; to: number };
}

const APPROVAL_KIND = /(事假|病假|调休假?|年假|年休假?|婚假|产假|陪产假|丧假|护理假|育儿假|出差|公差|外出|外勤|请假)/g;
const DURATION = /(\d+(?:\.\d+)?)\s*(天|小时|h)(?![a-z])/i;
const WINDOW = /(\d{1,2}):(\d{2})\s*(?:到|至|~|～|-)\s*(?:\d{1,2}[-/]\d{1,2}\s+)?(\d{1,2}):(\d{2})/;

/**
 * Leave named in an approval text: `调休假0.5天（3/14 下午 - 3/14 下午）`, `事假1天`, `病假4小时`,
 * DingTalk's `事假 10-29 09:00到10-29 10:00 1小时`. Hours become days by an 8-hour shift.
 */
export function parseApproval(raw: string, table: KeywordRow[] = ATTENDANCE_KEYWORDS): ApprovalLeave[] {
  const s = halfWidth(raw);
  const out: ApprovalLeave[] = [];
  const kinds = [...s.matchAll(APPROVAL_KIND)];
  kinds.forEach((m, i) => {
    const segment = s.slice(m.index! + m[1].length, kinds[i + 1]?.index ?? s.length);
    const type = /外勤|公差/.test(m[1]) ? E.trip : (classifyText(m[1], table) ?? E.leave);
    const d = segment.match(DURATION);
    let days = d ? +d[1] : 1;
    if (d && d[2] !== "天") days = days / 8;
    const half = days < 1 || /上午\s*-\s*[\d/]+\s*上午|下午\s*-\s*[\d/]+\s*下午/.test(segment);
    const w = segment.match(WINDOW);
    const window = w ? { from: +w[1] * 60 + +w[2], to: +w[3] * 60 + +w[4] } : undefined;
    out.push({ type, detail: m[1], days: half ? Math.min(days, 0.5) || 0.5 : Math.min(days, 1), half, window });
  });
  return out;
}
