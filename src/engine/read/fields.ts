import type { Role } from "../types";

/**
 * Canonical fields and the header words that name them, in folded form
 * (Simplified, half-width, no spaces, lower case; see text.fold). Traditional headers fold
 * onto these. Units in brackets are stripped before lookup, so `迟到时长(分钟)` finds `迟到时长`.
 */
export const FIELD_SYNONYMS: Record<string, string[]> = {
  name: ["姓名", "名字", "客服", "客服姓名", "客服名称", "员工", "员工姓名", "人员", "被投诉客服", "被投诉人", "当事人", "name", "agent", "staff", "成员"],
  empId: ["工号", "员工编号", "员工号", "编号", "员工id", "userid", "employeeid", "id"],
  account: ["旺旺", "旺旺号", "旺旺昵称", "子账号", "账号", "账户", "客服账号", "千牛账号", "客服昵称", "昵称", "account"],
  group: ["组别", "班组", "小组", "考勤组", "分组", "group", "team"],
  dept: ["部门", "department"],
  position: ["岗位", "职位", "岗位类型", "position", "role"],
  shift: ["班次", "班别", "shift"],
  hireDate: ["入职日期", "入职时间"],
  leaveDate: ["离职日期", "离职时间"],
  date: ["日期", "时间", "打卡时间", "发货日期", "考勤日期", "投诉日期", "发生日期", "登记日期", "评价日期", "工作日期", "打卡日期", "date", "day"],
  status: ["状态", "考勤状态", "考勤结果", "出勤状态", "出勤情况", "打卡结果", "status"],
  statusIn: ["上班1打卡结果", "上班打卡结果", "签到结果"],
  statusOut: ["下班1打卡结果", "下班打卡结果", "签退结果"],
  lateMinutes: ["迟到分钟", "迟到时长", "迟到分钟数", "迟到"],
  earlyMinutes: ["早退时长", "早退分钟", "早退分钟数"],
  clockIn: ["上班打卡", "上班1打卡时间", "上班打卡时间", "签到时间", "上班时间"],
  clockOut: ["下班打卡", "下班1打卡时间", "下班打卡时间", "签退时间", "下班时间"],
  approval: ["关联的审批单", "假勤申请", "审批单", "审批"],
  note: ["备注", "说明", "remark", "remarks", "note"],
  lateCount: ["迟到次数"],
  seriousLateCount: ["严重迟到次数"],
  absentCount: ["旷工次数", "旷工天数"],
  missedCount: ["缺卡次数", "上班缺卡次数"],
  earlyCount: ["早退次数"],
  personalLeave: ["事假"],
  sickLeave: ["病假"],
  swapLeave: ["调休", "调休假"],
  annualLeave: ["年假"],
  reason: ["原因", "投诉原因", "事由", "问题描述", "评价内容", "内容", "投诉内容", "违规事项", "事项", "reason", "description", "罚款原因", "奖惩事由"],
  type: ["类型", "投诉类型", "类别", "分类", "type", "收支类型", "奖惩类型"],
  source: ["来源", "投诉来源", "source"],
  verified: ["是否查实", "查实", "是否属实", "核实", "是否核实"],
  points: ["扣分", "分值", "扣分值", "分数", "得分", "points"],
  handleStatus: ["处理状态", "处理结果", "处理情况"],
  handleDate: ["处理日期", "处理时间", "处理完成日期"],
  orderNo: ["订单号", "订单编号", "order"],
  trackingNo: ["快递单号", "运单号", "物流单号", "单号"],
  courier: ["快递公司", "快递", "物流公司", "承运商", "courier"],
  problem: ["问题类型", "异常类型", "问题", "异常"],
  amount: ["金额", "理赔金额", "赔付金额", "赔偿金额", "罚款金额", "罚款", "数额", "支出金额", "amount", "元"],
  responsible: ["责任方", "责任归属"],
  responsiblePerson: ["责任人", "责任客服"],
  measureSeconds: ["延迟秒数", "响应秒数", "首次响应时长", "招呼延迟", "延迟"],
  days: ["天数", "请假天数", "时长(天)"],
  sales: ["销售额", "客服销售额", "下单金额", "成交金额", "接单成交总金额", "销售金额", "sales"],
  conversion: ["询单转化率", "转化率"],
  churn: ["流失率"],
  responseTime: ["平均响应时长", "平均响应时间"],
  satisfied: ["满意"],
  neutral: ["一般"],
  disappointed: ["失望"],
  badAttitudeReviews: ["服务态度差"],
  gradeQuality: ["售后客服素质", "客服素质"],
  gradeComplaints: ["投诉维权举报退款纠纷", "纠纷处理"],
  gradeCooperation: ["配合度"],
  gradeExecution: ["执行力"],
};

