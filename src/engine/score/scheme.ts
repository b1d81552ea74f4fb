import type { RuleKind } from "./kinds";

export type { RuleKind } from "./kinds";

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

/** `percent`: the score as a percentage of the scheme's `total` (tmall-130 passes at 70 %). */
export type Metric = "score" | "percent" | "fineYuan" | "actions";
export interface Band {
  level: number;
  label: string;
  /** e.g. score <= 5; a `consecutive` band instead fires after N months at or above a level. */
  metric?: Metric;
  op?: "<=" | "<" | ">=" | ">";
  /** A number, or the name of a scheme setting (`passPercent`) whose value is the line. */
  value?: number | string;
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
