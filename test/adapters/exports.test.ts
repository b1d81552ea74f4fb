import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { ExcelJsWorkbook } from "../../src/adapters/exceljs/port";
import { readAll } from "../../src/adapters/port";
import { inspectWorkbook } from "../../src/engine/run";

/** Workbooks shaped like the attendance systems' own exports, built as files. */
async function dingTalkAndWeCom(): Promise<ExcelJsWorkbook> {
  const wb = new ExcelJS.Workbook();
  const dd = wb.addWorksheet("每日统计");
  dd.addRow(["每日统计表"]);
  dd.mergeCells("A1:L1");
  dd.addRow(["统计日期：2026-03-01 至 2026-03-31  报表生成时间：2026-04-01 09:00"]);
  dd.mergeCells("A2:L2");
  // 姓名 … 班次 span both header rows, as in DingTalk's file; 上班1 / 下班1 group their punch columns.
  dd.addRow([
    "姓名",
    "考勤组",
    "部门",
    "工号",
    "日期",
    "班次",
    "上班1",
    null,
    "下班1",
    null,
    "关联的审批单",
    "迟到时长(分钟)",
  ]);
  dd.addRow([null, null, null, null, null, null, "打卡时间", "打卡结果", "打卡时间", "打卡结果", null, null]);
  for (const c of ["A", "B", "C", "D", "E", "F", "K", "L"]) dd.mergeCells(`${c}3:${c}4`);
  dd.mergeCells("G3:H3");
  dd.mergeCells("I3:J3");
  dd.addRow([
    "小王",
    "客服",
    "客服部",
    "007",
    "2026/03/14 星期六",
    "早班 09:00-18:00",
    "09:40",
    "迟到",
    "18:00",
    "正常",
    "--",
    40,
  ]);
  dd.addRow([
    "小王",
    "客服",
    "客服部",
    "007",
    "2026/03/16 星期一",
    "早班 09:00-18:00",
    "--",
    "缺卡",
    "18:00",
    "正常",
    "--",
    "--",
  ]);
  dd.addRow([
    "李娜（已离职）",
    "客服",
    "客服部",
    "008",
    "2026/03/14 星期六",
    "早班 09:00-18:00",
    "--",
    "缺卡",
    "18:00",
    "正常",
    { text: "调休假0.5天（3/14 上午 - 3/14 上午）", hyperlink: "https://example.invalid/x" },
    "--",
  ]);
  const wc = wb.addWorksheet("上下班打卡_日报");
  wc.addRow(["上下班打卡_日报"]);
  wc.mergeCells("A1:H1");
  wc.addRow(["统计时间:2026-03-01 ～ 2026-03-31"]);
  wc.addRow(["概况统计与打卡明细", null, null, null, null, "假勤统计", null, null]);
  wc.addRow(["时间", "姓名", "账号", "部门", "考勤结果", "假勤申请", "事假(天)", "调休假(天)"]);
  wc.addRow(["26-03-02 星期一", "張偉", "zhangwei", "客服部", "迟到30分钟", "", "--", "--"]);
  wc.addRow(["26-03-03 星期二", "張偉", "zhangwei", "客服部", "旷工480分钟", "", "--", "--"]);
  wc.addRow(["26-03-04 星期三", "張偉", "zhangwei", "客服部", "正常（请假）", "事假1天", "1", "--"]);
  wc.addRow(["26-03-05 星期四", "張偉", "zhangwei", "客服部", "正常（休息）", "", "--", "--"]);
  return ExcelJsWorkbook.load(new Uint8Array(await wb.xlsx.writeBuffer()));
}

describe("system exports as files", () => {
  it("DingTalk 每日统计 and WeCom 日报: roles, months, per-agent counts, every row placed", async () => {
    const read = inspectWorkbook(await readAll(await dingTalkAndWeCom()), [], 2026);
    const dd = read.sheets.find((s) => s.sheet === "每日统计")!;
    expect(dd).toMatchObject({ role: "attendance", layout: "export", months: ["2026-03"], headerRow: 4, groupRow: 3 });
    expect(dd.fields).toMatchObject({
      A: "name",
      E: "date",
      G: "clockIn",
      H: "statusIn",
      I: "clockOut",
      J: "statusOut",
      K: "approval",
      L: "lateMinutes",
    });
    const wc = read.sheets.find((s) => s.sheet === "上下班打卡_日报")!;
    expect(wc).toMatchObject({ role: "attendance", months: ["2026-03"], headerRow: 4 });
    const n = (agent: string, type: string) => read.events.filter((e) => e.agent === agent && e.type === type).length;
    // 李娜's morning 缺卡 is covered by her approved morning 调休 (RULES.md: an approval replaces the 缺卡 of the
    // hours it covers): one half swap day, no forgotten registration besides.
    expect([n("小王", "late"), n("小王", "missed-punch"), n("李娜", "swap"), n("李娜", "missed-punch")]).toEqual([
      1, 1, 1, 0,
    ]);
    expect(read.events.find((e) => e.agent === "李娜" && e.type === "swap")!.days).toBe(0.5);
    expect(read.resigned).toContain("李娜");
    expect([n("張偉", "late"), n("張偉", "unauthorised"), n("張偉", "leave"), n("張偉", "rest")]).toEqual([1, 1, 1, 1]);
    expect(read.sheets.every((s) => s.rows.placed === s.rows.data)).toBe(true);
    expect(read.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});
