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
    const [a, b] = [fakeShop(5), fakeShop(120)];
    const small = await generateCountingSyncs(a);
    const large = await generateCountingSyncs(b);
    expect(small.out.ok && large.out.ok).toBe(true);
    expect(large.syncs).toBe(small.syncs);
    // The first run spends one request more: it records the ids of the tabs it added.
    expect(small.syncs).toBeLessThanOrEqual(7);
    const [again, againLarge] = [await generateCountingSyncs(a), await generateCountingSyncs(b)];
    expect(againLarge.syncs).toBe(again.syncs);
    expect(again.syncs).toBeLessThanOrEqual(6);
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

const TABS = ["评分表", "罚款箱", "快递扣款", "个人考核单", "明细", "分析", "数据问题", "_考核助手"];
const snapshot = (fake: StrictExcel) =>
  JSON.stringify(fake.sheets.map((s) => [s.name, s.id, s.values, s.tables, s.charts, s.breaks, s.conditional]));

describe("the second and third run on the same workbook (Excel refuses to delete a VeryHidden sheet)", () => {
  it("rewrites every tab in place: same worksheets, same ids, same content, nothing deleted", async () => {
    const fake = fakeShop(8);
    const first = await generateCountingSyncs(fake);
    expect(first.out.ok).toBe(true);
    const ids = Object.fromEntries(fake.sheets.map((s) => [s.name, s.id]));
    const after1 = snapshot(fake);
    for (let run = 2; run <= 3; run++) {
      const { out } = await generateCountingSyncs(fake);
      expect(out.ok, `run ${run}`).toBe(true);
      expect(snapshot(fake), `run ${run}`).toBe(after1);
    }
    expect(Object.fromEntries(fake.sheets.map((s) => [s.name, s.id]))).toEqual(ids);
    expect(fake.sheet("_考核助手")!.visibility).toBe("VeryHidden");
    // The state tab records the worksheet id of every tab it wrote.
    const state = JSON.parse(
      fake
        .sheet("_考核助手")!
        .values.slice(1)
        .map((r) => r[0])
        .join(""),
    ) as { ids: Record<string, string> };
    for (const t of TABS) expect(state.ids[t], t).toBe(ids[t]);
  });

  it("a tab of ours rewritten with fewer rows keeps none of the old rows, formats or objects", async () => {
    const fake = fakeShop(30);
    await generateCountingSyncs(fake);
    const audit = fake.sheet("明细")!;
    audit.values.push(["旧行"]);
    audit.formats.push(["0.00"]);
    await generateCountingSyncs(fake);
    expect(JSON.stringify(fake.sheet("明细")!.values)).not.toContain("旧行");
    expect(fake.sheet("明细")!.tables).toHaveLength(1);
    expect(fake.sheet("分析")!.charts.length).toBe(new Set(fake.sheet("分析")!.charts.map((c) => c.title)).size);
  });

  it("saving corrections twice succeeds and keeps the state tab VeryHidden", async () => {
    const { saveCorrections } = await import("../../src/app/generateOnPort");
    const fake = fakeShop(4);
    const port = new OfficeWorkbook(fake.run, all);
    await generateOnPort(port, { scheme: "pdd-10", month: "2026-01" });
    await saveCorrections(port, [{ sheet: "1月考勤", role: "none" }]);
    await saveCorrections(port, [{ sheet: "1月考勤", role: "attendance" }]);
    const state = fake.sheet("_考核助手")!;
    expect(state.visibility).toBe("VeryHidden");
    expect(JSON.stringify(state.values)).toContain('\\"role\\":\\"attendance\\"');
  });

  it("a tab the manager renamed (archived) is never overwritten, and a new one takes the name", async () => {
    const fake = fakeShop(6);
    await generateCountingSyncs(fake);
    const archived = fake.sheet("评分表")!;
    archived.name = "10月评分表";
    const before = JSON.stringify(archived.values);
    archived.values[3][0] = "店长的备注";
    const kept = JSON.stringify(archived.values);
    await generateCountingSyncs(fake);
    expect(JSON.stringify(fake.sheet("10月评分表")!.values)).toBe(kept);
    expect(JSON.stringify(fake.sheet("评分表")!.values)).toBe(before);
    expect(fake.sheet("评分表")!.id).not.toBe(archived.id);
  });
});

