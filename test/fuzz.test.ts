import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseDate, parseMinutes, parseNumber, parseSeconds, parseTimeOfDay } from "../src/engine/parse";
import { parseApproval, parseStatus } from "../src/engine/read/status";
import { parseLegend } from "../src/engine/read/matrix";
import { mapHeaderText } from "../src/engine/read/headers";
import { readWorkbook } from "../src/engine/read/workbook";
import { generate } from "../src/engine/run";
import type { Cell, SheetGrid } from "../src/engine/types";
import { StrictExcel } from "./fakes/strictExcel";
import { OfficeWorkbook } from "../src/adapters/office/officeWorkbook";
import { generateOnPort } from "../src/app/generateOnPort";
import { FileWorkbook } from "../src/adapters/file/port";
import ExcelJS from "exceljs";

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

/** Strings a careless paste or a hostile sender might put in a cell. */
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "=1+1",
    "+1",
    "-2",
    "@SUM(A1)",
    "\t=cmd|' /c calc'!A0",
    '\r=HYPERLINK("x")',
    "=",
    "--",
    "#N/A",
    "正常（请假）",
    "迟到30分钟",
    "旷工480分钟",
    "缺卡1次",
    "２０２６-１０-０３",
    "10月32日",
    "注：√出勤 ●休假",
    "店铺:小王",
    "李娜（已离职）",
  ),
  fc.string({ maxLength: 5 }).map((s) => `=${s}`),
  fc.constant("客".repeat(5000)),
);
const cell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 4, arbitrary: hostile },
  { weight: 2, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.integer({ min: 40000, max: 50000 }) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.boolean() },
  {
    weight: 1,
    arbitrary: fc.constantFrom("#N/A", "#REF!", "#VALUE!").map((code) => ({ kind: "error" as const, code })),
  },
  { weight: 1, arbitrary: fc.integer({ min: 40000, max: 50000 }).map((serial) => ({ kind: "date" as const, serial })) },
);
const HEADERS = [
  "日期",
  "姓名",
  "状态",
  "迟到分钟",
  "投诉原因",
  "是否查实",
  "快递公司",
  "快递单号",
  "金额",
  "类型",
  "事由",
  "工号",
  "旺旺",
  "组别",
  "上班 1 打卡结果",
  "关联的审批单",
  "1",
  "2",
  "3",
];
const header = fc.oneof(fc.constantFrom(...HEADERS), hostile);
const sheetName = fc.oneof(
  fc.constantFrom("考勤", "10月考勤", "投诉", "快递异常", "罚款登记", "花名册", "Sheet1", "评分表"),
  fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.replace(/[\\/?*[\]:]/g, "_") || "x"),
);
const grid: fc.Arbitrary<SheetGrid> = fc
  .record({
    name: sheetName,
    titleRows: fc.array(fc.array(hostile, { maxLength: 3 }), { maxLength: 3 }),
    head: fc.array(header, { minLength: 1, maxLength: 10 }),
    rows: fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 25 }),
  })
  .map(({ name, titleRows, head, rows }) => ({ name, cells: [...titleRows, head, ...rows] as Cell[][] }));
const workbook = fc.uniqueArray(grid, { minLength: 1, maxLength: 4, selector: (g) => g.name });

describe("parsers never throw and stay in range", () => {
  it("dates, numbers, durations, times, statuses, approvals, legends, headers", () => {
    fc.assert(
      fc.property(cell, (c) => {
        const d = parseDate(c, { y: 2026 });
        if (d) expect(d.m >= 1 && d.m <= 12 && d.d >= 1 && d.d <= 31).toBe(true);
        const n = parseNumber(c);
        if (n !== null) expect(Number.isFinite(n)).toBe(true);
        parseMinutes(c);
        parseSeconds(c);
        const t = parseTimeOfDay(c);
        if (t !== null && typeof c === "string") expect(t).toBeGreaterThanOrEqual(0);
        if (typeof c === "string") {
          parseStatus(c);
          parseApproval(c);
          parseLegend(c);
          mapHeaderText(c);
        }
      }),
      { numRuns: RUNS * 20 },
    );
  });
});

