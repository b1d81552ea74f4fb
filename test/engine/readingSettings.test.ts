// The 规则 tab's 【方案参数】 that change how rows are read: 重复记录 and 是否查实为空时.
import { describe, expect, it } from "vitest";
import { renderRulesSheet, readRulesSheet } from "../../src/engine/rulesSheet";
import { builtinScheme } from "../../src/engine/schemes";
import { generate, inspectWorkbook } from "../../src/engine/run";
import type { Cell, SheetGrid } from "../../src/engine/types";
import { grid } from "../helpers/grids";

/** pdd-10 written into 规则, with one 【方案参数】 row's value (column D) changed as a manager would type it. */
function rulesWith(setting: string, value: string): SheetGrid {
  const s = renderRulesSheet(builtinScheme("pdd-10")!);
  const cells = s.values.map((r) => r.map((v) => v as Cell));
  const row = cells.find((r) => r[1] === setting);
  if (!row) throw new Error(`no setting ${setting}`);
  row[3] = value;
  return { name: s.name, cells };
}

const complaints = grid("投诉", [
  ["日期", "客服", "投诉原因", "是否查实"],
  ["2026-10-02", "小王", "服务态度差", "是"],
  ["2026-10-03", "小王", "服务态度差", ""],
  ["2026-10-04", "小李", "服务态度差", ""],
]);
const fines = grid("罚款登记", [
  ["日期", "姓名", "事由", "金额"],
  ["2026-10-02", "小王", "服务态度差", 50],
]);
const onOct2 = (events: { agent: string | null; date: string | null }[]) =>
  events.filter((e) => e.agent === "小王" && e.date === "2026-10-02");

describe("重复记录 (countDuplicates)", () => {
  it("is declared in 规则 with its default and note, and reads back", () => {
    const s = renderRulesSheet(builtinScheme("pdd-10")!).values.flat().join("\n");
    expect(s).toContain("重复记录");
    expect(s).toContain("按一件事计一次");
    expect(readRulesSheet(rulesWith("countDuplicates", "分别计")).scheme?.params.countDuplicates).toBe("分别计");
    expect(readRulesSheet(rulesWith("countDuplicates", "两次")).issues[0]?.message).toContain("计一次、分别计");
  });

  it("by default an incident in two sheets is one event; a 规则 tab saying 分别计 makes it two", () => {
    const once = generate({ grids: [complaints, fines, rulesWith("countDuplicates", "计一次")], scheme: "sheet" });
    const both = generate({ grids: [complaints, fines, rulesWith("countDuplicates", "分别计")], scheme: "sheet" });
    if (!once.ok || !both.ok) throw new Error("not scored");
    expect(onOct2(once.read.events)).toHaveLength(1);
    expect(onOct2(both.read.events)).toHaveLength(2);
    expect(both.issues.some((i) => i.code === "duplicate-incident" && i.message.includes("分别计"))).toBe(true);
    expect(once.issues.some((i) => i.code === "duplicate-incident" && i.message.includes("计一次"))).toBe(true);
  });

  it("inspect reads with the 规则 tab's setting too", () => {
    const read = inspectWorkbook([complaints, fines, rulesWith("countDuplicates", "分别计")]);
    expect(onOct2(read.events)).toHaveLength(2);
  });
});

describe("是否查实为空时 (blankVerified)", () => {
  it("by default a blank is listed, not scored", () => {
    const out = generate({ grids: [complaints, rulesWith("blankVerified", "按未查实")], scheme: "sheet" });
    if (!out.ok) throw new Error(out.message);
    expect(out.read.events.filter((e) => e.date === "2026-10-03" || e.date === "2026-10-04")).toEqual([]);
    expect(out.issues.filter((i) => i.code === "verified-blank").map((i) => i.row)).toEqual([3, 4]);
  });

  it("with 按已查实 each blank row is scored, and a warning names each row's 是否查实 cell", () => {
    const out = generate({ grids: [complaints, rulesWith("blankVerified", "按已查实")], scheme: "sheet" });
    if (!out.ok) throw new Error(out.message);
    const scored = out.read.events.filter((e) => e.date === "2026-10-03" || e.date === "2026-10-04");
    expect(scored.map((e) => e.agent)).toEqual(["小王", "小李"]);
    const warned = out.issues.filter((i) => i.code === "verified-default");
    expect(warned.map((i) => [i.severity, `${i.col}${i.row}`])).toEqual([
      ["warning", "D3"],
      ["warning", "D4"],
    ]);
    expect(out.result.agents.find((a) => a.name === "小李")!.lines.some((l) => l.date === "2026-10-04")).toBe(true);
  });
});