describe("a run cut short leaves nothing the next run misreads", () => {
  const tabs = (fake: StrictExcel) => JSON.stringify(fake.sheets.map((s) => [s.name, s.values]));
  for (const run of ["first", "second"] as const)
    it(`a ${run} run failing at any sync, with none, some or all but one of its commands run, then a full run`, async () => {
      const reference = fakeShop(12);
      await generateCountingSyncs(reference);
      const want = tabs(reference);
      const probe = fakeShop(12);
      if (run === "second") await generateCountingSyncs(probe);
      const before = probe.syncs;
      await generateCountingSyncs(probe);
      const syncs = probe.syncs - before;
      for (let k = 1; k <= syncs; k++)
        for (const share of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999]) {
          const at = `failing at sync ${k} after ${share * 100}% of its commands`;
          const fake = fakeShop(12);
          if (run === "second") await generateCountingSyncs(fake);
          fake.failAtSync = fake.syncs + k;
          fake.failAfter = share;
          await expect(generateCountingSyncs(fake), at).rejects.toThrow(/GeneralException/);
          fake.failAtSync = undefined;
          const { out } = await generateCountingSyncs(fake);
          expect(out.ok && out.notices, at).toEqual([]);
          expect(tabs(fake), at).toBe(want);
        }
    });
});

describe("a first run cut right after Excel added a tab, before its first row", () => {
  for (const tab of ["_考核助手", "评分表", "数据问题"])
    it(`${tab}: the next run takes the blank tab as ours and writes what an uninterrupted run writes`, async () => {
      const reference = fakeShop(6);
      await generateCountingSyncs(reference);
      const fake = fakeShop(6);
      fake.failAfterCommand = `add:${tab}`;
      await expect(generateCountingSyncs(fake)).rejects.toThrow(/GeneralException/);
      expect(fake.sheet(tab)!.values.flat().join("")).toBe("");
      const { out } = await generateCountingSyncs(fake);
      expect(out.ok && out.notices).toEqual([]);
      const tabs = (f: StrictExcel) => JSON.stringify(f.sheets.map((s) => [s.name, s.values]));
      expect(tabs(fake)).toBe(tabs(reference));
    });
});

describe("the strict fake follows the documentation", () => {
  const attempt = (fake: StrictExcel, batch: (ctx: Excel.RequestContext) => void | Promise<void>) =>
    fake.run(async (ctx) => {
      await batch(ctx);
      await ctx.sync();
    });

  it("deleting a VeryHidden sheet fails with InvalidOperation", async () => {
    const fake = new StrictExcel({ A: [["x"]], B: [["y"]] });
    fake.sheet("B")!.visibility = "VeryHidden";
    await expect(attempt(fake, (ctx) => ctx.workbook.worksheets.getItem("B").delete())).rejects.toMatchObject({
      code: "InvalidOperation",
    });
    expect(fake.sheet("B")).toBeTruthy();
  });

  it("getItem and add fail at sync(), not at the call", async () => {
    const fake = new StrictExcel({ A: [["x"]] });
    let called = false;
    const run = attempt(fake, (ctx) => {
      ctx.workbook.worksheets.getItem("missing").getRange("A1").values = [[1]];
      called = true;
    });
    await expect(run).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(called).toBe(true);
    await expect(attempt(fake, (ctx) => void ctx.workbook.worksheets.add("a"))).rejects.toMatchObject({
      code: "ItemAlreadyExists",
    });
  });

  it("refuses sheet names Excel refuses", async () => {
    for (const name of ["", "x".repeat(32), "a/b", "a\\b", "a?", "a*", "[a", "a]", "a:b", "History", "history"]) {
      const fake = new StrictExcel({ A: [["x"]] });
      await expect(
        attempt(fake, (ctx) => void ctx.workbook.worksheets.add(name)),
        name,
      ).rejects.toMatchObject({
        code: "InvalidArgument",
      });
    }
    const fake = new StrictExcel({ A: [["x"]] });
    await attempt(fake, (ctx) => void ctx.workbook.worksheets.add("x".repeat(31)));
    expect(fake.sheets).toHaveLength(2);
  });

  it("null in a values or numberFormat array leaves the cell unchanged", async () => {
    const fake = new StrictExcel({ A: [["keep", "old"]] });
    await attempt(fake, (ctx) => {
      const r = ctx.workbook.worksheets.getItem("A").getRange("A1:B1");
      r.numberFormat = [[null as unknown as string, "0.00"]];
      r.values = [[null as unknown as string, 2]];
    });
    expect(fake.sheet("A")!.values[0]).toEqual(["keep", 2]);
    expect(fake.sheet("A")!.formats[0]).toEqual(["General", "0.00"]);
  });

  it("isNullObject is known only after a sync", async () => {
    const fake = new StrictExcel({ A: [["x"]] });
    await expect(
      fake.run(async (ctx) => ctx.workbook.worksheets.getItemOrNullObject("B").isNullObject),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
    await expect(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItemOrNullObject("B");
        await ctx.sync();
        return ws.isNullObject;
      }),
    ).resolves.toBe(true);
  });

  it("a protected structure or a read-only file refuses adding and deleting sheets", async () => {
    for (const options of [{ protectedStructure: true }, { readOnly: true }]) {
      const fake = new StrictExcel({ A: [["x"]], B: [["y"]] }, options);
      await expect(attempt(fake, (ctx) => void ctx.workbook.worksheets.add("C"))).rejects.toMatchObject({
        code: "InvalidOperation",
      });
      await expect(attempt(fake, (ctx) => ctx.workbook.worksheets.getItem("B").delete())).rejects.toMatchObject({
        code: "InvalidOperation",
      });
      expect(fake.sheets.map((s) => s.name)).toEqual(["A", "B"]);
    }
  });

  it("activating a hidden sheet fails", async () => {
    const fake = new StrictExcel({ A: [["x"]], B: [["y"]] });
    fake.sheet("B")!.visibility = "Hidden";
    await expect(attempt(fake, (ctx) => ctx.workbook.worksheets.getItem("B").activate())).rejects.toMatchObject({
      code: "InvalidOperation",
    });
  });
});

