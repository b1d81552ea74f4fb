import { UNIT_WORD, amountText, marginal, numParam, perEventKind, type RuleKindDef } from "./kind";

/** Every event costs x, and the rule's month total stops at a cap (迟到每次0.5分，每月最多扣3分). */
export const cap: RuleKindDef = perEventKind(
  {
    id: "cap",
    label: "每次（每月封顶）",
    params: [
      { key: "amount", label: "每次", type: "number", min: 0, unit: "rule" },
      { key: "max", label: "每月最多", type: "number", min: 0, unit: "rule" },
    ],
    describe: (r) =>
      `每次${amountText(r, numParam(cap, r, "amount"))}，每月最多${numParam(cap, r, "max")}${UNIT_WORD[r.unit]}`,
  },
  (r, events) => {
    const amount = numParam(cap, r, "amount"),
      max = numParam(cap, r, "max");
    return marginal(events, (n) => Math.min(max, n * amount), r.sign).map((c) =>
      c.value === 0 ? { ...c, note: `已达每月上限${max}${UNIT_WORD[r.unit]}，不再加扣` } : c,
    );
  },
);
