import { describe, expect, it } from "vitest";
import { readAll, type WorkbookPort } from "../../src/adapters/port";
import { inspectWorkbook } from "../../src/engine/run";
import type { SheetGrid } from "../../src/engine/types";

/** A host whose grids do not carry `hidden` (as the Office adapter's do not): only listSheets knows. */
function portOf(grids: SheetGrid[], hidden: string[]): WorkbookPort {
  return {
    listSheets: async () => grids.map((g) => ({ name: g.name, hidden: hidden.includes(g.name) })),
    readSheets: async (names) => grids.filter((g) => names.includes(g.name)),
    writeSheets: async () => ({ written: [], degraded: [] }),
  };
}

describe("readAll", () => {
  it("labels a sheet hidden when listSheets says so, even if the host's grid does not", async () => {
    const fines: SheetGrid = {
      name: "罚款",
      cells: [
        ["日期", "姓名", "事由", "金额"],
        ["2026-10-03", "张三", "迟到", 20],
      ],
    };
    const shown: SheetGrid = { name: "花名册", cells: [["姓名"], ["张三"]] };
    const grids = await readAll(portOf([shown, fines], ["罚款"]));
    expect(grids.map((g) => !!g.hidden)).toEqual([false, true]);
    const sheet = inspectWorkbook(grids).sheets.find((s) => s.sheet === "罚款")!;
    expect(sheet.hidden).toBe(true);
    expect(sheet.reason).toContain("隐藏");
  });
});

describe("generateOnPort", () => {
  it("names a hidden sheet as hidden in the run's read too", async () => {
    const { generateOnPort } = await import("../../src/app/generateOnPort");
    const att: SheetGrid = {
      name: "考勤",
      cells: [
        ["日期", "姓名", "状态", "迟到分钟"],
        ["2026-10-02", "小王", "迟到", 12],
      ],
    };
    const out = await generateOnPort(portOf([att], ["考勤"]), { scheme: "pdd-10", month: "2026-10" });
    if (!out.ok) throw new Error(out.message);
    expect(out.read.sheets.find((s) => s.sheet === "考勤")?.hidden).toBe(true);
  });
});
