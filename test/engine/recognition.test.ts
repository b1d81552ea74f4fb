import { describe, expect, it } from "vitest";
import { detectHeader, mapHeaderText } from "../../src/engine/read/headers";
import { readWorkbook } from "../../src/engine/read/workbook";
import { ROSTER, count, date, grid, read, unaccounted } from "../helpers/grids";

describe("header words", () => {
  it.each([
    ["迟到时长(分钟)", "lateMinutes"],
    ["遲到時長（分鐘）", "lateMinutes"],
    ["上班 1 打卡时间", "clockIn"],
    ["上班1打卡结果", "statusIn"],
    ["快遞單號", "trackingNo"],
    ["投訴原因", "reason"],
    ["是否查實", "verified"],
    ["Name", "name"],
    ["旺旺昵称", "account"],
  ])("%s → %s", (h, f) => expect(mapHeaderText(h)).toBe(f));
  it("leaves unknown words unmapped", () => expect(mapHeaderText("心情指数")).toBeNull());
});

describe("finding the header", () => {
  it("skips title rows and joins a DingTalk two-row header", () => {
    const g = grid("每日统计", [
      ["每日统计表", null, null, null, null, null, null],
      ["统计日期：2026-03-01 至 2026-03-31", null, null, null, null, null, null],
      ["基础信息", null, null, null, "上班1", null, "下班1"],
      ["姓名", "考勤组", "工号", "日期", "打卡时间", "打卡结果", "打卡结果"],
      ["小王", "客服组", "007", "2026/03/14 星期六", "09:20", "迟到", "正常"],
    ]);
    const h = detectHeader(g)!;
    expect(h.fieldRow).toBe(3);
    expect(h.groupRow).toBe(2);
    expect(h.fields.slice(0, 7)).toEqual(["name", "group", "empId", "date", "clockIn", "statusIn", "statusOut"]);
    expect(h.dataStart).toBe(4);
  });
});

describe("sheet roles", () => {
  it("decides roles by headers even when sheet names say nothing", () => {
    const r = read(
      grid("Sheet1", [
        ["日期", "姓名", "状态", "迟到分钟"],
        ["2026-10-02", "小王", "迟到", 10],
      ]),
      grid("Sheet2", [
        ["日期", "快递单号", "快递公司", "问题类型", "理赔金额"],
        ["2026-10-02", "123", "中通", "丢件", 20],
      ]),
      grid("Sheet3", [
        ["日期", "客服", "投诉原因", "是否查实"],
        ["2026-10-02", "小王", "态度差", "是"],
      ]),
      grid("Sheet4", [
        ["日期", "姓名", "事由", "金额", "类型"],
        ["2026-10-02", "小王", "迟到", 10, "罚款"],
      ]),
      grid("Sheet5", [
        ["心情", "天气"],
        ["好", "晴"],
      ]),
    );
    expect(r.sheets.map((s) => s.role)).toEqual(["attendance", "express", "complaints", "fines", "none"]);
    expect(r.sheets[0].reason).toContain("考勤");
    expect(r.issues.find((i) => i.sheet === "Sheet5")?.message).toContain("没有被识别");
  });

  it("never reads tabs the add-in generated", () => {
    const g1 = grid("考勤", [
      ["日期", "姓名", "状态"],
      ["2026-10-02", "小王", "迟到"],
    ]);
    const g2 = grid("评分表", [
      ["日期", "姓名", "状态"],
      ["2026-10-02", "小王", "迟到"],
    ]);
    const r = readWorkbook([g1, g2], { skip: ["评分表"], defaultYear: 2026 });
    expect(r.sheets.map((s) => s.sheet)).toEqual(["考勤"]);
    expect(r.events.filter((e) => e.type === "late")).toHaveLength(1);
  });

  it("a user correction of a role and a field re-applies and is marked as such", () => {
    const g = grid("数据", [
      ["日子", "谁", "情况"],
      ["2026-10-02", "小王", "迟到"],
    ]);
    const r = readWorkbook([g], {
      defaultYear: 2026,
      overrides: [{ sheet: "数据", role: "attendance", fields: { A: "date", B: "name", C: "status" } }],
    });
    expect(r.sheets[0].role).toBe("attendance");
    expect(r.sheets[0].corrected).toBe(true);
    expect(r.events.filter((e) => e.type === "late")).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(r.sheets[0]))).toEqual(r.sheets[0]);
  });
});

