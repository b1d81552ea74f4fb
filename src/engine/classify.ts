import { fold } from "./text";
import { ATTENDANCE_EVENTS, E, EVENT_IDS, eventLabel, NEVER_DEDUCTED_EVENTS } from "./events";
import { BUYER_WORDS, COLLEAGUE_WORDS, REVIEW_CAUSES } from "./classify/cues";
import { foldReason } from "./classify/foldReason";
import { weigh, type Classification, type DropReason, type FoldedRow, type Party } from "./classify/weigh";

export type { Classification, ClassOutcome, DropReason, KeywordHit, Party } from "./classify/weigh";

/**
 * Event types the engine knows, their labels and sets: derived from the one vocabulary (`events.ts`),
 * kept under these names for the readers that import them from here. Schemes attach rules to these;
 * an event of a type the chosen scheme has no rule for is shown as counted but not scored.
 */
export const EVENT_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  EVENT_IDS.map((id) => [id, eventLabel(id)]),
);

/** Types that are attendance marks (counted per agent-day). */
export const ATTENDANCE_TYPES = ATTENDANCE_EVENTS;

/** Attendance kinds that are never deducted nor counted against an allowance (RULES.md). */
export const NEVER_DEDUCTED = NEVER_DEDUCTED_EVENTS;

export interface KeywordRow {
  type: string;
  keywords: string[];
}

/**
 * Free-text reasons → event types. Every match is weighed (`classifyReason`), order does not
 * matter. Keywords that start with a negator (未交接, 没备注, 未打卡) are offence names. This is
 * data: the rules sheet writes it out and reads a shop's additions back.
 */
export const DEFAULT_KEYWORDS: KeywordRow[] = [
  { type: E.handover, keywords: ["交接", "未交接", "没交接", "忘记交接", "漏交接"] },
  { type: E.greetingDelay, keywords: ["30秒", "招呼", "首次响应", "秒才回", "秒没回", "秒未回"] },
  {
    type: E.noIdRemark,
    keywords: ["工号", "未备注工号", "没备注工号", "没写工号", "未写工号", "备注自己的工号"],
  },
  { type: E.leak, keywords: ["泄露", "联系方式", "透露", "泄密"] },
  {
    type: E.disputeUnfollowed,
    keywords: [
      "纠纷未跟进",
      "未跟进",
      "未上报",
      "没上报",
      "没跟进",
      "不跟进",
      "不跟踪",
      "没跟踪",
      "不反馈",
      "未反馈",
      "没反馈",
    ],
  },
  {
    type: E.unhandledAftersale,
    keywords: ["售后问题未处理", "未处理", "拖延处理", "放任不管", "不管不问", "不闻不问", "没处理", "没有处理"],
  },
  { type: E.majorProblem, keywords: ["及时上报", "上报重大", "发现重大问题", "及时汇报", "重大问题及时"] },
  { type: E.majorError, keywords: ["重大失误", "重大损失", "重大错误"] },
  {
    type: E.remarkUnclear,
    keywords: [
      "备注不清",
      "备注错误",
      "没备注",
      "没有备注",
      "未备注",
      "漏备注",
      "备注不明",
      "备注写错",
      "错发",
      "发错",
      "漏发",
    ],
  },
  {
    type: E.privateDiscount,
    keywords: [
      "私自降价",
      "私自优惠",
      "私自改价",
      "大额优惠",
      "私自折扣",
      "降价",
      "大幅度降价",
      "大幅降价",
      "私自打折",
    ],
  },
  { type: E.shiftingBlame, keywords: ["推卸", "推给", "踢皮球", "转嫁", "转给他人", "转给别人", "甩锅"] },
  { type: E.quarrel, keywords: ["吵架", "争吵", "骂", "吵起来", "顶撞", "口角"] },
  {
    type: E.badAttitude,
    keywords: ["态度", "态度差", "态度不好", "态度恶劣", "轻浮", "不耐烦", "服务差", "不礼貌", "敷衍"],
  },
  {
    type: E.slowResponse,
    keywords: [
      "未及时",
      "不及时",
      "未能及时",
      "没及时",
      "没有及时回复",
      "回复慢",
      "太慢",
      "响应慢",
      "不回复",
      "没回复",
      "没有回复",
      "应答",
      "回复晚",
      "慢",
    ],
  },
  { type: E.lowQualityReview, keywords: ["低质", "差评", "中评", "中差评"] },
  { type: E.praise, keywords: ["表扬", "好评", "点赞", "夸", "夸奖", "夸赞", "称赞", "赞扬", "感谢", "锦旗"] },
  { type: E.suggestion, keywords: ["建议", "合理化", "采纳"] },
  { type: E.salesCase, keywords: ["销售案例", "成交案例", "案例分享", "分享案例", "例会分享"] },
  { type: E.groupAnswer, keywords: ["群内", "群里", "积极解答", "积极回复"] },
  { type: E.weeklyDone, keywords: ["周工作", "周计划", "按时完成", "及时完成", "及时有效完成"] },
  { type: E.outstanding, keywords: ["表现突出", "突出表现", "优秀"] },
  {
    type: E.unrelatedActivity,
    keywords: ["游戏", "qq", "电视", "视频", "安装软件", "装软件", "玩手机", "无关", "看剧", "购物"],
  },
  { type: E.desk, keywords: ["卫生", "清洁", "桌面", "打扫", "办公室"] },
  {
    type: E.notLoggedIn,
    keywords: ["未登录", "没登录", "未登陆", "没登陆", "不在线", "离线", "未上线", "没上线", "没在线", "掉线"],
  },
  {
    type: E.unfinished,
    keywords: [
      "未完成",
      "没完成",
      "没做完",
      "未能完成",
      "未及时完成",
      "没有完成",
      "没按时完成",
      "没有按时完成",
      "未按时完成",
      "没能完成",
    ],
  },
  { type: E.verifiedComplaint, keywords: ["客户投诉", "顾客投诉", "买家投诉"] },
  { type: E.complaint, keywords: ["投诉", "维权", "举报"] },
  // Attendance words, for fines rows and long sheets whose status is free text.
  { type: E.unauthorised, keywords: ["旷工", "私自离岗", "擅自离岗", "未经请示", "旷工迟到"] },
  { type: E.absence, keywords: ["缺勤"] },
  { type: E.late, keywords: ["迟到"] },
  { type: E.early, keywords: ["早退"] },
  {
    type: E.missedPunch,
    keywords: ["缺卡", "未打卡", "没打卡", "没有打卡", "忘打卡", "漏打卡", "忘记打卡", "忘记登记", "未登记"],
  },
  { type: E.statutory, keywords: ["年假", "年休", "婚假", "产假", "陪产假", "丧假", "护理假", "育儿假"] },
  { type: E.trip, keywords: ["出差", "外出"] },
  { type: E.swap, keywords: ["调休", "补休", "调班", "倒休"] },
  { type: E.leave, keywords: ["事假", "病假", "请假"] },
  { type: E.rest, keywords: ["休息", "轮休", "休假", "公休", "放假"] },
  { type: E.overtime, keywords: ["加班"] },
  { type: E.present, keywords: ["正常", "出勤", "到岗", "上班"] },
];

