import type { Cell, DataIssue, SheetGrid } from "../types";
import { colLetter } from "../text";
import { isBlankCell } from "../parse";
import { generatedKey, OUTPUT_NAMES } from "../render/model";
import { CELL_REPORTED, CELL_STRUCTURAL, CELL_READ, type SheetCursor } from "./context";
import { FIELD_LABELS, ROLE_LABELS } from "./fields";
import type { HeaderInfo } from "./headers";
import type { CellCounts, OwnKind, SheetMapping } from "./model";
import type { Role } from "../types";

/** A cell any reader (Excel, openpyxl, ExcelJS) counts as non-empty: anything but nothing and "". */
export const nonEmpty = (c: Cell | undefined): boolean => c !== null && c !== undefined && c !== "";

export function countCells(grid: SheetGrid): number {
  let n = 0;
  for (const row of grid.cells) if (row) for (const c of row) if (nonEmpty(c)) n++;
  return n;
}

/** Columns that are row labels, never data (a 序号 column). */
const LABEL_FIELDS = new Set(["seq", "weekday"]);

/** A sheet this add-in wrote or keeps: every cell is structural, named by kind. */
export function ownKind(grid: SheetGrid): OwnKind {
  if (grid.name === OUTPUT_NAMES.rules) return "rules";
  if (grid.name === OUTPUT_NAMES.state) return "state";
  const key = generatedKey(grid.cells[0]?.[0]);
  return key && OUTPUT_NAMES[key] !== grid.name ? "archived" : "generated";
}

const OWN_REASON: Record<OwnKind, string> = {
  generated: "本工具生成的表（我们自己的输出），不作为数据读取。",
  archived: "本工具以前生成、经管理者改名的表（如“10月评分表”），不作为数据读取，也不会被覆盖。",
  rules: "规则表：考核方案本身，不作为数据读取。",
  state: "本工具的隐藏状态表（历史与更正），不作为数据读取。",
};

/** Every non-empty cell of a grid as one kind (u / s / r). */
export function uniformKinds(grid: SheetGrid, kind: string): string[][] {
  return grid.cells.map((row) => (row ?? []).map((c) => (nonEmpty(c) ? kind : "")));
}

export function ownTabMapping(grid: SheetGrid): SheetMapping {
  const own = ownKind(grid);
  const total = countCells(grid);
  return {
    sheet: grid.name,
    role: "none",
    months: [],
    headerRow: 0,
    fields: {},
    labels: {},
    confidence: "high",
    reason: OWN_REASON[own],
    used: false,
    rows: { data: 0, placed: 0, events: 0, issues: 0, structural: 0 },
    cells: { total, used: 0, structural: total, reported: 0 },
    hidden: grid.hidden || undefined,
    own,
  };
}

/** Every cell of a sheet nobody could read is reported: one line names the whole sheet. */
export function reportWholeSheet(grid: SheetGrid, issues: DataIssue[], code: string, message: string): CellCounts {
  const total = countCells(grid);
  if (total && !issues.some((i) => i.sheet === grid.name && i.scope === "sheet"))
    issues.push({ sheet: grid.name, row: 1, severity: "info", code, message, scope: "sheet" });
  return { total, used: 0, structural: 0, reported: total };
}

export interface LedgerInput {
  grid: SheetGrid;
  header: HeaderInfo;
  cur: SheetCursor;
  role: Role;
  /** A sheet read only as a cross-check: its rows are structural unless an issue names them. */
  checkedOnly: boolean;
  issues: DataIssue[];
  /** When given, filled with each cell's kind (u used, s structural, r reported; "" empty): for tests and tools. */
  kinds?: string[][];
}

/**
 * Every non-empty cell of a read sheet, exactly once. Above the data: title and header (structural). In a row
 * that made an event: the cells the reader read are used, placeholders (`--`) and 序号 structural, and any other
 * cell is reported through one line per column. A rejected row is reported by its own issue; a row nobody
 * placed gets one (the safety net, which the fuzz test proves is never needed).
 */
