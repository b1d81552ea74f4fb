import { describe, expect, it } from "vitest";
import { readWorkbook } from "../../src/engine/read/workbook";
import { mapHeaderText } from "../../src/engine/read/headers";
import { monthFromText } from "../../src/engine/read/month";
import { markerText } from "../../src/engine/render/model";
import type { SheetMapping } from "../../src/engine/read/model";
import type { Cell } from "../../src/engine/types";
import { count, grid, read } from "../helpers/grids";

const sum = (m: SheetMapping) => m.cells.used + m.cells.structural + m.cells.reported;
const sheet = (r: ReturnType<typeof read>, name: string) =>
  [...r.sheets, ...(r.ownTabs ?? [])].find((s) => s.sheet === name)!;

describe("every non-empty cell is used, structural or reported", () => {
  it("an openpyxl-style 罚款登记: 12 cells, the header structural, the two rows used", () => {
    const r = read(
      grid("罚款登记", [
        ["日期", "姓名", "罚款原因", "金额(元)"],
        ["2026-10-08", "小王", "迟到", 20],
        ["2026-10-09", "李娜", "上班玩游戏", 10],
      ]),
    );
    expect(r.sheets[0].cells).toEqual({ total: 12, used: 8, structural: 4, reported: 0 });
  });

  it("a column nobody maps is reported once, naming its header, and offered for a field", () => {
    const r = read(
      grid("考勤", [
        ["日期", "姓名", "状态", "心情指数"],
        ["2026-10-02", "小王", "迟到", "好"],
        ["2026-10-03", "小王", "迟到", "差"],
        ["2026-10-04", "小王", "正常", "好"],
      ]),
    );
    const col = r.issues.filter((i) => i.scope === "column");
    expect(col).toHaveLength(1);
    expect(col[0]).toMatchObject({ sheet: "考勤", col: "D", row: 1 });
    expect(col[0].message).toContain("心情指数");
    expect(col[0].message).toContain("3 个单元格");
    expect(r.sheets[0].labels.D).toBe("心情指数");
    expect(r.sheets[0].cells).toEqual({ total: 16, used: 9, structural: 4, reported: 3 });
  });

  it("a 备注 is carried into the event it belongs to, so its cell counts as used", () => {
    const r = read(
      grid("投诉", [
        ["日期", "客服", "投诉原因", "备注", "订单号"],
        ["2026-10-02", "小王", "态度差", "买家很生气", "1234567890"],
      ]),
    );
    expect(r.events[0].meta).toMatchObject({ note: "买家很生气" });
    expect(r.sheets[0].cells).toMatchObject({ total: 10, used: 5, reported: 0 });
  });

  it("hidden sheets are read like the others and named as hidden", () => {
    const r = read({
      name: "旧考勤",
      hidden: true,
      cells: [
        ["日期", "姓名", "状态"],
        ["2026-10-02", "小王", "迟到"],
      ],
    });
    expect(count(r, "小王", "late")).toBe(1);
    expect(r.sheets[0].hidden).toBe(true);
    expect(r.sheets[0].reason).toContain("隐藏");
  });

  it("a renamed tab of ours (10月评分表) is listed as our earlier output, every cell structural, never read", () => {
    const archived = grid("10月评分表", [[markerText("scorecard")], ["姓名", "状态"], ["小王", "迟到"]]);
    const r = readWorkbook([archived], { skip: ["10月评分表"], defaultYear: 2026 });
    expect(r.events).toEqual([]);
    const m = sheet(r, "10月评分表");
    expect(m.own).toBe("archived");
    expect(m.reason).toContain("改名");
    expect(m.cells).toEqual({ total: 5, used: 0, structural: 5, reported: 0 });
  });

  it("a sheet nobody can read is reported whole, by one line naming the sheet", () => {
    const r = read(
      grid("杂项", [
        ["心情", "天气"],
        ["好", "晴"],
      ]),
    );
    expect(r.sheets[0].cells).toEqual({ total: 4, used: 0, structural: 0, reported: 4 });
    expect(r.issues.filter((i) => i.sheet === "杂项" && i.scope === "sheet")).toHaveLength(1);
  });
});

