import type { Cell } from "../types";
import { cellText, formatYmd, parseDate, parseNumber } from "../parse";
import { EVENT_LABELS } from "../classify";
import type { SheetBuilder } from "../render/model";
import type { DayOverride } from "./calendar";
import { DEFAULT_NO_PUNCH_KIND, DEFAULT_PUNCH_CONFIG, type PunchConfig } from "./config";
import {
  clockText,
  DEFAULT_SHIFT,
  normaliseEnd,
  parseClock,
  parseShiftDays,
  shiftDaysText,
  type Shift,
} from "./shifts";

/** The 规则 tab's punch sections: shifts, the shop's calendar days, and what a workday without a punch is. */
export const H_SHIFTS = "【班次】",
  H_CALENDAR = "【日历】",
  H_PUNCH = "【打卡】";
export const PUNCH_SECTIONS = new Set([H_SHIFTS, H_CALENDAR, H_PUNCH]);
const NO_PUNCH = "无打卡";

export function renderPunchSections(b: SheetBuilder, cfg: PunchConfig = DEFAULT_PUNCH_CONFIG) {
  b.blank();
  b.push([H_SHIFTS, "名称", "上班", "下班", "弹性分钟", "上班日", "午休", "适用（组别/姓名，全部=默认）"], "section");
  for (const s of cfg.shifts)
    b.push([
      "",
      s.name,
      clockText(s.start),
      clockText(s.end),
      s.grace,
      shiftDaysText(s.days),
      s.lunch ? `${clockText(s.lunch.start)}-${clockText(s.lunch.end)}` : "",
      s.appliesTo.join("、") || "全部",
    ]);
  b.line(
    "说明：没有写班次时按默认 09:00-18:00、无弹性计算。下班早于上班（或写“次日01:00”）的是夜班，次日凌晨的打卡算上班那天。迟到/早退超过弹性分钟才算，分钟数从班次时间算起，按整分钟（秒舍去）。花名册或打卡表的“班次”列写班次名称，或直接写“早班 09:00-18:00”。上班日写 工作日（按国家日历）、每天、周一至周六 等。",
    "muted",
  );
  b.blank();
  b.push([H_CALENDAR, "日期", "上班/休息", "说明", "", "", "", ""], "section");
  for (const o of cfg.overrides.values()) b.push(["", o.date, o.work ? "上班" : "休息", o.note ?? "", "", "", "", ""]);
  b.line(
    "说明：工作日按国家日历（周末、法定节假日、调休上班，数据来自 chinese-days）。店里自己的安排逐日写在这里，例如 2026-10-17 | 上班 | 周六全店上班；2026-11-11 | 休息 | 店庆。多人的打卡表里某个工作日没有任何人打卡，按店休处理并列在数据问题里。",
    "muted",
  );
  b.blank();
  b.push([H_PUNCH, "项目", "值", "说明", "", "", "", ""], "section");
  b.push([
    "",
    NO_PUNCH,
    EVENT_LABELS[cfg.noPunchKind] ?? cfg.noPunchKind,
    "工作日全天没有打卡（也没有请假审批）记为旷工（默认，RULES.md）；可改为 缺勤 或 缺卡。每一天都列在数据问题里，经理可据实更正。",
    "",
    "",
    "",
    "",
  ]);
}

const LABEL_TYPE = new Map(Object.entries(EVENT_LABELS).map(([k, v]) => [v, k]));
const typeOf = (word: string) =>
  (EVENT_LABELS[word] ? word : null) ?? LABEL_TYPE.get(word) ?? (word === "缺卡" ? "missed-punch" : null);

/** Read one shift row; problems become issues naming the cell. */
function readShift(t: (c: number) => string, row: Cell[], r: number, sheet: string, bad: Bad): Shift | null {
  const start = parseClock((typeof row[2] === "number" ? row[2] : t(2)) as string | number);
  const endRaw = parseClock((typeof row[3] === "number" ? row[3] : t(3)) as string | number);
  if (start === null) bad(r, "C", `上班时间“${t(2)}”应写成 09:00。`);
  if (endRaw === null) bad(r, "D", `下班时间“${t(3)}”应写成 18:00 或 次日01:00。`);
  const grace = t(4) === "" ? 0 : parseNumber(row[4]);
  if (grace === null || grace < 0) bad(r, "E", `弹性分钟“${t(4)}”应为 0 或正整数。`);
  const days = parseShiftDays(t(5));
  if (!days) bad(r, "F", `上班日“${t(5)}”应写成 工作日、每天、周一至周六 或 一,三,五。`);
  let lunch: Shift["lunch"];
  if (t(6)) {
    const m = t(6)
      .split(/[-~～至到]/)
      .map((x) => parseClock(x.trim()));
    if (m.length !== 2 || m[0] === null || m[1] === null || m[1] <= m[0])
      bad(r, "G", `午休“${t(6)}”应写成 12:00-13:00。`);
    else lunch = { start: m[0], end: m[1] };
  }
  if (start === null || endRaw === null || grace === null || !days) return null;
  const appliesTo = t(7)
    .split(/[,，、;；\s]+/)
    .filter((x) => x && x !== "全部");
  return {
    name: t(1),
    start,
    end: normaliseEnd(start, endRaw),
    grace: Math.round(grace),
    days,
    lunch,
    appliesTo: appliesTo.length ? appliesTo : ["全部"],
    source: `${sheet}!B${r + 1}`,
  };
}

type Bad = (row: number, col: string, message: string) => void;

/** The punch sections' rows (section heading, 0-based row, cells) → the punch configuration. */
export function readPunchSections(sheet: string, rows: [string, number, Cell[]][], bad: Bad): PunchConfig {
  const shifts: Shift[] = [];
  const overrides = new Map<string, DayOverride>();
  let noPunchKind = DEFAULT_NO_PUNCH_KIND;
  for (const [section, r, row] of rows) {
    const t = (c: number) => cellText(row?.[c] ?? null);
    if (section === H_SHIFTS) {
      const s = readShift(t, row, r, sheet, bad);
      if (s) shifts.push(s);
    } else if (section === H_CALENDAR) {
      const d = parseDate(row[1] ?? null, {});
      const work = /^(上班|工作|工作日|work)$/.test(t(2))
        ? true
        : /^(休息|休|放假|店休|rest)$/.test(t(2))
          ? false
          : null;
      if (!d) bad(r, "B", `日期“${t(1)}”应写成 2026-10-17。`);
      if (work === null) bad(r, "C", `“${t(2)}”应写 上班 或 休息。`);
      if (d && work !== null) overrides.set(formatYmd(d), { date: formatYmd(d), work, note: t(3) || undefined });
    } else if (section === H_PUNCH && t(1) === NO_PUNCH) {
      const type = typeOf(t(2));
      if (!type) bad(r, "C", `无打卡的类型“${t(2)}”应写 旷工、缺勤 或 缺卡。`);
      else noPunchKind = type;
    }
  }
  return { shifts: shifts.length ? shifts : [DEFAULT_SHIFT], overrides, noPunchKind, declared: shifts.length > 0 };
}
