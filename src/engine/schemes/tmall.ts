import type { Scheme } from "../score/scheme";

const SEED = "003_ddf6a69f0ef32dbe.txt";

/** 天猫 30分制 — seed 003, 客服奖惩制度方案二. */
export const tmall30: Scheme = {
  id: "tmall-30", name: "天猫 30分制", unit: "points", base: 30, okLabel: "正常", seed: SEED,
  params: { bonusLine: 25, bonusPerPoint: 1 },
  note: "每人每月基础 30 分。扣分项当月第一次为警告（记录，不扣分），第二次起每次扣分。25分及以上每高出1分奖金加 bonusPerPoint%。",
  rules: [
    { id: "sales-rank", label: "销售额排名", events: ["metric"], kind: "rank", unit: "points", sign: 1, params: { metric: "sales", awards: "5,3,1" },
      note: "接单成交总金额第一名+5分（金牌客服）、第二名+3分、第三名+1分；并列同享较好名次；可把 metric 改为 conversion 或 churn" },
    { id: "clean-month", label: "当月扣分不超过2次", events: [], kind: "clean-month", unit: "points", sign: 1, params: { max: 2, bonus: 3 },
      note: "当月扣分次数≤2次奖励3分；警告不算扣分" },
    { id: "praise", label: "评价中被客户表扬", events: ["praise"], kind: "each", unit: "points", sign: 1, params: { amount: 3 }, note: "每次+3分" },
    { id: "major-problem", label: "及时上报重大问题", events: ["major-problem"], kind: "each", unit: "points", sign: 1, params: { amount: 5 }, note: "每次+5分" },
    { id: "suggestion", label: "建议被采纳", events: ["suggestion"], kind: "each", unit: "points", sign: 1, params: { amount: 3 }, note: "每次+3分" },
    { id: "attitude", label: "态度恶劣/轻浮被投诉", events: ["bad-attitude", "quarrel"], kind: "first-warning", unit: "points", sign: -1, params: { amount: 1 }, note: "第一次警告，之后每次−1分" },
    { id: "remark", label: "备注不清导致售后问题", events: ["remark-unclear"], kind: "first-warning", unit: "points", sign: -1, params: { amount: 1 }, note: "第一次警告，之后每次−1分；快递异常责任在客服的也计入此项" },
    { id: "discount", label: "私自大额优惠", events: ["private-discount"], kind: "first-warning", unit: "points", sign: -1, params: { amount: 2 }, note: "第一次警告，之后每次−2分" },
    { id: "blame", label: "推卸责任", events: ["shifting-blame"], kind: "first-warning", unit: "points", sign: -1, params: { amount: 1 }, note: "第一次警告，之后每次−1分" },
    { id: "major-error", label: "重大失误造成重大损失", events: ["major-error"], kind: "each", unit: "points", sign: -1, params: { amount: 10, action: "留司查看" }, note: "每次−10分，留司查看" },
  ],
  bands: [
    { level: 1, label: "扣奖金10%", metric: "score", op: "<", value: 25, bonusCutPercent: 10, note: "低于25分" },
    { level: 2, label: "扣奖金30%", metric: "score", op: "<", value: 20, bonusCutPercent: 30, note: "低于20分" },
    { level: 3, label: "取消当月奖金", metric: "score", op: "<", value: 15, bonusCutPercent: 100, note: "低于15分" },
  ],
};