/** Chinese names of the fields, for the mapping table a manager reads. */
export const FIELD_LABELS: Record<string, string> = {
  name: "姓名", empId: "工号", account: "账号", group: "组别", dept: "部门", position: "岗位", shift: "班次",
  hireDate: "入职日期", leaveDate: "离职日期", date: "日期", status: "状态", statusIn: "上班打卡结果",
  statusOut: "下班打卡结果", lateMinutes: "迟到分钟", earlyMinutes: "早退分钟", clockIn: "上班打卡",
  clockOut: "下班打卡", approval: "审批单", note: "备注", lateCount: "迟到次数", seriousLateCount: "严重迟到次数",
  absentCount: "旷工次数", missedCount: "缺卡次数", earlyCount: "早退次数", personalLeave: "事假(天)",
  sickLeave: "病假(天)", swapLeave: "调休(天)", annualLeave: "年假(天)", reason: "原因", type: "类型",
  source: "来源", verified: "是否查实", points: "扣分", handleStatus: "处理状态", handleDate: "处理日期",
  orderNo: "订单号", trackingNo: "快递单号", courier: "快递公司", problem: "问题类型", amount: "金额",
  responsible: "责任方", responsiblePerson: "责任人", measureSeconds: "延迟秒数", days: "天数", sales: "销售额",
  conversion: "转化率", churn: "流失率", responseTime: "平均响应时长", satisfied: "满意", neutral: "一般",
  disappointed: "失望", badAttitudeReviews: "服务态度差", gradeQuality: "售后客服素质",
  gradeComplaints: "投诉纠纷处理", gradeCooperation: "配合度", gradeExecution: "执行力", day: "日",
};

/** How much each field says about a sheet's role. */
export const ROLE_SIGNALS: Record<Exclude<Role, "none">, Partial<Record<string, number>>> = {
  attendance: { status: 3, statusIn: 4, statusOut: 4, lateMinutes: 3, earlyMinutes: 2, clockIn: 3, clockOut: 3, approval: 2, lateCount: 3, absentCount: 3, missedCount: 3, personalLeave: 2, sickLeave: 2, swapLeave: 2, shift: 1 },
  complaints: { reason: 2, type: 1, source: 2, verified: 3, points: 2, handleStatus: 3, handleDate: 2, orderNo: 2, measureSeconds: 2 },
  express: { trackingNo: 5, courier: 5, problem: 2, responsible: 2, responsiblePerson: 1 },
  fines: { amount: 3, reason: 1, type: 1 },
  roster: { empId: 2, account: 2, group: 2, position: 2, hireDate: 3, leaveDate: 2, dept: 1 },
  performance: { sales: 4, conversion: 4, churn: 3, responseTime: 3, satisfied: 3, neutral: 2, disappointed: 3, badAttitudeReviews: 2, gradeQuality: 4, gradeComplaints: 4, gradeCooperation: 4, gradeExecution: 4 },
};

/** Sheet-name words that hint at a role (checked after headers). */
export const ROLE_NAME_HINTS: [Exclude<Role, "none">, RegExp][] = [
  ["attendance", /考勤|出勤|打卡|每日统计|月度汇总|日报/],
  ["complaints", /投诉|评价|中差评|差评/],
  ["express", /快递|物流|丢件|理赔/],
  ["fines", /罚款|基金|奖惩/],
  ["roster", /花名册|名单|人员|roster/i],
  ["performance", /绩效|数据|销售|kpi/i],
];

export const ROLE_LABELS: Record<Role, string> = {
  roster: "花名册", attendance: "考勤", complaints: "投诉/评价", express: "快递异常", fines: "罚款/基金",
  performance: "绩效数据", none: "未识别",
};
