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
}

/**
 * The whole workbook as grids: what the engine reads. Hidden is taken from `listSheets`, so a hidden sheet is
 * named as hidden in every host, whether or not its adapter sets it on the grid.
 */
export async function readAll(port: WorkbookPort): Promise<SheetGrid[]> {
  const sheets = await port.listSheets();
  const hidden = new Map(sheets.map((s) => [s.name, s.hidden]));
  const grids = await port.readSheets(sheets.map((s) => s.name));
  return grids.map((g) => (hidden.get(g.name) && !g.hidden ? { ...g, hidden: true } : g));
}
