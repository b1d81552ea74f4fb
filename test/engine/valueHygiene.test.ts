import { describe, expect, it } from "vitest";
import {
  chineseNumber,
  duplicateHeaders,
  formatYmd,
  parseDate,
  parseDateDetail,
  parseMinutes,
  parseNumber,
  parseSeconds,
  readAmount,
  safeNumber,
  safeText,
  slashOrder,
  MAX_CELL_TEXT,
  TRUNCATED_MARK,
} from "../../src/engine/parse";
import { generate, latestMonth } from "../../src/engine/run";
import { inspectWorkbook } from "../../src/engine/run";
import type { SheetGrid } from "../../src/engine/types";

const iso = (d: ReturnType<typeof parseDate>) => (d ? formatYmd(d) : null);

describe("amounts that are not plain numbers", () => {
  it.each([
    ["十", 10],
    ["十五", 15],
    ["一百五", 150],
    ["一百零五", 105],
    ["两千零五", 2005],
    ["壹佰", 100],
    ["一万二", 12000],
  ])("Chinese numerals %s → %d", (t, n) => expect(chineseNumber(t)).toBe(n));

  it("十元 is read as 10 and noted; abc and #N/A are not priced and say why; a blank says nothing", () => {
    expect(readAmount("十元")).toMatchObject({ value: 10, code: "amount-chinese" });
    expect(readAmount("十元").note).toContain("按 10 计");
    expect(readAmount("abc")).toMatchObject({ value: null, code: "amount-not-number" });
    expect(readAmount({ kind: "error", code: "#N/A" })).toMatchObject({ value: null, code: "amount-error" });
    expect(readAmount({ kind: "error", code: "#N/A" }).note).toContain("#N/A");
    expect(readAmount("¥50")).toEqual({ value: 50 });
    expect(readAmount(null)).toEqual({ value: null });
    expect(chineseNumber("一二")).toBeNull();
  });

  it("NaN and Infinity are never numbers", () => {
    expect(parseNumber(NaN)).toBeNull();
    expect(parseNumber(Infinity)).toBeNull();
    expect(safeNumber(-Infinity)).toBeNull();
    expect(safeNumber(-0)).toBe(0);
  });
});

describe("dates written with slashes", () => {
  it("05/10/2026 is never a 2005 date", () => {
    expect(parseDate("05/10/2026")?.y).not.toBe(2005);
  });
  it("a day above 12 settles the order; the column settles the rest; the month decides; else reported", () => {
    expect(iso(parseDate("25/10/2026"))).toBe("2026-10-25");
    expect(iso(parseDate("10/25/2026"))).toBe("2026-10-25");
    const column = ["25/10/2026", "05/10/2026"];
    expect(slashOrder(column)).toBe("dmy");
    expect(iso(parseDate("05/10/2026", { order: slashOrder(column)! }))).toBe("2026-10-05");
    expect(iso(parseDate("05/10/2026", { order: "mdy" }))).toBe("2026-05-10");
    expect(iso(parseDateDetail("05/10/2026", { m: 10 }).date)).toBe("2026-10-05");
    expect(parseDateDetail("05/10/2026")).toEqual({ date: null, problem: "ambiguous-order" });
    expect(parseDateDetail("05/05/2026").date).toEqual({ y: 2026, m: 5, d: 5 });
  });
  it("a time-only cell is no date (not 1899-12-30): the caller joins or reports it", () => {
    expect(parseDate({ kind: "date", serial: 0.375 })).toBeNull();
    expect(parseDateDetail({ kind: "date", serial: 0.375 }).problem).toBe("time-only");
  });
});

describe("durations with units", () => {
  it.each([
    ["600秒", 10],
    ["35", 35],
    ["1小时5分", 65],
    ["1.5小时", 90],
    ["1天", 1440],
    ["2h30m", 150],
    ["0:35", 35],
  ])("%s is %d minutes", (t, n) => expect(parseMinutes(t)).toBe(n));
  it("seconds: 1分5秒 is 65, 2分钟 is 120; nonsense is null", () => {
    expect(parseSeconds("1分5秒")).toBe(65);
    expect(parseSeconds("2分钟")).toBe(120);
    expect(parseMinutes("5秒1小时")).toBeNull();
    expect(parseMinutes("abc")).toBeNull();
  });
});

describe("what we write", () => {
  it("text over 32,767 characters is cut with a visible marker", () => {
    const long = "长".repeat(40000);
    const t = safeText(long);
    expect(t.length).toBe(MAX_CELL_TEXT);
    expect(t.endsWith(TRUNCATED_MARK)).toBe(true);
    expect(safeText("short")).toBe("short");
  });
  it("duplicate headers are found so that the second column can be reported", () => {
    expect(duplicateHeaders(["日期", "金额", "姓名", "金额 "])).toEqual([{ col: 3, firstCol: 1, text: "金额" }]);
  });
});

const grid = (name: string, cells: SheetGrid["cells"]): SheetGrid => ({ name, cells });
describe("choosing and checking the month", () => {
  const sheet = grid("考勤", [
    ["日期", "姓名", "状态"],
    [{ kind: "date", serial: 46297 }, "小王", "迟到"],
    [{ kind: "date", serial: 46297 + 30 }, "小王", "迟到"],
    [{ kind: "date", serial: 46297 + 36 * 365 }, "小李", "迟到"], // 2062: a typo for 2026
  ]);
  it("a typo year is never the default month", () => {
    expect(latestMonth(inspectWorkbook([sheet]))).toBe("2026-11");
  });
  it("a month with no data is refused with a clear message, not scored as full marks", () => {
    const out = generate({ grids: [sheet], scheme: "pdd-10", month: "2026-07" });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toContain("no data for the month");
  });
});
