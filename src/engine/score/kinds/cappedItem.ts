import { E } from "../../events";
import { roundCents } from "../../parse";
import { numParam, textParam, type RuleKindDef } from "./kind";

/**
 * An item starts at its maximum and the rules counted in it (`inItem`) deduct from it, down to 0
 * and no further; the item's own line carries the result.
 */
export const cappedItem: RuleKindDef = {
  id: "capped-item",
  label: "封顶项",
  stage: "item",
  params: [
    { key: "item", label: "项目", type: "text" },
    { key: "max", label: "满分", type: "number", min: 0, unit: "rule" },
  ],
  describe: (r) => `项目满分${numParam(cappedItem, r, "max")}，其中各规则扣到0为止`,
  apply(r, ctx) {
    const item = textParam(cappedItem, r, "item"),
      max = numParam(cappedItem, r, "max");
    for (const agent of ctx.agents) {
      const sum = ctx
        .lines(agent)
        .filter((l) => l.inItem === item)
        .reduce((s, l) => s + l.value, 0);
      const note = `满分${max}，扣${roundCents(-sum)}${max + sum < 0 ? "，扣到0为止" : ""}`;
      ctx.summary(agent, r, roundCents(Math.max(0, max + sum)), note, E.itemTotal);
    }
  },
};
