import type { Scheme } from "../score/scheme";

/** 拼多多 10分制 — seed 000_27f41c8daf00f4aa.txt, as RULES.md reads it. */
export const pdd10: Scheme = {
  id: "pdd-10", name: "拼多多 10分制", unit: "points", base: 10, okLabel: "正常",
  seed: "000_27f41c8daf00f4aa.txt", params: {},
  note: "每人每月基础 10 分，扣完可为负数（不封底）。",
  rules: [
    { id: "late-convert", label: "迟到超过30分钟算缺勤", events: ["late"], kind: "convert", unit: "points", sign: -1, params: { above: 30, to: "absence" },
      note: "迟到一次0.5分;超过30分钟以上算缺勤。恰好30分钟仍按迟到。" },
    { id: "leave-allowance", label: "请假/调休每月4次", events: ["leave", "swap", "missed-punch"], kind: "allowance", unit: "points", sign: -1, params: { free: 4, to: "absence" },
      note: "每月可有4次调休,超过4次的,每请假一次按缺勤一次扣分;对忘记登记者按调休记录。按日计次，半天也算一次；病假、事假都算请假；年假等法定假不占次数。" },
    { id: "late", label: "迟到", events: ["late"], kind: "each", unit: "points", sign: -1, params: { amount: 0.5 }, note: "迟到一次0.5分" },
    { id: "absence", label: "缺勤", events: ["absence"], kind: "each", unit: "points", sign: -1, params: { amount: 2 }, note: "缺勤一次2分（含超时迟到、超出4次的请假）" },
    { id: "unauthorised", label: "旷工", events: ["unauthorised"], kind: "each", unit: "points", sign: -1, params: { amount: 5 },
      note: "旷工一次扣5分；私自离岗未做好调班、未经请示自行休息按旷工处理" },
    { id: "not-logged-in", label: "未登录在线客服", events: ["not-logged-in"], kind: "every-n", unit: "points", sign: -1, params: { n: 3, amount: 5 },
      note: "每月累计3次…则扣5分：每满3次扣5分，不满3次不扣" },
    { id: "slow-response", label: "未及时应答被投诉", events: ["slow-response"], kind: "tiers", unit: "points", sign: -1, params: { per: 0, steps: "3:5,5:10" },
      note: "投诉达到3次的,扣5分,达到5次的,扣10分；客户或同事投诉都算；超过5次每次不再加扣" },
    { id: "bad-attitude", label: "服务态度恶劣", events: ["bad-attitude"], kind: "tiers", unit: "points", sign: -1, params: { per: 1, steps: "3:5,5:10" },
      note: "每次扣1分,达到3次的扣5分,达到5次的扣10分；第6次起每次再扣1分（1,2,5,6,10,11…）" },
    { id: "unfinished", label: "未完成当日工作", events: ["unfinished"], kind: "range", unit: "points", sign: -1, params: { min: 0, max: 1, default: 0.5 },
      note: "口头批评或扣0.5-1分；表里写了扣分按所写（0 = 口头批评，记录在案），空白按0.5分" },
  ],
  bands: [
    { level: 1, label: "口头警告", metric: "score", op: "<=", value: 5, note: "当月等于或低于5分，口头警告" },
    { level: 2, label: "处罚", metric: "score", op: "<=", value: 2, note: "等于或低于2分，公司将做出处罚" },
    { level: 3, label: "严重处罚", consecutive: { months: 3, levelAtLeast: 1 },
      note: "原文“连续3个月等于或低于58分”在10分制下不可能按字面理解；默认按警告线（5分）：连续3个月在5分及以下即严重处罚。可在此改月数。" },
  ],
};
