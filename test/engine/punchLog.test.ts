import { describe, expect, it } from "vitest";
import { generate } from "../../src/engine/run";
import type { Cell, SheetGrid } from "../../src/engine/types";
import { grid, read, count, unaccounted } from "../helpers/grids";
import { rulesWithShifts } from "../helpers/punch";

// An app's punch log as the issue describes it: 姓名, 工号, 部门, 打卡时间 `YYYY-MM-DD HH:MM:SS`, 打卡地点, 来源, 是否有效, 设备.
const HEAD = ["姓名", "工号", "部门", "打卡时间", "打卡地点", "来源", "是否有效", "设备"];
const IDS: Record<string, string> = { 小王: "007", 李娜: "008", 张伟: "009", 小赵: "010", 小新: "011" };
const punch = (name: string, stamp: string, valid = "是"): Cell[] => [
  name,
  IDS[name],
  "客服部",
  stamp,
  "杭州仓",
  "手机APP",
  valid,
  "iPhone",
];

/** October 2026: 1–7 National Day (holiday), Saturday 10-10 a make-up workday, Sunday 10-11 rest. */
const WORKDAYS = [
  "2026-10-08",
  "2026-10-09",
  "2026-10-10",
  "2026-10-12",
  "2026-10-13",
  "2026-10-14",
  "2026-10-15",
  "2026-10-16",
];
const next = (iso: string) => new Date(Date.parse(iso) + 86400000).toISOString().slice(0, 10);

function octoberLog(): SheetGrid {
  const rows: Cell[][] = [HEAD];
  const day = (name: string, iso: string, inAt: string | null, outAt: string | null) => {
    if (inAt) rows.push(punch(name, `${iso} ${inAt}`));
    if (outAt) rows.push(punch(name, `${iso} ${outAt}`));
  };
  for (const d of WORKDAYS) {
    // 小王
    if (d === "2026-10-08") day("小王", d, "09:04:30", "18:02:00");
    else if (d === "2026-10-09") day("小王", d, "09:06:59", "18:02:00");
    else if (d === "2026-10-10") day("小王", d, null, null);
    else if (d === "2026-10-12") day("小王", d, "09:40:00", "18:02:00");
    else if (d === "2026-10-13") {
      rows.push(punch("小王", `${d} 08:50:00`, "否"));
      day("小王", d, "09:20:00", "18:02:00");
    } else if (d === "2026-10-14") {
      day("小王", d, "08:55:00", "18:00:10");
      rows.push(punch("小王", `${d} 18:00:40`));
    } else day("小王", d, "08:55:00", "18:02:00");
    // 李娜
    if (d === "2026-10-14") day("李娜", d, "08:55:00", null);
    else if (d === "2026-10-15") day("李娜", d, "08:57:00", "17:30:00");
    else day("李娜", d, "08:57:00", "18:05:00");
    // 张伟
    if (d === "2026-10-16") day("张伟", d, null, null);
    else if (d === "2026-10-09") day("张伟", d, "09:05:59", "18:03:00");
    else if (d === "2026-10-12") day("张伟", d, "08:59:00", "17:56:00");
    else day("张伟", d, "08:59:00", "18:03:00");
    // 小赵, 晚班 17:30–次日01:00: the leaving punch is written on the next calendar day.
    rows.push(punch("小赵", `${d} ${d === "2026-10-09" ? "17:45:00" : d === "2026-10-10" ? "17:28:00" : "17:25:00"}`));
    rows.push(
      punch("小赵", `${next(d)} ${d === "2026-10-09" ? "00:30:00" : d === "2026-10-10" ? "01:00:00" : "01:01:00"}`),
    );
    // 小新 joins on 10-13.
    if (d >= "2026-10-13") day("小新", d, "08:58:00", "18:01:00");
  }
  rows.push(punch("小王", "2026-10-11 10:00:00")); // a Sunday: listed, not scored
  // Overtime in the National Day week: listed, not scored; the week's other days cost nobody anything.
  rows.push(punch("小王", "2026-10-05 10:00:00"), punch("小王", "2026-10-05 15:30:00"));
  return grid("打卡记录", rows);
}

