import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { classifyReason, EVENT_LABELS } from "../../src/engine/classify";
import { BUILTIN_SCHEMES } from "../../src/engine/schemes";

/**
 * Every offence, praise and measure sentence of the seed handbooks, copied as it stands in the seed
 * (Traditional characters and pinyin noise included: the classifier folds both), with the event
 * RULES.md gives it and the rule of the seed's scheme that event must reach. Each is followed by
 * the ways a shop manager would write the same thing in a complaint or fines sheet.
 *
 * Expected values come from RULES.md, not from the code. `null` means the sentence names no
 * incident a reason column can carry (a measure read from its own column, a computed bonus): it
 * must classify as nothing, so a row worded like it becomes an unclassified data issue.
 *
 * Left out, with why (see the report in the commit): 方案三 `2.投诉、维权、举报、退款纠纷(优20良15分…)`
 * is a graded item's title (a column of the performance sheet); as free text it reads as a complaint.
 * 方案一 `(1)业绩在店铺连续两个月第一;可选择任意一天带薪休假` is a computed action; as free text it
 * reads as 休假 (a rest day).
 */

type Expect = string | null | { tie: string[] } | { contradiction: string[] };
interface SeedSentence {
  seed: string;
  sentence: string;
  expect: Expect;
  /** [scheme, rule id]: the rule RULES.md gives this sentence in the seed's scheme. */
  rule?: [string, string];
  /** A bare string expects the sentence's own event; a pair names another one. */
  paraphrases?: (string | [string, Expect])[];
}

const PDD = "000";
const TAOBAO = "002";
const TMALL = "003";

