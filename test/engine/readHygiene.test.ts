// Value hygiene as the readers apply it: every odd value is read and noted, or named in 数据问题 with its cell.
import { describe, expect, it } from "vitest";
import { CELL_REPORTED, SheetCursor, type ReadContext } from "../../src/engine/read/context";
import { NameResolver } from "../../src/engine/read/names";
import type { Cell, SheetGrid } from "../../src/engine/types";
import { date, grid, read } from "../helpers/grids";

const issueAt = (r: ReturnType<typeof read>, sheet: string, cell: string) =>
  r.issues.filter((i) => i.sheet === sheet && `${i.col ?? ""}${i.row}` === cell);
const cellsOf = (r: ReturnType<typeof read>, sheet: string) => r.sheets.find((s) => s.sheet === sheet)!.cells!;
const balanced = (r: ReturnType<typeof read>, sheet: string) => {
  const c = cellsOf(r, sheet);
  return c.used + c.structural + c.reported === c.total;
};

describe("amounts", () => {
  const fines = grid("罚款登记", [
    ["日期", "姓名", "事由", "金额"],
    ["2026-10-02", "小王", "迟到", "十元"],
    ["2026-10-03", "小王", "迟到", "abc"],
    ["2026-10-04", "小王", "迟到", { kind: "error", code: "#N/A" }],
    ["2026-10-05", "小王", "迟到", "一百五"],
  ]);

  it("十元 and 一百五 are read as 10 and 150, each noted at its cell", () => {
    const r = read(fines);
    const amounts = r.events.filter((e) => e.agent === "小王").map((e) => [e.date, e.amount]);
    expect(amounts).toEqual([
      ["2026-10-02", 10],
      ["2026-10-05", 150],
    ]);
    expect(issueAt(r, "罚款登记", "D2")[0]).toMatchObject({ code: "amount-chinese", severity: "info" });
    expect(issueAt(r, "罚款登记", "D5")[0].message).toContain("按 150 计");
  });

  it("abc and #N/A are not priced: the row is held and a line names the cell", () => {
    const r = read(fines);
    expect(r.events.some((e) => e.date === "2026-10-03" || e.date === "2026-10-04")).toBe(false);
    expect(issueAt(r, "罚款登记", "D3")[0]).toMatchObject({ code: "bad-amount", severity: "error" });
    expect(issueAt(r, "罚款登记", "D3")[0].message).toContain("不是数字");
    expect(issueAt(r, "罚款登记", "D4")[0].message).toContain("#N/A");
    expect(balanced(r, "罚款登记")).toBe(true);
  });

  it("a complaint whose written amount is no number still counts, and its amount cell is reported", () => {
    const r = read(
      grid("投诉", [
        ["日期", "客服", "投诉原因", "是否查实", "罚款金额"],
        ["2026-10-02", "小王", "服务态度差", "是", "待定"],
      ]),
    );
    expect(r.events.filter((e) => e.agent === "小王").map((e) => [e.type, e.amount])).toEqual([
      ["bad-attitude", undefined],
    ]);
    expect(issueAt(r, "投诉", "E2")[0].message).toContain("没有计价");
    expect(cellsOf(r, "投诉").reported).toBe(1);
  });
});

describe("dates", () => {
  const fines = (dates: Cell[], title?: string): SheetGrid =>
    grid("罚款", [
      ...(title ? [[title]] : []),
      ["日期", "姓名", "事由", "金额"],
      ...dates.map((d) => [d, "小王", "迟到", 10]),
    ]);
  const datesOf = (r: ReturnType<typeof read>) => r.events.filter((e) => e.agent === "小王").map((e) => e.date);

  it("a day above 12 in the column settles the order for every row of it", () => {
    expect(datesOf(read(fines(["25/10/2026", "05/10/2026"])))).toEqual(["2026-10-25", "2026-10-05"]);
    expect(datesOf(read(fines(["10/25/2026", "05/10/2026"])))).toEqual(["2026-10-25", "2026-05-10"]);
  });

  it("otherwise the sheet's month decides; with none, the row is reported, not guessed", () => {
    expect(datesOf(read(fines(["05/10/2026"], "2026年10月罚款登记")))).toEqual(["2026-10-05"]);
    const r = read(fines(["05/10/2026", "06/11/2026"]));
    expect(datesOf(r)).toEqual([]);
    expect(issueAt(r, "罚款", "A2")[0]).toMatchObject({ code: "bad-date", severity: "error" });
    expect(issueAt(r, "罚款", "A2")[0].message).toContain("日/月/年");
  });

  it("never a year outside the data's range: 05/10/26 and 2062 among 2026 dates are reported", () => {
    const r = read(fines(["2026-10-02", "2026-10-03", "05/10/26", "2062-10-04"]));
    expect(datesOf(r)).toEqual(["2026-10-02", "2026-10-03"]);
    expect(r.months).toEqual(["2026-10"]);
    expect(issueAt(r, "罚款", "A4")[0].message).toContain("2005");
    expect(issueAt(r, "罚款", "A5")[0].message).toContain("笔误");
  });

  it("a time-only cell is joined to the row's other date, or reported (never 1899-12-30)", () => {
    const r = read(
      grid("投诉", [
        ["日期", "客服", "投诉原因", "是否查实", "登记日期"],
        [{ kind: "date", serial: 0.4 }, "小王", "服务态度差", "是", date(2026, 10, 7)],
        [{ kind: "date", serial: 0.5 }, "小王", "服务态度差", "是", ""],
      ]),
    );
    expect(datesOf(r)).toEqual(["2026-10-07"]);
    expect(issueAt(r, "投诉", "A2")[0]).toMatchObject({ code: "time-joined", severity: "info" });
    expect(issueAt(r, "投诉", "A3")[0].message).toContain("只有时间");
    expect(r.events.some((e) => e.date?.startsWith("1899"))).toBe(false);
  });
});