export function accountCells(inp: LedgerInput): { cells: CellCounts; structure: Record<string, number> } {
  const { grid, header, cur, issues } = inp;
  const out: CellCounts = { total: 0, used: 0, structural: 0, reported: 0 };
  const structure: Record<string, number> = {};
  const unusedByCol = new Map<number, number>();
  const named = rowsNamedByIssues(issues, grid.name);
  for (let r = 0; r < grid.cells.length; r++) {
    const row = grid.cells[r];
    if (!row) continue;
    let rowUnplaced = false;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (!nonEmpty(v)) continue;
      out.total++;
      const kind = cellKind(inp, r, c, v, named);
      if (inp.kinds) (inp.kinds[r] ??= [])[c] = kind === "used" ? "u" : kind === "structural" ? "s" : "r";
      if (kind === "unused-column") {
        unusedByCol.set(c, (unusedByCol.get(c) ?? 0) + 1);
        out.reported++;
      } else if (kind === "unplaced") {
        rowUnplaced = true;
        out.reported++;
      } else out[kind]++;
      if (kind === "structural") {
        const why = structuralWhy(inp, r, c, v);
        structure[why] = (structure[why] ?? 0) + 1;
      }
    }
    if (rowUnplaced && r >= header.dataStart)
      cur.issue(r, "row-not-used", "这一行没有被使用：看不出它属于哪一类记录。请检查这一行的内容。");
  }
  for (const [c, n] of [...unusedByCol].sort((a, b) => a[0] - b[0])) issues.push(columnIssue(inp, c, n));
  return { cells: out, structure };
}

/** What a structural cell is, in the words the pane and inspect show. */
function structuralWhy(inp: LedgerInput, r: number, c: number, v: Cell): string {
  const { header, cur } = inp;
  if (r < Math.min(header.fieldRow, header.groupRow ?? header.fieldRow)) return "标题";
  if (r < header.dataStart) return "表头";
  if (cur.cellState(r, c) === CELL_STRUCTURAL) return "合计/自带统计（核对一致）";
  const why = cur.structuralWhy.get(r);
  if (why) return why;
  if (inp.checkedOnly) return "仅用于核对";
  if (LABEL_FIELDS.has(header.fields[c] ?? "")) return "序号";
  if (isBlankCell(v)) return "空白占位（--）";
  return "结构";
}

type Kind = "used" | "structural" | "reported" | "unused-column" | "unplaced";

function cellKind(inp: LedgerInput, r: number, c: number, v: Cell, named: Set<number>): Kind {
  const { header, cur } = inp;
  if (r < header.dataStart) return "structural";
  const state = cur.cellState(r, c);
  if (state === CELL_REPORTED) return "reported";
  if (state === CELL_STRUCTURAL) return "structural";
  if (cur.structural.has(r)) return inp.checkedOnly && named.has(r + 1) ? "reported" : "structural";
  if (inp.checkedOnly) return named.has(r + 1) ? "reported" : "structural";
  if (cur.used.has(r)) {
    if (state === CELL_READ) return "used";
    if (isBlankCell(v) || LABEL_FIELDS.has(header.fields[c] ?? "")) return "structural";
    return "unused-column";
  }
  if (cur.rejected.has(r) || named.has(r + 1)) return "reported";
  // A row of nothing but `--` placeholders is an empty row as the export writes it.
  if (isBlankCell(v)) return "structural";
  return "unplaced";
}

/** 1-based rows that a row-level or cell-level issue of this sheet names. */
function rowsNamedByIssues(issues: DataIssue[], sheet: string): Set<number> {
  const rows = new Set<number>();
  for (const i of issues) if (i.sheet === sheet && i.scope !== "column" && i.scope !== "sheet") rows.add(i.row);
  return rows;
}

const RECORD_ONLY_FIELDS = new Set(["punchPlace", "punchDevice", "punchInfo"]);

function columnIssue(inp: LedgerInput, c: number, n: number): DataIssue {
  const { header, role, grid } = inp;
  const label = header.labels[c] || "";
  const field = header.fields[c];
  const where = `第 ${colLetter(c)} 列${label ? `“${label}”` : "（没有表头）"}`;
  // A column every export of its kind carries and no rule reads (a punch's place or device) is a record only.
  const recordOnly = !!field && RECORD_ONLY_FIELDS.has(field);
  const message = recordOnly
    ? `${where}（${FIELD_LABELS[field!] ?? field}）只作记录，不参与计分：这一列有 ${n} 个单元格没有读取。`
    : field
      ? `${where}识别为“${FIELD_LABELS[field] ?? field}”，但${ROLE_LABELS[role]}表用不上它：这一列有 ${n} 个单元格没有读取。如果它另有含义，请在任务窗格里为这一列改选字段。`
      : `${where}不是可识别的字段：这一列有 ${n} 个单元格没有读取。如果规则需要它，请在任务窗格里为这一列指定字段。`;
  return {
    sheet: grid.name,
    row: header.fieldRow + 1,
    col: colLetter(c),
    severity: recordOnly ? "info" : "warning",
    code: field ? "column-not-used" : "column-unmapped",
    message,
    scope: "column",
  };
}
