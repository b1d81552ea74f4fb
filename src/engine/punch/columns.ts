import { fold } from "../text";

/**
 * Header words of punch logs, from the documented exports: DingTalk 原始记录 (姓名, 部门, 工号, 职位,
 * UserId, 考勤日期, 考勤时间, 打卡时间, 打卡结果, 打卡地址, 打卡备注, 异常打卡原因, 打卡图片, 打卡设备,
 * 管理员修改备注), WeCom 打卡明细 (时间, 姓名, 账号, 部门, 打卡类型, 应打卡时间, 实际打卡时间, 打卡状态,
 * 打卡地点, 打卡设备), ZKTeco / 中控 (部门, 姓名, 考勤号码 / 登记号码, 日期时间, 机器号, 编号, 比对方式,
 * 卡号), app logs (打卡时间, 打卡地点, 来源, 是否有效, 设备). Matched on folded text, first rule wins.
 */
const RULES: [RegExp, string][] = [
  [/^(是否有效|有效|有效性|是否有效打卡)$/, "punchValid"],
  [/^(考勤号码|登记号码|考勤号|ac-?no\.?)$/, "empId"],
  [/^(打卡时间|实际打卡时间|日期时间|刷卡时间|签卡时间|打卡日期时间|时间戳|checktime|datetime)$/, "punchTime"],
  [/^(考勤日期|打卡日期|日期|date)$/, "punchDate"],
  [/^(考勤时间|应打卡时间|标准时间|规定时间)$/, "punchPlanned"],
  [/^(打卡结果|打卡状态|考勤结果|状态)$/, "punchResult"],
  [/^(打卡地点|打卡地址|地点|位置|打卡位置)$/, "punchPlace"],
  [/^(设备|打卡设备|机器号|设备号|设备名称|终端)$/, "punchDevice"],
  [/^(打卡类型|类型|签到类型|进出)$/, "punchKind"],
  [/^(迟到|迟到分钟|迟到时间|迟到时长)$/, "clockLate"],
  [/^(早退|早退分钟|早退时间|早退时长)$/, "clockEarly"],
  [/^(是否旷工|旷工)$/, "clockAbsent"],
  [
    /^(来源|打卡来源|编号|比对方式|验证方式|卡号|职位|userid|打卡备注|异常打卡原因|打卡图片\d*|管理员修改备注.*|所属规则|考勤组|序号)$/,
    "punchInfo",
  ],
];

export function punchField(label: string): string | null {
  const f = fold(label).replace(/[:：]$/, "");
  for (const [re, field] of RULES) if (re.test(f)) return field;
  return null;
}

/** Header words that only punch logs have: with them, two rows per person-day are enough to call it a log. */
export const PUNCH_HINT =
  /打卡时间|日期时间|刷卡时间|是否有效|设备|机器号|打卡地点|打卡地址|打卡类型|考勤号码|登记号码|比对方式/;
