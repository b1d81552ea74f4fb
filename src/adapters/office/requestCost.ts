import { utf8Length } from "./budget";

/**
 * What Office.js's request builder sends for each kind of command, in bytes of the serialized
 * request. Measured with excel-web-16.00.debug.js and a capturing request executor (see
 * test/e2e/requestSize.test.ts, which fails when a figure here is below what the builder sends),
 * with some room on top. Every command names the objects it acts on by object-path entries, so a
 * one-property style costs about 550 bytes, not the 40 a byte count of the value would suggest.
 */
export const COST = {
  /** A style on a range by address: the range and its format path; plus `styleProperty` per property set. */
  styleRange: 450,
  /** Each property of a style (bold, size, wrap, font colour, fill colour: a sub-object path and the set). */
  styleProperty: 180,
  /** A column width (range by indexes, format, columnWidth). */
  columnWidth: 480,
  /** A merge of a range by address. */
  merge: 320,
  /** A horizontal page break. */
  pageBreak: 320,
  /** Freezing rows or columns. */
  freeze: 260,
  /** A conditional format (cell value rule with fill and font colour, or a data bar). */
  conditionalFormat: 1500,
  /** A table over a range, with its style. */
  table: 450,
  /** A chart with its title and position. */
  chart: 950,
  /** Page setup: orientation, paper, fit to width, print titles. */
  pageLayout: 640,
  /** Adding a sheet and loading its id, or naming one by getItem with a property set. */
  sheet: 340,
  /** Emptying a sheet of ours: clear, unmerge, conditional formats, freeze panes, page breaks. */
  clearSheet: 1400,
  /** A `getCellProperties` read of a range by indexes with its load options (the response is charged apart). */
  cellProperties: 500,
  /** A values or numberFormat write beside its arrays: the range path and the set. */
  valuesBlock: 800,
} as const;

/**
 * Bytes a values or numberFormat matrix takes in the request. The builder sends it as JSON, with
 * non-ASCII characters as they are (UTF-8), and splits a large array into pieces of about 20 KB,
 * each with a range path of its own: measured at up to 6% over the JSON text, charged at 8%.
 */
export function matrixCost(m: unknown[][]): number {
  return Math.ceil(utf8Length(JSON.stringify(m)) * 1.08);
}