describe("headers", () => {
  it("a duplicate header's second column is reported with one line saying which column was read", () => {
    const r = read(
      grid("罚款登记", [
        ["日期", "姓名", "事由", "金额", "金额"],
        ["2026-10-02", "小王", "迟到", 10, 20],
        ["2026-10-03", "小王", "迟到", 10, 30],
      ]),
    );
    expect(r.events.map((e) => e.amount)).toEqual([10, 10]);
    const dup = r.issues.filter((i) => i.code === "duplicate-header");
    expect(dup.map((i) => [i.col, i.row])).toEqual([["E", 1]]);
    expect(dup[0].message).toContain("只读取了第 D 列");
    expect(cellsOf(r, "罚款登记")).toMatchObject({ reported: 2 });
    expect(balanced(r, "罚款登记")).toBe(true);
    expect(r.issues.some((i) => i.code === "column-unmapped")).toBe(false);
  });

  it("a repeated punch-time header is the second session, not a duplicate", () => {
    const r = read(
      grid("打卡", [
        ["日期", "姓名", "上班打卡时间", "下班打卡时间", "上班打卡时间", "下班打卡时间"],
        ["2026-10-02", "小王", "09:00", "12:00", "13:30", "18:00"],
      ]),
    );
    const fields = r.sheets.find((s) => s.sheet === "打卡")!.fields;
    expect([fields.C, fields.D, fields.E, fields.F]).toEqual(["clockIn", "clockOut", "clockIn2", "clockOut2"]);
    expect(r.issues.some((i) => i.code === "duplicate-header")).toBe(false);
  });
});

describe("durations with units", () => {
  /** A cursor over one data row, as a reader holds it. */
  function cursor(labels: string[], fields: string[], row: Cell[]) {
    const ctx: ReadContext = {
      resolver: new NameResolver([]),
      keywords: [],
      attendance: [],
      defaultYear: 2026,
      events: [],
      issues: [],
      present: new Map(),
      sheetMonths: new Map(),
    };
    return { cur: new SheetCursor(grid("表", [labels, row]), fields, ctx, labels), ctx };
  }

  it("a leave written in hours is days (a day is 8 hours); 1天 is one day; 600秒 late is 10 minutes", () => {
    const { cur } = cursor(
      ["事假", "病假", "迟到时长"],
      ["personalLeave", "sickLeave", "lateMinutes"],
      ["4小时", "1天", "600秒"],
    );
    expect(cur.measure(1, "personalLeave", "day")).toBe(0.5);
    expect(cur.measure(1, "sickLeave", "day")).toBe(1);
    expect(cur.measure(1, "lateMinutes", "min")).toBe(10);
  });

  it("a bare number takes its header's unit; text that is no duration is named at its cell", () => {
    const { cur, ctx } = cursor(["迟到时长(小时)", "早退时长"], ["lateMinutes", "earlyMinutes"], [1.5, "约半小时"]);
    expect(cur.measure(1, "lateMinutes", "min")).toBe(90);
    expect(cur.measure(1, "earlyMinutes", "min")).toBeNull();
    expect(ctx.issues.map((i) => [i.code, `${i.col}${i.row}`])).toEqual([["bad-duration", "B2"]]);
    expect(cur.cellState(1, 1)).toBe(CELL_REPORTED);
  });
});
