import type { Role, SheetGrid } from "../types";
import { colLetter, normalizeText } from "../text";
import { cellText } from "../parse";
import { FIELD_LABELS, ROLE_LABELS, ROLE_NAME_HINTS, ROLE_SIGNALS } from "./fields";
import { detectHeader, type HeaderInfo } from "./headers";
import { monthFromText } from "./month";
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
  let header = detectHeader(grid);
  if (override?.headerRow || (!header && override?.fields)) {
    const row = (override.headerRow ?? 1) - 1;
    const width = Math.max(0, ...grid.cells.map((r) => r?.length ?? 0));
    const labels = Array.from({ length: width }, (_, c) => cellText(grid.cells[row]?.[c] ?? null));
    header = {
      fieldRow: row,
      groupRow: null,
      dataStart: row + 1,
      fields: labels.map(() => null),
      labels,
      dayColumns: [],
    };
  }
  // Punch logs and punch-time grids are recognised by content (src/engine/punch), unless the user corrected the sheet.
  const punch = override ? null : detectPunchSheet(grid, header);
  if (punch) {
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
  const fields = new Set(header.fields.filter(Boolean) as string[]);
  const scores = new Map<Role, number>();
  for (const role of ALL_ROLES) {
    let s = 0;
    for (const f of fields) s += ROLE_SIGNALS[role][f] ?? 0;
    scores.set(role, s);
  }
  const hasName = fields.has("name") || fields.has("account") || fields.has("empId");
  if (header.dayColumns.length && hasName) scores.set("attendance", (scores.get("attendance") ?? 0) + 10);
  // A roster has people but no dated events.
  if (fields.has("date") || fields.has("amount")) scores.set("roster", (scores.get("roster") ?? 0) - 4);
  if (fields.has("trackingNo") || fields.has("courier")) scores.set("fines", (scores.get("fines") ?? 0) - 5);
  if (fields.has("verified") || fields.has("handleStatus")) scores.set("fines", (scores.get("fines") ?? 0) - 2);
  const sheetName = normalizeText(grid.name);
  const hint = ROLE_NAME_HINTS.find(([, re]) => re.test(sheetName) || re.test(titleText));
  if (hint) scores.set(hint[0], (scores.get(hint[0]) ?? 0) + 3);
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  let [role] = ranked[0];
  const score = ranked[0][1];
  const second = ranked[1]?.[1] ?? 0;
  if (score < 3 || (!hasName && role !== "express" && role !== "fines")) role = "none";
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
      ? `表头（${named || "无可识别字段"}）不像任何一种考核数据，未读取。可在任务窗格里指定类型。`
      : `第 ${header.fieldRow + 1} 行表头有 ${named}${dayNote}${hint?.[0] === role ? `，表名“${grid.name}”也像${ROLE_LABELS[role]}` : ""} → ${ROLE_LABELS[role]}${layout ? `（${LAYOUT_LABELS[layout]}）` : ""}`;
  return {
    role,
    layout,
    header,
    confidence,
    reason: override?.role ? `${reason}（按用户的更正）` : reason,
    titleText,
    titleMonth: month,
    corrected: !!override,
  };
}

const LAYOUT_LABELS: Record<Layout, string> = {
  long: "逐行记录",
  matrix: "符号矩阵",
  export: "打卡系统导出",
  summary: "月度汇总",
  records: "逐行记录",
  punchLog: "原始打卡记录",
  punchGrid: "打卡时间表",
};

function layoutOf(role: Role, h: HeaderInfo, fields: Set<string>): Layout | undefined {
  if (role !== "attendance") return role === "none" ? undefined : "records";
  if (h.dayColumns.length) return "matrix";
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
