import { describe, expect, it } from "vitest";
import { generate } from "../../src/engine/run";
import type { Cell } from "../../src/engine/types";
import { date, grid, read, unaccounted } from "../helpers/grids";
import { rulesWithShifts } from "../helpers/punch";

const DAYS = [8, 9, 10, 11, 12, 13, 14, 15, 16];
/** One person's row: a 上班 / 下班 pair per day, `HH:MM` text, blank where the clock has nothing. */
const person = (
  n: number,
  dept: string | null,
  name: string,
  pairs: Record<number, [Cell, Cell]>,
  normal: [string, string] | null,
) => [n, dept, name, ...DAYS.flatMap((d) => pairs[d] ?? (normal && d !== 11 ? normal : [null, null]))];

/** A punch-clock grid: a title naming another month, dates over 上班 / 下班 pairs, 部门 merged down, notes glued to names. */
function clockGrid() {
  const rows: Cell[][] = [
    ["2026年9月考勤表"],
    ["序号", "部门", "姓名", ...DAYS.flatMap((d) => [date(2026, 10, d), null])],
    [null, null, null, ...DAYS.flatMap(() => ["上班", "下班"])],
    person(
      1,
      "客服部",
      "小王",
      { 9: ["09:12", "18:00"], 12: ["08:59", "17:40"], 13: [null, null], 14: ["事假", null], 15: ["08:57", null] },
      ["08:55", "18:01"],
    ),
    person(2, null, "李娜10月13离职", { 13: [null, null], 14: [null, null], 15: [null, null], 16: [null, null] }, [
      "08:58",
      "18:03",
    ]),
    person(3, "售后部", "张伟", { 10: [null, null] }, ["09:55", "19:00"]),
    person(4, null, "小新1013入职", { 8: [null, null], 9: [null, null], 10: [null, null], 12: [null, null] }, [
      "09:58",
      "19:02",
    ]),
    ["制表：店长"],
  ];
  return grid("打卡机导出", rows);
}

const SHIFTS: Cell[][] = [
  ["", "默认", "09:00", "18:00", 0, "工作日", "", "全部"],
  ["", "售后班", "10:00", "19:00", 0, "工作日", "", "售后部"],
];

