/** Fields of punch sheets (no imports: `read/fields.ts` spreads these into its labels). */
export const PUNCH_FIELD_LABELS: Record<string, string> = {
  punchTime: "打卡时间",
  punchDate: "考勤日期",
  punchClock: "打卡时刻",
  punchValid: "是否有效",
  punchResult: "打卡结果(核对)",
  punchPlace: "打卡地点",
  punchDevice: "打卡设备",
  punchKind: "打卡类型",
  punchPlanned: "应打卡时间",
  punchInfo: "打卡附加信息",
  clockLate: "迟到(打卡机,核对)",
  clockEarly: "早退(打卡机,核对)",
  clockAbsent: "是否旷工(打卡机,核对)",
};
