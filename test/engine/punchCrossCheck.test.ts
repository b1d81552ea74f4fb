import { describe, expect, it } from "vitest";
import type { Cell } from "../../src/engine/types";
import { ROSTER, date, grid, read, unaccounted } from "../helpers/grids";

/** A DingTalk-style 每日统计 of October 2026 for 小王 and 李娜: 10-09 小王 迟到 12 minutes, the rest normal. */
const daily = () =>
  grid("每日统计", [
    ["姓名", "日期", "班次", "上班1打卡结果", "迟到时长(分钟)"],
    ["小王", "2026-10-08", "默认 09:00-18:00", "正常", null],
    ["小王", "2026-10-09", "默认 09:00-18:00", "迟到", 12],
    ["小王", "2026-10-12", "默认 09:00-18:00", "正常", null],
    ["李娜", "2026-10-08", "默认 09:00-18:00", "正常", null],
    ["李娜", "2026-10-09", "默认 09:00-18:00", "正常", null],
    ["李娜", "2026-10-12", "默认 09:00-18:00", "正常", null],
  ]);

const DAYS = [8, 9, 10, 11, 12, 13, 14, 15, 16];
const LATE: Record<string, number> = { 小王: 9, 李娜: 12 };
/** The punch clock's grid of the same days (11 is a Sunday, 10 the make-up Saturday): 小王 09:12 on 10-09, and
 * 李娜 09:20 on 10-12, a late the daily sheet does not have. */
const clock = () =>
  grid("打卡机", [
    ["2026年10月考勤表"],
    ["序号", "部门", "姓名", ...DAYS.flatMap((d) => [date(2026, 10, d), null])],
    [null, null, null, ...DAYS.flatMap(() => ["上班", "下班"])],
    ...["小王", "李娜"].map((name, i) => [
      i + 1,
      i ? null : "客服部",
      name,
      ...DAYS.flatMap((d): Cell[] =>
        d === 11 ? [null, null] : [d === LATE[name] ? `09:${name === "小王" ? 12 : 20}` : "08:55", "18:01"],
      ),
    ]),
  ]);

describe("a punch grid or one-person sheet beside a daily sheet of the same month and people", () => {
  it("is a cross-check: nothing counted twice, each disagreement listed on its row", () => {
    const r = read(ROSTER, daily(), clock());
    const sheet = r.sheets.find((s) => s.sheet === "打卡机")!;
    expect(sheet.layout).toBe("punchGrid");
    expect(sheet.used).toBe(false);
    expect(r.events.filter((e) => e.type === "late").map((e) => [e.agent, e.date, e.sources[0].sheet])).toEqual([
      ["小王", "2026-10-09", "每日统计"],
    ]);
    const mismatch = r.issues.filter((i) => i.sheet === "打卡机" && i.code === "punch-mismatch");
    expect(mismatch.map((i) => [i.row, i.severity])).toEqual([[5, "warning"]]);
    expect(mismatch[0].message).toContain("李娜 2026-10-12：每日考勤记为正常，按这张打卡表的打卡时间计算是迟到");
    expect(sheet.cells!.used).toBe(0);
    expect(unaccounted(r)).toEqual([]);
  });

  it("a one-person punch sheet is checked the same way", () => {
    // 10-10 (the make-up Saturday) has no punch: the card makes it 旷工, the daily sheet says 正常.
    const card = grid("张三", [
      ["考勤卡  姓名：张三  部门：客服部  2026年10月"],
      ["日期", "星期", "上班", "下班", "迟到", "早退", "是否旷工"],
      ["2026-10-08", "四", "08:55", "18:05", 55, 115, "否"],
      ["2026-10-09", "五", "09:10", "18:00", 70, 120, "否"],
      ["2026-10-10", "六", null, null, 0, 0, "是"],
      ["2026-10-12", "一", "08:50", "17:00", 50, 180, "否"],
    ]);
    const days = grid("每日统计", [
      ["姓名", "日期", "班次", "上班1打卡结果", "迟到时长(分钟)", "下班1打卡结果", "早退时长(分钟)"],
      ["张三", "2026-10-08", "默认 09:00-18:00", "正常", null, "正常", null],
      ["张三", "2026-10-09", "默认 09:00-18:00", "迟到", 10, "正常", null],
      ["张三", "2026-10-10", "默认 09:00-18:00", "正常", null, "正常", null],
      ["张三", "2026-10-12", "默认 09:00-18:00", "正常", null, "早退", 60],
    ]);
    const r = read(days, card);
    expect(r.sheets.find((s) => s.sheet === "张三")!.used).toBe(false);
    expect(r.events.filter((e) => e.type !== "present").map((e) => [e.type, e.date, e.sources[0].sheet])).toEqual([
      ["late", "2026-10-09", "每日统计"],
      ["early", "2026-10-12", "每日统计"],
    ]);
    const mismatch = r.issues.filter((i) => i.sheet === "张三" && i.code === "punch-mismatch");
    expect(mismatch.map((i) => [i.row, i.message])).toEqual([
      [5, "张三 2026-10-10：每日考勤记为正常，按这张打卡表的打卡时间计算是旷工。计分以每日考勤为准，请核对。"],
    ]);
  });

  it("alone, or beside a daily sheet of another month, the grid is scored", () => {
    const alone = read(ROSTER, clock());
    expect(alone.events.filter((e) => e.type === "late").map((e) => [e.agent, e.date])).toEqual([
      ["小王", "2026-10-09"],
      ["李娜", "2026-10-12"],
    ]);
    const march = grid("每日统计", [
      ["姓名", "日期", "上班1打卡结果"],
      ["小王", "2026-03-09", "迟到"],
    ]);
    const other = read(ROSTER, march, clock());
    expect(other.sheets.find((s) => s.sheet === "打卡机")!.used).toBe(true);
    expect(other.events.filter((e) => e.type === "late")).toHaveLength(3);
    expect(other.issues.some((i) => i.code === "punch-mismatch")).toBe(false);
  });
});