describe("roles by content", () => {
  it("a sheet named like fines holding 加分 / 扣分 records and no amount is read row by row, not swallowed", () => {
    const r = read(
      grid("罚款登记", [
        ["日期", "姓名", "事由", "加分", "扣分"],
        ["2026-10-02", "小王", "客户表扬", 2, null],
        ["2026-10-03", "李娜", "服务态度差被投诉", null, 1],
        ["2026-10-04", "李娜", "客户表扬", 2, 1],
      ]),
    );
    expect(r.sheets[0].role).not.toBe("fines");
    expect(r.sheets[0].role).not.toBe("none");
    const praise = r.events.find((e) => e.agent === "小王");
    expect(praise?.points).toBe(2);
    expect(r.events.find((e) => e.agent === "李娜")?.points).toBe(1);
    // The row with both columns filled is a contradiction, reported, not a guess.
    expect(r.issues.some((i) => i.row === 4 && i.severity === "error")).toBe(true);
    expect(sum(r.sheets[0])).toBe(r.sheets[0].cells.total);
    expect(r.sheets[0].cells.reported).toBe(5);
  });

  it("a fines-named sheet whose rows cannot be used says what it lacks, and its cells are reported", () => {
    const r = read(
      grid("罚款", [
        ["姓名", "备注"],
        ["小王", "迟到"],
      ]),
    );
    expect(r.sheets[0].role).toBe("none");
    expect(r.sheets[0].reason).toMatch(/缺少|不像/);
    expect(r.sheets[0].cells.reported).toBe(4);
  });
});

describe("headers from the seeds and the exports", () => {
  it.each([
    ["1.售后客服素质(优20良15分中10差0分)", "gradeQuality"],
    ["投诉、维权、举报、退款纠纷", "gradeComplaints"],
    ["配合度", "gradeCooperation"],
    ["执行力(20分)", "gradeExecution"],
    ["出勤率", "attendanceRate"],
    ["突出表现", "outstanding"],
    ["优秀表现加分", "outstanding"],
    ["加分", "bonus"],
    ["客服昵称", "account"],
    ["平均响应(秒)", "responseTime"],
    ["询单->最终付款转化率", "conversion"],
    ["接待人数", "receptions"],
    ["迟到次数(次)", "lateCount"],
    ["旷工天数", "absentCount"],
    ["事假(小时)", "personalLeave"],
    ["所属规则", "group"],
    ["序号", "seq"],
  ])("%s → %s", (h, f) => expect(mapHeaderText(h)).toBe(f));

  it("units in the header convert the values: 小时 of leave, 小时 late, 秒 of response", () => {
    const r = read(
      grid("考勤", [
        ["日期", "姓名", "状态", "迟到时长(小时)", "事假(小时)"],
        ["2026-10-02", "小王", "迟到", 0.5, null],
        ["2026-10-03", "小王", "正常", null, 4],
      ]),
      grid("10月客服数据", [
        ["客服昵称", "平均响应(秒)", "销售额", "突出表现"],
        ["小王", 90, 12000, 3],
      ]),
    );
    expect(r.events.find((e) => e.type === "late")?.measure).toBe(30);
    expect(r.events.find((e) => e.type === "leave")?.days).toBe(0.5);
    expect(r.events.find((e) => e.type === "metric")?.meta?.responseTime).toBe(1.5);
    expect(r.events.find((e) => e.type === "outstanding")?.points).toBe(3);
  });

  it("a 赤兔 report's 汇总 row is structural and a figure not ready yet (延迟统计) is named", () => {
    const r = read(
      grid("10月客服绩效", [
        ["客服昵称", "接待人数", "询单->最终付款转化率", "销售额"],
        ["店:小王", 300, 0.4, 12000],
        ["店:李娜", 280, "延迟统计", 9000],
        ["汇总", 580, 0.38, 21000],
      ]),
    );
    expect(r.sheets[0].role).toBe("performance");
    expect(r.issues.some((i) => i.col === "C" && i.row === 3 && i.message.includes("延迟统计"))).toBe(true);
    expect(r.sheets[0].cells).toMatchObject({ structural: 8, reported: 1 });
  });
});

