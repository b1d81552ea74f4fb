import { E } from "../../events";
import { amountText, numParam, type RuleKindDef } from "./kind";

/** A bonus when the month's deduction lines are at most n (a first-warning is not a deduction). */
export const cleanMonth: RuleKindDef = {
  id: "clean-month",
  label: "全月少扣分奖励",
  stage: "month",
  params: [
    { key: "max", label: "扣分次数不超过", type: "number", min: 0, integer: true, unit: "次" },
    { key: "bonus", label: "奖励", type: "number", min: 0, unit: "rule" },
  ],
  describe: (r) =>
    `当月扣分不超过${numParam(cleanMonth, r, "max")}次${amountText(r, numParam(cleanMonth, r, "bonus"))}`,
  apply(r, ctx) {
    const max = numParam(cleanMonth, r, "max"),
      bonus = numParam(cleanMonth, r, "bonus");
    for (const agent of ctx.agents) {
      const deductions = ctx.lines(agent).filter((l) => l.unit === "points" && l.value < 0).length;
      if (deductions <= max) ctx.summary(agent, r, r.sign * bonus, `本月扣分${deductions}次`, E.monthBonus);
    }
  },
};
