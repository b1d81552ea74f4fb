import { describe, expect, it } from "vitest";
import { generate } from "../../src/engine/run";
import type { OutputSheet } from "../../src/engine/render/model";
import type { Cell, SheetGrid } from "../../src/engine/types";
import { date, grid } from "../helpers/grids";

function run(grids: SheetGrid[], scheme = "taobao-fines") {
  const o = generate({ grids, scheme, month: "2026-10", defaultYear: 2026 });
  if (!o.ok) throw new Error(o.message);
  return o;
}
const tab = (o: ReturnType<typeof run>, key: string): OutputSheet => o.outputs.find((x) => x.key === key)!;
const rowsWith = (t: OutputSheet, text: string): Cell[][] =>
  t.values.filter((row) => row.some((c) => typeof c === "string" && c.includes(text)));
/** The 数据问题 lines (after its header row) as [status, message]. */
function issueLines(o: ReturnType<typeof run>): [string, string][] {
  const t = tab(o, "issues");
  const head = t.values.findIndex((r) => r[3] === "状态" && r[4] === "问题");
  return t.values.slice(head + 1).map((r) => [String(r[3]), String(r[4])]);
}

const FINES = [
  ["日期", "姓名", "类型", "事由", "金额"],
  [date(2026, 10, 8), "小王", "罚款", "未交接", 10],
  [date(2026, 10, 20), "", "支出", "买水", 35.5],
];

describe("the fund box's opening balance is never a silent 0", () => {
  it("no earlier month, no stored balance, no 期初 row: one line says 0 was taken and how to give it", () => {
    const o = run([grid("罚款登记", FINES)]);
    expect(o.result.fundBox).toMatchObject({ opening: 0, fines: 10, spent: 35.5, closing: -25.5 });
    const missing = issueLines(o).filter(([, m]) => m.includes("2026-10 的期初余额没有找到"));
    expect(missing).toHaveLength(1);
    expect(missing[0][1]).toContain("按 0 计");
    expect(missing[0][1]).toContain("期初");
    expect(missing[0][1]).toContain("上月结余");
    const box = tab(o, "fundbox");
    expect(rowsWith(box, "期初（未找到，按 0 计）")).toHaveLength(1);
    expect(rowsWith(box, "上月结余")).toHaveLength(0);
  });

  it("a negative closing balance gets its own warning line", () => {
    const o = run([grid("罚款登记", FINES)]);
    const negative = issueLines(o).filter(([, m]) => m.includes("结余为 -25.5 元"));
    expect(negative).toHaveLength(1);
    expect(rowsWith(tab(o, "fundbox"), "为负，请核对")).toHaveLength(1);
  });

  it("a 期初 row in the fines sheet is taken as written: no line about a missing opening", () => {
    const o = run([grid("罚款登记", [...FINES, [date(2026, 10, 1), "", "期初", "上月结余", 100]])]);
    expect(o.result.fundBox).toMatchObject({ opening: 100, closing: 74.5 });
    expect(issueLines(o).filter(([, m]) => m.includes("期初余额没有找到") || m.includes("负数"))).toEqual([]);
    expect(rowsWith(tab(o, "fundbox"), "未找到")).toHaveLength(0);
  });

  it("a month carried from an earlier month whose opening was missing says so too", () => {
    const o = run([grid("罚款登记", [...FINES, [date(2026, 9, 3), "小王", "罚款", "未交接", 10]])]);
    expect(o.chain.map((m) => m.month)).toEqual(["2026-09", "2026-10"]);
    expect(o.result.fundBox.opening).toBe(10);
    const lines = issueLines(o).filter(([, m]) => m.includes("2026-09 的期初余额没有找到"));
    expect(lines).toHaveLength(1);
    expect(rowsWith(tab(o, "fundbox"), "2026-09 期初未找到，按 0 起算")).toHaveLength(1);
  });
});

describe("数据问题's status says what happened to the cell, not how severe the line is", () => {
  const days = Array.from({ length: 10 }, (_, i) => i + 1);
  const matrix = grid("10月考勤", [
    ["2026年10月考勤表"],
    ["姓名", ...days],
    ["小王", "●", "√", "√", "★", "√", "√", "√", "√", "√", "√"],
    ["图例：√出勤 ●迟到 ○事假 ×旷工"],
  ]);

  it("a symbol not in the legend is listed as not counted, never as used", () => {
    const o = run([matrix], "pdd-10");
    const line = issueLines(o).find(([, m]) => m.includes("“★”不在图例里"));
    expect(line?.[1]).toContain("没有计入");
    expect(line?.[0]).toBe("该格未计入");
    expect(issueLines(o).some(([s]) => s.startsWith("已使用"))).toBe(false);
    // The summary line counts it among what did not reach the scores.
    expect(rowsWith(tab(o, "issues"), "处未计入或未使用")[0][0]).toMatch(/^1 处未计入或未使用，/);
  });

  it("a row the rule holds (no duration, no declared default) is listed as not counted", () => {
    const fines = grid("罚款登记", [
      ["日期", "姓名", "类型", "事由", "时长"],
      [date(2026, 10, 8), "小王", "罚款", "未在30秒内招呼", ""],
    ]);
    const held = issueLines(run([fines])).find(([, m]) => m.includes("没有写时长"));
    expect(held?.[0]).toBe("未计入");
  });
});