describe("exports", () => {
  const wecom = (rows: Cell[][]) =>
    grid("上下班打卡_日报", [
      ["上下班打卡_日报"],
      ["制表时间:2026-04-02 10:00  统计时间:2026-03-01 ～ 2026-03-31"],
      ["时间", "姓名", "考勤结果", "假勤申请", "迟到次数(次)"],
      ...rows,
    ]);

  it("the month comes from 统计时间, not 制表时间", () => {
    expect(monthFromText("制表时间:2026-04-02 10:00 统计时间:2026-03-01 ～ 2026-03-31")).toBe("2026-03");
    expect(monthFromText("考勤月份：2026年2月  导出时间：2026-03-05", 2026)).toBe("2026-02");
  });

  it("正常（请假） with an approval is one event whose kind the approval gives; half days stay half", () => {
    const r = read(
      wecom([
        ["26-03-02 星期一", "小王", "正常（请假）", "年假1天", "--"],
        ["26-03-03 星期二", "小王", "正常（请假）", "调休假0.5天（3/3 下午 - 3/3 下午）", "--"],
        ["26-03-04 星期三", "小王", "正常（请假）", "事假1天", "--"],
      ]),
    );
    expect(r.events.filter((e) => e.date === "2026-03-02").map((e) => e.type)).toEqual(["statutory"]);
    const swap = r.events.filter((e) => e.date === "2026-03-03");
    expect(swap.map((e) => [e.type, e.days])).toEqual([["swap", 0.5]]);
    expect(r.events.filter((e) => e.date === "2026-03-04").map((e) => e.type)).toEqual(["leave"]);
    expect(r.sheets[0].months).toEqual(["2026-03"]);
  });

  it("an export's own count that disagrees with the day's result is reported on its cell", () => {
    const r = read(
      wecom([
        ["26-03-02 星期一", "小王", "迟到30分钟", "", 1],
        ["26-03-03 星期二", "小王", "正常", "", 1],
      ]),
    );
    const mismatch = r.issues.filter((i) => i.code === "export-count-mismatch");
    expect(mismatch.map((i) => `${i.col}${i.row}`)).toEqual(["E5"]);
    expect(r.sheets[0].cells.reported).toBe(1);
  });

  it("a punch-detail sheet beside the daily sheet is a cross-check: structural, a disagreement reported", () => {
    const r = read(
      grid("每日统计", [
        ["姓名", "日期", "考勤结果"],
        ["小王", "2026-03-02", "旷工"],
        ["小王", "2026-03-03", "正常"],
      ]),
      grid("打卡明细", [
        ["姓名", "日期", "上班打卡", "下班打卡"],
        ["小王", "2026-03-02", "08:55", "18:02"],
        ["小王", "2026-03-03", "08:58", "18:00"],
      ]),
    );
    const detail = r.sheets.find((s) => s.sheet === "打卡明细")!;
    expect(detail.used).toBe(false);
    expect(count(r, "小王", "unauthorised")).toBe(1);
    expect(r.issues.filter((i) => i.sheet === "打卡明细").map((i) => [i.row, i.code])).toEqual([[2, "punch-mismatch"]]);
    expect(detail.cells).toEqual({ total: 12, used: 0, structural: 8, reported: 4 });
  });
});