const SEEDS: SeedSentence[] = [
  // ── pdd-10 (seed 000) ──
  {
    seed: PDD,
    sentence: "对忘记登记者按调休记录",
    expect: "missed-punch",
    rule: ["pdd-10", "leave-allowance"],
    paraphrases: ["忘记打卡", "上班忘记登记考勤", "漏打卡一次", "忘記打卡（下班）", "没有打卡，按调休记"],
  },
  {
    seed: PDD,
    sentence: "迟到一次0.5分;超过30分钟以上算缺勤",
    expect: "late",
    rule: ["pdd-10", "late"],
    paraphrases: ["迟到15分钟", "上班迟到40分钟", "遲到", "早上迟到了，被主管发现", "迟到40分钟算缺勤"],
  },
  {
    seed: PDD,
    sentence: "缺勤一次2分",
    expect: "absence",
    rule: ["pdd-10", "absence"],
    paraphrases: ["缺勤", "今天缺勤", "缺勤半天"],
  },
  {
    seed: PDD,
    sentence: "若未经请示自行休息按旷工处理",
    expect: "unauthorised",
    rule: ["pdd-10", "unauthorised"],
    paraphrases: ["未经请示自己休息", "旷工一天", "曠工", "无故旷工"],
  },
  { seed: PDD, sentence: "旷工一次扣5分", expect: "unauthorised", rule: ["pdd-10", "unauthorised"] },
  {
    seed: PDD,
    sentence: "如有私自离岗未做好调班,按旷工处理",
    expect: "unauthorised",
    rule: ["pdd-10", "unauthorised"],
    paraphrases: ["私自离岗", "擅自离岗两小时", "私自離崗，沒有調班"],
  },
  {
    seed: PDD,
    sentence: "客服人员每月可有4次调休",
    expect: "swap",
    rule: ["pdd-10", "leave-allowance"],
    paraphrases: ["调休", "調休一天", "倒休"],
  },
  {
    seed: PDD,
    sentence: "超过4次的,每请假一次按缺勤一次扣分",
    expect: "leave",
    rule: ["pdd-10", "leave-allowance"],
    paraphrases: ["请假", "事假一天", "病假（发烧）", "請假半天"],
  },
  // Names both kinds of the allowance: as a manager's reason it would be a data issue naming both.
  { seed: PDD, sentence: "请假一次可充抵调休一次", expect: { tie: ["leave", "swap"] } },
  {
    seed: PDD,
    sentence: "如发现值班客服未登录在线客服(特别是中午时间),每月累计3次且无特别原因,则扣5分",
    expect: "not-logged-in",
    rule: ["pdd-10", "not-logged-in"],
    paraphrases: ["值班时未登录在线客服", "中午千牛没登录", "千牛不在线", "未登錄千牛"],
  },
  {
    seed: PDD,
    sentence: "由于未能及时应答业务电话或在线客服消息的,当月接到客户或者同事投诉达到3次的,扣5分,达到5次的,扣10分",
    expect: "slow-response",
    rule: ["pdd-10", "slow-response"],
    paraphrases: [
      "回复太慢被投诉",
      "顾客投诉回复慢",
      "同事投诉未及时回复消息",
      "消息未及時回覆，被投訴",
      "回复太慢，被顾客投诉！",
    ],
  },
  {
    seed: PDD,
    sentence: "若因服务态度恶劣接受顾客投诉,损坏公司形象者,每次扣1分,达到3次的扣5分,达到5次的,扣10分",
    expect: "bad-attitude",
    rule: ["pdd-10", "bad-attitude"],
    paraphrases: [
      "顾客投诉态度差",
      "客户投诉服务态度不好",
      "对买家不耐烦，被投诉",
      "顧客投訴態度惡劣",
      "買家投訴：客服態度差！",
    ],
  },
  {
    seed: PDD,
    sentence: "若无正当理由,未能完成当日工作的,主管可视情况给予口头批评或扣0.5-1分处理",
    expect: "unfinished",
    rule: ["pdd-10", "unfinished"],
    paraphrases: ["未完成当日工作", "当天工作没做完", "今日任务没有完成"],
  },

  // ── taobao-fines (seed 002, Traditional with pinyin) ──
  {
    seed: TAOBAO,
    sentence:
      "未交接或已交接忘了沒(méi)有及時(shí)處理給公司帶來(lái)?yè)p失時(shí)一次罰款10元,第二次翻倍,達到三次以上自動(dòng)離職",
    expect: "handover",
    rule: ["taobao-fines", "handover"],
    paraphrases: ["交接班忘记交接", "晚班没交接", "白班未交接给晚班", "忘記交接", "没有及时交接"],
  },
  {
    seed: TAOBAO,
    sentence: "顧客找上門(mén)后應在30秒內打個(gè)招呼,每延詞30秒中將扣5元",
    expect: "greeting-delay",
    rule: ["taobao-fines", "greeting"],
    paraphrases: [
      "顾客进店30秒没打招呼",
      "首次响应超过30秒",
      "超過30秒未招呼",
      "顾客等了45秒才回复",
      "未在３０秒內回覆顧客",
    ],
  },
  {
    seed: TAOBAO,
    sentence:
      "如果一個(gè)自然月內因服務(wù)原因收到買(mǎi)家投訴或與顧客發(fā)生吵架,一次罰款50元,第二次翻倍,達到三次以上自動(dòng)離職",
    // 投诉 yields to the quarrel it names; both reach taobao's one 投诉/吵架 rule.
    expect: "quarrel",
    rule: ["taobao-fines", "complaint"],
    paraphrases: [
      ["买家投诉", "verified-complaint"],
      "与顾客发生争吵",
      ["被买家投诉服务差", "bad-attitude"],
      "跟買家吵架",
      "和客户吵起来了",
      "与顾客发生口角",
    ],
  },
  {
    seed: TAOBAO,
    sentence: "非QQ客服,除阿里旺旺外,一律不準上QQ、看電視和玩游戲,嚴禁私自下載安裝軟件,違者罰款10元一次",
    expect: "unrelated-activity",
    rule: ["taobao-fines", "unrelated"],
    paraphrases: ["上班打游戏", "上班时间看电视剧", "上班玩ＱＱ", "私自下载安装软件", "上班時間打遊戲（第２次）"],
  },
  {
    seed: TAOBAO,
    sentence: "每天上班前要清潔辦公室,每個(gè)人負責自己的的責任區域,不按時(shí)清潔的違者罰款10元一次",
    expect: "desk",
    rule: ["taobao-fines", "desk"],
    paraphrases: ["没打扫卫生", "桌面不整洁", "办公室卫生不合格", "未按時清潔"],
  },
  {
    seed: TAOBAO,
    sentence: "嚴格恪守公司秘密,不得將同事聯(lián)系方式隨意透露給他人,違者罰款10元一次",
    expect: "leak",
    rule: ["taobao-fines", "leak"],
    paraphrases: ["泄露同事联系方式", "把同事电话透露给别人", "洩露同事聯繫方式"],
  },
  {
    seed: TAOBAO,
    sentence:
      "都要到該筆交易訂單里面備注自己的工號,以便業(yè)績(jì)考核系統抓取訂單計算提成,如沒(méi)備注,少算的提成自己承擔損失",
    expect: "no-id-remark",
    rule: ["taobao-fines", "no-id-remark"],
    paraphrases: ["订单没备注工号", "忘写工号", "訂單未備註工號"],
  },
  {
    seed: TAOBAO,
    sentence: "反應的問(wèn)題經(jīng)公司采納按重要程度獎勵10~100元",
    expect: "suggestion",
    rule: ["taobao-fines", "suggestion"],
    paraphrases: ["建议被公司采纳", "提出合理化建议", "提的建議被採納"],
  },

  // ── tmall-30 (seed 003, 方案二) ──
  {
    seed: TMALL,
    sentence:
      "(1)月底会以绩效为考核标准,{接单成交总金额,转化率,客户流失率}予以第一名至第三名5.3.1分 其第一名且评为金牌客服。",
    expect: null, // a rank over the performance sheet's sales column
  },
  { seed: TMALL, sentence: "(2)一个月扣分在2次以内的给予表彰,并奖励3分.", expect: null }, // computed from the month
  {
    seed: TMALL,
    sentence: "(3)大部分客户反应某位客服服务好并在好评里着重表扬的。给予表彰及奖励3分",
    expect: "praise",
    rule: ["tmall-30", "praise"],
    paraphrases: [
      "顾客表扬态度好",
      "买家好评里点名表扬",
      "客户在评价里夸奖她服务好",
      "顧客寫了表揚信",
      "顧客表揚：態度好、回覆及時。",
      "客人好评：服务周到",
    ],
  },
  {
    seed: TMALL,
    sentence: "(4)发现重大问题及时汇报。直接奖励5分.",
    expect: "major-problem",
    rule: ["tmall-30", "major-problem"],
    paraphrases: ["发现重大问题及时上报", "发现系统漏洞及时汇报", "發現重大問題及時匯報"],
  },
  {
    seed: TMALL,
    sentence: "(5)有好的建议及对公司有帮助的方案及解决措施上报者奖励3分。",
    expect: "suggestion",
    rule: ["tmall-30", "suggestion"],
    paraphrases: ["建议被采纳", "提出改进方案建议"],
  },
  {
    seed: TMALL,
    sentence: "(1)客户投诉服务态度不好的及说话轻浮的,第一次予以警告。2次及2次以上扣1分,以此类推。",
    expect: "bad-attitude",
    rule: ["tmall-30", "attitude"],
    paraphrases: ["客户投诉说话轻浮", "顾客投诉客服不礼貌", "服务态度差被投诉"],
  },
  {
    seed: TMALL,
    sentence: "(2)没有备注清楚,导致种种售后问题的产生,第一次予以警告。2次及2次以上扣1分,以此类推。",
    expect: "remark-unclear",
    rule: ["tmall-30", "remark"],
    paraphrases: [
      "没备注导致发错货",
      "备注不清导致漏发",
      "地址备注错误，买家收到错的颜色",
      "錯發貨",
      "沒備註，導致發錯貨。",
    ],
  },
  {
    seed: TMALL,
    sentence: "(3)为了转化率而私自大幅度降价者,第一次予以警告。1次以上扣2分,以此类推",
    expect: "private-discount",
    rule: ["tmall-30", "discount"],
    paraphrases: ["为了成交私自降价", "私自给买家大额优惠", "私自改價"],
  },
  {
    seed: TMALL,
    sentence: "(4)推卸责任者,或自己接到售后争议处理问题转给他人者,第一次予以警告。 1次以上扣1分。以此类推。",
    expect: "shifting-blame",
    rule: ["tmall-30", "blame"],
    paraphrases: ["推卸责任", "把自己的售后纠纷转给别人", "踢皮球", "推卸責任"],
  },
  {
    seed: TMALL,
    sentence: "如有发现犯下重大错误而导致公司重大损失的直接扣 10分且处留司查看。",
    expect: "major-error",
    rule: ["tmall-30", "major-error"],
    paraphrases: ["重大失误造成公司重大损失", "犯下重大錯誤"],
  },

  // ── tmall-130 (seed 003, 方案三) ──
  { seed: TMALL, sentence: "1.售后客服素质(优20良15分中10差0分)20分", expect: null }, // grade column
  { seed: TMALL, sentence: "3.配合度(优20良15分中10差0分)20分", expect: null },
  { seed: TMALL, sentence: "4.执行力(优20良15分中10差0分)20分", expect: null },
  // The attendance item lists three kinds at once.
  {
    seed: TMALL,
    sentence: "5.出勤率(全勤20分,迟到1次扣5分,请假一次扣5分,旷工1次扣10分)20分",
    expect: { tie: ["late", "leave", "unauthorised"] },
  },
  { seed: TMALL, sentence: "迟到1次扣5分", expect: "late", rule: ["tmall-130", "a-late"] },
  { seed: TMALL, sentence: "请假一次扣5分", expect: "leave", rule: ["tmall-130", "a-leave"] },
  { seed: TMALL, sentence: "旷工1次扣10分", expect: "unauthorised", rule: ["tmall-130", "a-absent"] },
  {
    seed: TMALL,
    sentence: "1.低质评价(由于售后原因,数据客服主管提供)一次扣5分。",
    expect: "low-quality-review",
    rule: ["tmall-130", "low-review"],
    paraphrases: ["回复慢导致低质评价", "售后处理不好被给了中差评", "顾客给了差评", "低質評價"],
  },
  {
    seed: TMALL,
    sentence: "6.客户投诉(数据客服主管提供,首页面放置投诉客服旺旺)查实无误,视情况一次扣(5-20)分。",
    expect: "verified-complaint",
    rule: ["tmall-130", "complaint"],
    paraphrases: ["客户投诉（已查实）", "买家投诉到平台", "客戶投訴"],
  },
  {
    seed: TMALL,
    sentence: "(1)客户表扬,一次加2分",
    expect: "praise",
    rule: ["tmall-130", "praise"],
    paraphrases: ["客户表扬", "顾客发来感谢", "收到顾客送的锦旗"],
  },
  {
    seed: TMALL,
    sentence: "(2)表现突出(工作态度,进步快,学习能力强等…)加2-5分。",
    expect: "outstanding",
    rule: ["tmall-130", "outstanding"],
    paraphrases: ["本月表现突出", "工作态度认真，表现突出", "表現突出"],
  },

  // ── tmall-vouchers (seed 003, 方案一) ──
  {
    seed: TMALL,
    sentence: "(3)对本部门能给出合理的意见建议;每次提出一经采纳奖3-10分激励券;",
    expect: "suggestion",
    rule: ["tmall-vouchers", "suggestion"],
    paraphrases: ["提出的意见被采纳", "合理化建议一条"],
  },
  {
    seed: TMALL,
    sentence: "(4)每周会议能分享较好的销售案例;每次3-10分激励券;",
    expect: "sales-case",
    rule: ["tmall-vouchers", "sales-case"],
    paraphrases: ["周会分享销售案例", "周会上分享优秀销售案例", "銷售案例分享"],
  },
  {
    seed: TMALL,
    sentence: "(5)部门群内问题讨论能够积极回复;3-5分激励券",
    expect: "group-answer",
    rule: ["tmall-vouchers", "group-answer"],
    paraphrases: ["群里积极解答问题", "部门群内积极回复"],
  },
  {
    seed: TMALL,
    sentence: "(6)日常工作及时有效完成;每周3-5分激励券",
    expect: "weekly-done",
    rule: ["tmall-vouchers", "weekly-done"],
    paraphrases: ["本周工作按时完成", "周计划按时完成"],
  },
  { seed: TMALL, sentence: "(7)每周制定工作计划连续四周完成度80%以上;现金奖励", expect: null }, // computed
  {
    seed: TMALL,
    sentence:
      "(7)客服对负责店铺的售后问题产生放任不管不问,最终导致问题无法解决和修改,对店铺产生长远影响,全组组员各罚款100元,累计3次,屡教不改者直接劝退。",
    expect: "unhandled-aftersale",
    rule: ["tmall-vouchers", "unhandled"],
    paraphrases: ["售后问题放任不管", "对售后问题不管不问", "售后問題未處理"],
  },
  {
    seed: TMALL,
    sentence:
      "(8)客服对店铺售后问题不认真消极解决,发现问题已经与客户沟通,但是不跟踪问题直到完全解决,或对于售后问题自身无法解决的情况不反馈给上级领导,发现1次,罚款100元,累计3次,全组组员各罚款200元。",
    expect: "dispute-unfollowed",
    rule: ["tmall-vouchers", "dispute"],
    paraphrases: ["纠纷未跟进到底", "售后问题没上报", "争议不跟进也不反馈"],
  },

  // ── seed 004 (indicators, any scheme) ──
  {
    seed: "004",
    sentence: "C店的中差评要在1周之内处理完成",
    expect: "low-quality-review", // a review row; the 7-day check flags it while open
    paraphrases: ["收到中差评", "中评"],
  },
  // An express incident comes from the express sheet's columns, never from a reason word.
  { seed: "004", sentence: "遇到丢件等问题的,做好记录,并在每个月底前10天交给财务,完成相关扣款", expect: null },

  // ── seed 001 (a general handbook, Traditional with pinyin; no scheme of its own) ──
  {
    seed: "001",
    sentence: "不得遲到、早退、曠工",
    expect: { tie: ["late", "early", "unauthorised"] },
  },
  {
    seed: "001",
    sentence: "不得從事與工作無關(guān)的事情,如玩游戲、瀏覽無關(guān)網(wǎng)站等",
    expect: "unrelated-activity",
  },
  { seed: "001", sentence: "不得泄露客戶信息、公司業(yè)務(wù)數(shù)據(jù)等敏感內(nèi)容", expect: "leak" },
  {
    seed: "001",
    sentence: "尊重客戶,不得與客戶發(fā)生爭吵或使用不當(dāng)言語,保持良好的服務(wù)態(tài)度",
    expect: "quarrel",
  },
  {
    seed: "001",
    sentence: "如回復(fù)不及時(shí)、解答不準(zhǔn)確、態(tài)度不好等",
    expect: { tie: ["slow-response", "bad-attitude"] },
  },
];

