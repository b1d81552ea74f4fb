import type { AgentEvent } from "../../read/model";
import { byDateThenRow } from "../order";
import { ACTION_PARAMS, actionFor, numParam, textParam, type MonthContext, type RuleKindDef } from "./kind";
import type { Rule } from "../scheme";

/**
 * From the `from`-th event of the month the fine is charged to every member of the offender's group
 * (班组); before that only the offender pays `solo`. Without a group on the roster only the offender pays.
 */
export const groupFine: RuleKindDef = {
  id: "group-fine",
  label: "班组连带",
  stage: "group",
  params: [
    { key: "amount", label: "每人", type: "number", min: 0, unit: "rule" },
    {
      key: "from",
      label: "第几次起连带",
      type: "number",
      min: 1,
      integer: true,
      unit: "次",
      default: { value: 1, note: "不写：第一次起就连带" },
    },
    {
      key: "solo",
      label: "连带前当事人罚",
      type: "number",
      min: 0,
      unit: "rule",
      default: { value: 0, note: "不写：连带前不罚（from=1 时用不到）" },
    },
    ...ACTION_PARAMS,
  ],
  describe: (r) =>
    `第${numParam(groupFine, r, "from")}次起班组每人${numParam(groupFine, r, "amount")}元${numParam(groupFine, r, "from") > 1 ? `，之前当事人${numParam(groupFine, r, "solo")}元` : ""}${r.params.actionAt ? `；第${r.params.actionAt}次起当事人${textParam(groupFine, r, "action")}` : ""}`,
  apply(r, ctx) {
    for (const offender of ctx.agents) {
      const mine = ctx
        .events(offender)
        .filter((e) => r.events.includes(e.type))
        .sort(byDateThenRow);
      mine.forEach((e, i) => chargeOne(r, ctx, offender, e, i + 1));
    }
  },
};

function chargeOne(r: Rule, ctx: MonthContext, offender: string, e: AgentEvent, k: number) {
  const amount = numParam(groupFine, r, "amount");
  const act = actionFor(groupFine, r, k);
  if (k < numParam(groupFine, r, "from")) {
    const value = -(e.amount ?? numParam(groupFine, r, "solo"));
    ctx.charge(offender, r, { event: e, value, note: `本月第${k}次，当事人罚款`, action: act });
    return;
  }
  const group = ctx.groups[offender];
  const members = group ? ctx.agents.filter((a) => ctx.groups[a] === group) : [offender];
  for (const member of members) {
    const note = group
      ? `本月第${k}次，${group}每人罚款${member === offender ? "" : `（${offender}所致）`}`
      : `本月第${k}次；花名册没有班组，只罚当事人`;
    ctx.charge(
      member,
      r,
      { event: e, value: -amount, note, action: member === offender ? act : undefined },
      { groupOf: member === offender ? undefined : offender },
    );
  }
}