describe("the symbol matrix", () => {
  const days = Array.from({ length: 10 }, (_, i) => i + 1);
  it("the day row is the header, not a weekday row holding 姓名 above it; a legend note is never an agent", () => {
    const r = read(
      grid("考勤表", [
        ["2026年2月考勤表"],
        ["姓名", "日", "一", "二", "三", "四", "五", "六", "日", "一", "二", "迟到"],
        [null, ...days, null],
        ["小王", "√", "※", "√", "√", "√", "√", "√", "√", "√", "√", 2],
        ["注：√ 出勤 ※ 迟到 ○ 事假 × 旷工"],
      ]),
    );
    expect(r.sheets[0].layout).toBe("matrix");
    expect(r.sheets[0].headerRow).toBe(3);
    expect(count(r, "小王", "late")).toBe(1);
    expect(r.agents).toEqual(["小王"]);
    // The COUNTIF column says 2, the day cells 1: reported, the day cells decide.
    expect(r.issues.filter((i) => i.code === "total-mismatch").map((i) => `${i.col}${i.row}`)).toEqual(["L4"]);
  });

  it("day numbers stored as day-formatted serials (1900-01-d) are days of the sheet's month", () => {
    const serials: Cell[] = days.map((d) => ({ kind: "date", serial: d }));
    const r = read(
      grid("2026年3月考勤", [
        ["姓名", ...serials],
        ["小王", "√", "※", "√", "√", "√", "√", "√", "√", "√", "√"],
      ]),
    );
    expect(r.events.find((e) => e.type === "late")?.date).toBe("2026-03-02");
  });
});

describe("names", () => {
  it("a prefix shared across the sheet is a sub-account prefix: cut, and each cut listed", () => {
    const r = read(
      grid("考勤", [
        ["日期", "姓名", "状态"],
        ["2026-10-02", "萌萌店:小王", "迟到"],
        ["2026-10-03", "萌萌店:小王", "迟到"],
        ["2026-10-03", "萌萌店:李娜", "迟到"],
      ]),
    );
    expect(count(r, "小王", "late")).toBe(2);
    const listed = r.issues.filter((i) => i.code === "name-normalised");
    expect(listed.map((i) => i.row)).toEqual([2, 4]);
    expect(listed[0].message).toContain("萌萌店");
  });

  it("different prefixes, notes and formula text are never cut", () => {
    const r = read(
      grid("考勤", [
        ["日期", "姓名", "状态"],
        ["2026-10-02", "A店:小王", "迟到"],
        ["2026-10-03", "B店:小王", "迟到"],
        ["2026-10-04", '=HYPERLINK("http://x","小王")', "迟到"],
      ]),
    );
    expect(count(r, "小王", "late")).toBe(0);
    expect(r.agents).toContain("A店:小王");
    expect(r.agents).toContain("B店:小王");
  });
});

describe("duplicates across sheets and 是否查实", () => {
  const complaints = grid("投诉", [
    ["日期", "客服", "投诉原因", "是否查实"],
    ["2026-10-02", "小王", "与买家吵架", "是"],
    ["2026-10-03", "小王", "与买家吵架", ""],
  ]);
  const fines = grid("罚款登记", [
    ["日期", "姓名", "事由", "金额"],
    ["2026-10-02", "小王", "与买家吵架", 50],
  ]);

  it("a complaint and the fine it caused are one event with both sources, and the data issues say so", () => {
    const r = read(complaints, fines);
    const quarrels = r.events.filter((e) => e.agent === "小王" && e.date === "2026-10-02");
    expect(quarrels).toHaveLength(1);
    expect(quarrels[0].sources.map((s) => `${s.sheet}!${s.row}`)).toEqual(["投诉!2", "罚款登记!2"]);
    expect(quarrels[0].amount).toBe(50);
    expect(r.issues.some((i) => i.code === "duplicate-incident" && i.message.includes("投诉!2"))).toBe(true);
  });

  it("countDuplicates keeps both", () => {
    const r = readWorkbook([complaints, fines], { defaultYear: 2026, countDuplicates: true });
    expect(r.events.filter((e) => e.agent === "小王" && e.date === "2026-10-02")).toHaveLength(2);
  });

  it("a blank 是否查实 is not verified: listed, not scored, unless the rules declare blanks verified", () => {
    const r = read(complaints);
    expect(r.events.filter((e) => e.date === "2026-10-03")).toEqual([]);
    expect(r.issues.find((i) => i.row === 3)?.code).toBe("verified-blank");
    const declared = readWorkbook([complaints], { defaultYear: 2026, blankVerified: "verified" });
    expect(declared.events.filter((e) => e.date === "2026-10-03")).toHaveLength(1);
    expect(declared.issues.find((i) => i.row === 3)?.code).toBe("verified-default");
  });
});