const ROSTER = grid("花名册", [
  ["工号", "姓名", "组别", "班次", "入职日期"],
  ["007", "小王", "A组", "", "2024-03-01"],
  ["008", "李娜", "A组", "", "2024-03-01"],
  ["009", "张伟", "B组", "", "2025-01-01"],
  ["010", "小赵", "B组", "晚班", "2025-06-01"],
  ["011", "小新", "B组", "", "2026-10-13"],
]);

const SHIFTS: Cell[][] = [
  ["", "早班", "09:00", "18:00", 5, "工作日", "12:00-13:00", "全部"],
  ["", "晚班", "17:30", "次日01:00", 0, "工作日", "", ""],
];

describe("a raw punch log scored with pdd-10 and tmall-130", () => {
  /*
   * Worked by hand. Shifts from 规则: 早班 09:00–18:00 with 5 minutes' grace (everyone), 晚班 17:30–次日01:00
   * without grace (小赵, by the roster's 班次). Calendar: 10-01…10-07 National Day, 10-10 (Sat) a make-up
   * workday, 10-11 Sunday; the log ends on 10-16, so the workdays are 8, 9, 10, 12, 13, 14, 15, 16.
   * The log starts on 10-05 (小王's overtime in the holiday week: listed only), so 10-05…10-07 are judged as holidays.
   * 小王: 08 in 09:04 (within grace); 09 in 09:06 → late 6; 10 nothing → 旷工; 11 Sunday punch listed only;
   *   12 in 09:40 → late 40; 13 08:50 invalid (是否有效=否) ignored, 09:20 → late 20; 14 18:00:40 duplicate.
   *   pdd-10: late 40 > 30 converts to an absence (−2); lates 6 and 20 → 2 × −0.5 = −1; 旷工 −5 → 10−8 = 2 (level 2).
   *   tmall-130 出勤率: three lates × −5 + one 旷工 × −10 = −25 → the item stops at 0.
   * 李娜: 14 a single punch (08:55) → missed punch, a forgotten registration inside pdd-10's 4 free;
   *   15 out 17:30 → early 30, which neither scheme scores. pdd-10 10; tmall 20.
   * 张伟: 09 in 09:05 (= grace, on time); 12 out 17:56 (4 early, within grace); 16 nothing → 旷工.
   *   pdd-10 10−5 = 5 (level 1); tmall 20−10 = 10.
   * 小赵: 09 in 17:45 → late 15, out 10-10 00:30 → early 30 (the 00:30 belongs to 10-09); 10 in 17:28 on time.
   *   pdd-10 9.5; tmall 15.
   * 小新: joined 10-13, punches every day from then: days before joining are no workdays → pdd-10 10; tmall 20.
   */
  const grids = () => [ROSTER, octoberLog(), rulesWithShifts("pdd-10", SHIFTS)];

  it("pdd-10: the hand-worked scores", () => {
    const out = generate({ grids: grids(), scheme: "pdd-10", month: "2026-10" });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const score = Object.fromEntries(out.result.agents.map((a) => [a.name, [a.score, a.level]]));
    expect(score).toEqual({ 小王: [2, 2], 李娜: [10, 0], 张伟: [5, 1], 小赵: [9.5, 0], 小新: [10, 0] });
    const wang = out.result.agents.find((a) => a.name === "小王")!;
    expect(wang.byRule["late"]).toEqual({ count: 2, value: -1 });
    expect(wang.byRule["unauthorised"]).toEqual({ count: 1, value: -5 });
    expect(
      out.read.events.filter((e) => e.agent === "小王" && e.type === "late").map((e) => [e.date, e.measure]),
    ).toEqual([
      ["2026-10-09", 6],
      ["2026-10-12", 40],
      ["2026-10-13", 20],
    ]);
    const zhao = out.read.events.filter((e) => e.agent === "小赵" && e.type !== "present");
    expect(zhao.map((e) => [e.type, e.date, e.measure])).toEqual([
      ["late", "2026-10-09", 15],
      ["early", "2026-10-09", 30],
    ]);
  });

  it("tmall-130: the attendance item worked by hand", () => {
    const out = generate({
      grids: [ROSTER, octoberLog(), rulesWithShifts("tmall-130", SHIFTS)],
      scheme: "tmall-130",
      month: "2026-10",
    });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const item = Object.fromEntries(out.result.agents.map((a) => [a.name, a.byRule["attendance"]?.value]));
    expect(item).toEqual({ 小王: 0, 李娜: 20, 张伟: 10, 小赵: 15, 小新: 20 });
  });

  it("lists every workday without a punch, invalid and duplicate punches, and the rest-day punch; no row unaccounted", () => {
    const r = read(ROSTER, octoberLog());
    const log = r.sheets.find((s) => s.sheet === "打卡记录")!;
    expect(log.layout).toBe("punchLog");
    expect(log.reason).toContain("原始打卡记录");
    const codes = (code: string) => r.issues.filter((i) => i.code === code).map((i) => i.message);
    expect(codes("no-punch-day")).toEqual([
      expect.stringContaining("小王 2026-10-10（周六）是工作日，但没有任何打卡"),
      expect.stringContaining("张伟 2026-10-16（周五）"),
    ]);
    expect(codes("invalid-punch")).toEqual([expect.stringContaining("小王 2026-10-13")]);
    expect(codes("duplicate-punch")).toEqual([expect.stringContaining("小王 2026-10-14 18:00")]);
    expect(codes("rest-day-punch")).toEqual([
      "小王 2026-10-05 是休息日（国庆节），这天的打卡（10:00、15:30）已列出，不计分。",
      expect.stringContaining("2026-10-11 是休息日（周日）"),
    ]);
    expect(r.events.filter((e) => e.date! < "2026-10-08")).toEqual([]);
    expect(codes("partial-month")).toHaveLength(1);
    expect(count(r, "小新", "unauthorised")).toBe(0);
    expect(unaccounted(r)).toEqual([]);
    expect(log.rows.data).toBe(log.rows.placed);
  });

  it("规则 decides: a store holiday in 【日历】 and 缺勤 as the no-punch kind change the figures accordingly", () => {
    const rules = rulesWithShifts("pdd-10", SHIFTS);
    const cal = rules.cells.findIndex((r) => r[0] === "【日历】");
    rules.cells.splice(cal + 1, 0, ["", "2026-10-16", "休息", "店庆放假", "", "", "", ""]);
    const np = rules.cells.findIndex((r) => r[1] === "无打卡");
    rules.cells[np][2] = "缺勤";
    const out = generate({ grids: [ROSTER, octoberLog(), rules], scheme: "pdd-10", month: "2026-10" });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    // 小王: 10-10 without a punch is now an absence (−2 instead of −5) → 10 − 1 − 2 − 2 = 5.
    // 张伟: 10-16 is the store's holiday, so his empty day costs nothing → 10. Others punched that day: listed only.
    const score = Object.fromEntries(out.result.agents.map((a) => [a.name, a.score]));
    expect(score).toMatchObject({ 小王: 5, 张伟: 10 });
    expect(out.read.events.filter((e) => e.date === "2026-10-16" && e.type !== "present")).toEqual([]);
    const rest = out.issues.filter((i) => i.code === "rest-day-punch" && i.message.includes("2026-10-16"));
    expect(rest.map((i) => i.message)).toContain(
      "李娜 2026-10-16 是休息日（规则表：店庆放假），这天的打卡（08:57、18:05）已列出，不计分。",
    );
  });
});
