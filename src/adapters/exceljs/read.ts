import type ExcelJS from "exceljs";
import type { Cell, SheetGrid } from "../../engine/types";
import { FORMAT_ROWS } from "../port";

const DAY_MS = 86400000;
const toSerial = (d: Date) => d.getTime() / DAY_MS + 25569;

/** ExcelJS cell value → engine cell: rich text and hyperlinks as their text, formulas as their cached result. */
export function toCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : { kind: "date", serial: toSerial(v) };
  const o = v as unknown as Record<string, unknown>;
  if ("error" in o) return { kind: "error", code: String(o.error) };
  if ("richText" in o && Array.isArray(o.richText))
    return (o.richText as { text: string }[]).map((t) => t.text).join("");
  if ("formula" in o || "sharedFormula" in o) return "result" in o ? toCell(o.result as ExcelJS.CellValue) : null;
  if ("text" in o) return typeof o.text === "string" ? o.text : toCell(o.text as ExcelJS.CellValue);
  return null;
}

/**
 * A worksheet's used range as a grid. ExcelJS repeats a merge's value into covered cells;
 * Office.js returns them empty: covered cells are emptied here so both hosts agree.
 */
export function sheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const cells: Cell[][] = [];
  const formats: (string | null)[][] = [];
  let fills: (string | null)[][] | undefined;
  // eachRow / eachCell visit existing cells only; getCell would create (and later save) empty ones.
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const rc: Cell[] = [];
    const rf: (string | null)[] = [];
    // Number formats matter only where titles and headers are (ExcelJS already turns date-formatted cells into dates).
    const withFormats = r <= FORMAT_ROWS;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const covered = cell.isMerged && cell.master.address !== cell.address;
      rc[c - 1] = covered ? null : toCell(cell.value);
      if (withFormats) rf[c - 1] = cell.numFmt ?? null;
      const fill = solidFill(cell);
      if (fill) ((fills ??= [])[r - 1] ??= [])[c - 1] = fill; // a punch clock's colour marks: cross-checks only
    });
    for (let c = 0; c < rc.length; c++) if (rc[c] === undefined) rc[c] = null;
    cells[r - 1] = rc;
    formats[r - 1] = rf;
  });
  for (let r = 0; r < cells.length; r++)
    if (!cells[r]) {
      cells[r] = [];
      formats[r] = [];
    }
  if (fills) for (let r = 0; r < cells.length; r++) fills[r] = cells[r].map((_, c) => fills![r]?.[c] ?? null);
  return { name: ws.name, cells, formats, ...(fills ? { fills } : {}), hidden: ws.state !== "visible" };
}

/** A cell's solid background as `RRGGBB`; theme and indexed colours are not resolved (null). */
function solidFill(cell: ExcelJS.Cell): string | null {
  const f = cell.style?.fill;
  if (!f || f.type !== "pattern" || f.pattern !== "solid") return null;
  const argb = f.fgColor?.argb;
  return argb && /^[0-9A-F]{8}$/i.test(argb) ? argb.slice(2).toUpperCase() : null;
}
