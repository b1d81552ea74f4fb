import type ExcelJS from "exceljs";
import type { Cell, SheetGrid } from "../../engine/types";

const DAY_MS = 86400000;
const toSerial = (d: Date) => d.getTime() / DAY_MS + 25569;

/** ExcelJS cell value → engine cell: rich text and hyperlinks as their text, formulas as their cached result. */
export function toCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : { kind: "date", serial: toSerial(v) };
  const o = v as unknown as Record<string, unknown>;
  if ("error" in o) return { kind: "error", code: String(o.error) };
  if ("richText" in o && Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join("");
  if ("formula" in o || "sharedFormula" in o) return "result" in o ? toCell(o.result as ExcelJS.CellValue) : null;
  if ("text" in o) return typeof o.text === "string" ? o.text : toCell(o.text as ExcelJS.CellValue);
  return null;
}

/**
 * A worksheet's used range as a grid. ExcelJS repeats a merge's value into covered cells;
 * Office.js returns them empty: covered cells are emptied here so both hosts agree.
 */
export function sheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows = ws.actualRowCount ? ws.rowCount : 0;
  const cols = ws.columnCount;
  const cells: Cell[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const rc: Cell[] = [];
    const rf: (string | null)[] = [];
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      const covered = cell.isMerged && cell.master && cell.master.address !== cell.address;
      rc.push(covered ? null : toCell(cell.value));
      rf.push(cell.numFmt ?? null);
    }
    cells.push(rc);
    formats.push(rf);
  }
  return { name: ws.name, cells, formats, hidden: ws.state !== "visible" };
}
