import { E } from "../events";

/**
 * The word classes the weighing of keyword matches uses. They are declared per event type (not per
 * keyword), so a keyword a shop adds in its 规则 tab is weighed exactly like the built-in ones.
 */

/** Rewards: praise and the other "plus" events. Never a deduction. */
export const REWARD_TYPES = new Set<string>([
  E.praise,
  E.suggestion,
  E.majorProblem,
  E.outstanding,
  E.salesCase,
  E.groupAnswer,
  E.weeklyDone,
  E.rewardYuan,
]);

/** Words that set the scene (上班时间…, 休息时…): they yield to any other kind named in the same text. */
export const CONTEXT_TYPES = new Set<string>([E.present, E.rest, E.overtime]);

/** How an incident reached the shop (a complaint). It yields to the service cause the text names. */
export const CHANNEL_TYPES = new Set<string>([E.complaint, E.verifiedComplaint]);

/**
 * Causes every complaint rule of the built-in schemes already lists beside the complaint itself
 * (taobao 投诉/吵架, tmall-130 客户投诉, pdd-10 scores complaints by cause), so a complaint naming one
 * of them is that cause without losing the complaint anywhere.
 */
export const SERVICE_CAUSES = new Set<string>([E.badAttitude, E.slowResponse, E.quarrel]);

/** A review is the recorded outcome: RULES.md's 低质评价 is "caused by after-sale", the cause is context. */
export const REVIEW_TYPES = new Set<string>([E.lowQualityReview]);

/**
 * After-sale failings a review can be the outcome of when the text names them before it (`售后问题未处理，买家差评`):
 * the review stands and the failing is kept as its cause, which a scheme without a review rule scores instead
 * (score/reviewCause.ts). Named after the review (`中差评未处理`) the failing is about the review: a tie.
 */
export const REVIEW_CAUSES_BEFORE = new Set<string>([E.unhandledAftersale, E.disputeUnfollowed]);
/** Every cause a review keeps (`reviewCauses`): the service causes wherever they stand, the failings before it. */
export const REVIEW_CAUSES = new Set<string>([...SERVICE_CAUSES, ...REVIEW_CAUSES_BEFORE]);

/**
 * Kinds that are about buyers: a quarrel between colleagues is not a buyer complaint (taobao's
 * 投诉/吵架 fine is about buyers; praise in tmall-30/130 is customer praise). Slow response is not
 * here: pdd-10 counts complaints of it from customers or colleagues.
 */
export const BUYER_ONLY = new Set<string>([
  E.badAttitude,
  E.quarrel,
  E.complaint,
  E.verifiedComplaint,
  E.praise,
  E.lowQualityReview,
]);

/**
 * Offences that are a duty not done (未交接, 没备注, 未打卡, 不按时清洁, 未能及时应答): a plain
 * negator before their duty word is the offence itself, not its denial.
 */
export const OMISSION_TYPES = new Set<string>([
  E.handover,
  E.missedPunch,
  E.notLoggedIn,
  E.unfinished,
  E.remarkUnclear,
  E.noIdRemark,
  E.desk,
  E.disputeUnfollowed,
  E.unhandledAftersale,
  E.greetingDelay,
  E.slowResponse,
]);

/** When both stand, the specific kind wins over the general one it refines. */
export const REFINES: Record<string, string[]> = {
  [E.verifiedComplaint]: [E.complaint],
  [E.noIdRemark]: [E.remarkUnclear],
};

/**
 * Topic words that judge nothing by themselves (工作态度, 应答): they stand only when no match of
 * the opposite polarity does (`表现突出(工作态度…)` is a reward, `表扬态度` is praise).
 */
export const WEAK_KEYWORDS = new Set([
  "态度",
  "应答",
  "卫生",
  "桌面",
  "办公室",
  "群内",
  "群里",
  "优秀",
  "建议",
  "周工作",
  "周计划",
]);

/** Denials cancel any match they govern, a duty word included (`不是未交接`, `没有被投诉`). */
export const DENIALS = ["并不是", "不是", "并非", "没有被", "没被", "未被", "并未", "从未", "不属于", "不算", "非"];
/** Plain negators cancel a fault (`没有投诉`, `没发错`) but make a duty word an omission (`没交接`). */
export const NEGATORS = ["没有", "未能", "无法", "没", "未", "不", "无"];
/**
 * After a one-character negator these make it no negation of the match that follows: `不准/不得 X`
 * in a handbook states that X is the offence, `非常` is "very", `无故/未经同意/不小心/不慎 X` is
 * still X.
 */
export const NOT_NEGATION_AFTER = /^(准|得|许|要|可|常|法|故|经|小心|慎|正当)/;

/** A keyword containing one of these names a fault, so even a plain negator denies it (`不慢`, `没发错`). */
export const FAULT_MORPHEME = /慢|晚|错|差|不清|乱|脏|恶劣|难听|轻浮|骂|吵|低质|拖延|推卸|泄露/;

/** Said of an offence topic, these make it praise-worthy (`态度好`, `应答很及时`). */
export const POSITIVE_AFTER =
  /^(很|非常|特别|挺|超|十分|都|也|比较|还|蛮|一直)?(好(?!差|凶|烂|冲|恶劣)|棒|不错|耐心|热情|及时|快|周到|满意|积极|认真|还行|可以|礼貌|友好)/;

/** `按旷工处理`, `算缺勤`, `按调休记录`: the treatment a rule gives, not the incident. */
export const TREATMENT_BEFORE = /(按|算|视为|视作|记为|计为|当作|作为|算作)$/;

export const BUYER_WORDS = ["顾客", "客户", "买家", "消费者", "用户", "客人", "买方"];
/** Anyone who is not a buyer: colleagues, the boss, the warehouse, the courier. */
export const COLLEAGUE_WORDS = [
  "同事",
  "同组",
  "组员",
  "组长",
  "主管",
  "领导",
  "客服之间",
  "内部",
  "同部门",
  "同班",
  "店长",
  "老板",
  "经理",
  "仓库",
  "快递员",
  "快递小哥",
];

/** Clause boundaries: a negator or a party does not reach across them. */
export const CLAUSE_BREAK = /[,。.;!?:、()[\]{}【】《》“”"']|导致|造成|引起|引发|但是|但|却|而是|所以|因此|或者|或/;
/** Sentence boundaries: a party word does not reach across them. */
export const SENTENCE_BREAK = /[。;!?]/;

/** Words that contain a keyword but mean something else (`夸大宣传` is no praise): matches inside them do not count. */
export const FALSE_FRIENDS = [
  "夸大",
  "夸张",
  "夸口",
  "夸海口",
  "慢慢",
  // The courier's or the warehouse's slowness is not the agent's slow reply.
  "物流慢",
  "物流太慢",
  "快递慢",
  "快递太慢",
  "发货慢",
  "发货太慢",
  "到货慢",
  "配送慢",
];