describe("long attendance", () => {
  it("counts per agent-day, resolves names, and accounts for every row", () => {
    const r = read(
      ROSTER,
      grid("10月考勤", [
        ["2026年10月考勤"],
        ["日期", "姓名", "状态", "迟到分钟"],
        ["2026/10/3", "小王 ", "迟到", 12],
        ["10月4日", "旗舰店:小王", "迟到45分钟", null],
        ["2026-10-05", 7, "事假", null],
        ["2026-10-05", "王五", "请假", null],
        ["2026-10-06", "李娜（已离职）", "正常（请假）", null],
        ["2026-10-07", "李娜", "飞了", null],
        [null, null, null, null],
        ["2026-10-08", "張偉", "迟到", 5],
      ]),
    );
    expect(count(r, "小王", "late")).toBe(2);
    expect(r.events.find((e) => e.agent === "小王" && e.date === "2026-10-04")?.measure).toBe(45);
    expect(count(r, "小王", "leave")).toBe(1);
    expect(count(r, "李娜", "leave")).toBe(1);
    expect(r.resigned).toContain("李娜");
    expect(count(r, "張偉", "late")).toBe(1);
    const msgs = r.issues.map((i) => `${i.sheet}!${i.row} ${i.message}`);
    expect(msgs.some((m) => m.startsWith("10月考勤!6") && m.includes("王五") && m.includes("花名册"))).toBe(true);
    expect(msgs.some((m) => m.startsWith("10月考勤!8") && m.includes("飞了"))).toBe(true);
    expect(unaccounted(r)).toEqual([]);
    expect(r.sheets[1].months).toEqual(["2026-10"]);
  });

  it("names the nearest roster names for an unknown name, merging nothing", () => {
    const r = read(
      ROSTER,
      grid("考勤", [
        ["日期", "姓名", "状态"],
        ["2026-10-02", "小汪", "迟到"],
      ]),
    );
    expect(r.issues[0].message).toContain("小王");
    expect(r.events.filter((e) => e.type === "late")).toHaveLength(0);
  });

  it("without a roster only trimming and the shop: prefix merge names", () => {
    const r = read(
      grid("考勤", [
        ["日期", "姓名", "状态"],
        ["2026-10-02", "小王 ", "迟到"],
        ["2026-10-03", "店:小王", "迟到"],
        ["2026-10-04", "小汪", "迟到"],
      ]),
    );
    expect(count(r, "小王", "late")).toBe(2);
    expect(count(r, "小汪", "late")).toBe(1);
  });
});

describe("night shifts in a punch log", () => {
  it("a punch after midnight on a 晚班 belongs to the day the shift started", () => {
    const r = read(
      grid("打卡记录", [
        ["打卡时间", "姓名", "班次", "打卡结果"],
        ["2026-10-04 00:40", "小王", "晚班 17:30-01:00", "早退"],
        ["2026-10-04 17:50", "小王", "晚班 17:30-01:00", "迟到20分钟"],
      ]),
    );
    expect(r.events.map((e) => [e.type, e.date])).toEqual([
      ["early", "2026-10-03"],
      ["late", "2026-10-04"],
    ]);
  });
});

