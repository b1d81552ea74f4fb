/**
 * The one vocabulary of event types. Every event the reader makes, every rule a scheme attaches,
 * every label a generated tab shows comes from this table; code elsewhere names a type as `E.late`,
 * never as a string literal. Adding an event type is one row here (and its test in events.test.ts).
 */

/** What kind of fact an event is; decides where it is counted when no rule prices it. */
export type EventGroup =
  /** An attendance mark, counted per agent-day. */
  | "attendance"
  /** Conduct a scheme may deduct for. */
  | "conduct"
  /** A complaint or review about an agent (also counted in 分析 by reason). */
  | "complaint"
  /** Something a scheme may reward. */
  | "reward"
  /** A record, not conduct: figures, grades, money, parcels; never "counted, not scored". */
  | "record";

export interface EventDef {
  /** The id written in schemes and the 规则 tab. */
  id: string;
  /** What a manager reads (规则, 评分表, 明细, 分析). */
  label: string;
  group: EventGroup;
  /** What the event's `measure` holds, when it has one. */
  measure?: "分钟" | "秒" | "天";
  /** Statutory leave, trips and ordinary days: never deducted nor counted against an allowance (RULES.md). */
  neverDeducted?: boolean;
  /** A performance column whose number is this event's points (tmall-130's 表现突出 +2…5). */
  fromPerformance?: string;
}

const def = <const T extends Record<string, EventDef>>(t: T) => t;

/** Keyed by a code-friendly name; `id` is what schemes and the 规则 tab write. */
export const EVENTS = def({
  present: { id: "present", label: "出勤", group: "attendance", neverDeducted: true },
  rest: { id: "rest", label: "休息", group: "attendance", neverDeducted: true },
  overtime: { id: "overtime", label: "加班", group: "attendance", neverDeducted: true },
  late: { id: "late", label: "迟到", group: "attendance", measure: "分钟" },
  early: { id: "early", label: "早退", group: "attendance", measure: "分钟" },
  absence: { id: "absence", label: "缺勤", group: "attendance" },
  unauthorised: { id: "unauthorised", label: "旷工", group: "attendance" },
  leave: { id: "leave", label: "请假", group: "attendance", measure: "天" },
  swap: { id: "swap", label: "调休", group: "attendance", measure: "天" },
  missedPunch: { id: "missed-punch", label: "缺卡/忘记登记", group: "attendance" },
  statutory: { id: "statutory", label: "法定假", group: "attendance", measure: "天", neverDeducted: true },
  trip: { id: "trip", label: "出差/外出", group: "attendance", neverDeducted: true },
  notLoggedIn: { id: "not-logged-in", label: "未登录在线客服", group: "conduct" },
  slowResponse: { id: "slow-response", label: "未及时应答", group: "complaint" },
  badAttitude: { id: "bad-attitude", label: "服务态度恶劣", group: "complaint" },
  unfinished: { id: "unfinished", label: "未完成当日工作", group: "conduct" },
  handover: { id: "handover", label: "未交接", group: "conduct" },
  greetingDelay: { id: "greeting-delay", label: "未在30秒内招呼", group: "complaint", measure: "秒" },
  complaint: { id: "complaint", label: "买家投诉", group: "complaint" },
  quarrel: { id: "quarrel", label: "与买家吵架", group: "complaint" },
  unrelatedActivity: { id: "unrelated-activity", label: "上班做无关的事", group: "conduct" },
  desk: { id: "desk", label: "卫生未清洁", group: "conduct" },
  leak: { id: "leak", label: "泄露同事联系方式", group: "conduct" },
  noIdRemark: { id: "no-id-remark", label: "订单未备注工号", group: "conduct" },
  suggestion: { id: "suggestion", label: "建议被采纳", group: "reward" },
  praise: { id: "praise", label: "客户表扬/好评", group: "reward" },
  majorProblem: { id: "major-problem", label: "及时上报重大问题", group: "reward" },
  remarkUnclear: { id: "remark-unclear", label: "备注不清", group: "complaint" },
  privateDiscount: { id: "private-discount", label: "私自大幅优惠", group: "complaint" },
  shiftingBlame: { id: "shifting-blame", label: "推卸责任", group: "complaint" },
  majorError: { id: "major-error", label: "重大失误", group: "conduct" },
  lowQualityReview: { id: "low-quality-review", label: "低质评价", group: "complaint" },
  verifiedComplaint: { id: "verified-complaint", label: "查实的客户投诉", group: "complaint" },
  outstanding: { id: "outstanding", label: "表现突出", group: "reward", fromPerformance: "outstanding" },
  salesCase: { id: "sales-case", label: "优秀销售案例", group: "reward" },
  groupAnswer: { id: "group-answer", label: "群内积极解答", group: "reward" },
  weeklyDone: { id: "weekly-done", label: "周工作按时完成", group: "reward" },
  unhandledAftersale: { id: "unhandled-aftersale", label: "售后问题未处理", group: "conduct" },
  disputeUnfollowed: { id: "dispute-unfollowed", label: "纠纷未跟进/未上报", group: "conduct" },
  fine: { id: "fine", label: "其他罚款", group: "record" },
  rewardYuan: { id: "reward-yuan", label: "奖励(公司发放)", group: "record" },
  fundSpend: { id: "fund-spend", label: "基金箱支出", group: "record" },
  fundOpening: { id: "fund-opening", label: "基金箱期初", group: "record" },
  express: { id: "express", label: "快递异常", group: "record" },
  metric: { id: "metric", label: "绩效数据", group: "record" },
  grade: { id: "grade", label: "评级", group: "record" },
  /** Lines the engine makes itself: a capped item's total, a month-level bonus. */
  itemTotal: { id: "item-total", label: "项目得分", group: "record" },
  monthBonus: { id: "month-bonus", label: "本月汇总", group: "record" },
});

