import type { Cell, SheetGrid } from "../../src/engine/types";
import { readWorkbook } from "../../src/engine/read/workbook";

export const grid = (name: string, cells: Cell[][], formats?: (string | null)[][]): SheetGrid => ({
  name,
  cells,
  formats,
});
export const date = (y: number, m: number, d: number): Cell => ({
  kind: "date",
  serial: Date.UTC(y, m - 1, d) / 86400000 + 25569,
});

export const ROSTER = grid("花名册", [
  ["工号", "姓名", "旺旺", "组别"],
  ["007", "小王", "旗舰店:小王", "A组"],
  ["008", "李娜", "", "A组"],
  ["009", "張偉", "旗舰店:阿伟", "B组"],
  ["010", "陈静", "", "B组"],
]);

export const read = (...grids: SheetGrid[]) => readWorkbook(grids, { defaultYear: 2026 });

/** Count events of a type for an agent in a month. */
export function count(r: ReturnType<typeof read>, agent: string, type: string, month?: string): number {
  return r.events.filter((e) => e.agent === agent && e.type === type && (!month || e.month === month)).length;
}

/** Every non-empty data row of every read sheet ends in an event or a rejecting issue. */
export function unaccounted(r: ReturnType<typeof read>): string[] {
  return r.issues.filter((i) => i.code === "row-not-used").map((i) => `${i.sheet}!${i.row}`);
}
