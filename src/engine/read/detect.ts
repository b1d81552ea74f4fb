import { ROLES, type Role, type SheetGrid } from "../types";
import { colLetter, normalizeText } from "../text";
import { cellText } from "../parse";
import { FIELD_LABELS, ROLE_LABELS, ROLE_NAME_HINTS, ROLE_SIGNALS } from "./fields";
import { detectHeader, type HeaderInfo } from "./headers";
import { monthFromText } from "./month";
import { isPunchDetail } from "./punchDetail";
import type { Confidence, Layout, MappingOverride } from "./model";
import { detectPunchSheet } from "../punch/detectPunch";

export interface Detection {
  role: Role;
  layout?: Layout;
  header: HeaderInfo | null;
  confidence: Confidence;
  reason: string;
  /** The title rows' text (above the header), where a month is usually named. */
  titleText: string;
  /** A month named by the title rows or the sheet name; see `titleMonth`. */
  titleMonth: string | null;
  corrected: boolean;
}

const ALL_ROLES = Object.keys(ROLE_SIGNALS) as Exclude<Role, "none">[];

/** Decide a sheet's role: headers first, the sheet name and title rows second. */
/**
 * The month a sheet's title or name gives. `9月考勤` needs a year: the caller passes the
 * workbook's, which is only known once every sheet's title has been seen.
 */
export function titleMonth(grid: SheetGrid, titleText: string, defaultYear?: number): string | null {
  return monthFromText(titleText, defaultYear) ?? monthFromText(grid.name, defaultYear);
}

export function detectSheet(grid: SheetGrid, override?: MappingOverride): Detection {
  const header = overriddenHeader(grid, detectHeader(grid), override);
  // Punch logs and punch-time grids are recognised by content (src/engine/punch), unless the user corrected the sheet.
  const punch = override ? null : detectPunchSheet(grid, header);
  if (punch) return punchDetection(grid, punch);
  const titleText = grid.cells
    .slice(0, header ? header.fieldRow : 3)
    .flat()
    .map((c) => cellText(c))
    .join(" ");
  const month = titleMonth(grid, titleText);
  if (header && override?.fields) {
    for (const [letter, field] of Object.entries(override.fields)) {
      const idx = header.labels.findIndex((_, i) => colLetter(i) === letter);
      const i = idx >= 0 ? idx : letterIndex(letter);
      header.fields[i] = field;
    }
  }
  if (!header) {
    return {
      role: override?.role ?? "none",
      header: null,
      confidence: "low",
      reason: "没有找到表头行（如 姓名、日期 等），无法读取。",
      titleText,
      titleMonth: month,
      corrected: !!override?.role,
    };
  }
  const { role, layout, confidence, reason, corrected } = classifyByHeader(grid, header, titleText, override);
  return { role, layout, header, confidence, reason, titleText, titleMonth: month, corrected };
}

/** The header row the user named (its fields blank until the override's), else the detected one. */
function overriddenHeader(grid: SheetGrid, header: HeaderInfo | null, override?: MappingOverride): HeaderInfo | null {
  if (!(override?.headerRow || (!header && override?.fields))) return header;
  const row = (override.headerRow ?? 1) - 1;
  const width = Math.max(0, ...grid.cells.map((r) => r?.length ?? 0));
  const labels = Array.from({ length: width }, (_, c) => cellText(grid.cells[row]?.[c] ?? null));
  return {
    fieldRow: row,
    groupRow: null,
    dataStart: row + 1,
    fields: labels.map(() => null),
    labels,
    dayColumns: [],
  };
}

function punchDetection(grid: SheetGrid, punch: NonNullable<ReturnType<typeof detectPunchSheet>>): Detection {
  const top = punch.header.groupRow ?? punch.header.fieldRow;
  const text = grid.cells.slice(0, top).flat().map(cellText).join(" ");
  const month = titleMonth(grid, text);
  const base = {
    role: "attendance" as const,
    layout: punch.layout,
    header: punch.header,
    confidence: "high" as const,
  };
  return { ...base, reason: punch.reason, titleText: text, titleMonth: month, corrected: false };
}

/** Role, layout, confidence and the reason shown, from the header's fields and the sheet's name and title. */
function classifyByHeader(grid: SheetGrid, header: HeaderInfo, titleText: string, override?: MappingOverride) {
  const fields = new Set(header.fields.filter(Boolean) as string[]);
  const hasName = fields.has("name") || fields.has("account") || fields.has("empId");
  const sheetName = normalizeText(grid.name);
  const hint = ROLE_NAME_HINTS.find(([, re]) => re.test(sheetName) || re.test(titleText));
  const ranked = rankRoles(fields, header.dayColumns.length > 0, hasName, hint?.[0]);
  let role: Role = ranked[0]?.role ?? "none";
  const score = ranked[0]?.score ?? 0;
  const second = ranked[1]?.score ?? 0;
  // A role whose required columns are missing is never chosen: the sheet is shown with what it lacks.
  const lacking = ranked.length ? null : closestUnusable(fields, hasName, hint?.[0]);
  if (override?.role) role = override.role;
  const layout = layoutOf(role, header, fields);
  const confidence: Confidence = override?.role
    ? "high"
    : score >= 8 && score - second >= 3
      ? "high"
      : score >= 5
        ? "medium"
        : "low";
  const named = [...fields]
    .filter((f) => f !== "day")
    .slice(0, 6)
    .map((f) => FIELD_LABELS[f] ?? f)
    .join("、");
  const dayNote = header.dayColumns.length ? `，${header.dayColumns.length} 个日期列` : "";
  const reason =
    role === "none"
      ? lacking
        ? `表头（${named || "无可识别字段"}）像${ROLE_LABELS[lacking.role]}，但缺少${lacking.missing}，这张表的行无法使用。可补上这一列，或在任务窗格里指定类型与字段。`
        : `表头（${named || "无可识别字段"}）不像任何一种考核数据，未读取。可在任务窗格里指定类型。`
      : `第 ${header.fieldRow + 1} 行表头有 ${named}${dayNote}${hint?.[0] === role ? `，表名“${grid.name}”也像${ROLE_LABELS[role]}` : ""} → ${ROLE_LABELS[role]}${layout ? `（${LAYOUT_LABELS[layout]}）` : ""}`;
  return {
    role,
    layout,
    confidence,
    reason: override?.role ? `${reason}（按用户的更正）` : reason,
    corrected: !!override,
  };
}

