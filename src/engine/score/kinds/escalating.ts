import {
  ACTION_PARAMS,
  actionFor,
  amountText,
  numParam,
  perEventKind,
  priced,
  textParam,
  type RuleKindDef,
} from "./kind";

/** The k-th event of the month costs x × 2^(k−1); from the `actionAt`-th the action fires too. */
export const escalating: RuleKindDef = perEventKind(
  {
    id: "escalating",
    label: "翻倍",
    params: [{ key: "amount", label: "第一次", type: "number", min: 0, unit: "rule" }, ...ACTION_PARAMS],
    describe: (r) =>
      `第一次${amountText(r, numParam(escalating, r, "amount"))}，之后每次翻倍${r.params.actionAt ? `；第${r.params.actionAt}次起${textParam(escalating, r, "action")}` : ""}`,
  },
  (r, events) => {
    const amount = numParam(escalating, r, "amount");
    return events.map((event, i) => {
      const k = i + 1;
      const p = priced(r, event, amount * 2 ** (k - 1));
      return {
        event,
        value: r.sign * p.value,
        written: p.written,
        note: `本月第${k}次`,
        action: actionFor(escalating, r, k),
      };
    });
  },
);