/** Rows a reader must account for: non-empty rows of a sheet it read, below its header. */
function accountedRows(grids: SheetGrid[]) {
  const read = readWorkbook(grids, { defaultYear: 2026 });
  const used = new Set<string>();
  for (const e of read.events) for (const s of e.sources) used.add(`${s.sheet}!${s.row}`);
  for (const i of read.issues) used.add(`${i.sheet}!${i.row}`);
  return { read, used };
}

describe("whole workbooks of junk", () => {
  it("never throw; every data row of a read sheet ends in an event, a tally, or an issue", () => {
    fc.assert(
      fc.property(workbook, (grids) => {
        const { read, used } = accountedRows(grids);
        // The reader's safety net names any row no reader placed: it must never be needed.
        expect(read.issues.filter((i) => i.code === "row-not-used")).toEqual([]);
        for (const s of read.sheets) {
          if (s.role === "none") expect(read.issues.some((i) => i.sheet === s.sheet) || s.rows.data === 0).toBe(true);
          else expect(s.rows.placed).toBe(s.rows.data);
        }
        void used;
      }),
      { numRuns: RUNS },
    );
  });

  it("generate never throws, writes user strings as text, and leaves every source cell as it was (strict fake Excel)", async () => {
    await fc.assert(
      fc.asyncProperty(workbook, async (grids) => {
        const fake = new StrictExcel();
        for (const g of grids) {
          const width = Math.max(1, ...g.cells.map((r) => r.length));
          fake.addSheet(
            g.name,
            g.cells.map((r) =>
              Array.from({ length: width }, (_, i) => {
                const c = r[i] ?? null;
                return c === null
                  ? ""
                  : typeof c === "object"
                    ? c.kind === "date"
                      ? c.serial
                      : c.code
                    : typeof c === "number" && !Number.isFinite(c)
                      ? 0
                      : c;
              }),
            ),
          );
        }
        const before = JSON.stringify(fake.sheets.map((s) => [s.name, s.values]));
        const out = await generateOnPort(new OfficeWorkbook(fake.run, () => true), { scheme: "pdd-10" });
        if (!out.ok) expect(out.message.length).toBeGreaterThan(5);
        const formulas = fake.sheets.flatMap((s) => [...s.formulas]);
        expect(formulas).toEqual([]);
        const sources = fake.sheets.filter((s) => grids.some((g) => g.name === s.name));
        expect(JSON.stringify(sources.map((s) => [s.name, s.values]))).toBe(
          JSON.stringify(JSON.parse(before).filter(([n]: [string]) => grids.some((g) => g.name === n))),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("an empty sheet, a header-only sheet and a huge cell are handled", () => {
    const out = generate({
      grids: [
        { name: "空", cells: [] },
        { name: "考勤", cells: [["日期", "姓名", "状态"]] },
        {
          name: "投诉",
          cells: [
            ["日期", "客服", "投诉原因"],
            ["2026-10-01", "小王", "客".repeat(40000)],
          ],
        },
      ],
      scheme: "pdd-10",
    });
    // Nothing usable: no month to score, and the reason for the one row is in the issues.
    expect(out.ok).toBe(false);
    expect(out.issues.some((i) => i.sheet === "投诉" && i.row === 2 && i.code === "unclassified")).toBe(true);
  });
});

describe("files: formula-looking strings survive a round trip as text", () => {
  it("every user string in the result workbook is a string cell, never a formula", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { minLength: 1, maxLength: 8 }), async (names) => {
        const w = new ExcelJS.Workbook();
        const ws = w.addWorksheet("考勤");
        ws.addRow(["日期", "姓名", "状态"]);
        names.forEach((n, i) => ws.addRow([`2026-10-${String((i % 28) + 1).padStart(2, "0")}`, n, "迟到"]));
        const wb = FileWorkbook.load(new Uint8Array(await w.xlsx.writeBuffer()), "shop.xlsx");
        await generateOnPort(wb, { scheme: "pdd-10", month: "2026-10" });
        const check = new ExcelJS.Workbook();
        await check.xlsx.load((await wb.save()) as unknown as ArrayBuffer);
        let formulas = 0;
        check.eachSheet((s) =>
          s.eachRow((row) =>
            row.eachCell((c) => {
              if (c.type === ExcelJS.ValueType.Formula) formulas++;
            }),
          ),
        );
        expect(formulas).toBe(0);
      }),
      { numRuns: Math.max(10, Math.floor(RUNS / 3)) },
    );
  });
});