const FOLDED = new WeakMap<KeywordRow[], FoldedRow[]>();
const RESULTS = new WeakMap<KeywordRow[], Map<string, Classification>>();

function foldedRows(table: KeywordRow[]): FoldedRow[] {
  let rows = FOLDED.get(table);
  if (!rows)
    FOLDED.set(
      table,
      (rows = table.map((r) => ({ type: r.type, keywords: r.keywords.map(foldReason).filter(Boolean) }))),
    );
  return rows;
}

/** `来源` written as 同事 / 客户: who the other party is when the text names nobody. */
export function partyOfSource(source: string | null | undefined): Party | null {
  const f = source ? foldReason(source) : "";
  if (COLLEAGUE_WORDS.some((w) => f.includes(w))) return "colleague";
  if (BUYER_WORDS.some((w) => f.includes(w))) return "buyer";
  return null;
}

/**
 * Weigh every keyword match of a reason. The rules, in order (each named by a `DropReason`):
 * 1. the longer phrase covers the shorter (`忘记交接` over `交接`, `中差评` over `差评`, `没备注工号` over `没备注`);
 * 2. a denial (`不是`, `并非`, `没有被`) cancels what it governs; a plain negator (`没有`, `未`, `不`)
 *    cancels a fault (`没有投诉`, `没发错`) but makes a duty word an omission (`没交接`, `不按时清洁`);
 *    a negator reaches at most three characters and never across a clause; `不准/不得` is not one;
 * 3. a positive word after an offence topic makes it no offence (`态度好`, `应答很及时`);
 * 4. buyer-only kinds (complaint, quarrel, attitude, review, praise) whose other party is a colleague
 *    are set aside (`同事吵架`); slow response from a colleague stays (pdd-10 counts both);
 * 5. the treatment a rule gives (`按旷工处理`, `算缺勤`) yields to the incident named beside it;
 * 6. topic words (`态度`, `应答`) yield to a stronger match of another kind;
 * 7. scene words (`上班`, `休息`) yield to any other kind; a specific kind beats the one it refines
 *    (`客户投诉` over `投诉`, `工号` over `没备注`); a review beats the complaint and the service cause
 *    or after-sale failing it names (`回复慢导致低质评价` is 低质评价: RULES.md's review is "caused by
 *    after-sale"; the failing is kept as its cause, see `reviewCauses`); a
 *    complaint naming a service cause is that cause (`顾客投诉态度差` is 服务态度恶劣).
 * What is left: one kind → matched; two of one polarity → tie; a reward and an offence → contradiction.
 */
