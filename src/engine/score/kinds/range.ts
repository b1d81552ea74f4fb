import {
  UNIT_WORD,
  defaultedCharge,
  heldCharge,
  numParam,
  param,
  perEventKind,
  type Charge,
  type RuleKindDef,
} from "./kind";
import type { AgentEvent } from "../../read/model";
import type { Rule } from "../scheme";

/** The value the sheet wrote for the event in the rule's unit, if any. */
const writtenValue = (r: Rule, e: AgentEvent) =>
  r.unit === "yuan" ? (e.amount ?? e.points) : (e.points ?? (r.unit !== "points" ? e.amount : undefined));

/**
 * The value comes from the sheet and must lie in [min, max]. A blank takes the rule's declared
 * default (and 数据问题 lists the row); without a declared default the row is held.
 */
export const range: RuleKindDef = perEventKind(
  {
    id: "range",
    label: "范围",
    params: [
      { key: "min", label: "最少", type: "number", min: 0, unit: "rule" },
      { key: "max", label: "最多", type: "number", min: 0, unit: "rule" },
      {
        key: "default",
        label: "没写时按",
        type: "number",
        min: 0,
        unit: "rule",
        optional: true,
        hint: "不写：没写分值的记录不计分，列入数据问题",
      },
    ],
    check: (p) => (Number(p.min) > Number(p.max) ? `范围下限 ${p.min} 大于上限 ${p.max}。` : null),
    describe: (r) => {
      const d = param(range, r, "default");
      const u = UNIT_WORD[r.unit];
      return `按表里所写，每次${r.sign < 0 ? "扣" : "加"}${numParam(range, r, "min")}~${numParam(range, r, "max")}${u}${d === undefined ? "，没写的不计分" : `，没写按${d}${u}`}`;
    },
  },
  (r, events) => {
    const min = numParam(range, r, "min"),
      max = numParam(range, r, "max"),
      dflt = param(range, r, "default");
    return events.map((event): Charge => {
      const written = writtenValue(r, event);
      if (written === undefined) {
        if (dflt === undefined) return heldCharge(event, "没有写分值，规则没有默认值，这一条没有计入。");
        return defaultedCharge(event, r.sign * Number(dflt), `未写分值，按规则表的默认值${dflt}计`);
      }
      const v = Math.min(max, Math.max(min, written));
      return {
        event,
        value: r.sign * v,
        written: true,
        note: v !== written ? `表里写的${written}超出${min}~${max}，按${v}计` : undefined,
      };
    });
  },
);
