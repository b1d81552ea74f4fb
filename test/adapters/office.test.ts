import { describe, expect, it } from "vitest";
import { StrictExcel, LIMIT_BYTES } from "../fakes/strictExcel";
import { OfficeWorkbook } from "../../src/adapters/office/officeWorkbook";
import { generateOnPort } from "../../src/app/generateOnPort";
import { generateShop, gridValues } from "../../bench/generate";
import type { OutputSheet } from "../../src/engine/render/model";

const all = () => true;

function fakeShop(agents: number, months = 1) {
  const grids = generateShop({ agents, months });
  const fake = new StrictExcel();
  for (const g of grids) {
    const s = fake.addSheet(g.name, gridValues(g));
    g.formats?.forEach((row, r) =>
      row.forEach((f, c) => {
        if (f) s.formats[r][c] = f;
      }),
    );
  }
  return fake;
}

async function generateCountingSyncs(fake: StrictExcel, supports: (v: string) => boolean = all) {
  const port = new OfficeWorkbook(fake.run, supports);
  const before = fake.syncs;
  const out = await generateOnPort(port, { scheme: "pdd-10", month: "2026-01" });
  return { out, syncs: fake.syncs - before, port };
}

describe("the Office.js adapter on a strict fake of Excel", () => {
  it("the number of context.sync() calls per generate does not grow with the rows", async () => {
    const small = await generateCountingSyncs(fakeShop(5));
    const large = await generateCountingSyncs(fakeShop(120));
    expect(small.out.ok && large.out.ok).toBe(true);
    expect(large.syncs).toBe(small.syncs);
    expect(small.syncs).toBeLessThanOrEqual(6);
  });

  it("writes the tabs, leaves source sheets unchanged, never turns a user's string into a formula", async () => {
    const fake = fakeShop(6);
    const source = JSON.stringify(fake.sheet("1月考勤")!.values);
    fake.addSheet("投诉2", [
      ["日期", "客服", "投诉原因"],
      [46023, "=cmd|'/c calc'!A0", "态度差"],
      [46024, "+1小王", "态度差"],
      [46025, "@小李", "态度差"],
      [46026, "-小赵", "态度差"],
    ]);
    const { out } = await generateCountingSyncs(fake);
    expect(out.ok).toBe(true);
    for (const name of ["评分表", "罚款箱", "快递扣款", "个人考核单", "明细", "分析", "数据问题", "_考核助手"])
      expect(fake.sheet(name), name).toBeTruthy();
    expect(fake.sheets.flatMap((s) => [...s.formulas].map((f) => `${s.name}!${f}`))).toEqual([]);
    expect(JSON.stringify(fake.sheet("数据问题")!.values)).toContain("=cmd|'/c calc'!A0");
    expect(JSON.stringify(fake.sheet("1月考勤")!.values)).toBe(source);
    expect(fake.sheet("_考核助手")!.visibility).toBe("VeryHidden");
    expect(fake.sheet("分析")!.charts.map((c) => c.title)).toContain("各客服得分");
    expect(fake.sheet("个人考核单")!.breaks.length).toBe(5);
    expect(fake.sheet("明细")!.tables).toHaveLength(1);
  });

  it("a user's own 评分表 is never touched, on every run", async () => {
    const fake = fakeShop(4);
    fake.addSheet("评分表", [["我的表", 1]]);
    for (let i = 0; i < 2; i++) {
      const { out } = await generateCountingSyncs(fake);
      expect(out.ok && out.notices[0]).toContain("评分表(考核助手)");
    }
    expect(fake.sheet("评分表")!.values).toEqual([["我的表", 1]]);
    expect(fake.sheets.filter((s) => s.name.startsWith("评分表")).map((s) => s.name)).toEqual([
      "评分表",
      "评分表(考核助手)",
    ]);
  });

  it("re-running gives identical tabs", async () => {
    const fake = fakeShop(8);
    await generateCountingSyncs(fake);
    const first = JSON.stringify(fake.sheets.map((s) => [s.name, s.values]));
    await generateCountingSyncs(fake);
    expect(JSON.stringify(fake.sheets.map((s) => [s.name, s.values]))).toBe(first);
  });

  it("splits a write larger than the request limit into requests under 5 MB", async () => {
    const fake = new StrictExcel();
    const port = new OfficeWorkbook(fake.run, all);
    const big = "客".repeat(200);
    const sheet: OutputSheet = {
      key: "audit",
      name: "明细",
      values: Array.from({ length: 20000 }, (_, i) => [i, big]),
      columnFormats: [null, null],
      columnWidths: [8, 40],
      styles: [],
      merges: [],
      conditionalFormats: [],
      charts: [],
      print: { orientation: "portrait", paper: "A4", fitToWidth: true, rowBreaks: [] },
    };
    await port.writeSheets([sheet], new Set());
    expect(fake.largestRequest).toBeLessThanOrEqual(LIMIT_BYTES);
    expect(fake.syncs).toBeGreaterThanOrEqual(4);
    expect(fake.sheet("明细")!.values[19999][1]).toBe(big);
  });

  it("the fake refuses what Excel refuses", async () => {
    const fake = new StrictExcel({ A: [["x"]] });
    await expect(
      fake.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("A").getRange("A1:B1");
        r.values = [["1"]];
        await ctx.sync();
      }),
    ).rejects.toThrow(/InvalidArgument/);
    await expect(
      fake.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("A").getRange("A1");
        r.load("values");
        return r.values;
      }),
    ).rejects.toThrow(/PropertyNotLoaded/);
    await expect(
      fake.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("A").getRange("A1:A6000");
        r.values = Array.from({ length: 6000 }, () => ["x".repeat(1000)]);
        await ctx.sync();
      }),
    ).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
  });

  it("below ExcelApi 1.9 it writes everything but the page layout, and says so", async () => {
    const fake = fakeShop(3);
    const { out } = await generateCountingSyncs(fake, (v) => Number(v) < 1.9);
    expect(out.ok && out.report?.degraded.join()).toContain("ExcelApi 1.9");
    expect(fake.sheet("评分表")!.props["page.orientation"]).toBeUndefined();
    expect(fake.sheet("评分表")!.values.length).toBeGreaterThan(3);
  });
});

