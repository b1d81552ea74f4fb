import { utf8Length } from "./budget";

/**
 * What Office.js's request builder sends for each kind of command, in bytes of the serialized
 * request (measured with excel-web-16.00.debug.js and a capturing request executor in
 * test/e2e/requestSize.test.ts, which fails when a figure here is below what the builder sends).
 * Every command names the objects it acts on by object-path entries, so even a one-property
 * set costs a few hundred bytes; the budget charges these before a command is queued.
 */
export const COST = {
  /** A range by address or indexes (its object path, including the sheet it hangs on). */
  range: 420,
  /** Setting one scalar property (font bold, fill colour, column width, …) on an object already named. */
  property: 260,
  /** A method call with small arguments (merge, freeze, add a page break, delete). */
  method: 300,
  /** Adding or naming a worksheet (getItem / add) with its name. */
  sheet: 360,
  /** A load of a collection or a few properties. */
  load: 260,
  /** A chart or table with its options. */
  object: 900,
  /** Per cell of a values or numberFormat array beyond its JSON text (separators, nesting). */
  cell: 1,
} as const;

/**
 * Bytes a values or numberFormat matrix takes in the request. The builder sends JSON; non-ASCII
 * characters are sent as they are (UTF-8), so the JSON text's UTF-8 length plus the per-cell
 * envelope is what is charged.
 */
export function matrixCost(m: unknown[][]): number {
  const cells = m.reduce((n, r) => n + r.length, 0);
  return utf8Length(JSON.stringify(m)) + cells * COST.cell;
}
