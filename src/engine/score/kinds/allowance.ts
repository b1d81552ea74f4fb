import { eventLabel } from "../../events";
import { numParam, textParam, type RuleKindDef } from "./kind";

/** The first N events of the month are free; each further one becomes another event type. */
export const allowance: RuleKindDef = {
  id: "allowance",
  label: "每月免扣次数",
  stage: "transform",
  params: [
    { key: "free", label: "每月免扣", type: "number", min: 0, integer: true, unit: "次" },
    { key: "to", label: "超出后按", type: "event" },
  ],
  describe: (r) =>
    `每月前${numParam(allowance, r, "free")}次不扣，之后每次按${eventLabel(textParam(allowance, r, "to"))}计`,
  apply(r, ctx) {
    const free = numParam(allowance, r, "free"),
      to = textParam(allowance, r, "to");
    for (const agent of ctx.agents) {
      let k = 0;
      const evs = ctx.events(agent).map((e) => {
        if (!r.events.includes(e.type) || e.meta?.fromFines) return e;
        k++;
        if (k <= free) {
          ctx.charge(agent, r, { event: e, value: 0, note: `本月第${k}次，在${free}次以内` });
          return e;
        }
        ctx.charge(agent, r, { event: e, value: 0, note: `本月第${k}次，超过${free}次，按${eventLabel(to)}计` });
        return { ...e, type: to, text: `${e.text ?? eventLabel(e.type)}（第${k}次，按${eventLabel(to)}计）` };
      });
      ctx.setEvents(agent, evs);
    }
  },
};