const LAYOUT_LABELS: Record<Layout, string> = {
  long: "逐行记录",
  matrix: "符号矩阵",
  export: "打卡系统导出",
  summary: "月度汇总",
  punches: "打卡明细",
  records: "逐行记录",
  punchLog: "原始打卡记录",
  punchGrid: "打卡时间表",
};

type Ranked = { role: Exclude<Role, "none">; score: number };

/** What a role needs to use a row, besides a person (express and fund rows may have none). */
const REQUIRED: Record<Exclude<Role, "none">, { any: string[]; label: string }> = {
  attendance: {
    any: [
      "status",
      "statusIn",
      "statusOut",
      "lateMinutes",
      "earlyMinutes",
      "clockIn",
      "clockOut",
      "approval",
      "lateCount",
      "absentCount",
      "missedCount",
      "earlyCount",
      "personalLeave",
      "sickLeave",
      "swapLeave",
      "annualLeave",
    ],
    label: "考勤状态或打卡结果列",
  },
  complaints: { any: ["reason", "type", "points", "bonus"], label: "原因 / 类型 / 扣分列" },
  express: { any: ["courier", "trackingNo"], label: "快递公司或快递单号列" },
  fines: { any: ["amount"], label: "金额列" },
  roster: {
    any: ["empId", "account", "group", "position", "hireDate", "leaveDate", "dept"],
    label: "工号 / 账号 / 组别列",
  },
  performance: {
    any: Object.keys(ROLE_SIGNALS.performance),
    label: "绩效指标列",
  },
};

function usable(
  role: Exclude<Role, "none">,
  fields: Set<string>,
  days: boolean,
  hasName: boolean,
  hint?: Exclude<Role, "none">,
): boolean {
  if (!hasName && role !== ROLES.express && role !== ROLES.fines) return false;
  if (role === "attendance" && days) return true;
  // A punch log (姓名, 打卡时间 …) under an attendance name: the punches themselves are the content.
  if (role === "attendance" && hint === "attendance" && isPunchDetail(fields)) return true;
  return REQUIRED[role].any.some((f) => fields.has(f));
}

function fieldScore(role: Exclude<Role, "none">, fields: Set<string>, days: boolean): number {
  let s = 0;
  for (const f of fields) s += ROLE_SIGNALS[role][f] ?? 0;
  if (role === "attendance" && days) s += 10;
  // A roster has people but no dated events; courier and complaint columns are not a fines ledger.
  if (role === "roster" && (fields.has("date") || fields.has("amount"))) s -= 4;
  if (role === "fines" && (fields.has("trackingNo") || fields.has("courier"))) s -= 5;
  if (role === "fines" && (fields.has("verified") || fields.has("handleStatus"))) s -= 2;
  return s;
}

/**
 * Roles by content: each role the columns can serve, by how much the columns say. The sheet's name or title
 * only breaks a tie, or lets a weak but usable header through (a 投诉 sheet of 日期 / 客服 / 内容).
 */
export function rankRoles(
  fields: Set<string>,
  days: boolean,
  hasName: boolean,
  hint?: Exclude<Role, "none">,
): Ranked[] {
  const ranked: Ranked[] = [];
  for (const role of ALL_ROLES) {
    if (!usable(role, fields, days, hasName, hint)) continue;
    const score = fieldScore(role, fields, days) + (role === "attendance" && isPunchDetail(fields) ? 2 : 0);
    if (score >= 3 || (role === hint && score >= 1)) ranked.push({ role, score });
  }
  return ranked.sort((a, b) => b.score - a.score || (b.role === hint ? 1 : 0) - (a.role === hint ? 1 : 0));
}

/** The role a sheet looks most like that it cannot serve, and what it lacks. */
function closestUnusable(
  fields: Set<string>,
  hasName: boolean,
  hint?: Exclude<Role, "none">,
): { role: Exclude<Role, "none">; missing: string } | null {
  let best: { role: Exclude<Role, "none">; score: number } | null = null;
  for (const role of ALL_ROLES) {
    const score = fieldScore(role, fields, false) + (role === hint ? 3 : 0);
    if (score >= 3 && (!best || score > best.score)) best = { role, score };
  }
  if (!best) return null;
  const missing =
    !hasName && best.role !== ROLES.express && best.role !== ROLES.fines ? "姓名列" : REQUIRED[best.role].label;
  return { role: best.role, missing };
}

function layoutOf(role: Role, h: HeaderInfo, fields: Set<string>): Layout | undefined {
  if (role !== "attendance") return role === "none" ? undefined : "records";
  if (h.dayColumns.length) return "matrix";
  if (isPunchDetail(fields)) return "punches";
  if (
    !fields.has("date") &&
    (fields.has("lateCount") || fields.has("absentCount") || fields.has("missedCount") || fields.has("personalLeave"))
  )
    return "summary";
  if (fields.has("statusIn") || fields.has("approval") || h.groupRow !== null) return "export";
  return "long";
}

function letterIndex(letter: string): number {
  let n = 0;
  for (const ch of letter.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
