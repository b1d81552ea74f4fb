import { renderRulesSheet } from "../../src/engine/rulesSheet";
import { builtinScheme } from "../../src/engine/schemes";
import type { Cell, SheetGrid } from "../../src/engine/types";

/** The 规则 tab as our writer makes it, with the manager's rows in 【班次】 in place of the default. */
export function rulesWithShifts(schemeId: string, shifts: Cell[][]): SheetGrid {
  const s = renderRulesSheet(builtinScheme(schemeId)!);
  const cells = s.values.map((r) => r.map((v) => v as Cell));
  const at = cells.findIndex((r) => r[0] === "【班次】");
  cells.splice(at + 1, 1, ...shifts);
  return { name: s.name, cells };
}