/** 天猫 130分 KPI — seed 003, 客服奖惩制度方案三. */
export const tmall130: Scheme = {
  id: "tmall-130", name: "天猫 130分KPI", unit: "points", base: 30, okLabel: "合格", seed: SEED,
  params: { total: 130, passPercent: 70 },
  note: "总分130，低于70%（91分）不合格，无KPI奖金。原文只列出了其中100分的项目：其余30分在店铺补充项目之前按满分计入基础分（base=30）；店铺可在规则表里补充项目并把基础分改为0，或把及格线改小。",
  rules: [
    { id: "g-quality", label: "售后客服素质", events: ["grade"], kind: "grade", unit: "points", sign: 1, params: { item: "gradeQuality", map: "优=20,良=15,中=10,差=0" }, note: "优20 良15 中10 差0" },
    { id: "g-complaints", label: "投诉维权举报退款纠纷", events: ["grade"], kind: "grade", unit: "points", sign: 1, params: { item: "gradeComplaints", map: "优=20,良=15,中=10,差=0" }, note: "优20 良15 中10 差0" },
    { id: "g-cooperation", label: "配合度", events: ["grade"], kind: "grade", unit: "points", sign: 1, params: { item: "gradeCooperation", map: "优=20,良=15,中=10,差=0" }, note: "优20 良15 中10 差0" },
    { id: "g-execution", label: "执行力", events: ["grade"], kind: "grade", unit: "points", sign: 1, params: { item: "gradeExecution", map: "优=20,良=15,中=10,差=0" }, note: "优20 良15 中10 差0" },
    { id: "attendance", label: "出勤率", events: [], kind: "capped-item", unit: "points", sign: 1, params: { max: 20, item: "attendance" }, note: "出勤率项满分20分，扣到0为止" },
    { id: "a-late", label: "迟到", events: ["late"], kind: "each", unit: "points", sign: -1, item: "attendance", params: { amount: 5 }, note: "出勤率项：迟到每次−5" },
    { id: "a-leave", label: "请假", events: ["leave", "swap"], kind: "each", unit: "points", sign: -1, item: "attendance", params: { amount: 5 }, note: "出勤率项：请假每次−5（按日计）" },
    { id: "a-absent", label: "旷工", events: ["unauthorised", "absence"], kind: "each", unit: "points", sign: -1, item: "attendance", params: { amount: 10 }, note: "出勤率项：旷工每次−10" },
    { id: "low-review", label: "售后导致低质评价", events: ["low-quality-review"], kind: "each", unit: "points", sign: -1, params: { amount: 5 }, note: "每次−5" },
    { id: "complaint", label: "查实的客户投诉", events: ["verified-complaint", "complaint", "bad-attitude", "quarrel", "slow-response"], kind: "range", unit: "points", sign: -1, params: { min: 5, max: 20, default: 5 }, note: "每次扣5~20分，表里没写按5分" },
    { id: "praise", label: "客户表扬", events: ["praise"], kind: "each", unit: "points", sign: 1, params: { amount: 2 }, note: "每次+2" },
    { id: "outstanding", label: "表现突出", events: ["outstanding"], kind: "range", unit: "points", sign: 1, params: { min: 2, max: 5, default: 2 }, note: "+2~5分，表里没写按2分" },
  ],
  bands: [
    { level: 1, label: "不合格（无KPI奖金）", metric: "score", op: "<", value: 91, bonusCutPercent: 100, note: "低于总分70%（130×70%=91）" },
  ],
};

/** 天猫激励券制 — seed 003, 客服奖惩制度方案一. */
export const tmallVouchers: Scheme = {
  id: "tmall-vouchers", name: "天猫 激励券制", unit: "vouchers", base: 0, okLabel: "正常", seed: SEED, params: {},
  note: "激励券累计发放；罚款（元）存入基金箱。连续两个月店铺第一、连续四周计划完成80%以上的奖励，由主管在表里登记。",
  rules: [
    { id: "suggestion", label: "建议被采纳", events: ["suggestion"], kind: "range", unit: "vouchers", sign: 1, params: { min: 3, max: 10, default: 3 }, note: "3~10张" },
    { id: "sales-case", label: "周会分享优秀销售案例", events: ["sales-case"], kind: "range", unit: "vouchers", sign: 1, params: { min: 3, max: 10, default: 3 }, note: "3~10张" },
    { id: "group-answer", label: "群内积极解答", events: ["group-answer"], kind: "range", unit: "vouchers", sign: 1, params: { min: 3, max: 5, default: 3 }, note: "3~5张" },
    { id: "weekly-done", label: "周工作按时完成", events: ["weekly-done"], kind: "range", unit: "vouchers", sign: 1, params: { min: 3, max: 5, default: 3 }, note: "每周3~5张" },
    { id: "unhandled", label: "售后问题未处理造成持续影响", events: ["unhandled-aftersale"], kind: "group-fine", unit: "yuan", sign: -1,
      params: { amount: 100, from: 1, solo: 0, actionAt: 3, action: "自动离职" }, note: "班组每人罚100元；第3次起当事人自动离职" },
    { id: "dispute", label: "纠纷未跟进到底或未上报", events: ["dispute-unfollowed"], kind: "group-fine", unit: "yuan", sign: -1,
      params: { amount: 200, from: 3, solo: 100 }, note: "当事人罚100元；第3次起班组每人罚200元" },
  ],
  bands: [
    { level: 1, label: "有罚款", metric: "fineYuan", op: ">", value: 0 },
    { level: 2, label: "自动离职", metric: "actions", op: ">", value: 0 },
  ],
};
