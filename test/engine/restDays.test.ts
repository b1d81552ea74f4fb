import { describe, expect, it } from "vitest";
import { generate, inspectWorkbook } from "../../src/engine/run";
import { renderRulesSheet } from "../../src/engine/rulesSheet";
import { builtinScheme } from "../../src/engine/schemes";
import type { Cell, SheetGrid } from "../../src/engine/types";
import { ROSTER, count, grid, read, unaccounted } from "../helpers/grids";

const listed = (r: ReturnType<typeof read>) =>
  r.issues.filter((i) => i.code === "rest-day-mark").map((i) => [i.sheet, `${i.col}${i.row}`, i.severity]);

/** October 2026 (National Day 10-01…07, make-up Saturday 10-10) as a symbol matrix, legend below. */
function octoberMatrix(rows: [string, Record<number, string>][]): SheetGrid {
  const days = Array.from({ length: 31 }, (_, i) => i + 1);
  return grid("10月考勤", [
    ["2026年10月考勤表"],
    ["姓名", ...days],
    ...rows.map(([name, marks]) => [name, ...days.map((d) => marks[d] ?? null)]),
    ["注：√出勤 ○事假 ※迟到 ◇早退 ×旷工 休 休息"],
  ]);
}

describe("rest days in exports (RULES.md: the export's own 休息 first, else the calendar)", () => {
  it("DingTalk 每日统计: a Saturday whose 班次 is 休息 lists its 迟到; a Saturday with a working 班次 scores it", () => {
    const r = read(
      ROSTER,
      grid("每日统计", [
        ["每日统计", null, null, null, null],
        ["姓名", "日期", "班次", "上班1打卡时间", "上班1打卡结果"],
        ["小王", "2026-03-07", "休息", "09:40", "迟到"],
        ["李娜", "2026-03-07", "早班 09:00-18:00", "09:12", "迟到"],
        ["李娜", "2026-03-09", "早班 09:00-18:00", "08:55", "正常"],
      ]),
    );
    expect(count(r, "小王", "late")).toBe(0);
    expect(count(r, "李娜", "late")).toBe(1);
    expect(listed(r)).toEqual([["每日统计", "E3", "info"]]);
    expect(r.issues.find((i) => i.code === "rest-day-mark")!.message).toContain("班次“休息”");
    expect(unaccounted(r)).toEqual([]);
  });

  it("WeCom 日报: `正常（未排班）` is a rest day, its 迟到 minutes listed, not scored; a weekday's are", () => {
    const r = read(
      ROSTER,
      grid("上下班打卡_日报", [
        ["上下班打卡_日报", null, null, null, null],
        ["统计时间:03-01 ～ 03-31", null, null, null, null],
        ["概况统计与打卡明细", null, null, "异常统计", null],
        ["时间", "姓名", "考勤结果", "迟到时长(分钟)", "假勤申请"],
        ["26-03-04 星期三", "小王", "正常（未排班）", 15, ""],
        ["26-03-05 星期四", "小王", "迟到15分钟", 15, ""],
      ]),
    );
    expect(r.events.filter((e) => e.type === "late").map((e) => [e.date, e.measure])).toEqual([["2026-03-05", 15]]);
    expect(count(r, "小王", "rest")).toBe(1);
    expect(r.issues.some((i) => i.code === "unknown-status")).toBe(false);
    const line = r.issues.find((i) => i.code === "rest-day-mark")!;
    expect([line.row, line.severity]).toEqual([5, "info"]);
    expect(line.message).toMatch(/正常[(（]未排班[)）]/);
  });
});

describe("rest days in a symbol matrix come from the calendar and the 规则 tab", () => {
  it("a × in the National Day week is listed, not deducted; one on the make-up Saturday 10-10 is deducted", () => {
    const r = read(ROSTER, octoberMatrix([["小王", { 2: "×", 9: "√", 10: "×", 3: "休" }]]));
    expect(r.events.filter((e) => e.type === "unauthorised").map((e) => e.date)).toEqual(["2026-10-10"]);
    const line = r.issues.find((i) => i.code === "rest-day-mark")!;
    expect([`${line.col}${line.row}`, line.severity]).toEqual(["C3", "info"]);
    expect(line.message).toContain("国庆节");
    // A blank cell stays no event; 休 is the sheet's own rest mark, not an issue.
    expect(r.issues.filter((i) => i.sheet === "10月考勤" && i.severity !== "info")).toEqual([]);
    expect(unaccounted(r)).toEqual([]);
  });

  it("the scorecard of pdd-10 deducts only the make-up Saturday's 旷工 (10 − 5 = 5, not −0)", () => {
    const out = generate({
      grids: [ROSTER, octoberMatrix([["小王", { 2: "×", 10: "×" }]])],
      scheme: "pdd-10",
      month: "2026-10",
    });
    if (!out.ok) throw new Error(out.message);
    expect(out.result.agents.find((a) => a.name === "小王")!.score).toBe(5);
  });

  it("a 规则 【日历】 day makes a Saturday a workday: its × is deducted, another Saturday's listed", () => {
    const rules = renderRulesSheet(builtinScheme("pdd-10")!).values.map((row) => row.map((v) => v as Cell));
    const cal = rules.findIndex((row) => row[0] === "【日历】");
    rules.splice(cal + 1, 0, ["", "2026-10-17", "上班", "周六全店上班", "", "", "", ""]);
    const matrix = octoberMatrix([["小王", { 17: "×", 24: "※" }]]);
    const without = inspectWorkbook([ROSTER, matrix]);
    expect(without.events.filter((e) => e.type === "unauthorised" || e.type === "late")).toEqual([]);
    const withRules = inspectWorkbook([ROSTER, matrix, { name: "规则", cells: rules }]);
    expect(withRules.events.filter((e) => e.type === "unauthorised").map((e) => e.date)).toEqual(["2026-10-17"]);
    expect(withRules.events.filter((e) => e.type === "late")).toEqual([]);
    expect(withRules.issues.find((i) => i.code === "rest-day-mark")?.message).toContain("2026-10-24（周六）");
  });
});

describe("glued marks in a hand-kept matrix: one per kind named, a contradiction reported", () => {
  it("迟到早退, 迟到;缺卡 and LZ are each two marks; 正常旷工 and √× are data issues", () => {
    const days = Array.from({ length: 10 }, (_, i) => i + 1);
    const r = read(
      ROSTER,
      grid("考勤", [
        ["2026年3月考勤表"],
        ["姓名", ...days],
        // 03-02 is a Monday: every mark is on a workday.
        ["小王", null, "迟到早退", "迟到;缺卡", "LZ", "正常旷工", "√×", null, null, null, null],
        ["图例：√出勤 L迟到 Z早退 ×旷工 □缺卡"],
      ]),
    );
    const mine = r.events.filter((e) => e.agent === "小王").map((e) => [e.date, e.type]);
    expect(mine).toEqual([
      ["2026-03-02", "late"],
      ["2026-03-02", "early"],
      ["2026-03-03", "late"],
      ["2026-03-03", "missed-punch"],
      ["2026-03-04", "late"],
      ["2026-03-04", "early"],
    ]);
    expect(r.issues.filter((i) => i.sheet === "考勤").map((i) => [i.code, `${i.col}${i.row}`])).toEqual([
      ["contradicting-status", "F3"],
      ["contradicting-status", "G3"],
    ]);
    expect(unaccounted(r)).toEqual([]);
  });
});
