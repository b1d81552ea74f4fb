import type { ReadResult, SheetMapping } from "../engine/read/model";
import { table } from "./table";

/** Every sheet of the workbook as inspect reports it: the user's sheets, then this add-in's own tabs. */
export function allSheets(read: ReadResult): SheetMapping[] {
  return [...read.sheets, ...(read.ownTabs ?? [])];
}

const OWN: Record<NonNullable<SheetMapping["own"]>, string> = {
  generated: "本工具生成",
  archived: "本工具生成(已改名)",
  rules: "规则表",
  state: "状态表",
};

/** What the structural cells are: `表头 4 · 图例 1`. */
export function structureText(s: SheetMapping): string {
  return Object.entries(s.structure ?? {})
    .map(([why, n]) => `${why} ${n}`)
    .join(" · ");
}

/** The per-sheet cells split for `inspect`: every non-empty cell is used, structural or reported. */
export function cellsBlock(read: ReadResult): string {
  const rows = allSheets(read).map((s) => [
    s.sheet + (s.hidden ? "（隐藏）" : ""),
    s.own ? OWN[s.own] : "",
    s.cells.total,
    s.cells.used,
    s.cells.structural,
    s.cells.reported,
    structureText(s),
  ]);
  return [
    "单元格 / cells（已用 + 结构 + 已报告 = 非空）",
    table(["工作表", "", "非空", "已用", "结构", "已报告", "结构包括"], rows),
  ].join("\n");
}
