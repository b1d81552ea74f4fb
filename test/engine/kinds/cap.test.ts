import { describe, expect, it } from "vitest";
import { priceEvents } from "../../../src/engine/score/kinds";
import { readRulesSheet, renderRulesSheet } from "../../../src/engine/rulesSheet";
import { builtinScheme } from "../../../src/engine/schemes";
import type { Rule } from "../../../src/engine/score/scheme";
import type { Cell } from "../../../src/engine/types";
import { times } from "../../helpers/score";

const late: Rule = {
  id: "late-capped",
  label: "迟到（每月最多扣3分）",
  events: ["late"],
  kind: "cap",
  unit: "points",
  sign: -1,
  params: { amount: 0.5, max: 3 },
  note: "",
};

describe("cap: each event costs x until the month's total reaches the cap", () => {
  it("0.5 a late, at most 3 a month: the 7th and 8th cost nothing and say why", () => {
    const cs = priceEvents(late, times(8, "a", "late"));
    expect(cs.map((c) => c.value)).toEqual([-0.5, -0.5, -0.5, -0.5, -0.5, -0.5, 0, 0]);
    expect(cs[7].note).toContain("上限3分");
  });

  it("is written to and read back from 规则 with its parameters validated", () => {
    const s = { ...builtinScheme("pdd-10")!, rules: [late] };
    const grid = (v: (string | number | boolean | null)[][]) => ({ name: "规则", cells: v as Cell[][] });
    const sheet = renderRulesSheet(s);
    expect(readRulesSheet(grid(sheet.values)).scheme!.rules[0]).toMatchObject({ kind: "cap", params: late.params });
    const broken = sheet.values.map((r) => (r[1] === late.id ? r.map((c, i) => (i === 6 ? "amount=0.5" : c)) : r));
    expect(readRulesSheet(grid(broken)).issues[0].message).toContain("缺少参数 max");
  });
});