describe("a WeCom 上下班打卡_月报", () => {
  it("day columns headed `1\\n星期X`, worded day cells, the month from 统计时间 with the year of 制表时间, own counts checked", () => {
    const days = Array.from({ length: 8 }, (_, i) => `${i + 1}\n星期${"日一二三四五六"[i % 7]}`);
    const r = readWorkbook(
      [
        grid("上下班打卡_月报", [
          ["上下班打卡_月报"],
          ["统计时间:03-01 ～ 03-31 制表时间:2026-04-01 10:00"],
          ["基础信息", null, null, "异常统计", null, null, "打卡明细"],
          ["姓名", "账号", "所属规则", "迟到次数", "迟到时长(分钟)", "缺卡次数", ...days],
          [
            "小王",
            "wang",
            "客服组",
            "2",
            "20",
            "0",
            "正常（休息） ;",
            "迟到12分钟 ;",
            "正常 ;",
            "迟到8分钟; 缺卡1次;",
            "正常 ;",
            "正常 ;",
            "正常 ;",
            "--",
          ],
        ]),
      ],
      { defaultYear: 2020 },
    );
    expect(r.sheets[0].layout).toBe("matrix");
    expect(r.sheets[0].months).toEqual(["2026-03"]);
    expect(r.events.filter((e) => e.type === "late").map((e) => [e.date, e.measure])).toEqual([
      ["2026-03-02", 12],
      ["2026-03-04", 8],
    ]);
    expect(r.events.filter((e) => e.type === "missed-punch").map((e) => e.date)).toEqual(["2026-03-04"]);
    // 缺卡次数 0 disagrees with the 缺卡 on the 4th; 迟到次数 2 and 迟到时长 20 agree.
    expect(r.issues.filter((i) => i.code === "total-mismatch").map((i) => i.col)).toEqual(["F"]);
    const m = r.sheets[0];
    expect(m.cells.used + m.cells.structural + m.cells.reported).toBe(m.cells.total);
  });
});

describe("an export's monthly totals beside its daily sheet", () => {
  it("请假天数 and 事假(小时) are compared with the day cells; each disagreement is a data issue", () => {
    const r = read(
      grid("3月明细", [
        ["日期", "姓名", "状态"],
        ["2026-03-02", "小王", "事假"],
        ["2026-03-03", "小王", "调休"],
      ]),
      grid("月度汇总", [["2026年3月 月度汇总"], ["姓名", "迟到次数", "事假(小时)", "请假天数"], ["小王", 0, 8, 3]]),
    );
    const m = r.issues.find((i) => i.code === "summary-mismatch")?.message ?? "";
    expect(m).toContain("请假天数：汇总 3，明细 2");
    expect(m).not.toContain("事假");
    expect(count(r, "小王", "leave")).toBe(1);
  });
});

