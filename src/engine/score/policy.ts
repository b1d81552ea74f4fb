import type { ParamSpec } from "./kinds";
import type { ParamValue, Scheme } from "./scheme";

/** 重复记录: the first is the default (one event with both sources). */
export const DUPLICATE_CHOICES = ["计一次", "分别计"] as const;
/** 是否查实为空时: the first is the default (listed, not scored). */
export const BLANK_VERIFIED_CHOICES = ["按未查实", "按已查实"] as const;

/**
 * Scheme-level settings: shop policy that is not a rule on events. The 规则 tab lists each in its
 * 【方案参数】 section with its label and the note behind its default; the reader validates them here.
 */
export const SCHEME_PARAMS: readonly ParamSpec[] = [
  {
    key: "total",
    label: "总分",
    type: "number",
    min: 1,
    optional: true,
    hint: "等级条件 percent（得分率）按 得分÷总分 计",
  },
  {
    key: "passPercent",
    label: "及格线(得分率%)",
    type: "number",
    min: 0,
    max: 100,
    optional: true,
    hint: "【等级】条件写 percent<passPercent 时用这里的值",
  },
  { key: "bonusLine", label: "奖金线(分)", type: "number", optional: true, hint: "不写：不按分数加奖金" },
  {
    key: "bonusPerPoint",
    label: "奖金线以上每分奖金加(%)",
    type: "number",
    min: 0,
    default: { value: 1, note: "种子003方案二：25分以上每高出1分奖金加1%（只在写了奖金线时用）" },
  },
  {
    key: "goodRateMin",
    label: "好评率下限(%)",
    type: "number",
    min: 0,
    max: 100,
    default: { value: 80, note: "平台服务指标（种子003）：好评率 = 满意÷(满意+一般+不满意) 须≥80%；只提示，不计分" },
  },
  {
    key: "badAttitudeShareMax",
    label: "态度差占比上限(%)",
    type: "number",
    min: 0,
    max: 100,
    default: { value: 6, note: "平台服务指标（种子003）：服务态度差÷(一般+不满意) 须≤6%；只提示，不计分" },
  },
  {
    key: "openReviewDays",
    label: "中差评处理期限(天)",
    type: "number",
    min: 0,
    integer: true,
    default: { value: 7, note: "种子004：中差评要在1周之内处理完成；月底仍未处理且超过期限的列出" },
  },
  {
    key: "handOverDays",
    label: "快递扣款交财务：月底前(天)",
    type: "number",
    min: 0,
    max: 27,
    integer: true,
    default: { value: 10, note: "种子004：每个月底前10天交给财务，完成相关扣款" },
  },
  {
    key: "countDuplicates",
    label: "重复记录",
    type: "choice",
    choices: DUPLICATE_CHOICES,
    default: {
      value: DUPLICATE_CHOICES[0],
      note: "同一客服同一天同一类事情写在两张表（如投诉和它引起的罚款）按一件事计一次，数据问题列出两处；写“分别计”则两处都计",
    },
  },
  {
    key: "blankVerified",
    label: "是否查实为空时",
    type: "choice",
    choices: BLANK_VERIFIED_CHOICES,
    default: {
      value: BLANK_VERIFIED_CHOICES[0],
      note: "空白不等于查实：列出，不计分；写“按已查实”则计分，并在数据问题里逐行列出",
    },
  },
];

/** The declared defaults, which the built-in schemes write out so that 规则 shows them. */
export const POLICY_DEFAULTS: Record<string, ParamValue> = Object.fromEntries(
  SCHEME_PARAMS.filter((p) => p.default).map((p) => [p.key, p.default!.value]),
);

export interface Policy {
  total: number | null;
  bonusLine: number | null;
  bonusPerPoint: number;
  goodRateMin: number;
  badAttitudeShareMax: number;
  openReviewDays: number;
  handOverDays: number;
  /** Count an incident written in two sheets twice (the 规则 tab's “分别计”). */
  countDuplicates: boolean;
  /** What a blank 是否查实 means. */
  blankVerified: "verified" | "unverified";
}

/** A scheme's policy with the declared defaults for what it leaves out. */
export function policyOf(scheme: Scheme): Policy {
  const v = (key: string): number | null => {
    const raw = scheme.params[key] ?? SCHEME_PARAMS.find((p) => p.key === key)?.default?.value;
    return raw === undefined || raw === "" ? null : Number(raw);
  };
  const text = (key: string): string => String(scheme.params[key] ?? "");
  return {
    total: v("total"),
    bonusLine: v("bonusLine"),
    bonusPerPoint: v("bonusPerPoint") ?? 0,
    goodRateMin: v("goodRateMin")!,
    badAttitudeShareMax: v("badAttitudeShareMax")!,
    openReviewDays: v("openReviewDays")!,
    handOverDays: v("handOverDays")!,
    countDuplicates: text("countDuplicates") === DUPLICATE_CHOICES[1],
    blankVerified: text("blankVerified") === BLANK_VERIFIED_CHOICES[1] ? "verified" : "unverified",
  };
}
