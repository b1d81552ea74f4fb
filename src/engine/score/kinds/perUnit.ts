import { eventDef } from "../../events";
import {
  amountText,
  defaultedCharge,
  heldCharge,
  numParam,
  perEventKind,
  param,
  textParam,
  type Charge,
  type RuleKindDef,
} from "./kind";

/**
 * An event with a measure costs x per unit beyond a grace. A measure within the grace is not a
 * violation (a 30 s greeting is not charged); a missing measure holds the row unless the rule
 * declares how many units a blank counts as.
 */
export const perUnit: RuleKindDef = perEventKind(
  {
    id: "per-unit",
    label: "按单位",
    params: [
      { key: "unit", label: "每单位", type: "number", min: 0, unit: "秒/分钟" },
      { key: "amount", label: "每单位金额", type: "number", min: 0, unit: "rule" },
      { key: "grace", label: "免计", type: "number", min: 0, default: { value: 0, note: "不写：从0起算" } },
      {
        key: "rounding",
        label: "取整",
        type: "choice",
        choices: ["started", "full"],
        default: { value: "started", note: "不写：started（每开始一个单位就计）；full 为满一个单位才计" },
      },
      {
        key: "blankUnits",
        label: "未写时长按几个单位",
        type: "number",
        min: 0,
        optional: true,
        hint: "不写：没有时长的记录不计分，列入数据问题",
      },
    ],
    describe: (r) => {
      const word = eventDef(r.events[0] ?? "")?.measure ?? "";
      const step = textParam(perUnit, r, "rounding") === "full" ? "满" : "开始";
      return `超过${numParam(perUnit, r, "grace")}${word}后，每${step}${numParam(perUnit, r, "unit")}${word}${amountText(r, numParam(perUnit, r, "amount"))}；未超过的不算违规`;
    },
  },
  (r, events) => {
    const unit = numParam(perUnit, r, "unit"),
      grace = numParam(perUnit, r, "grace"),
      amount = numParam(perUnit, r, "amount");
    const started = textParam(perUnit, r, "rounding") !== "full";
    const blank = param(perUnit, r, "blankUnits");
    return events.map((event): Charge => {
      if (r.unit === "yuan" && event.amount !== undefined)
        return { event, value: r.sign * event.amount, written: true };
      const word = eventDef(event.type)?.measure ?? "";
      const m = event.measure;
      if (m === undefined) {
        if (blank === undefined) return heldCharge(event, `没有写时长（${word}），无法计算，这一条没有计入。`);
        return defaultedCharge(
          event,
          r.sign * Number(blank) * amount,
          `未写时长，按规则表的 blankUnits=${blank} 个单位计`,
        );
      }
      if (m <= grace) return { event, value: 0, note: `${m}${word}，未超过${grace}${word}，不算违规` };
      const over = m - grace;
      const units = started ? Math.ceil(over / unit - 1e-9) : Math.floor(over / unit + 1e-9);
      return { event, value: r.sign * units * amount, note: `${m}${word} 超出 ${grace}${word} → ${units} 个单位` };
    });
  },
);
