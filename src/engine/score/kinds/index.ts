import type { AgentEvent } from "../../read/model";
import type { Rule } from "../scheme";
import type { Charge, RuleKindDef } from "./kind";
import { each } from "./each";
import { perUnit } from "./perUnit";
import { tiers } from "./tiers";
import { everyN } from "./everyN";
import { firstWarning } from "./firstWarning";
import { escalating } from "./escalating";
import { allowance } from "./allowance";
import { convert } from "./convert";
import { range } from "./range";
import { grade } from "./grade";
import { cappedItem } from "./cappedItem";
import { rank } from "./rank";
import { cleanMonth } from "./cleanMonth";
import { groupFine } from "./groupFine";
import { cap } from "./cap";

/**
 * The registry of rule kinds: a scheme's rule names one of these, and nothing else in the engine
 * knows what a kind does. Adding a kind is its own file in this folder plus its line here.
 */
export const KINDS = {
  each,
  "per-unit": perUnit,
  tiers,
  "every-n": everyN,
  "first-warning": firstWarning,
  escalating,
  allowance,
  convert,
  range,
  grade,
  "capped-item": cappedItem,
  rank,
  "clean-month": cleanMonth,
  "group-fine": groupFine,
  cap,
} satisfies Record<string, RuleKindDef>;

export type RuleKind = keyof typeof KINDS;
export const RULE_KINDS = Object.keys(KINDS) as RuleKind[];
export const kindOf = (id: string): RuleKindDef | undefined => (KINDS as Record<string, RuleKindDef>)[id];

/** What a per-event kind charges for these events (tests and the 规则 preview use this). */
export function priceEvents(r: Rule, events: AgentEvent[]): Charge[] {
  const price = kindOf(r.kind)?.price;
  if (!price) throw new Error(`${r.kind} is not priced per event`);
  return price(r, events);
}

export { rankAwards } from "./rank";
export type { Charge, MonthContext, ParamSpec, RuleKindDef, Stage } from "./kind";
export { STAGES, UNIT_WORD } from "./kind";