/** Rows whose weighing decides: nothing (an unclassified data issue), a tie, a contradiction, or one kind left. */
const NEGATIVE: [string, Expect, string][] = [
  ["同事吵架", null, "a quarrel between colleagues is not a buyer complaint"],
  ["和同组客服发生争吵", null, "colleagues"],
  ["客服之间吵架", null, "colleagues"],
  ["与同事发生口角", null, "colleagues"],
  ["被同组同事骂了", null, "colleagues"],
  ["同事之间吵架（非顾客）", null, "colleagues, said twice"],
  ["同事投诉", null, "no cause, and a colleague's complaint is not a buyer complaint"],
  ["同事表扬", null, "praise in the schemes is customer praise"],
  ["主管说态度不好", null, "the attitude rules count customers' complaints"],
  ["没有投诉", null, "negated"],
  ["未被投诉", null, "negated"],
  ["并非买家投诉", null, "denied"],
  ["不是态度问题", null, "denied"],
  ["没有迟到", null, "negated"],
  ["没有表扬", null, "negated"],
  ["不是未交接", null, "a denial cancels an offence name too"],
  ["没有未打卡", null, "double negation"],
  ["没发错货", null, "a plain negator denies a fault word"],
  ["天气不好", null, "no keyword"],
  ["丢件", null, "express incidents come from the express sheet"],
  [
    "中差评未处理",
    { tie: ["low-quality-review", "unhandled-aftersale"] },
    "a review, or an after-sale problem left alone?",
  ],
  ["迟到早退", { tie: ["late", "early"] }, "two kinds in one row"],
  ["上班迟到又玩游戏", { tie: ["late", "unrelated-activity"] }, "two offences"],
  [
    "顾客投诉发错货",
    { tie: ["verified-complaint", "remark-unclear"] },
    "a complaint about a cause no complaint rule lists",
  ],
  ["顾客投诉态度差，后来又给了好评", { contradiction: ["bad-attitude", "praise"] }, "praise and offence"],
  ["客户表扬，但同事投诉她态度差", "praise", "the attitude complaint is a colleague's: only the praise counts"],
];

