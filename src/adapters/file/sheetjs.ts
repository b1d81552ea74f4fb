import * as XLSX from "@e965/xlsx";
import type { Cell, SheetGrid } from "../../engine/types";
import { FORMAT_ROWS, type SheetInfo } from "../port";
import { FileError } from "./errors";

const ERRORS: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};
const DAY_MS = 86400000;

/** SheetJS prints format warnings on the console; a command's stderr is for one line of failure only. */
function quietly<T>(f: () => T): T {
  const saved = [console.error, console.warn, console.log];
  console.error = console.warn = console.log = () => {};
  try {
    return f();
  } finally {
    [console.error, console.warn, console.log] = saved;
  }
}

/** Parses a workbook (.xlsx/.xlsm/.xls/.ods) with SheetJS: cached values, number formats, fills, no formulas re-run. */
export function parseWorkbook(bytes: Uint8Array): XLSX.WorkBook {
  try {
    return quietly(() =>
      XLSX.read(bytes, {
        type: "array",
        dense: true,
        cellNF: true,
        cellStyles: true,
        cellText: false,
        cellHTML: false,
        // Cached results are what the engine reads; formula text is never needed.
        cellFormula: false,
      }),
    );
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    if (/password|encrypt/i.test(msg)) throw new FileError("password");
    throw new FileError("damaged", msg.slice(0, 120));
  }
}

export function sheetInfos(wb: XLSX.WorkBook): SheetInfo[] {
  const meta = wb.Workbook?.Sheets ?? [];
  return wb.SheetNames.map((name, i) => ({ name, hidden: !!meta[i]?.Hidden }));
}

type SjsCell = XLSX.CellObject & { s?: { patternType?: string; fgColor?: { rgb?: string } } };

/** SheetJS cell → engine cell: rich text and hyperlinks as their text, formulas as their cached result. */
function toCell(c: SjsCell | undefined, date1904: boolean): Cell {
  if (!c) return null;
  switch (c.t) {
    case "s":
      return typeof c.v === "string" ? c.v : String(c.v ?? "");
    case "b":
      return !!c.v;
    case "e":
      return { kind: "error", code: ERRORS[c.v as number] ?? String(c.w ?? "#VALUE!") };
    case "d": {
      const t = c.v instanceof Date ? c.v.getTime() : Date.parse(String(c.v));
      return Number.isNaN(t) ? null : { kind: "date", serial: t / DAY_MS + 25569 };
    }
    case "n": {
      const v = c.v as number;
      if (!Number.isFinite(v)) return null;
      if (c.z && typeof c.z === "string" && XLSX.SSF.is_date(c.z))
        return { kind: "date", serial: date1904 ? v + 1462 : v };
      return v;
    }
    default:
      return null;
  }
}

const fillOf = (c: SjsCell | undefined): string | null => {
  const s = c?.s;
  if (!s || s.patternType !== "solid" || !s.fgColor?.rgb) return null;
  const rgb = s.fgColor.rgb.toUpperCase();
  return rgb.length === 8 ? rgb.slice(2) : rgb;
};

/**
 * A worksheet as the engine's grid: top-left at A1, covered merge cells empty (as Office.js gives them),
 * number formats for the top rows, solid fills where a cell has one.
 */
export function sheetGrid(wb: XLSX.WorkBook, name: string, hidden: boolean): SheetGrid {
  const ws = wb.Sheets[name];
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const data = (ws?.["!data"] ?? []) as (SjsCell[] | undefined)[];
  const cells: Cell[][] = [];
  const formats: (string | null)[][] = [];
  let fills: (string | null)[][] | undefined;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    const rc: Cell[] = [];
    const rf: (string | null)[] = [];
    if (row)
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        rc[c] = toCell(cell, date1904);
        if (r < FORMAT_ROWS) rf[c] = typeof cell?.z === "string" && cell.z !== "General" ? cell.z : null;
        const fill = fillOf(cell);
        if (fill) ((fills ??= [])[r] ??= [])[c] = fill;
      }
    for (let c = 0; c < rc.length; c++) if (rc[c] === undefined) rc[c] = null;
    while (rc.length && rc[rc.length - 1] === null) rc.pop();
    cells.push(rc);
    formats.push(rf);
  }
  for (const m of ws?.["!merges"] ?? [])
    for (let r = m.s.r; r <= m.e.r; r++)
      for (let c = m.s.c; c <= m.e.c; c++)
        if ((r !== m.s.r || c !== m.s.c) && cells[r]?.[c] !== undefined) cells[r][c] = null;
  while (cells.length && cells[cells.length - 1].length === 0) {
    cells.pop();
    formats.pop();
  }
  if (fills) for (let r = 0; r < cells.length; r++) fills[r] = Array.from(cells[r], (_, c) => fills![r]?.[c] ?? null);
  return { name, cells, formats, ...(fills ? { fills: fills.slice(0, cells.length) } : {}), hidden };
}

/** A fresh .xlsx package of a workbook read from .xls/.ods/.csv: its sheets' values and number formats. */
export function toXlsxPackage(wb: XLSX.WorkBook): Uint8Array {
  // The dense writer expects a row array for every row of the range (an .ods leaves holes).
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    const data = ws["!data"] as unknown[][] | undefined;
    const range = ws["!ref"] ? XLSX.utils.decode_range(ws["!ref"]) : null;
    if (data && range) for (let r = 0; r <= range.e.r; r++) data[r] ??= [];
  }
  return quietly(() => new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx", compression: true })));
}

/** A SheetJS workbook of one sheet of values (a CSV), to be written as .xlsx. */
export function workbookOfRows(name: string, rows: Cell[][]): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows as unknown[][]), name);
  return wb;
}