describe("system exports", () => {
  it("DingTalk 每日统计: results with measures, half-day leave from the approval text, -- for empty", () => {
    const r = read(
      grid("每日统计", [
        ["每日统计表  统计日期：2026-03-01 至 2026-03-31"],
        [
          "姓名",
          "考勤组",
          "部门",
          "工号",
          "日期",
          "班次",
          "上班 1 打卡时间",
          "上班 1 打卡结果",
          "下班 1 打卡时间",
          "下班 1 打卡结果",
          "关联的审批单",
          "迟到时长(分钟)",
        ],
        ["小王", "客服", "客服部", "007", "2026/03/14 星期六", "早班", "09:40", "迟到", "18:00", "正常", "--", 40],
        ["小王", "客服", "客服部", "007", "2026/03/16 星期一", "早班", "--", "缺卡", "18:00", "正常", "--", "--"],
        ["小王", "客服", "客服部", "007", "2026/03/17 星期二", "早班", "09:00", "正常", "15:00", "早退", "--", "--"],
        [
          "李娜（已离职）",
          "客服",
          "客服部",
          "008",
          "2026/03/14 星期六",
          "早班",
          "--",
          "缺卡",
          "18:00",
          "正常",
          "调休假0.5天（3/14 上午 - 3/14 上午）",
          "--",
        ],
        ["李娜", "客服", "客服部", "008", "2026/03/18 星期三", "早班", "--", "旷工迟到", "--", "缺卡", "--", "--"],
      ]),
    );
    expect(r.sheets[0].layout).toBe("export");
    const late = r.events.find((e) => e.agent === "小王" && e.type === "late")!;
    expect(late.measure).toBe(40);
    expect(count(r, "小王", "missed-punch")).toBe(1);
    expect(count(r, "小王", "early")).toBe(1);
    const swap = r.events.find((e) => e.agent === "李娜" && e.type === "swap")!;
    expect(swap.days).toBe(0.5);
    expect(count(r, "李娜", "unauthorised")).toBe(1);
    expect(r.resigned).toContain("李娜");
    expect(unaccounted(r)).toEqual([]);
  });

  it("WeCom 上下班打卡_日报: merged title, 统计时间 row, group headers, 考勤结果 with measures", () => {
    const r = read(
      grid("上下班打卡_日报", [
        ["上下班打卡_日报", null, null, null, null, null],
        ["统计时间:03-01 ～ 03-31", null, null, null, null, null],
        ["概况统计与打卡明细", null, null, null, "假勤统计", null],
        ["时间", "姓名", "账号", "考勤结果", "假勤申请", "事假(天)"],
        ["26-03-02 星期一", "小王", "wang", "迟到30分钟", "", "--"],
        ["26-03-03 星期二", "小王", "wang", "正常（请假）", "事假1天", 1],
        ["26-03-04 星期三", "小王", "wang", "旷工480分钟", "", "--"],
        ["26-03-05 星期四", "小王", "wang", "缺卡1次", "", "--"],
        ["26-03-06 星期五", "小王", "wang", "正常（休息）", "", "--"],
        ["26-03-07 星期六", "小王", "wang", "早退149分钟", "", "--"],
      ]),
    );
    expect(r.sheets[0].role).toBe("attendance");
    expect(r.events.find((e) => e.type === "late")?.measure).toBe(30);
    expect(count(r, "小王", "leave", "2026-03")).toBe(1);
    expect(count(r, "小王", "unauthorised")).toBe(1);
    expect(count(r, "小王", "missed-punch")).toBe(1);
    expect(count(r, "小王", "rest")).toBe(1);
    // RULES.md (rest days): the export says nothing of Saturday 03-07, so the calendar makes it a rest day and
    // its 早退 is listed on its cell, not scored (this assertion used to expect the early to be scored).
    expect(count(r, "小王", "early")).toBe(0);
    const listed = r.issues.find((i) => i.code === "rest-day-mark")!;
    expect([listed.row, listed.col, listed.severity]).toEqual([10, "D", "info"]);
    expect(listed.message).toContain("早退149分钟");
    expect(unaccounted(r)).toEqual([]);
  });

  it("a monthly summary is cross-checked against the detailed sheet of the same month", () => {
    const r = read(
      grid("3月明细", [
        ["日期", "姓名", "状态"],
        ["2026-03-02", "小王", "迟到"],
        ["2026-03-03", "小王", "迟到"],
      ]),
      grid("月度汇总", [["2026年3月 月度汇总"], ["姓名", "迟到次数", "旷工次数"], ["小王", 3, 0]]),
    );
    const summary = r.sheets.find((s) => s.sheet === "月度汇总")!;
    expect(summary.layout).toBe("summary");
    expect(summary.used).toBe(false);
    expect(count(r, "小王", "late")).toBe(2);
    expect(r.issues.find((i) => i.code === "summary-mismatch")?.message).toMatch(/迟到次数：汇总 3，明细 2/);
  });

  it("a monthly summary alone gives month-level events", () => {
    const r = read(grid("月度汇总", [["2026年3月 月度汇总"], ["姓名", "迟到次数", "旷工次数"], ["小王", 3, 1]]));
    expect(count(r, "小王", "late", "2026-03")).toBe(3);
    expect(count(r, "小王", "unauthorised", "2026-03")).toBe(1);
  });
});