function actual(text: string): Expect {
  const c = classifyReason(text);
  if (c.outcome === "matched") return c.type;
  if (c.outcome === "tie") return { tie: c.candidates };
  if (c.outcome === "contradiction") return { contradiction: c.candidates };
  return null;
}

const sorted = (e: Expect): Expect =>
  e && typeof e === "object"
    ? "tie" in e
      ? { tie: [...e.tie].sort() }
      : { contradiction: [...e.contradiction].sort() }
    : e;

const SEED_DIR = [resolve(__dirname, "../../../shared/seeds"), resolve(__dirname, "../../../../shared/seeds")].find(
  existsSync,
);

describe("every offence, praise and measure sentence of the seeds", () => {
  it.each(SEEDS.map((s) => [s.sentence, s.expect] as const))("%s", (sentence, expect_) =>
    expect(sorted(actual(sentence))).toEqual(sorted(expect_)),
  );

  it("each classified sentence reaches the rule RULES.md gives it in the seed's scheme", () => {
    const misses: string[] = [];
    for (const s of SEEDS) {
      if (!s.rule || typeof s.expect !== "string") continue;
      const [schemeId, ruleId] = s.rule;
      const scheme = BUILTIN_SCHEMES.find((x) => x.id === schemeId)!;
      const reached = scheme.rules.filter((r) => r.events.includes(s.expect as string)).map((r) => r.id);
      if (!reached.includes(ruleId)) misses.push(`${s.sentence} → ${schemeId}:${reached.join("/") || "nothing"}`);
    }
    expect(misses).toEqual([]);
  });

  it.skipIf(!SEED_DIR)("each sentence is copied as it stands in its seed", () => {
    const files = new Map<string, string>();
    for (const s of SEEDS) {
      if (!files.has(s.seed)) {
        const name = readdirSync(SEED_DIR!).find((f) => f.startsWith(s.seed))!;
        files.set(s.seed, readFileSync(join(SEED_DIR!, name), "utf8"));
      }
      expect(files.get(s.seed)!.includes(s.sentence), s.sentence).toBe(true);
    }
  });
});

describe("the same incidents as a shop manager writes them", () => {
  const rows = SEEDS.flatMap((s) =>
    (s.paraphrases ?? []).map((p) => (typeof p === "string" ? ([p, s.expect] as const) : ([p[0], p[1]] as const))),
  );
  it.each(rows)("%s", (text, expect_) => expect(sorted(actual(text))).toEqual(sorted(expect_)));

  it("every incident sentence has at least two paraphrases", () => {
    const thin = SEEDS.filter((s) => s.rule && (s.paraphrases?.length ?? 0) < 2 && s.sentence.length > 8);
    expect(thin.map((s) => s.sentence)).toEqual([]);
  });
});

describe("negation, the other party, ties and contradictions", () => {
  it.each(NEGATIVE)("%s", (text, expect_) => expect(sorted(actual(text))).toEqual(sorted(expect_)));
});

describe("the table covers every event type a seed sentence names", () => {
  it("names only known event types", () => {
    const types = SEEDS.flatMap((s) =>
      typeof s.expect === "string"
        ? [s.expect]
        : s.expect
          ? "tie" in s.expect
            ? s.expect.tie
            : s.expect.contradiction
          : [],
    );
    expect(types.filter((t) => !(t in EVENT_LABELS))).toEqual([]);
  });
});