describe("DingTalk results as RULES.md reads them", () => {
  it("严重迟到 without minutes is an absence, 补卡审批通过 and 正常（补卡） a forgotten registration, 管理员改为正常 normal", () => {
    const r = read(
      grid("每日统计", [
        ["姓名", "日期", "上班1打卡结果", "下班1打卡结果"],
        ["小王", "2026-03-02", "严重迟到", "正常"],
        ["小王", "2026-03-03", "补卡审批通过", "正常"],
        ["小王", "2026-03-04", "正常（补卡）", "正常"],
        ["小王", "2026-03-05", "管理员改为正常", "正常"],
        ["小王", "2026-03-06", "严重迟到45分钟", "正常"],
      ]),
    );
    const byDay = (d: string) => r.events.filter((e) => e.date === d).map((e) => e.type);
    expect(byDay("2026-03-02")).toEqual(["absence"]);
    expect(byDay("2026-03-03")).toEqual(["missed-punch"]);
    expect(byDay("2026-03-04")).toEqual(["missed-punch"]);
    expect(byDay("2026-03-05")).toEqual([]);
    expect(r.events.find((e) => e.date === "2026-03-06")).toMatchObject({ type: "late", measure: 45 });
  });
});

describe("approvals and sessions refine the day", () => {
  it("a 缺卡 covered by an approval is the leave only; a late inside the approval's hours is no late", () => {
    const r = read(
      grid("每日统计", [
        ["姓名", "日期", "上班1打卡时间", "上班1打卡结果", "下班1打卡结果", "关联的审批单"],
        ["何琳", "2026-10-15", "--", "缺卡", "缺卡", "事假 10-15 09:00到10-15 18:00 8小时"],
        ["何琳", "2026-10-22", "08:55", "正常", "缺卡", "调休 10-22 14:00到10-22 18:00 4小时"],
        ["何琳", "2026-10-29", "09:45", "迟到", "正常", "事假 10-29 09:00到10-29 10:00 1小时"],
        ["何琳", "2026-10-30", "10:20", "迟到", "正常", "事假 10-30 09:00到10-30 10:00 1小时"],
      ]),
    );
    const day = (d: string) => r.events.filter((e) => e.date === d).map((e) => [e.type, e.days, e.measure]);
    expect(day("2026-10-15")).toEqual([["leave", 1, undefined]]);
    expect(day("2026-10-22")).toEqual([["swap", 0.5, undefined]]);
    expect(day("2026-10-29")).toEqual([["leave", 0.125, undefined]]);
    expect(day("2026-10-30")).toEqual([
      ["late", 1, 20],
      ["leave", 0.125, undefined],
    ]);
  });

  it("lates in two sessions of one day are one late, its minutes from the punch and the shift, the longest deciding", () => {
    const r = read(
      grid("每日统计", [
        ["姓名", "日期", "班次", "上班 1 打卡时间", "上班 1 打卡结果", "上班 2 打卡时间", "上班 2 打卡结果"],
        ["曹操", "2026-10-13", "两头班 09:00-12:00 13:30-18:00", "09:20", "迟到", "14:05", "严重迟到"],
      ]),
    );
    expect(r.events.map((e) => [e.type, e.measure])).toEqual([["late", 35]]);
  });
});

describe("a raw punch log beside the daily sheet", () => {
  it("is its cross-check, not a second source of events", () => {
    const daily = grid("每日统计", [
      ["姓名", "日期", "考勤结果"],
      ["小王", "2026-03-02", "迟到10分钟"],
      ["小王", "2026-03-03", "旷工"],
    ]);
    const log = grid("原始记录", [
      ["姓名", "工号", "打卡时间", "打卡地点"],
      ["小王", "007", "2026-03-02 09:10:00", "总部"],
      ["小王", "007", "2026-03-02 18:01:00", "总部"],
      ["小王", "007", "2026-03-03 08:59:00", "总部"],
      ["小王", "007", "2026-03-03 18:00:00", "总部"],
    ]);
    const r = read(daily, log);
    expect(r.events.map((e) => e.type).sort()).toEqual(["late", "unauthorised"]);
    const m = r.sheets.find((s) => s.sheet === "原始记录")!;
    expect(m.used).toBe(false);
    expect(r.issues.filter((i) => i.sheet === "原始记录" && i.code === "punch-mismatch").map((i) => i.row)).toEqual([
      4, 5,
    ]);
    expect(m.cells.used + m.cells.structural + m.cells.reported).toBe(m.cells.total);
  });
});
