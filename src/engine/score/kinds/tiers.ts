import { marginal, numParam, parseSteps, perEventKind, textParam, type RuleKindDef } from "./kind";
import { UNIT_WORD } from "./kind";

/** The month's count n maps to a total via steps; below the first step each event costs `per`. */
export const tiers: RuleKindDef = perEventKind(
  {
    id: "tiers",
    label: "阶梯",
    params: [
      { key: "steps", label: "阶梯(次数:总计)", type: "steps" },
      {
        key: "per",
        label: "每次",
        type: "number",
        min: 0,
        unit: "rule",
        default: { value: 0, note: "不写：未达第一级不扣，也不在阶梯之间逐次加扣" },
      },
    ],
    describe: (r) => {
      const steps = parseSteps(textParam(tiers, r, "steps"))
        .map((s) => `${s.at}次共${s.total}${UNIT_WORD[r.unit]}`)
        .join("，");
      const per = numParam(tiers, r, "per");
      return `${per ? `每次${per}${UNIT_WORD[r.unit]}，` : ""}达到${steps}`;
    },
  },
  (r, events) => {
    const per = numParam(tiers, r, "per");
    const steps = parseSteps(textParam(tiers, r, "steps"));
    const total = (n: number) => {
      let t = per * n;
      for (const s of steps) if (n >= s.at) t = s.total + per * (n - s.at);
      return t;
    };
    return marginal(events, total, r.sign);
  },
);
