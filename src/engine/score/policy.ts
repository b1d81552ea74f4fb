import type { ParamSpec } from "./kinds";
import type { ParamValue, Scheme } from "./scheme";

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
}

/** A scheme's policy with the declared defaults for what it leaves out. */
export function policyOf(scheme: Scheme): Policy {
  const v = (key: string): number | null => {
    const raw = scheme.params[key] ?? SCHEME_PARAMS.find((p) => p.key === key)?.default?.value;
    return raw === undefined || raw === "" ? null : Number(raw);
  };
  return {
    total: v("total"),
    bonusLine: v("bonusLine"),
    bonusPerPoint: v("bonusPerPoint") ?? 0,
    goodRateMin: v("goodRateMin")!,
    badAttitudeShareMax: v("badAttitudeShareMax")!,
    openReviewDays: v("openReviewDays")!,
    handOverDays: v("handOverDays")!,
  };
}
