import { compareText } from "../text";
import type { MonthResult } from "../score/result";
import type { SheetMapping } from "../read/model";
import type { DataIssue } from "../types";
import { eventLabel } from "../events";
import { UNIT_WORD } from "../score/kinds";
import { ROLE_LABELS, FIELD_LABELS } from "../read/fields";
import { refText } from "../types";
import { OUTPUT_NAMES, SheetBuilder, type OutputSheet } from "./model";
import { issueStatus, notCounted } from "./issueStatus";

/** 明细: every applied event → rule → points or yuan → source. */
export function renderAudit(r: MonthResult): OutputSheet {
  const b = new SheetBuilder(9, "audit");
  b.line(`${r.month} 计分明细（每一分、每一元的来源）`, "title");
  const header = b.push(
    ["姓名", "日期", "规则", "事件", UNIT_WORD.points, UNIT_WORD.yuan, UNIT_WORD.vouchers, "说明", "来源"],
    "header",
  );
  for (const a of r.agents)
    for (const l of a.lines) {
      b.push([
        a.name,
        l.date,
        l.ruleLabel,
        l.text ?? eventLabel(l.eventType),
        l.unit === "points" ? l.value : null,
        l.unit === "yuan" ? l.value : null,
        l.unit === "vouchers" ? l.value : null,
        [l.note, l.inItem ? "计入出勤率项" : "", l.action ? `处理：${l.action}` : ""].filter(Boolean).join("；"),
        l.sources.map(refText).join(", "),
      ]);
    }
  return b.buildWide("audit", OUTPUT_NAMES.audit, [12, 11, 18, 26, 7, 7, 7, 30, 18], header, [4, 5, 6], true);
}

/** 数据问题: what each sheet was read as, then every row that could not be used, with its reason. */
export function renderIssues(sheets: SheetMapping[], issues: DataIssue[]): OutputSheet {
  const b = new SheetBuilder(6, "issues");
  b.line("数据问题与工作表识别", "title");
  b.line(
    `${issues.filter((i) => notCounted(issueStatus(i))).length} 处未计入或未使用，${issues.filter((i) => i.severity !== "info" && !notCounted(issueStatus(i))).length} 处已计入、需要核对。点“来源”找到原表的那一行。`,
    "subtitle",
  );
  b.line("工作表识别", "section");
  b.push(["工作表", "识别为", "月份", "表头行", "可信度", "依据"], "header");
  for (const s of sheets) {
    b.push([
      s.sheet,
      `${ROLE_LABELS[s.role]}${s.used ? "" : "（仅用于核对）"}`,
      s.months.join("、"),
      s.headerRow || "",
      { high: "高", medium: "中", low: "低" }[s.confidence],
      `${s.reason}；字段：${Object.entries(s.fields)
        .filter(([, f]) => f !== "day")
        .map(([c, f]) => `${c}=${FIELD_LABELS[f] ?? f}`)
        .join(" ")}`,
    ]);
  }
  b.blank();
  b.line("数据问题", "section");
  const header = b.push(["工作表", "行", "列", "状态", "问题", "来源"], "header");
  const sorted = issues.slice().sort((x, y) => compareText(x.sheet, y.sheet) || x.row - y.row);
  for (const i of sorted)
    b.push([
      i.sheet,
      i.row || "",
      i.col ?? "",
      issueStatus(i),
      i.message,
      // An issue about an agent with no row at all (no grade anywhere) has no cell to point at.
      i.row ? refText({ sheet: i.sheet, row: i.row, col: i.col }) : "",
    ]);
  if (!issues.length) b.push(["", "", "", "", "没有数据问题。", ""]);
  return b.buildWide("issues", OUTPUT_NAMES.issues, [14, 6, 5, 12, 60, 14], header);
}
