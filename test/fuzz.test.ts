import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseDate, parseMinutes, parseNumber, parseSeconds, parseTimeOfDay } from "../src/engine/parse";
import { parseApproval, parseStatus } from "../src/engine/read/status";
import { parseLegend } from "../src/engine/read/matrix";
import { mapHeaderText } from "../src/engine/read/headers";
import { readWorkbook } from "../src/engine/read/workbook";
import { generate, inspectWorkbook, ownedTabs } from "../src/engine/run";
import { markerText } from "../src/engine/render/model";
import type { DataIssue } from "../src/engine/types";
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

/** What inspect reads (our own tabs and 规则 skipped, as the app does), with each cell's kind. */
function explainRead(grids: SheetGrid[]) {
  const { owned, archived } = ownedTabs(grids);
  return readWorkbook(grids, { skip: [...owned, ...archived, "规则"], defaultYear: 2026, explain: true });
}

/** A data issue names this cell: itself, its row, its column or its whole sheet. */
function namedBy(issues: DataIssue[], sheet: string, row: number, col: string): boolean {
  return issues.some(
    (i) =>
      i.sheet === sheet &&
      (i.scope === "sheet" ||
        (i.scope === "column" && i.col === col) ||
        (i.scope === "cell" && i.col === col && i.row === row) ||
        ((i.scope === "row" || i.scope === undefined) && i.row === row)),
  );
}

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

const letter = (c: number) => {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
/** Non-empty as openpyxl or Excel count it: anything but an absent cell and the empty string. */
const nonEmptyCells = (g: SheetGrid) => g.cells.flat().filter((c) => c !== null && c !== undefined && c !== "").length;

/** A symbol matrix with a weekday row, a legend, a note and a total column, with hostile cells mixed in. */
const matrix: fc.Arbitrary<SheetGrid> = fc
  .record({
    name: fc.constantFrom("2月考勤表", "出勤", "Sheet9"),
    weekdayAbove: fc.boolean(),
    rows: fc.array(
      fc.tuple(
        fc.oneof(fc.constantFrom("小王", "李娜", "注：√出勤 ○事假 ※迟到 ×旷工", ""), hostile),
        fc.array(fc.oneof(fc.constantFrom("√", "※", "○", "×", "", null, "--"), cell), { minLength: 10, maxLength: 10 }),
        fc.oneof(fc.integer({ min: 0, max: 10 }), cell),
      ),
      { maxLength: 8 },
    ),
    hidden: fc.boolean(),
  })
  .map(({ name, weekdayAbove, rows, hidden }) => {
    const days = Array.from({ length: 10 }, (_, i) => i + 1);
    const week = ["四", "五", "六", "日", "一", "二", "三", "四", "五", "六"];
    const head: Cell[][] = weekdayAbove
      ? [
          ["姓名", ...week, null],
          [null, ...days, "出勤天数"],
        ]
      : [
          ["姓名", ...days, "出勤天数"],
          [null, ...week, null],
        ];
    return {
      name,
      hidden,
      cells: [["2026年2月考勤表"], ...head, ...rows.map(([n, marks, total]) => [n, ...marks, total] as Cell[])],
    };
  });

/** A tab of ours the manager renamed: marker row first. */
const archivedTab: fc.Arbitrary<SheetGrid> = fc
  .array(fc.array(cell, { maxLength: 5 }), { maxLength: 5 })
  .map((rows) => ({ name: "10月评分表", cells: [[markerText("scorecard")], ...rows] }));

const hostileWorkbook = fc.uniqueArray(
  fc.oneof(
    { weight: 4, arbitrary: grid.chain((g) => fc.boolean().map((hidden) => ({ ...g, hidden }))) },
    { weight: 2, arbitrary: matrix },
    { weight: 1, arbitrary: archivedTab },
  ),
  { minLength: 1, maxLength: 4, selector: (g) => g.name },
);

describe("whole workbooks of junk", () => {
  it("never throw; every non-empty cell is exactly one of used, structural or reported, each reported one named", () => {
    fc.assert(
      fc.property(hostileWorkbook, (grids) => {
        const read = explainRead(grids);
        // The reader's safety net names any row no reader placed: it must never be needed.
        expect(read.issues.filter((i) => i.code === "row-not-used")).toEqual([]);
        const listed = [...read.sheets, ...(read.ownTabs ?? [])];
        expect(listed.map((s) => s.sheet).sort()).toEqual(grids.map((g) => g.name).sort());
        const eventRows = new Set(read.events.flatMap((e) => e.sources.map((s) => `${s.sheet}!${s.row}`)));
        for (const g of grids) {
          const m = listed.find((s) => s.sheet === g.name)!;
          const { total, used, structural, reported } = m.cells;
          expect(total).toBe(nonEmptyCells(g));
          expect(used + structural + reported).toBe(total);
          expect(m.hidden ?? false).toBe(!!g.hidden);
          const kinds = read.cellKinds![g.name];
          const seen = { u: 0, s: 0, r: 0 } as Record<string, number>;
          g.cells.forEach((row, r) =>
            row.forEach((c, col) => {
              if (c === null || c === undefined || c === "") return;
              const k = kinds[r]?.[col];
              seen[k]++;
              if (k === "r") expect(namedBy(read.issues, g.name, r + 1, letter(col))).toBe(true);
              if (k === "u")
                expect(eventRows.has(`${g.name}!${r + 1}`) || m.role === "roster" || m.role === "attendance").toBe(
                  true,
                );
            }),
          );
          expect([seen.u, seen.s, seen.r]).toEqual([used, structural, reported]);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("an openpyxl-style 罚款登记 sheet: 12 non-empty cells, 4 header cells structural, 8 used", () => {
    const read = inspectWorkbook(
      [
        {
          name: "罚款登记",
          cells: [
            ["日期", "姓名", "罚款原因", "金额(元)"],
            ["2026-10-08", "小王", "迟到", 20],
            ["2026-10-09", "李娜", "上班打游戏", 10],
          ],
        },
      ],
      [],
      2026,
    );
    expect(read.sheets[0].role).toBe("fines");
    expect(read.sheets[0].cells).toEqual({ total: 12, used: 8, structural: 4, reported: 0 });
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
