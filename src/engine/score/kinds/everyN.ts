import { amountText, marginal, numParam, perEventKind, type RuleKindDef } from "./kind";

/** Each full block of n events in the month costs x; fewer than n cost nothing. */
export const everyN: RuleKindDef = perEventKind(
  {
    id: "every-n",
    label: "每满N次",
    params: [
      { key: "n", label: "每满几次", type: "number", min: 1, integer: true, unit: "次" },
      { key: "amount", label: "金额/分值", type: "number", min: 0, unit: "rule" },
    ],
    describe: (r) => `每满${numParam(everyN, r, "n")}次${amountText(r, numParam(everyN, r, "amount"))}`,
  },
  (r, events) => {
    const n = numParam(everyN, r, "n"),
      amount = numParam(everyN, r, "amount");
    return marginal(events, (k) => Math.floor(k / n) * amount, r.sign);
  },
);
