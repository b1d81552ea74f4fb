import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { LIMIT_BYTES, StrictExcel } from "../fakes/strictExcel";
import { OfficeWorkbook } from "../../src/adapters/office/officeWorkbook";
import { ExcelJsWorkbook } from "../../src/adapters/exceljs/port";
import { generateOnPort, type PortOutcome } from "../../src/app/generateOnPort";
import type { WorkbookPort } from "../../src/adapters/port";
import { generateShop, gridValues } from "../../bench/generate";

/*
 * The clock's grid of test/engine/punchCli.test.ts: lateness marked only by colour, with a legend.
 * 小王 09:12 on 10-09 is red (agrees); 10-08 is red although 08:55 is on time (B2 disagrees);
 * 李娜's 09:05 on 10-13 is not red (F3 disagrees).
 */
const DAYS = [8, 9, 10, 12, 13, 14, 15, 16];
const ROWS: string[][] = [
  ["姓名", ...DAYS.map((d) => `10-${String(d).padStart(2, "0")}`)],
  ["小王", ...DAYS.map((d) => (d === 9 ? "09:12 18:00" : "08:55 18:02"))],
  ["李娜", ...DAYS.map((d) => (d === 13 ? "09:05 18:10" : "08:50 18:10"))],
  ["图例", "迟到"],
];
/** B2, C2 and the legend's B4, as [row, col] from 0. */
const RED: [number, number][] = [
  [1, 1],
  [1, 2],
  [3, 1],
];

async function filePort(): Promise<WorkbookPort> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("打卡机");
  ROWS.forEach((r) => ws.addRow(r));
  for (const [r, c] of RED)
    ws.getCell(r + 1, c + 1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
  return ExcelJsWorkbook.load(await wb.xlsx.writeBuffer());
}

function fakeClock(apiVersion?: number) {
  const fake = new StrictExcel({}, { apiVersion });
  const s = fake.addSheet("打卡机", ROWS);
  for (const [r, c] of RED) s.fills.set(`${r},${c}`, "#FFC7CE");
  return fake;
}

const run = (port: WorkbookPort) => generateOnPort(port, { scheme: "pdd-10", month: "2026-10" });
const fillIssues = (out: PortOutcome) =>
  out.issues.filter((i) => i.code === "fill-disagrees").map((i) => `${i.sheet}!${i.col}${i.row} ${i.message}`);

describe("fill colours in Excel (getCellProperties)", () => {
  it("a colour-marked punch grid lists the same disagreements as the file path, in one fill request", async () => {
    const fromFile = fillIssues(await run(await filePort()));
    expect(fromFile.map((m) => m.split(" ")[0])).toEqual(["打卡机!B2", "打卡机!F3"]);
    const fake = fakeClock();
    const out = await run(new OfficeWorkbook(fake.run, () => true));
    expect(out.ok).toBe(true);
    expect(fillIssues(out)).toEqual(fromFile);
    expect(fake.cellPropertyReads).toBe(1);
    expect(out.ok && out.report?.degraded.join()).not.toContain("底色");
    // The user's sheet keeps its colours and values.
    expect(fake.sheet("打卡机")!.fills.size).toBe(3);
  });

  it("a workbook without punch grids makes no getCellProperties call, even with coloured cells", async () => {
    const fake = new StrictExcel();
    for (const g of generateShop({ agents: 8, months: 1 })) fake.addSheet(g.name, gridValues(g));
    fake.sheets[1].fills.set("1,1", "#FF0000");
    const out = await generateOnPort(new OfficeWorkbook(fake.run, () => true), { scheme: "pdd-10", month: "2026-01" });
    expect(out.ok).toBe(true);
    expect(fake.cellPropertyReads).toBe(0);
  });

  it("at ExcelApi 1.8 fills are skipped, the run completes, and the note says colours were not checked", async () => {
    const fake = fakeClock(1.8);
    const out = await run(new OfficeWorkbook(fake.run, (v) => Number(v) <= 1.8));
    expect(out.ok).toBe(true);
    expect(fake.cellPropertyReads).toBe(0);
    expect(fillIssues(out)).toEqual([]);
    expect(out.ok && out.report?.degraded.join()).toMatch(/底色.*ExcelApi 1\.9|ExcelApi 1\.9.*底色/);
  });

  it("a large grid is read in row blocks, each response under 5 MB; round trips do not grow with rows", async () => {
    const syncsFor = async (people: number) => {
      const rows = [ROWS[0], ...Array.from({ length: people }, (_, i) => [`员工${i}`, ...ROWS[1].slice(1)])];
      const fake = new StrictExcel({ 打卡机: rows });
      for (let r = 1; r <= people; r++) fake.sheet("打卡机")!.fills.set(`${r},2`, "#FFC7CE");
      const port = new OfficeWorkbook(fake.run, () => true);
      const before = fake.syncs;
      const { fills } = await port.readFills(["打卡机"]);
      expect(fills["打卡机"]).toHaveLength(people + 1);
      expect(fills["打卡机"][people][2]).toBe("FFC7CE");
      expect(fills["打卡机"][people][1]).toBeNull();
      expect(fake.largestResponse).toBeLessThan(LIMIT_BYTES);
      expect(fake.refusedResponses).toBe(0);
      return { syncs: fake.syncs - before, reads: fake.cellPropertyReads };
    };
    const [small, mid] = [await syncsFor(50), await syncsFor(5000)];
    expect(small).toEqual({ syncs: 2, reads: 1 });
    expect(mid).toEqual({ syncs: 2, reads: 1 });
    // 80,000 cells pass one response's budget: two blocks, each its own request.
    const big = await syncsFor(9000);
    expect(big.reads).toBe(2);
    expect(big.syncs).toBe(3);
  });
});
