import { describe, expect, it } from "vitest";
import type { Cell } from "../../src/engine/types";
import { grid, read, unaccounted } from "../helpers/grids";

const kinds = (r: ReturnType<typeof read>, agent: string) =>
  r.events
    .filter((e) => e.agent === agent && e.type !== "present")
    .map((e) => [e.type, e.date, e.measure ?? e.days, e.detail ?? null]);

describe("DingTalk 原始记录", () => {
  // Columns of DingTalk's raw-record export (考勤统计 → 原始记录), plus the 关联的审批单 column a shop may add.
  const HEAD = [
    "姓名",
    "部门",
    "工号",
    "职位",
    "UserId",
    "考勤日期",
    "考勤时间",
    "打卡时间",
    "打卡结果",
    "打卡地址",
    "打卡备注",
    "异常打卡原因",
    "打卡设备",
    "管理员修改备注",
    "关联的审批单",
  ];
  const row = (name: string, date: string, plan: string, at: string | null, result: string, approval = ""): Cell[] => [
    name,
    "客服部",
    name === "小王" ? "007" : "008",
    "客服",
    name === "小王" ? "u1" : "u2",
    date,
    `${date} ${plan}`,
    at ? `${date} ${at}` : null,
    result,
    "杭州市余杭区",
    "",
    "",
    "iPhone 15",
    "",
    approval,
  ];
  const sheet = () =>
    grid("原始记录", [
      ["原始记录 2026-09-18 至 2026-09-22"],
      HEAD,
      row("小王", "2026-09-18", "09:00", "08:51:02", "正常"),
      row("小王", "2026-09-18", "18:00", "18:04:10", "正常"),
      row("李娜", "2026-09-18", "09:00", "08:58:00", "正常"),
      row("李娜", "2026-09-18", "18:00", "18:01:00", "正常"),
      // Sunday 09-20 is a make-up workday for National Day.
      row("小王", "2026-09-20", "09:00", "09:10:45", "迟到"),
      row("小王", "2026-09-20", "18:00", "18:00:00", "正常"),
      row("李娜", "2026-09-20", "09:00", "08:59:00", "正常"),
      row("李娜", "2026-09-20", "18:00", "18:02:00", "正常"),
      // The clock's own timetable says 08:30: its 迟到 disagrees with the shop's 09:00 shift.
      row("小王", "2026-09-21", "08:30", "08:45:00", "迟到"),
      row("小王", "2026-09-21", "18:00", "18:03:00", "正常"),
      // Two hours of approved leave cover the morning: late only by the 20 minutes after 11:00.
      row("李娜", "2026-09-21", "09:00", "11:20:00", "迟到", "事假 09-21 09:00到09-21 11:00 2小时"),
      row("李娜", "2026-09-21", "18:00", "18:00:30", "正常"),
      // A forgotten morning punch, then the approved 补卡: a forgotten registration.
      row("小王", "2026-09-22", "09:00", null, "缺卡"),
      row("小王", "2026-09-22", "09:00", "09:00:00", "补卡审批通过"),
      row("小王", "2026-09-22", "18:00", "18:05:00", "正常"),
      row("李娜", "2026-09-22", "09:00", "08:50:00", "正常"),
      row("李娜", "2026-09-22", "18:00", "18:10:00", "正常"),
    ]);

  it("make-up Sunday scored, approved leave covers part of the late, 补卡 is a forgotten registration", () => {
    const r = read(sheet());
    expect(r.sheets[0]).toMatchObject({ role: "attendance", layout: "punchLog" });
    expect(r.sheets[0].fields).toMatchObject({ F: "punchInfo", G: "punchPlanned", H: "punchTime", I: "punchResult" });
    expect(kinds(r, "小王")).toEqual([
      ["late", "2026-09-20", 10, null],
      ["missed-punch", "2026-09-22", 1, "补卡"],
    ]);
    // 2 of the default shift's 9 hours (09:00–18:00, no lunch given) → 0.22 of a day.
    expect(kinds(r, "李娜")).toEqual([
      ["leave", "2026-09-21", 0.22, "事假"],
      ["late", "2026-09-21", 20, null],
    ]);
    const disagree = r.issues.filter((i) => i.code === "clock-disagrees").map((i) => i.message);
    expect(disagree).toEqual([expect.stringContaining("小王 2026-09-21：打卡机记为迟到，按班次计算不是迟到")]);
    expect(r.issues.some((i) => i.code === "no-punch-time" && i.row === 15)).toBe(true);
    expect(unaccounted(r)).toEqual([]);
  });
});