describe("the symbol matrix", () => {
  const days = Array.from({ length: 10 }, (_, i) => i + 1);
  it("reads 上午/下午 rows, a merged name, the legend, and ignores COUNTIF totals", () => {
    const r = read(
      grid("考勤表", [
        ["2026年2月考勤表"],
        ["姓名", "时段", ...days, "出勤天数"],
        ["小王", "上午", "√", "※", "○", "○", "√", "√", "√", "√", "×", "√", 7],
        [null, "下午", "√", "√", "○", "√", "◇", "√", "√", "√", "×", "√", 7],
        ["注：√出勤 ●休假 ○事假 ☆病假 ※迟到 ◇早退 ×旷工 △出差 ÷年休 ＃加班调/补休"],
      ]),
    );
    expect(r.sheets[0].layout).toBe("matrix");
    expect(r.sheets[0].months).toEqual(["2026-02"]);
    expect(count(r, "小王", "late")).toBe(1);
    const leaves = r.events.filter((e) => e.type === "leave");
    expect(leaves.map((e) => [e.date, e.days])).toEqual([
      ["2026-02-03", 1],
      ["2026-02-04", 0.5],
    ]);
    expect(count(r, "小王", "unauthorised")).toBe(1);
    expect(count(r, "小王", "early")).toBe(1);
    expect(r.sheets[0].rows.structural).toBeGreaterThanOrEqual(1);
    expect(unaccounted(r)).toEqual([]);
  });

  it("the legend decides: a shop whose ● means 迟到", () => {
    const r = read(
      grid("考勤", [
        ["2026年2月考勤表"],
        ["姓名", ...days],
        ["小王", "●", "√", "√", "√", "√", "√", "√", "√", "√", "√"],
        ["图例：√出勤 ●迟到 ○事假 ×旷工"],
      ]),
    );
    // 2026-02-01 is a Sunday and the sheet says nothing of it: RULES.md lists the late, not scores it (this
    // assertion used to expect it scored). The legend still decides what ● is.
    expect(count(r, "小王", "late")).toBe(0);
    expect(r.issues.find((i) => i.code === "rest-day-mark")?.message).toMatch(/2026-02-01（周日）.*“●”（迟到）/);
  });

  it("takes day headers that are day-formatted date serials, and a Traditional legend", () => {
    const serials = days.map((d) => Date.UTC(2026, 1, d) / 86400000 + 25569);
    const r = read(
      grid(
        "出勤",
        [
          ["姓名", ...serials],
          ["張偉", "遲到", "√", "√", "√", "√", "√", "√", "√", "√", "√"],
        ],
        [[null, ...days.map(() => "d")], []],
      ),
    );
    expect(r.sheets[0].months).toEqual(["2026-02"]);
    // 2026-02-01 is a Sunday: the late is read (Traditional 遲到) and listed, not scored (RULES.md, rest days).
    expect(count(r, "張偉", "late")).toBe(0);
    expect(r.issues.find((i) => i.code === "rest-day-mark")?.message).toContain("（迟到）");
  });

  it("an unknown symbol is a data issue naming its cell", () => {
    const r = read(
      grid("考勤", [
        ["2026年2月考勤表"],
        ["姓名", ...days],
        ["小王", "?", "√", "√", "√", "√", "√", "√", "√", "√", "√"],
      ]),
    );
    expect(r.issues[0].message).toContain("B3");
    expect(r.issues[0].message).toContain("?");
  });

  it("a matrix without any month says so instead of guessing", () => {
    const r = read(
      grid("考勤", [
        ["姓名", ...days],
        ["小王", "√", "√", "√", "√", "√", "√", "√", "√", "√", "√"],
      ]),
    );
    expect(r.issues[0].message).toContain("哪一个月");
  });
});

