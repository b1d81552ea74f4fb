import { amountText, numParam, perEventKind, priced, type RuleKindDef } from "./kind";

/** The month's first event is a recorded warning; the second and later cost x each. */
export const firstWarning: RuleKindDef = perEventKind(
  {
    id: "first-warning",
    label: "首次警告",
    params: [{ key: "amount", label: "第二次起每次", type: "number", min: 0, unit: "rule" }],
    describe: (r) => `当月第一次警告，之后每次${amountText(r, numParam(firstWarning, r, "amount"))}`,
  },
  (r, events) =>
    events.map((event, i) => {
      if (i === 0) return { event, value: 0, note: "当月第一次：警告，不扣分" };
      const p = priced(r, event, numParam(firstWarning, r, "amount"));
      return { event, value: r.sign * p.value, written: p.written };
    }),
);