describe("WeCom 打卡明细", () => {
  // WeCom's 打卡明细: 时间 (the date), 姓名, 账号, 部门, 打卡类型, 应打卡时间, 实际打卡时间, 打卡状态, 打卡地点, 打卡设备, 备注.
  const HEAD = [
    "时间",
    "姓名",
    "账号",
    "部门",
    "打卡类型",
    "应打卡时间",
    "实际打卡时间",
    "打卡状态",
    "打卡地点",
    "打卡设备",
    "备注",
  ];
  const wk: Record<string, string> = {
    "2026-10-08": "星期四",
    "2026-10-09": "星期五",
    "2026-10-10": "星期六",
    "2026-10-13": "星期二",
  };
  const pair = (name: string, d: string, inAt: string | null, outAt: string | null): Cell[][] => [
    [
      `${d.replace(/-/g, "/")} ${wk[d]}`,
      name,
      name,
      "客服部",
      "上班打卡",
      "09:00",
      inAt,
      inAt ? "正常" : "未打卡",
      "杭州",
      "手机",
      "",
    ],
    [
      `${d.replace(/-/g, "/")} ${wk[d]}`,
      name,
      name,
      "客服部",
      "下班打卡",
      "18:00",
      outAt,
      outAt ? "正常" : "未打卡",
      "杭州",
      "手机",
      "",
    ],
  ];
  it("a workday with no punch is the no-punch kind and listed; a workday nobody punched is a shop rest day", () => {
    const rows: Cell[][] = [["打卡明细"], ["统计时间:2026-10-08 ～ 2026-10-13"], HEAD];
    for (const d of ["2026-10-08", "2026-10-09", "2026-10-10", "2026-10-13"]) {
      rows.push(...pair("小王", d, "08:56", "18:01"));
      rows.push(...pair("李娜", d, d === "2026-10-10" ? "09:31" : "08:58", "18:03"));
      rows.push(...pair("张伟", d, d === "2026-10-09" ? null : "08:59", d === "2026-10-09" ? null : "18:00"));
    }
    const r = read(grid("上下班打卡_明细", rows));
    expect(r.sheets[0].layout).toBe("punchLog");
    expect(kinds(r, "张伟")).toEqual([["unauthorised", "2026-10-09", 1, null]]);
    // 10-10 is the make-up Saturday: 李娜's 09:31 is a late of 31 minutes.
    expect(kinds(r, "李娜")).toEqual([["late", "2026-10-10", 31, null]]);
    expect(kinds(r, "小王")).toEqual([]);
    // Monday 10-12 is a calendar workday nobody punched: a shop rest day, listed, nobody charged.
    const rest = r.issues.find((i) => i.code === "shop-rest-day")!;
    expect(rest.message).toContain("10-12（周一）");
    expect(r.events.some((e) => e.date === "2026-10-12")).toBe(false);
    expect(r.issues.filter((i) => i.code === "no-punch-day").map((i) => i.message)).toEqual([
      expect.stringContaining("张伟 2026-10-09"),
    ]);
    expect(unaccounted(r)).toEqual([]);
  });
});

describe("ZKTeco (中控) 考勤记录", () => {
  // 中控 ZKTime export: 部门, 姓名, 考勤号码, 日期时间, 机器号, 编号, 比对方式, 卡号.
  it("reads 日期时间 as the punch, 考勤号码 as the id, 编号 as the record's number; near-duplicates ignored", () => {
    const rows: Cell[][] = [["部门", "姓名", "考勤号码", "日期时间", "机器号", "编号", "比对方式", "卡号"]];
    let n = 1;
    const p = (name: string, id: number, at: string) => rows.push(["客服部", name, id, at, 1, n++, "指纹", ""]);
    p("小王", 7, "2026/10/8 8:55:12");
    p("小王", 7, "2026/10/8 8:55:40");
    p("小王", 7, "2026/10/8 18:01:03");
    p("小王", 7, "2026/10/9 9:03:59");
    p("小王", 7, "2026/10/9 18:00:00");
    p("李娜", 8, "2026/10/8 8:50:00");
    p("李娜", 8, "2026/10/8 17:42:00");
    p("李娜", 8, "2026/10/9 8:49:00");
    p("李娜", 8, "2026/10/9 18:30:00");
    const r = read(grid("考勤记录", rows));
    expect(r.sheets[0].fields).toMatchObject({
      B: "name",
      C: "empId",
      D: "punchTime",
      E: "punchDevice",
      F: "punchInfo",
    });
    expect(kinds(r, "小王")).toEqual([["late", "2026-10-09", 3, null]]);
    expect(kinds(r, "李娜")).toEqual([["early", "2026-10-08", 18, null]]);
    expect(r.issues.filter((i) => i.code === "duplicate-punch").map((i) => i.row)).toEqual([3]);
    expect(unaccounted(r)).toEqual([]);
  });
});

