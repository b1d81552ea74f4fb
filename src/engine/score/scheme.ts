/** Rule kinds of RULES.md; a scheme is rows of these with parameters. */
export type RuleKind =
  | "each"
  | "per-unit"
  | "tiers"
  | "every-n"
  | "first-warning"
  | "escalating"
  | "allowance"
  | "convert"
  | "range"
  | "grade"
  | "capped-item"
  | "rank"
  | "clean-month"
  | "group-fine";

export const RULE_KINDS: RuleKind[] = [
  "each",
  "per-unit",
  "tiers",
  "every-n",
  "first-warning",
  "escalating",
  "allowance",
  "convert",
  "range",
  "grade",
  "capped-item",
  "rank",
  "clean-month",
  "group-fine",
];

export type Unit = "points" | "yuan" | "vouchers";
export type ParamValue = number | string;

export interface Rule {
  id: string;
  label: string;
  /** Event types the rule applies to. */
  events: string[];
  kind: RuleKind;
  unit: Unit;
  /** −1: a deduction or a fine; +1: a reward. */
  sign: 1 | -1;
  params: Record<string, ParamValue>;
  /** The seed clause and how its ambiguity was settled; shown beside the rule. */
  note: string;
  /** A capped item this rule's points count toward (130-scale attendance). */
  item?: string;
}

export type Metric = "score" | "fineYuan" | "actions";
export interface Band {
  level: number;
  label: string;
  /** e.g. score <= 5; a `consecutive` band instead fires after N months at or above a level. */
  metric?: Metric;
  op?: "<=" | "<" | ">=" | ">";
  value?: number;
  consecutive?: { months: number; levelAtLeast: number };
  bonusCutPercent?: number;
  actions?: string[];
  note?: string;
}

export interface Scheme {
  id: string;
  name: string;
  /** What the final figure is: points on a scale, yuan only, or vouchers. */
  unit: Unit;
  /** Starting score per agent per month (points schemes). */
  base: number | null;
  /** Label of level 0. */
  okLabel: string;
  rules: Rule[];
  bands: Band[];
  /** Scheme-level parameters: a bonus percentage per point above a line, etc. */
  params: Record<string, ParamValue>;
  seed: string;
  note: string;
}

export const num = (r: Rule, key: string, dflt?: number): number => {
  const v = r.params[key];
  if (v === undefined || v === "") {
    if (dflt === undefined) throw new Error(`rule ${r.id}: missing ${key}`);
    return dflt;
  }
  return typeof v === "number" ? v : Number(v);
};
export const str = (r: Rule, key: string, dflt = ""): string =>
  r.params[key] === undefined ? dflt : String(r.params[key]);

/** `3:5,5:10` → steps. */
export function parseSteps(s: string): { at: number; total: number }[] {
  return String(s)
    .split(/[,，;；]/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const [at, total] = p.split(/[:：=]/).map(Number);
      return { at, total };
    })
    .sort((a, b) => a.at - b.at);
}
/** `5,3,1` → numbers. */
export const parseList = (s: ParamValue): number[] =>
  String(s)
    .split(/[,，;；\s]+/)
    .filter(Boolean)
    .map(Number);
/** `优=20,良=15` → map. */
export function parseGradeMap(s: ParamValue): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of String(s)
    .split(/[,，;；\s]+/)
    .filter(Boolean)) {
    const [k, v] = p.split(/[:：=]/);
    m.set(k.trim().toLowerCase(), Number(v));
  }
  return m;
}