export type EventKey = keyof typeof EVENTS;
export type EventType = (typeof EVENTS)[EventKey]["id"];

/** `E.missedPunch` → "missed-punch": how code names an event type. */
export const E = Object.fromEntries(Object.entries(EVENTS).map(([k, d]) => [k, d.id])) as {
  readonly [K in EventKey]: (typeof EVENTS)[K]["id"];
};

const BY_ID = new Map<string, EventDef>(Object.values(EVENTS).map((d) => [d.id, d]));
export const EVENT_IDS: string[] = [...BY_ID.keys()];

export const eventDef = (id: string): EventDef | undefined => BY_ID.get(id);
export const isEventType = (id: string): id is EventType => BY_ID.has(id);
/** The Chinese label; an id the vocabulary does not know is shown as written. */
export const eventLabel = (id: string): string => BY_ID.get(id)?.label ?? id;

const idsWhere = (p: (d: EventDef) => boolean) =>
  new Set(
    Object.values(EVENTS as Record<string, EventDef>)
      .filter(p)
      .map((d) => d.id),
  );
export const ATTENDANCE_EVENTS: ReadonlySet<string> = idsWhere((d) => d.group === "attendance");
export const NEVER_DEDUCTED_EVENTS: ReadonlySet<string> = idsWhere((d) => !!d.neverDeducted);
export const COMPLAINT_EVENTS: ReadonlySet<string> = idsWhere((d) => d.group === "complaint");
export const RECORD_EVENTS: ReadonlySet<string> = idsWhere((d) => d.group === "record");
export const REWARD_EVENTS: ReadonlySet<string> = idsWhere((d) => d.group === "reward");
/** Events whose points a performance column may carry: column field → event type. */
export const PERFORMANCE_EVENTS: ReadonlyMap<string, string> = new Map(
  Object.values(EVENTS as Record<string, EventDef>)
    .filter((d) => d.fromPerformance)
    .map((d) => [d.fromPerformance!, d.id]),
);

/** Accepts an id or a Chinese label as typed in the 规则 tab. */
export function eventIdOf(text: string): string | undefined {
  const t = text.trim();
  if (BY_ID.has(t)) return t;
  return Object.values(EVENTS as Record<string, EventDef>).find((d) => d.label === t)?.id;
}

/** Per-agent monthly figures a performance sheet carries; `better` orders a ranking. */
export const METRICS = {
  sales: { label: "销售额", better: "high" },
  conversion: { label: "转化率", better: "high" },
  churn: { label: "流失率", better: "low" },
  responseTime: { label: "响应时间", better: "low" },
  satisfied: { label: "满意", better: "high" },
  neutral: { label: "一般", better: "low" },
  disappointed: { label: "不满意", better: "low" },
  badAttitudeReviews: { label: "服务态度差评价数", better: "low" },
  outstanding: { label: "突出表现加分", better: "high" },
} as const satisfies Record<string, { label: string; better: "high" | "low" }>;
export type MetricName = keyof typeof METRICS;
export const isMetric = (m: string): m is MetricName => m in METRICS;

/** The closest of `names` to `typed` (edit distance), for "did you mean …" in a 规则 message. */
export function nearest(typed: string, names: readonly string[]): string | undefined {
  let best: string | undefined,
    bestD = Infinity;
  for (const n of names) {
    const d = editDistance(typed.toLowerCase(), n.toLowerCase());
    if (d < bestD) [best, bestD] = [n, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
