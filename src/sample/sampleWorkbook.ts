import ExcelJS from "exceljs";

/**
 * A realistic shop workbook, as a manager keeps one: a roster, October as long-form
 * attendance, September as a symbol matrix with 上午/下午 rows and a legend, complaints with
 * Traditional headers and free-text reasons, express incidents, fines and fund-box spends.
 */
export async function buildSampleWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  addRoster(wb);
  addOctoberLog(wb);
  addSeptemberMatrix(wb);
  addComplaints(wb);
  addCourierIncidents(wb);
  addFines(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

function addRoster(wb: ExcelJS.Workbook) {
  const roster = wb.addWorksheet("花名册");
  roster.addRow(["客服花名册（2026）"]);
  roster.mergeCells("A1:F1");
  roster.addRow(["工号", "姓名", "旺旺", "组别", "岗位", "入职日期"]);
  for (const r of [
    ["007", "小王", "萌萌旗舰店:小王", "售前A组", "售前", d(2025, 3, 1)],
    ["008", "李娜", "萌萌旗舰店:李娜", "售前A组", "售前", d(2025, 5, 12)],
    ["009", "張偉", "萌萌旗舰店:阿伟", "售后B组", "售后", d(2024, 11, 2)],
    ["010", "陈静", "萌萌旗舰店:静静", "售后B组", "售后", d(2026, 1, 6)],
    ["011", "刘洋", "萌萌旗舰店:洋洋", "售前A组", "综合", d(2026, 6, 18)],
  ])
    roster.addRow(r);
  roster.getColumn(1).numFmt = "@";
}

function addOctoberLog(wb: ExcelJS.Workbook) {
  const oct = wb.addWorksheet("10月考勤");
  oct.addRow(["2026年10月 客服考勤记录"]);
  oct.mergeCells("A1:E1");
  oct.addRow(["日期", "姓名", "状态", "迟到分钟", "备注"]);
  const octRows: [ExcelJS.CellValue, string, string, number | null, string][] = [
    [d(2026, 10, 2), "小王", "迟到", 10, ""],
    [d(2026, 10, 6), "小王 ", "迟到", 30, "恰好30分钟"],
    [d(2026, 10, 9), "萌萌旗舰店:小王", "迟到", 45, "堵车"],
    [d(2026, 10, 12), "小王", "事假", null, ""],
    [d(2026, 10, 13), "小王", "病假", null, ""],
    [d(2026, 10, 19), "小王", "调休", null, ""],
    [d(2026, 10, 20), "小王", "未打卡", null, "忘记登记"],
    [d(2026, 10, 26), "小王", "请假", null, "第5次"],
    [d(2026, 10, 28), "小王", "旷工", null, "私自离岗"],
    [d(2026, 10, 3), "李娜", "迟到", 5, ""],
    [d(2026, 10, 15), "李娜", "年假", null, "年假不扣分"],
    [d(2026, 10, 16), "李娜", "早退", null, ""],
    ["2026/10/8", "張偉", "迟到", 8, ""],
    ["10月21日", "张伟", "正常", null, ""],
    [d(2026, 10, 22), "陈静", "正常", null, ""],
    [d(2026, 10, 23), "刘洋", "出差", null, "去仓库"],
    [d(2026, 10, 24), "王小明", "迟到", 3, "临时工"],
    ["10月32日", "陈静", "迟到", 5, ""],
  ];
  for (const r of octRows) oct.addRow(r);
  oct.getColumn(1).numFmt = "yyyy-mm-dd";
}

function addSeptemberMatrix(wb: ExcelJS.Workbook) {
  const sep = wb.addWorksheet("9月考勤");
  sep.addRow(["2026年9月考勤表"]);
  sep.mergeCells("A1:AH1");
  const days = Array.from({ length: 30 }, (_, i) => i + 1);
  sep.addRow(["姓名", "时段", ...days, "出勤天数", "迟到次数"]);
  const wk = "二三四五六日一";
  sep.addRow(["", "", ...days.map((x) => wk[(x - 1) % 7]), "", ""]);
  const people: [string, string[], string[]][] = [
    ["小王", mk(30, { 3: "※", 8: "○", 15: "×" }), mk(30, { 8: "○", 15: "×" })],
    ["李娜", mk(30, { 10: "☆" }), mk(30, { 10: "☆", 11: "◇" })],
    ["張偉", mk(30, { 2: "※", 9: "※", 16: "※", 23: "※" }), mk(30, {})],
    ["陈静", mk(30, { 5: "÷" }), mk(30, { 5: "÷" })],
    ["刘洋", mk(30, { 20: "＃" }), mk(30, { 20: "＃", 21: "?" })],
  ];
  for (const [name, am, pm] of people) {
    const r1 = sep.addRow([name, "上午", ...am]).number;
    sep.addRow(["", "下午", ...pm]);
    sep.mergeCells(r1, 1, r1 + 1, 1);
    // The classic template's COUNTIF totals: cached results, never events.
    sep.getCell(r1, 33).value = {
      formula: `COUNTIF(C${r1}:AF${r1 + 1},"√")/2`,
      result: am.concat(pm).filter((x) => x === "√").length / 2,
    };
    sep.getCell(r1, 34).value = {
      formula: `COUNTIF(C${r1}:AF${r1 + 1},"※")`,
      result: am.concat(pm).filter((x) => x === "※").length,
    };
  }
  sep.addRow([]);
  sep.addRow(["注：√出勤 ●休假 ○事假 ☆病假 ※迟到 ◇早退 ×旷工 △出差 ÷年休 ＃加班调/补休"]);
}

function addComplaints(wb: ExcelJS.Workbook) {
  const comp = wb.addWorksheet("投訴登記");
  comp.addRow(["投訴與中差評登記表"]);
  comp.addRow(["日期", "客服", "投訴原因", "來源", "是否查實", "處理狀態", "訂單號"]);
  for (const r of [
    [d(2026, 10, 4), "張偉", "顾客投诉态度差", "客户", "是", "已处理", "3920000001"],
    [d(2026, 10, 11), "張偉", "服務態度惡劣，跟買家吵", "客户", "是", "已处理", "3920000002"],
    [d(2026, 10, 18), "阿伟", "态度不耐烦", "客户", "是", "处理中", "3920000003"],
    [d(2026, 10, 5), "李娜", "回复太慢被投诉", "同事", "是", "已处理", ""],
    [d(2026, 10, 7), "李娜", "未及时回复", "客户", "否", "已处理", ""],
    [d(2026, 10, 25), "陈静", "没备注导致发错货", "客户", "是", "已处理", "3920000009"],
    [d(2026, 10, 27), "刘洋", "客户说话难听", "客户", "是", "", ""],
  ])
    comp.addRow(r);
}

function addCourierIncidents(wb: ExcelJS.Workbook) {
  const exp = wb.addWorksheet("快递异常");
  exp.addRow(["日期", "快递单号", "快递公司", "问题类型", "理赔金额", "责任方", "责任人", "状态"]);
  for (const r of [
    [d(2026, 10, 3), "0007731234567", "中通快递", "丢件", "¥50.00", "快递", "", "待扣款"],
    [d(2026, 10, 9), "4312000001", "韵达速递", "破损", 30, "快递", "", "待扣款"],
    [d(2026, 10, 14), "4312000002", "韵达", "丢件", "80元", "快递", "", "已理赔"],
    [d(2026, 10, 20), "EA123456789CN", "EMS", "延误", 10, "", "", "待扣款"],
    [d(2026, 10, 22), "YT0099887766", "圆通速递", "错发", 25, "客服", "陈静", "待扣款"],
    [d(2026, 10, 29), "4312000003", "韵达快递", "破损", "４０", "快递", "", "待扣款"],
  ])
    exp.addRow(r);
  exp.getColumn(2).numFmt = "@";
}

function addFines(wb: ExcelJS.Workbook) {
  const fines = wb.addWorksheet("罚款登记");
  fines.addRow(["部门基金箱登记"]);
  fines.addRow(["日期", "姓名", "事由", "金额", "类型", "备注"]);
  for (const r of [
    [d(2026, 9, 1), "", "上月结余", 120, "期初", ""],
    [d(2026, 9, 12), "张伟", "上班打游戏", 10, "罚款", ""],
    [d(2026, 9, 28), "", "买零食", 30, "支出", "中秋"],
    [d(2026, 10, 10), "小王", "交接班忘记交接", 10, "罚款", ""],
    [d(2026, 10, 17), "李娜", "桌面卫生没打扫", 10, "罚款", ""],
    [d(2026, 10, 30), "", "团建聚餐", 60, "支出", ""],
    [d(2026, 10, 30), "刘洋", "建议被采纳", 50, "奖励", "公司发放"],
  ])
    fines.addRow(r);
}

function mk(n: number, marks: Record<number, string>): string[] {
  // Sundays (every 7th day from 6 Sep 2026) are rest days, left blank as shops do.
  return Array.from({ length: n }, (_, i) => marks[i + 1] ?? ((i + 1 - 6) % 7 === 0 ? "" : "√"));
}
