import type { SheetGrid } from "../engine/types";
import type { OutputSheet } from "../engine/render/model";

/**
 * Rows read with their number formats. Formats matter only where titles and headers are
 * (a day-formatted serial over a matrix column); below, dates come as date values or serials.
 */
export const FORMAT_ROWS = 40;

export interface SheetInfo {
  name: string;
  hidden: boolean;
  /** The host's lasting id of the sheet (Excel's worksheet id), where the host has one. */
  id?: string;
}

/**
 * The one narrow interface every host implements: list sheets, read sheets as grids,
 * write generated sheets. Writing replaces only the tabs named in `owned`; the engine has
 * already renamed any output that would collide with a user's own sheet.
 */
export interface WorkbookPort {
  listSheets(): Promise<SheetInfo[]>;
  readSheets(names: string[]): Promise<SheetGrid[]>;
  writeSheets(sheets: OutputSheet[], owned: Set<string>): Promise<WriteReport>;
}

export interface WriteReport {
  written: string[];
  /** Features the host could not apply (an old Excel without page layout, say). */
  degraded: string[];
  /** The host's ids of the tabs written, by name, where the host has ids. */
  ids?: Record<string, string>;
}

/**
 * The whole workbook as grids: what the engine reads. Hidden is taken from `listSheets`, so a hidden sheet is
 * named as hidden in every host, whether or not its adapter sets it on the grid.
 */
export async function readAll(port: WorkbookPort): Promise<SheetGrid[]> {
  const sheets = await port.listSheets();
  return labelHidden(sheets, await port.readSheets(sheets.map((s) => s.name)));
}

/** Grids with `hidden` copied from the sheet list (the Office adapter's grids do not carry it). */
export function labelHidden(sheets: SheetInfo[], grids: SheetGrid[]): SheetGrid[] {
  const hidden = new Set(sheets.filter((s) => s.hidden).map((s) => s.name));
  return grids.map((g) => (hidden.has(g.name) && !g.hidden ? { ...g, hidden: true } : g));
}