export function classifyReason(
  text: string,
  table: KeywordRow[] = DEFAULT_KEYWORDS,
  source?: string | null,
): Classification {
  const f = foldReason(text);
  const party = partyOfSource(source);
  let results = RESULTS.get(table);
  if (!results) RESULTS.set(table, (results = new Map()));
  const key = `${party ?? ""}|${f}`;
  let c = results.get(key);
  if (!c) {
    c = weigh(f, foldedRows(table), party);
    if (results.size > 50_000) results.clear();
    results.set(key, c);
  }
  return c;
}

/**
 * The after-sale failings a decided review was the outcome of (`态度差，买家给了差评` → 服务态度恶劣). A scheme
 * with no review rule (pdd-10, tmall-vouchers) scores the cause instead, so the incident is never lost.
 */
export function reviewCauses(c: Classification): string[] {
  if (c.outcome !== "matched") return [];
  return [...new Set(c.dropped.filter((d) => d.why === "review" && REVIEW_CAUSES.has(d.type)).map((d) => d.type))];
}

/** The decided kind, or null when nothing, or more than one kind, stands. */
export function classifyText(text: string, table: KeywordRow[] = DEFAULT_KEYWORDS): string | null {
  return classifyReason(text, table).type;
}

/** The readings `classifyReason` applies, written under the keyword table of 规则 for the manager. */
export const WEIGHING_NOTES = [
  "关键词口径：一句原因里的所有关键词一起权衡，与表中先后无关。",
  "① 长词优先：“没备注工号”不再另算“没备注”，“中差评”不再另算“差评”。",
  "② 否定：“没有投诉”“不是态度问题”“没发错货”不算；“未交接”“没备注”“未打卡”“不按时清洁”本身就是违规；“不得/严禁”是规定，不是否定。",
  "③ “态度好”“应答很及时”是正面说法，不算违规；表扬、好评、感谢、夸奖算客户表扬（有表扬规则的方案加分，绝不扣分）。",
  "④ 同事之间的吵架、同事的投诉和表扬不算买家投诉或客户表扬；回复慢被同事投诉照算（拼多多方案：客户或同事投诉）。",
  "⑤ 顾客投诉写明服务原因（态度、回复慢、吵架）时按原因算（投诉态度差 = 服务态度恶劣）；差评/低质评价按评价算，原因只作说明（回复慢导致低质评价 = 低质评价）；方案没有低质评价规则时（拼多多、激励券），按写明的原因算（态度差，买家给了差评 = 服务态度恶劣；售后问题未处理，买家差评 = 售后问题未处理）。",
  "⑥ “按旷工处理”“算缺勤”是处理方式，不是事件本身；“上班时”“休息时”只是背景。",
  "⑦ 剩下两类以上（如“迟到早退”“投诉发错货”），或既有表扬又有扣分，不猜，列入数据问题并写明候选。",
];

const label = (t: string) => EVENT_LABELS[t] ?? t;
const WHY: Partial<Record<DropReason, string>> = {
  negated: "被否定",
  praised: "是正面的说法",
  colleague: "的对方是同事等，不是买家",
};

/** The 数据问题 wording for a reason that did not resolve to one kind, naming the candidates; null when it did. */
export function classificationProblem(c: Classification, text: string, outcome = "这条没有计分"): string | null {
  const quoted = `“${text || "空"}”`;
  const fix = `${outcome}。请改写原因，或在规则表的关键词里调整。`;
  if (c.outcome === "matched") return null;
  if (c.outcome === "tie")
    return `${quoted}同时符合${c.candidates.map((t) => `“${label(t)}”`).join("和")}，无法确定算哪一项，${fix}`;
  if (c.outcome === "contradiction")
    return `${quoted}既有奖励项又有扣分项（${c.candidates.map(label).join("、")}），互相矛盾，${fix}`;
  const reasons = c.dropped
    .filter((d) => WHY[d.why])
    .map((d) => `“${d.keyword}”${WHY[d.why]}`)
    .filter((v, i, a) => a.indexOf(v) === i);
  if (reasons.length) return `${quoted}里${reasons.join("，")}，不属于任何计分项，${fix}`;
  return `${quoted}无法归类，${fix}`;
}

export const ATTENDANCE_KEYWORDS = DEFAULT_KEYWORDS.filter((r) => ATTENDANCE_TYPES.has(r.type));

const ATTENDANCE_OF = new WeakMap<KeywordRow[], KeywordRow[]>();
/** The attendance rows of a keyword table (a shop may move 病假 out of 请假 in its 规则 tab). */
export function attendanceKeywords(table: KeywordRow[]): KeywordRow[] {
  let rows = ATTENDANCE_OF.get(table);
  if (!rows) {
    rows = table.filter((r) => ATTENDANCE_TYPES.has(r.type));
    if (!rows.length) rows = ATTENDANCE_KEYWORDS;
    ATTENDANCE_OF.set(table, rows);
  }
  return rows;
}

/** Leave sub-kinds keep their word for the scorecard (病假 vs 事假). */
export function leaveWord(text: string): string | null {
  const m = fold(text).match(/(事假|病假|调休假?|年假|年休|婚假|产假|陪产假|丧假|护理假|育儿假|出差|外出|请假)/);
  return m ? m[1] : null;
}
