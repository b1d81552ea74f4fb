import { eventLabel } from "../../events";
import { numParam, textParam, type RuleKindDef } from "./kind";

/** An event whose measure passes a limit becomes another event type (late > 30 min → absence). */
export const convert: RuleKindDef = {
  id: "convert",
  label: "转换",
  stage: "transform",
  params: [
    { key: "above", label: "超过", type: "number", min: 0, unit: "分钟/秒" },
    { key: "to", label: "转为", type: "event" },
  ],
  describe: (r) => `超过${numParam(convert, r, "above")}转为${eventLabel(textParam(convert, r, "to"))}；恰好等于不转`,
  apply(r, ctx) {
    const above = numParam(convert, r, "above"),
      to = textParam(convert, r, "to");
    for (const agent of ctx.agents) {
      const evs = ctx.events(agent).map((e) => {
        if (!r.events.includes(e.type) || e.measure === undefined || e.measure <= above) return e;
        ctx.charge(agent, r, {
          event: e,
          value: 0,
          note: `${eventLabel(e.type)}${e.measure}分钟，超过${above}分钟，转为${eventLabel(to)}`,
        });
        return { ...e, type: to, text: `${e.text ?? eventLabel(e.type)}（转为${eventLabel(to)}）` };
      });
      ctx.setEvents(agent, evs);
    }
  },
};
