import { amountText, numParam, perEventKind, priced, textParam, type RuleKindDef } from "./kind";

/** Every event costs (or earns) a fixed amount; a written yuan amount is taken as written. */
export const each: RuleKindDef = perEventKind(
  {
    id: "each",
    label: "每次",
    params: [
      { key: "amount", label: "每次", type: "number", min: 0, unit: "rule" },
      { key: "action", label: "处理", type: "text", optional: true, hint: "不写：不处理" },
    ],
    describe: (r) =>
      `每次${amountText(r, numParam(each, r, "amount"))}${r.params.action ? `，并${r.params.action}` : ""}`,
  },
  (r, events) =>
    events.map((event) => {
      const p = priced(r, event, numParam(each, r, "amount"));
      const action = textParam(each, r, "action") || undefined;
      return { event, value: r.sign * p.value, written: p.written, action };
    }),
);