describe("complaints, express, fines", () => {
  it("classifies free-text reasons and keeps unclassified ones visible", () => {
    const r = read(
      ROSTER,
      grid("投訴", [
        ["日期", "客服", "投訴原因", "是否查實", "處理狀態"],
        [date(2026, 10, 2), "張偉", "顾客投诉态度差", "是", "已处理"],
        [date(2026, 10, 3), "阿伟", "回复太慢被投诉", "是", ""],
        [date(2026, 10, 4), "李娜", "没备注导致发错货", "是", "已处理"],
        [date(2026, 10, 5), "李娜", "交接班忘记交接", "是", "已处理"],
        [date(2026, 10, 6), "陈静", "上班打游戏", "是", "已处理"],
        [date(2026, 10, 7), "陈静", "天气不好", "是", "已处理"],
        [date(2026, 10, 8), "陈静", "态度差", "否", "已处理"],
      ]),
    );
    expect(r.events.map((e) => e.type)).toEqual([
      "bad-attitude",
      "slow-response",
      "remark-unclear",
      "handover",
      "unrelated-activity",
    ]);
    expect(r.events[1].agent).toBe("張偉");
    expect(r.events[1].meta?.open).toBe(true);
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [7, "unclassified"],
      [8, "not-verified"],
    ]);
    expect(unaccounted(r)).toEqual([]);
  });

  it("keeps tracking numbers as text and folds courier names", () => {
    const r = read(
      ROSTER,
      grid("快递", [
        ["日期", "快递单号", "快递公司", "问题类型", "理赔金额", "责任方", "责任人"],
        ["2026-10-02", "0007731234567", "中通快递", "丢件", "¥50.00", "快递", ""],
        ["2026-10-03", "EA1", "EMS", "破损", "30元", "", ""],
        ["2026-10-04", "YT1", "韵达速递", "错发", 25, "客服", "陈静"],
      ]),
    );
    const ex = r.events.filter((e) => e.type === "express");
    expect(ex.map((e) => [e.meta?.courier, e.amount, e.meta?.party])).toEqual([
      ["中通", 50, "courier"],
      ["邮政", 30, "courier"],
      ["韵达", 25, "agent"],
    ]);
    expect(ex[0].meta?.trackingNo).toBe("0007731234567");
    expect(count(r, "陈静", "remark-unclear")).toBe(1);
  });

  it("fines, spends, rewards and an opening balance", () => {
    const r = read(
      ROSTER,
      grid("罚款", [
        ["日期", "姓名", "事由", "金额", "类型"],
        ["2026-10-01", "", "上月结余", 120, "期初"],
        ["2026-10-02", "小王", "交接班忘记交接", 10, "罚款"],
        ["2026-10-03", "", "买零食", "30元", "支出"],
        ["2026-10-04", "李娜", "建议被采纳", 50, "奖励"],
        ["2026-10-05", "李娜", "乱七八糟", null, "罚款"],
      ]),
    );
    expect(r.events.map((e) => [e.type, e.amount])).toEqual([
      ["fund-opening", 120],
      ["handover", 10],
      ["fund-spend", 30],
      ["suggestion", 50],
    ]);
    expect(r.issues[0].row).toBe(6);
  });

  it("an error value in a cell is reported, never a crash", () => {
    const r = read(
      grid("考勤", [
        ["日期", "姓名", "状态", "迟到分钟"],
        ["2026-10-02", "小王", "迟到", { kind: "error", code: "#N/A" }],
        [{ kind: "error", code: "#REF!" }, "小王", "迟到", 3],
      ]),
    );
    expect(count(r, "小王", "late")).toBe(1);
    expect(r.issues.some((i) => i.message.includes("#N/A"))).toBe(true);
    expect(r.issues.some((i) => i.row === 3 && i.code === "bad-date")).toBe(true);
  });
});