describe("a 班次 cell in the log", () => {
  it("`晚班 17:30-01:00` written beside each punch is the day's shift; the 00:40 punch belongs to the day before", () => {
    const r = read(
      grid("打卡记录", [
        ["姓名", "班次", "打卡时间", "设备"],
        ["小赵", "晚班 17:30-01:00", "2026-10-12 17:29", "前台"],
        ["小赵", "晚班 17:30-01:00", "2026-10-13 00:40", "前台"],
        ["小赵", "晚班 17:30-01:00", "2026-10-13 17:41", "前台"],
        ["小赵", "晚班 17:30-01:00", "2026-10-14 01:00", "前台"],
        ["小赵", "早班 09:00-18:00", "2026-10-14 08:59", "前台"],
        ["小赵", "早班 09:00-18:00", "2026-10-14 18:00", "前台"],
        ["小赵", "休息", "2026-10-15 10:00", "前台"],
        ["小赵", "休息", "2026-10-15 12:00", "前台"],
        ["小赵", "早班 09:00-18:00", "2026-10-16 09:00", "前台"],
        ["小赵", "早班 09:00-18:00", "2026-10-16 18:00", "前台"],
      ]),
    );
    expect(r.sheets[0].layout).toBe("punchLog");
    expect(r.sheets[0].reason).toContain("晚班 17:30-次日01:00");
    expect(kinds(r, "小赵")).toEqual([
      ["early", "2026-10-12", 20, null],
      ["late", "2026-10-13", 11, null],
    ]);
    // 班次 休息 on a calendar workday: the export's own rest day; its punches are listed, not judged.
    expect(r.issues.find((i) => i.code === "rest-day-punch")?.message).toContain("2026-10-15 是休息日（班次“休息”）");
    expect(unaccounted(r)).toEqual([]);
  });
});

describe("班次 休息 without a punch", () => {
  it("is the person's rest day in the export, not a workday without a punch", () => {
    const head = ["时间", "姓名", "班次", "打卡类型", "实际打卡时间", "打卡设备"];
    const rows: Cell[][] = [head];
    for (const d of ["2026/10/12", "2026/10/13", "2026/10/14"]) {
      for (const name of ["小王", "李娜"]) {
        const rest = name === "李娜" && d === "2026/10/13";
        rows.push([d, name, rest ? "休息" : "白班 09:00-18:00", "上班打卡", rest ? null : "08:58", "手机"]);
        rows.push([d, name, rest ? "休息" : "白班 09:00-18:00", "下班打卡", rest ? null : "18:02", "手机"]);
      }
    }
    const r = read(grid("打卡明细", rows));
    expect(r.sheets[0].layout).toBe("punchLog");
    expect(r.events.filter((e) => e.type !== "present")).toEqual([]);
    expect(r.issues.filter((i) => i.code === "no-punch-day")).toEqual([]);
    expect(unaccounted(r)).toEqual([]);
  });
});

describe("not a punch log", () => {
  it("a complaints log with date-times and several complaints a day stays a complaints sheet", () => {
    const r = read(
      grid("投诉登记", [
        ["投诉时间", "客服", "投诉原因", "订单号"],
        ["2026-10-08 10:01:00", "小王", "态度差", "A1"],
        ["2026-10-08 11:30:00", "小王", "回复太慢", "A2"],
        ["2026-10-09 09:12:00", "李娜", "态度差", "A3"],
        ["2026-10-09 15:40:00", "李娜", "回复太慢", "A4"],
      ]),
    );
    expect(r.sheets[0].role).toBe("complaints");
  });
});