describe("a punch-time grid", () => {
  /*
   * Worked by hand. Dates come from the header cells (October 2026), not the title (September: listed).
   * Workdays 8, 9, 10 (make-up Saturday), 12–16; 11 is Sunday. 默认 09:00–18:00; 售后部 works 售后班
   * 10:00–19:00 — 小新's 部门 cell is merged under 张伟's 售后部, so it fills down to her.
   * 小王: 09 in 09:12 → late 12; 12 out 17:40 → early 20; 13 blank → 旷工; 14 事假 → a leave day;
   *   15 only 08:57 → a missed punch. pdd-10: −0.5 − 5 (leave and missed punch inside the 4 free) = 4.5.
   *   tmall-130 出勤率: late −5, leave −5, 旷工 −10 → 0.
   * 李娜 left on 10-13 (`李娜10月13离职`): 13–16 are no workdays for her → 10; 20.
   * 张伟: 10 blank → 旷工 → 5; 10.   小新 joined 10-13 (`小新1013入职`), on time under 售后班 → 10; 20.
   */
  it("reads dates from the header, fills 部门 down, splits join/leave notes, and scores by hand with pdd-10", () => {
    const out = generate({
      grids: [clockGrid(), rulesWithShifts("pdd-10", SHIFTS)],
      scheme: "pdd-10",
      month: "2026-10",
    });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const score = Object.fromEntries(out.result.agents.map((a) => [a.name, a.score]));
    expect(score).toEqual({ 小王: 4.5, 李娜: 10, 张伟: 5, 小新: 10 });
    const sheet = out.read.sheets.find((s) => s.sheet === "打卡机导出")!;
    expect(sheet).toMatchObject({ role: "attendance", layout: "punchGrid", months: ["2026-10"] });
    expect(sheet.reason).toContain("售后班 10:00-19:00");
    const wang = out.read.events.filter((e) => e.agent === "小王" && e.type !== "present");
    expect(wang.map((e) => [e.type, e.date, e.measure ?? null, e.sources[0].col ?? null])).toEqual([
      ["late", "2026-10-09", 12, "F"],
      ["early", "2026-10-12", 20, "M"],
      ["unauthorised", "2026-10-13", null, null],
      ["leave", "2026-10-14", null, null],
      ["missed-punch", "2026-10-15", null, "R"],
    ]);
    const codes = out.issues.map((i) => i.code);
    expect(codes).toContain("title-month-differs");
    expect(out.issues.filter((i) => i.code === "name-note").map((i) => i.message)).toEqual([
      expect.stringContaining("按 李娜 读取，2026-10-12 之后不算此人的工作日"),
      expect.stringContaining("按 小新 读取，2026-10-13 之前不算此人的工作日"),
    ]);
  });

  it("tmall-130's attendance item from the grid, worked by hand", () => {
    const out = generate({
      grids: [clockGrid(), rulesWithShifts("tmall-130", SHIFTS)],
      scheme: "tmall-130",
      month: "2026-10",
    });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(Object.fromEntries(out.result.agents.map((a) => [a.name, a.byRule["attendance"]?.value]))).toEqual({
      小王: 0,
      李娜: 20,
      张伟: 10,
      小新: 20,
    });
  });

  it("every row is used or structural; a single day column holding `08:55 18:02` reads the same", () => {
    const r = read(clockGrid());
    expect(unaccounted(r)).toEqual([]);
    const single = grid("打卡", [
      ["姓名", ...DAYS.map((d) => `10-${String(d).padStart(2, "0")}`)],
      ["小王", ...DAYS.map((d) => (d === 11 ? null : d === 9 ? "09:20 18:00" : "08:55\n18:02"))],
      ["李娜", ...DAYS.map((d) => (d === 11 ? null : "08:50 18:10"))],
    ]);
    const s = read(single);
    expect(s.sheets[0].layout).toBe("punchGrid");
    expect(s.events.filter((e) => e.type !== "present").map((e) => [e.agent, e.type, e.date, e.measure])).toEqual([
      ["小王", "late", "2026-10-09", 20],
    ]);
  });

  it("one sheet per person: read the same way; the clock's own 迟到 / 早退 / 是否旷工 are only cross-checked", () => {
    // The clock computed its columns against a whole-day timetable (08:00–20:00); the shop's shift is 09:00–18:00.
    const card = grid("张三", [
      ["考勤卡  姓名：张三  部门：客服部  2026年10月"],
      ["日期", "星期", "上班", "下班", "迟到", "早退", "是否旷工"],
      ["2026-10-08", "四", "08:55", "18:05", 55, 115, "否"],
      ["2026-10-09", "五", "09:10", "18:00", 70, 120, "否"],
      ["2026-10-10", "六", null, null, 0, 0, "是"],
      ["2026-10-11", "日", null, null, 0, 0, "否"],
      ["2026-10-12", "一", "08:50", "17:00", 50, 180, "否"],
    ]);
    const r = read(card);
    expect(r.sheets[0]).toMatchObject({ role: "attendance", layout: "punchGrid" });
    expect(
      r.events.filter((e) => e.type !== "present").map((e) => [e.agent, e.type, e.date, e.measure ?? null]),
    ).toEqual([
      ["张三", "late", "2026-10-09", 10],
      ["张三", "unauthorised", "2026-10-10", null],
      ["张三", "early", "2026-10-12", 60],
    ]);
    const disagree = r.issues.filter((i) => i.code === "clock-disagrees");
    expect(disagree.map((i) => `${i.row}${i.col}`)).toEqual(["3E", "3F", "4E", "4F", "7E", "7F"]);
    expect(disagree[2].message).toContain("打卡机记为迟到 70 分钟，按班次计算是迟到 10 分钟");
    expect(unaccounted(r)).toEqual([]);
  });

  it("colour-only marks are compared with the result through the sheet's legend, each disagreement listed", () => {
    const RED = "FFC7CE",
      GREY = "D9D9D9";
    const days = DAYS.map((d) => `10-${String(d).padStart(2, "0")}`);
    const wang = DAYS.map((d) => (d === 11 ? null : d === 9 ? "09:20 18:00" : "08:55 18:02"));
    const na = DAYS.map((d) => (d === 11 ? null : d === 13 ? "09:05 18:10" : "08:50 18:10"));
    const g = grid("打卡", [
      ["姓名", ...days],
      ["小王", ...wang],
      ["李娜", ...na],
      ["图例", "迟到", "休息"],
    ]);
    const col = (d: number) => 1 + DAYS.indexOf(d);
    g.fills = g.cells.map((row) => row.map(() => null));
    g.fills[1][col(8)] = RED; // marked late, but 08:55 is on time
    g.fills[1][col(9)] = RED; // late 20: agrees
    g.fills[1][col(11)] = GREY; // Sunday: agrees
    g.fills[3][1] = RED;
    g.fills[3][2] = GREY;
    const r = read(g);
    const disagree = r.issues.filter((i) => i.code === "fill-disagrees").map((i) => `${i.row}${i.col} ${i.message}`);
    expect(disagree).toEqual([
      expect.stringMatching(/^2B 小王 2026-10-08：打卡机用图例“迟到”的颜色标了 B2，按班次计算不是迟到/),
      expect.stringMatching(/^3E 李娜 2026-10-11：按班次计算是休息，打卡机没有用图例“休息”的颜色标出/),
      expect.stringMatching(/^3G 李娜 2026-10-13：按班次计算是迟到/),
    ]);
    // Colours never make events: 小王's only late is the one his punches show.
    expect(r.events.filter((e) => e.type === "late").map((e) => [e.agent, e.date])).toEqual([
      ["小王", "2026-10-09"],
      ["李娜", "2026-10-13"],
    ]);
    expect(unaccounted(r)).toEqual([]);
  });
});