describe("a workbook that cannot take our tabs", () => {
  for (const [options, code] of [
    [{ protectedStructure: true }, "WorkbookStructureProtected"],
    [{ readOnly: true }, "WorkbookReadOnly"],
  ] as const)
    it(`${code}: refused before anything is written`, async () => {
      const fake = new StrictExcel({}, options);
      for (const g of generateShop({ agents: 3, months: 1 })) fake.addSheet(g.name, gridValues(g));
      const before = snapshot(fake);
      await expect(generateCountingSyncs(fake)).rejects.toMatchObject({ code });
      expect(snapshot(fake)).toBe(before);
    });
});

/** A number format that shows an integer with a dangling decimal point (`0.##` shows 5 as `5.`). */
const TRAILING_DOT = /\.#+(;|$)/;

describe("our numeric columns show integers without a trailing dot", () => {
  it("in Excel (the Office adapter) and in files (the ExcelJS writer)", async () => {
    const { ExcelJsWorkbook } = await import("../../src/adapters/exceljs/port");
    const fake = fakeShop(10);
    const { out } = await generateCountingSyncs(fake);
    if (!out.ok) throw new Error(out.message);
    let integers = 0;
    for (const o of out.outputs) {
      const sheet = fake.sheet(o.name)!;
      sheet.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (typeof v !== "number" || !Number.isInteger(v) || !o.columnFormats[c]) return;
          integers++;
          expect(sheet.formats[r][c], `${o.name}!${r},${c}`).not.toMatch(TRAILING_DOT);
        }),
      );
    }
    expect(integers).toBeGreaterThan(20);
    const file = ExcelJsWorkbook.empty();
    await file.writeSheets(out.outputs, new Set());
    const formats = file.wb.worksheets.flatMap((ws) => {
      const f: string[] = [];
      ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === "number" && f.push(cell.numFmt ?? ""))));
      return f;
    });
    expect(formats.length).toBeGreaterThan(20);
    expect(formats.filter((f) => TRAILING_DOT.test(f))).toEqual([]);
    // The command line's writer (our tabs grafted into the original package): its number formats.
    const { FileWorkbook } = await import("../../src/adapters/file/port");
    const { readZip, entryBytes } = await import("../../src/adapters/file/zip");
    const source = ExcelJsWorkbook.empty();
    source.wb.addWorksheet("考勤").getCell("A1").value = "姓名";
    const grafted = FileWorkbook.load(await source.save(), "shop.xlsx");
    await grafted.writeSheets(out.outputs, new Set());
    const styles = readZip(await grafted.save()).find((e) => e.name === "xl/styles.xml")!;
    const codes = [...new TextDecoder().decode(entryBytes(styles)).matchAll(/formatCode="([^"]*)"/g)].map((m) => m[1]);
    expect(codes.filter((f) => TRAILING_DOT.test(f))).toEqual([]);
  });
});

