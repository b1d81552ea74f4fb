import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { ExcelJsWorkbook } from "../../src/adapters/exceljs/port";
import { readAll } from "../../src/adapters/port";
import { generateOnPort } from "../../src/app/generateOnPort";
import { inspectWorkbook } from "../../src/engine/run";
import { buildSampleWorkbook } from "../../src/sample/sampleWorkbook";

async function file(build: (wb: ExcelJS.Workbook) => void, date1904 = false): Promise<ExcelJsWorkbook> {
  const wb = new ExcelJS.Workbook();
  if (date1904) wb.properties.date1904 = true;
  build(wb);
  return ExcelJsWorkbook.load(new Uint8Array(await wb.xlsx.writeBuffer()));
}

async function values(data: Uint8Array): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const out: Record<string, unknown[][]> = {};
  wb.eachSheet((ws) => {
    out[ws.name] = (ws.getSheetValues() as unknown[][]).map((r) => (r ? JSON.parse(JSON.stringify(r)) : r));
  });
  return out;
}

describe("reading .xlsx files", () => {
  it("merged cells read empty where covered, like Office.js; rich text, hyperlinks, formulas, errors, numbers as text", async () => {
    const wb = await file((w) => {
      const ws = w.addWorksheet("考勤");
      ws.addRow(["2026年10月考勤"]);
      ws.mergeCells("A1:E1");
      ws.addRow(["日期", "姓名", "状态", "迟到分钟", "关联的审批单"]);
      ws.addRow([
        // Workdays: 10-01…07 is the National Day holiday, where an export's marks are listed, not scored (RULES.md).
        new Date(Date.UTC(2026, 9, 12)),
        { richText: [{ text: "小" }, { text: "王" }] },
        "迟到",
        "12",
        { text: "事假1天", hyperlink: "https://example.invalid/a" },
      ]);
      ws.addRow([
        { formula: "DATE(2026,10,13)", result: new Date(Date.UTC(2026, 9, 13)) },
        "小王",
        { formula: '"迟"&"到"', result: "迟到" },
        { error: "#N/A" },
        null,
      ]);
    });
    const [g] = await wb.readSheets(["考勤"]);
    expect(g.cells[0]).toEqual(["2026年10月考勤", null, null, null, null]);
    expect(g.cells[2][1]).toBe("小王");
    expect(g.cells[2][4]).toBe("事假1天");
    expect(g.cells[3][2]).toBe("迟到");
    expect(g.cells[3][3]).toEqual({ kind: "error", code: "#N/A" });
    const read = inspectWorkbook([g]);
    expect(read.events.filter((e) => e.type === "late").map((e) => [e.date, e.measure])).toEqual([
      ["2026-10-12", 12],
      ["2026-10-13", undefined],
    ]);
  });

  it("reads dates from a 1904-system workbook as the same calendar dates", async () => {
    const wb = await file((w) => {
      const ws = w.addWorksheet("考勤");
      ws.addRow(["日期", "姓名", "状态"]);
      ws.addRow([new Date(Date.UTC(2026, 9, 2)), "小王", "迟到"]);
    }, true);
    const read = inspectWorkbook(await readAll(wb));
    expect(read.events[0].date).toBe("2026-10-02");
  });
});

describe("writing the result workbook", () => {
  it("adds the generated tabs, leaves every source value unchanged, writes formula-looking strings as text", async () => {
    const src = await (async () => {
      const w = new ExcelJS.Workbook();
      const ws = w.addWorksheet("投诉");
      ws.addRow(["日期", "客服", "投诉原因"]);
      ws.addRow([new Date(Date.UTC(2026, 9, 2)), '=HYPERLINK("x")', "态度差"]);
      ws.addRow([new Date(Date.UTC(2026, 9, 3)), "小王", "+1 态度差"]);
      ws.addRow([new Date(Date.UTC(2026, 9, 4)), "@小李", "-态度差"]);
      return new Uint8Array(await w.xlsx.writeBuffer());
    })();
    const wb = await ExcelJsWorkbook.load(src);
    const out = await generateOnPort(wb, { scheme: "pdd-10", month: "2026-10" });
    expect(out.ok).toBe(true);
    const saved = await wb.save();
    const after = await values(saved);
    expect(after["投诉"]).toEqual((await values(src))["投诉"]);
    const check = new ExcelJS.Workbook();
    await check.xlsx.load(saved as unknown as ArrayBuffer);
    let formulas = 0;
    check.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.type === ExcelJS.ValueType.Formula) formulas++;
        }),
      ),
    );
    expect(formulas).toBe(0);
    const names = check.worksheets.map((w) => w.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "投诉",
        "评分表",
        "罚款箱",
        "快递扣款",
        "个人考核单",
        "明细",
        "分析",
        "数据问题",
        "_考核助手",
      ]),
    );
    const audit = check.getWorksheet("评分表")!;
    expect(JSON.stringify(audit.getSheetValues())).toContain("=HYPERLINK");
  });

  it("re-running a month gives identical tabs and never counts anything twice", async () => {
    const wb = await ExcelJsWorkbook.load(await buildSampleWorkbook());
    const first = await generateOnPort(wb, { scheme: "pdd-10", month: "2026-10" });
    const once = await values(await wb.save());
    const second = await generateOnPort(wb, { scheme: "pdd-10", month: "2026-10" });
    const twice = await values(await wb.save());
    expect(first.ok && second.ok).toBe(true);
    expect(twice).toEqual(once);
    if (first.ok && second.ok) expect(second.result.fundBox).toEqual(first.result.fundBox);
  });

  it("a user's own sheet named like a generated tab is never touched; the tab takes another name", async () => {
    const src = await buildSampleWorkbook();
    const w = new ExcelJS.Workbook();
    await w.xlsx.load(src as unknown as ArrayBuffer);
    w.addWorksheet("评分表").addRow(["我自己的评分表", 42]);
    const wb = await ExcelJsWorkbook.load(new Uint8Array(await w.xlsx.writeBuffer()));
    for (let i = 0; i < 2; i++) {
      const out = await generateOnPort(wb, { scheme: "pdd-10", month: "2026-10" });
      expect(out.ok && out.notices.join()).toContain("评分表(考核助手)");
    }
    const after = await values(await wb.save());
    expect(after["评分表"][1]).toEqual([null, "我自己的评分表", 42]);
    expect(Object.keys(after).filter((n) => n.startsWith("评分表"))).toEqual(["评分表", "评分表(考核助手)"]);
  });
});
