import type { OutputSheet, Rect } from "../../engine/render/model";
import { safeNumber, safeText } from "../../engine/parse";
import { applyStyle, type StyleBook, type CellLook } from "./styleBook";
import { a1, cellTextXml, esc } from "./xml";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Each cell's look id (StyleBook), row by row; cells a style covers exist even when empty. */
export function sheetLooks(s: OutputSheet, book: StyleBook): number[][] {
  const lines = new Set(s.textLines ?? []);
  const looks: CellLook[][] = s.values.map((row, r) =>
    row.map((v, c) => {
      const look: CellLook = {};
      const fmt = s.columnFormats[c];
      if (typeof v === "number" && fmt) look.numFmt = fmt;
      if (typeof v === "string") {
        if (!lines.has(r) && v.length > 20) look.wrap = true;
        look.vertical = "top";
      }
      return look;
    }),
  );
  for (const st of s.styles)
    for (let r = st.range.r1; r <= st.range.r2; r++) {
      const row = (looks[r] ??= []);
      for (let c = st.range.c1; c <= st.range.c2; c++) {
        let l = applyStyle(row[c] ?? {}, st.style);
        if (st.style === "signature") l = { ...l, wrap: undefined };
        row[c] = l;
      }
    }
  return looks.map((row) => Array.from(row, (l) => (l ? book.id(l) : -1)));
}

const ref = (r: Rect) => (r.r1 === r.r2 && r.c1 === r.c2 ? a1(r.r1, r.c1) : `${a1(r.r1, r.c1)}:${a1(r.r2, r.c2)}`);

function cellXml(v: OutputSheet["values"][number][number], at: string, s: string): string {
  if (typeof v === "string") {
    const t = safeText(v);
    return t === ""
      ? `<c r="${at}"${s}/>`
      : `<c r="${at}"${s} t="inlineStr"><is><t xml:space="preserve">${cellTextXml(t)}</t></is></c>`;
  }
  if (typeof v === "number") {
    const n = safeNumber(v);
    return n === null ? `<c r="${at}"${s}/>` : `<c r="${at}"${s}><v>${n}</v></c>`;
  }
  if (typeof v === "boolean") return `<c r="${at}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${at}"${s}/>`;
}

function sheetData(s: OutputSheet, looks: number[][], xf: number[]): string {
  const heights = new Map<number, number>();
  for (const st of s.styles)
    if (st.style === "signature" || st.style === "title") heights.set(st.range.r1, st.style === "signature" ? 30 : 22);
  const parts: string[] = ["<sheetData>"];
  const rows = Math.max(s.values.length, looks.length);
  for (let r = 0; r < rows; r++) {
    const vals = s.values[r] ?? [];
    const lk = looks[r] ?? [];
    const ht = heights.get(r);
    const cells: string[] = [];
    for (let c = 0; c < Math.max(vals.length, lk.length); c++) {
      const v = vals[c];
      const id = lk[c] ?? -1;
      if ((v === null || v === undefined) && id <= 0) continue;
      cells.push(cellXml(v ?? null, a1(r, c), id > 0 ? ` s="${xf[id]}"` : ""));
    }
    if (!cells.length && ht === undefined) continue;
    parts.push(`<row r="${r + 1}"${ht ? ` ht="${ht}" customHeight="1"` : ""}>${cells.join("")}</row>`);
  }
  parts.push("</sheetData>");
  return parts.join("");
}

function pane(f: OutputSheet["freeze"]): string {
  if (!f || (!f.rows && !f.cols)) return "";
  const active = f.rows && f.cols ? "bottomRight" : f.rows ? "bottomLeft" : "topRight";
  return `<pane${f.cols ? ` xSplit="${f.cols}"` : ""}${f.rows ? ` ySplit="${f.rows}"` : ""} topLeftCell="${a1(f.rows, f.cols)}" activePane="${active}" state="frozen"/><selection pane="${active}"/>`;
}

function conditional(s: OutputSheet, dxfId: number): string {
  return s.conditionalFormats
    .map((cf, i) => {
      const rule =
        cf.type === "cellIs"
          ? `<cfRule type="cellIs" dxfId="${dxfId}" priority="${i + 1}" operator="${cf.operator}"><formula>${safeNumber(cf.value) ?? 0}</formula></cfRule>`
          : `<cfRule type="dataBar" priority="${i + 1}"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF${esc(cf.color)}"/></dataBar></cfRule>`;
      return `<conditionalFormatting sqref="${ref(cf.range)}">${rule}</conditionalFormatting>`;
    })
    .join("");
}

/**
 * One of our sheets as a worksheet part: values (strings always as inline text, never formulas),
 * looks mapped to the host workbook's cell styles, freeze panes, widths, merges, autofilter,
 * conditional formats, A4 page set-up and page breaks. Print titles and the filter range are
 * defined names in the workbook part (see graft.ts).
 */
export function sheetXml(s: OutputSheet, looks: number[][], xf: number[], dxfId: number): string {
  const width = s.values.reduce((w, r) => Math.max(w, r.length), 1);
  const dim = `A1:${a1(Math.max(0, s.values.length - 1), width - 1)}`;
  const cols = s.columnWidths
    .map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : ""))
    .join("");
  const breaks = s.print.rowBreaks.filter((r) => r > 0);
  return [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`,
    s.print.fitToWidth ? `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` : "",
    `<dimension ref="${dim}"/>`,
    `<sheetViews><sheetView workbookViewId="0">${pane(s.freeze)}</sheetView></sheetViews>`,
    `<sheetFormatPr defaultRowHeight="15"/>`,
    cols ? `<cols>${cols}</cols>` : "",
    sheetData(s, looks, xf),
    s.table ? `<autoFilter ref="${ref(s.table)}"/>` : "",
    s.merges.length
      ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${ref(m)}"/>`).join("")}</mergeCells>`
      : "",
    conditional(s, dxfId),
    `<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>`,
    `<pageSetup paperSize="9" orientation="${s.print.orientation}"${s.print.fitToWidth ? ` fitToWidth="1" fitToHeight="0"` : ""}/>`,
    breaks.length
      ? `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("")}</rowBreaks>`
      : "",
    `</worksheet>`,
  ].join("");
}