describe("a request Excel refuses for its size", () => {
  it("is split in halves and sent again until each part fits; nothing is lost or written twice", async () => {
    const { SyncBudget } = await import("../../src/adapters/office/budget");
    const fake = new StrictExcel({ A: [["x"]] });
    const rows = 2000;
    const text = "客".repeat(300); // about 0.9 KB a cell, 1.8 MB a block of 2000 rows
    let splits = 0;
    await fake.run(async (ctx) => {
      // Charged far too low on purpose: the budget sends everything at once and Excel refuses it.
      const budget = new SyncBudget(() => ctx.sync(), 64 * 1024 * 1024);
      const ws = ctx.workbook.worksheets.getItem("A");
      for (let b = 0; b < 8; b++)
        await budget.add(1, () => {
          ws.getRangeByIndexes(b * rows, 0, rows, 2).values = Array.from({ length: rows }, (_, i) => [
            b * rows + i,
            text,
          ]);
        });
      await budget.flush();
      splits = budget.splits;
    });
    expect(splits).toBeGreaterThan(0);
    expect(fake.largestRequest).toBeGreaterThan(LIMIT_BYTES);
    const values = fake.sheet("A")!.values;
    expect(values.length).toBe(8 * rows);
    expect(values.map((r) => r[0])).toEqual(Array.from({ length: 8 * rows }, (_, i) => i));
  });
});

describe("older Excel: each API used only where its ExcelApi set is", () => {
  for (const [host, version] of [
    ["ExcelApi 1.7 (the manifest's minimum)", 1.7],
    ["ExcelApi 1.8 (Excel 2019)", 1.8],
  ] as const)
    it(`${host}: a first and a second run succeed, with charts, without page setup`, async () => {
      const grids = generateShop({ agents: 5, months: 1 });
      const fake = new StrictExcel({}, { apiVersion: version });
      for (const g of grids) fake.addSheet(g.name, gridValues(g));
      for (let run = 0; run < 2; run++) {
        const { out } = await generateCountingSyncs(fake, (v) => Number(v) <= version);
        expect(out.ok && out.report?.degraded.join()).toContain("Excel 2021 / Microsoft 365");
      }
      expect(fake.sheet("分析")!.charts.length).toBeGreaterThan(0);
      expect(fake.sheet("评分表")!.props["page.orientation"]).toBeUndefined();
    });

  it("charts need ExcelApi 1.1, calculation suspension 1.6, protection 1.7, read-only 1.8, page setup 1.9", async () => {
    const { hostFeatures } = await import("../../src/adapters/office/writeTabs");
    const at = (max: number) => hostFeatures((v) => Number(v) <= max);
    expect(at(1.1)).toEqual({ charts: true, calc: false, protection: false, readOnly: false, layout: false });
    expect(at(1.6)).toEqual({ charts: true, calc: true, protection: false, readOnly: false, layout: false });
    expect(at(1.8)).toEqual({ charts: true, calc: true, protection: true, readOnly: true, layout: false });
    expect(at(1.9)).toEqual({ charts: true, calc: true, protection: true, readOnly: true, layout: true });
  });

  it("the fake refuses an API above the host's set", async () => {
    const fake = new StrictExcel({ A: [["x"]] }, { apiVersion: 1.8 });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("selecting a cell for the user", () => {
  it("a sheet renamed away or hidden since the run: no selection, no error", async () => {
    const { selectCell } = await import("../../src/adapters/office/officeWorkbook");
    const fake = new StrictExcel({ A: [["x"]], B: [["y"]] });
    fake.sheet("B")!.visibility = "Hidden";
    expect(await selectCell(fake.run, "A", "A1")).toBe(true);
    expect(fake.sheet("A")!.props.selected).toBe("0,0");
    expect(await selectCell(fake.run, "B", "A1")).toBe(false);
    expect(await selectCell(fake.run, "gone", "A1")).toBe(false);
  });
});

describe("a tab of ours renamed while a run is between reading and writing", () => {
  it("fails with ItemNotFound (explained in the pane), and the renamed tab is left as it is", async () => {
    const fake = fakeShop(6);
    await generateCountingSyncs(fake);
    const port = new OfficeWorkbook(fake.run, all);
    const read = port.readSheets.bind(port);
    port.readSheets = async (names) => {
      const grids = await read(names);
      fake.sheet("明细")!.name = "明细备份";
      return grids;
    };
    const kept = JSON.stringify(fake.sheet("明细")!.values);
    await expect(generateOnPort(port, { scheme: "pdd-10", month: "2026-01" })).rejects.toMatchObject({
      code: "ItemNotFound",
    });
    expect(JSON.stringify(fake.sheet("明细备份")!.values)).toBe(kept);
  });
});
