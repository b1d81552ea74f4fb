import { E } from "../../events";
import type { AgentEvent } from "../../read/model";
import { roundCents } from "../../parse";
import { numParam, parseGradeMap, ruleEvents, textParam, type Charge, type RuleKindDef } from "./kind";
import type { Rule } from "../scheme";

function price(r: Rule, events: AgentEvent[]): Charge[] {
  const item = textParam(grade, r, "item");
  const map = parseGradeMap(textParam(grade, r, "map"));
  return events
    .filter((e) => e.detail === item)
    .map((event): Charge => {
      const v = map.get((event.text ?? "").toLowerCase());
      if (v === undefined)
        return {
          event,
          value: 0,
          held: true,
          issue: {
            code: "grade-unknown",
            severity: "error",
            message: `评级“${event.text ?? ""}”不在对照表（${textParam(grade, r, "map")}）里，这一项没有计分。`,
          },
        };
      return { event, value: roundCents(v), note: `评级${event.text}` };
    });
}

/**
 * A letter grade maps to points. An agent with no grade for the item gets the declared `blank`
 * value, and 数据问题 lists each such agent (their performance row when there is one).
 */
export const grade: RuleKindDef = {
  id: "grade",
  label: "评级",
  stage: "event",
  params: [
    { key: "item", label: "评级项目", type: "text" },
    { key: "map", label: "评级对照", type: "grades" },
    {
      key: "blank",
      label: "没有评级时",
      type: "number",
      unit: "rule",
      default: { value: 0, note: "不写：没有评级按0分计，并在数据问题里逐人列出" },
    },
  ],
  describe: (r) => `评级换分：${textParam(grade, r, "map")}`,
  price,
  apply(r, ctx) {
    const blank = numParam(grade, r, "blank");
    const note = `没有“${r.label}”评级，按规则表的 blank=${blank} 计`;
    const nowhere: string[] = [];
    for (const agent of ctx.agents) {
      const all = ctx.events(agent);
      const charges = price(r, ruleEvents(r, all));
      for (const c of charges) ctx.charge(agent, r, c);
      if (charges.length) continue;
      // On the agent's performance row when there is one (the cell is blank), else listed once below.
      const row = all.find((e) => e.type === E.metric || e.type === E.grade);
      const event: AgentEvent = { ...(row ?? { agent, date: null, month: ctx.month, sources: [] }), type: E.grade };
      delete event.text;
      const issue = row ? { code: "default-applied", severity: "warning" as const, message: note } : undefined;
      ctx.charge(agent, r, { event, value: blank, note, issue });
      if (!row) nowhere.push(agent);
    }
    if (nowhere.length)
      ctx.issue({
        sheet: "",
        row: 0,
        severity: "warning",
        code: "default-applied",
        message: `${nowhere.join("、")}：没有任何“${r.label}”评级的记录，按规则表的 blank=${blank} 计。`,
      });
  },
};
