import type ExcelJS from "exceljs";
import type { OutputSheet, StyleName } from "../../engine/render/model";

const FILL: Partial<Record<StyleName, string>> = {
  header: "FFDDEBF7",
  flag: "FFFCE4D6",
  total: "FFF2F2F2",
  section: "FFE2EFDA",
  title: "FFFFFFFF",
};
const A1 = (r: number, c: number) => `${colName(c)}${r + 1}`;
function colName(c: number) {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Writes one described sheet into an ExcelJS workbook: values (strings always as text), formats, print setup. */
export function writeSheet(wb: ExcelJS.Workbook, s: OutputSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(s.name, {
    state: s.hidden ? "veryHidden" : "visible",
    views: s.freeze ? [{ state: "frozen", xSplit: s.freeze.cols, ySplit: s.freeze.rows }] : undefined,
  });
  s.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  writeValues(ws, s);
  applyStyles(ws, s);
  for (const m of s.merges) ws.mergeCells(m.r1 + 1, m.c1 + 1, m.r2 + 1, m.c2 + 1);
  addConditionalFormats(ws, s);
  setPrint(ws, s);
  return ws;
}

function writeValues(ws: ExcelJS.Worksheet, s: OutputSheet) {
  const lines = new Set(s.textLines ?? []);
  s.values.forEach((row, r) => {
    const xr = ws.getRow(r + 1);
    const isLine = lines.has(r);
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const cell = xr.getCell(c + 1);
      // ExcelJS writes a JS string as a shared string, never a formula: `=SUM(…)` from a user stays text.
      cell.value = v;
      const fmt = s.columnFormats[c];
      if (typeof v === "number" && fmt) cell.numFmt = fmt;
      // Long text wraps inside its column; a line of text runs across the empty cells instead.
      if (typeof v === "string") cell.alignment = { wrapText: !isLine && v.length > 20, vertical: "top" };
    });
  });
}

function applyStyles(ws: ExcelJS.Worksheet, s: OutputSheet) {
  for (const st of s.styles) {
    for (let r = st.range.r1; r <= st.range.r2; r++)
      for (let c = st.range.c1; c <= st.range.c2; c++) {
        const cell = ws.getCell(r + 1, c + 1);
        if (st.style === "title") cell.font = { bold: true, size: 14 };
        if (st.style === "header" || st.style === "section" || st.style === "total") cell.font = { bold: true };
        if (st.style === "muted") cell.font = { color: { argb: "FF7F7F7F" }, size: 9 };
        if (st.style === "signature") {
          cell.font = { size: 11 };
          cell.alignment = { vertical: "bottom" };
        }
        const fill = FILL[st.style];
        if (fill && st.style !== "title") cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
        if (st.style === "header") {
          cell.border = { bottom: { style: "thin" } };
          cell.alignment = { wrapText: true, vertical: "middle" };
        }
      }
    if (st.style === "signature" || st.style === "title")
      ws.getRow(st.range.r1 + 1).height = st.style === "signature" ? 30 : 22;
  }
}

/** The flag format (a cell over or under a limit) and the data bars. */
function addConditionalFormats(ws: ExcelJS.Worksheet, s: OutputSheet) {
  for (const cf of s.conditionalFormats) {
    const ref = `${A1(cf.range.r1, cf.range.c1)}:${A1(cf.range.r2, cf.range.c2)}`;
    if (cf.type === "cellIs") {
      ws.addConditionalFormatting({
        ref,
        rules: [
          {
            type: "cellIs",
            operator: cf.operator,
            formulae: [cf.value],
            priority: 1,
            style: {
              fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFF8CBAD" } },
              font: { bold: true, color: { argb: "FF9C0006" } },
            },
          } as ExcelJS.ConditionalFormattingRule,
        ],
      });
    } else {
      ws.addConditionalFormatting({
        ref,
        rules: [
          {
            type: "dataBar",
            priority: 1,
            minLength: 0,
            maxLength: 100,
            gradient: true,
            showValue: true,
            cfvo: [{ type: "min" }, { type: "max" }],
            color: { argb: `FF${cf.color}` },
          } as unknown as ExcelJS.ConditionalFormattingRule,
        ],
      });
    }
  }
}

/** A4, fit to width, repeated title rows, the table's filter and the described page breaks. */
function setPrint(ws: ExcelJS.Worksheet, s: OutputSheet) {
  ws.pageSetup = {
    paperSize: 9,
    orientation: s.print.orientation,
    fitToPage: s.print.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: s.print.titleRows ? `${s.print.titleRows[0] + 1}:${s.print.titleRows[1] + 1}` : undefined,
  } as Partial<ExcelJS.PageSetup>;
  if (s.table)
    ws.autoFilter = {
      from: { row: s.table.r1 + 1, column: s.table.c1 + 1 },
      to: { row: s.table.r2 + 1, column: s.table.c2 + 1 },
    };
  // A break after row r (1-based) starts the next page at the described 0-based row r.
  for (const r of s.print.rowBreaks) if (r > 0) ws.getRow(r).addPageBreak();
}