describe("reading many wide sheets", () => {
  it("keeps every response under 5 MB even when the sheets' tops alone would not fit one", async () => {
    const fake = new StrictExcel();
    const wide = Array.from({ length: 40 }, (_, r) =>
      Array.from({ length: 60 }, (_, c) => (r === 0 ? `列${c}` : "客服备注".repeat(6))),
    );
    for (let i = 0; i < 60; i++) fake.addSheet(`表${i}`, wide);
    const port = new OfficeWorkbook(fake.run, () => true);
    const grids = await port.readSheets(fake.sheets.map((s) => s.name));
    expect(grids).toHaveLength(60);
    expect(grids[59].cells[39][59]).toBe("客服备注".repeat(6));
    expect(fake.refusedResponses).toBeGreaterThan(0);
    expect(fake.largestResponse).toBeLessThanOrEqual(LIMIT_BYTES);
  });
});

describe("writing a preset into the 规则 tab", () => {
  it("reads only the sheet list and the state tab, and never overwrites the manager's own 规则", async () => {
    const { writeRulesSheet } = await import("../../src/app/generateOnPort");
    const fake = fakeShop(30);
    const port = new OfficeWorkbook(fake.run, all);
    const first = await writeRulesSheet(port, "tmall-30");
    expect(first?.name).toBe("规则");
    expect(JSON.stringify(fake.sheet("规则")!.values)).toContain("天猫 30分制");
    fake.sheet("规则")!.values[1][2] = "店长改过的方案";
    const before = fake.syncs;
    const second = await writeRulesSheet(port, "pdd-10");
    expect(second?.name).toBe("规则(考核助手)");
    expect(second?.notices.join()).toContain("没有改动它");
    expect(fake.sheet("规则")!.values[1][2]).toBe("店长改过的方案");
    expect(fake.syncs - before).toBeLessThanOrEqual(3);
  });
});
