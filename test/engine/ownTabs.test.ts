import { describe, expect, it } from "vitest";
import { generate } from "../../src/engine/run";
import type { OutputSheet } from "../../src/engine/render/model";
import type { SheetGrid } from "../../src/engine/types";
import { date, grid } from "../helpers/grids";

const FINES = grid("罚款登记", [
  ["日期", "姓名", "事由", "金额"],
  [date(2026, 10, 8), "小王", "迟到", 20],
  [date(2026, 10, 9), "李娜", "旷工", 50],
]);
const asGrid = (o: OutputSheet, name = o.name): SheetGrid => ({ name, cells: o.values, hidden: o.hidden });

function run(grids: SheetGrid[]) {
  const o = generate({ grids, scheme: "taobao-fines", month: "2026-10", defaultYear: 2026 });
  if (!o.ok) throw new Error(o.message);
  return o;
}
const fundFines = (o: ReturnType<typeof run>) => o.result.fundBox.fines;

describe("our own tabs are known by their marker row, not by name", () => {
  it("a generated tab the manager renamed (10月罚款箱) is never read as data: fines are not counted twice", () => {
    const first = run([FINES]);
    expect(fundFines(first)).toBe(70);
    const renamed = first.outputs.map((o) => asGrid(o, o.key === "fundbox" ? "10月罚款箱" : o.name));
    const second = run([FINES, ...renamed]);
    expect(fundFines(second)).toBe(70);
    expect(second.read.sheets.map((s) => s.sheet)).not.toContain("10月罚款箱");
    // Never overwritten either: the renamed archive is not among the tabs this run replaces.
    expect(second.outputs.map((o) => o.name)).not.toContain("10月罚款箱");
  });

  it("a manager's own sheet called 评分表 (no marker) is not ours: our tab takes another name", () => {
    const mine = grid("评分表", [
      ["姓名", "备注"],
      ["小王", "店长自己的表"],
    ]);
    const o = run([FINES, mine]);
    const names = o.outputs.map((x) => x.name);
    expect(names).toContain("评分表(考核助手)");
    expect(names).not.toContain("评分表");
  });

  it("a second run rewrites the marked tabs under their own names", () => {
    const first = run([FINES]);
    const second = run([FINES, ...first.outputs.map((o) => asGrid(o))]);
    expect(second.outputs.map((o) => o.name).sort()).toEqual(first.outputs.map((o) => o.name).sort());
    expect(second.notices).toEqual([]);
  });
});
