import { describe, expect, it } from "vitest";
import { BUILTIN_SCHEMES } from "../../src/engine/schemes";
import { readRulesSheet, renderRulesSheet } from "../../src/engine/rulesSheet";
import type { Cell, SheetGrid } from "../../src/engine/types";
import { generate } from "../../src/engine/run";
import { grid } from "../helpers/grids";

const asGrid = (s: ReturnType<typeof renderRulesSheet>): SheetGrid => ({
  name: s.name,
  cells: s.values.map((r) => r.map((v) => v as Cell)),
});

describe("the rules sheet", () => {
  it.each(BUILTIN_SCHEMES.map((s) => [s.id, s] as const))("%s survives a write and a read back", (_, scheme) => {
    const back = readRulesSheet(asGrid(renderRulesSheet(scheme)));
    expect(back.issues).toEqual([]);
    expect(back.scheme!.rules.map((r) => [r.id, r.kind, r.unit, r.sign, r.events, r.params, r.item])).toEqual(
      scheme.rules.map((r) => [r.id, r.kind, r.unit, r.sign, r.events, r.params, r.item]),
    );
    expect(back.scheme!.bands.map((b) => [b.level, b.metric, b.op, b.value, b.consecutive, b.bonusCutPercent])).toEqual(
      scheme.bands.map((b) => [b.level, b.metric, b.op, b.value, b.consecutive, b.bonusCutPercent]),
    );
    expect(back.scheme!.base).toBe(scheme.base);
  });

  it("shows the settled ambiguity beside the rule, for the manager to read", () => {
    const s = renderRulesSheet(BUILTIN_SCHEMES[0]);
    const text = s.values.flat().join("\n");
    expect(text).toContain("58分");
    expect(text).toContain("恰好30分钟仍按迟到");
  });

  it("a broken parameter is an issue naming its cell, and the run refuses to score", () => {
    const g = asGrid(renderRulesSheet(BUILTIN_SCHEMES[0]));
    const r = g.cells.findIndex((row) => row[1] === "late");
    g.cells[r][6] = "amount=半分";
    const back = readRulesSheet(g);
    expect(back.scheme).toBeNull();
    expect(back.issues[0].message).toContain(`规则!G${r + 1}`);
    const outcome = generate({
      grids: [
        g,
        grid("考勤", [
          ["日期", "姓名", "状态"],
          ["2026-10-02", "小王", "迟到"],
        ]),
      ],
      scheme: "sheet",
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toContain("没有计分");
  });

  it("an edited amount changes the score, and an added keyword classifies new words", () => {
    const g = asGrid(renderRulesSheet(BUILTIN_SCHEMES[0]));
    const r = g.cells.findIndex((row) => row[1] === "late");
    g.cells[r][6] = "amount=1";
    const kw = g.cells.findLastIndex((row) => row[1] === "bad-attitude");
    g.cells[kw][3] = `${g.cells[kw][3]}, 说话难听`;
    const out = generate({
      grids: [
        g,
        grid("考勤", [
          ["日期", "姓名", "状态"],
          ["2026-10-02", "小王", "迟到"],
        ]),
        grid("投诉", [
          ["日期", "客服", "投诉原因"],
          ["2026-10-03", "小王", "客户说话难听"],
        ]),
      ],
      scheme: "sheet",
      month: "2026-10",
    });
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.result.agents[0].score).toBe(10 - 1 - 1);
  });
});

describe("病假 and 事假 count as 请假 unless the rules sheet says otherwise", () => {
  const att = grid("考勤", [
    ["日期", "姓名", "状态"],
    ...[1, 2, 3, 4, 5].map((d) => [`2026-10-0${d}`, "小王", "病假"]),
  ]);
  it("by default the 5th sick day is an absence under pdd-10's allowance", () => {
    const out = generate({ grids: [att], scheme: "pdd-10", month: "2026-10" });
    expect(out.ok && out.result.agents[0].score).toBe(8);
  });
  it("a shop that moves 病假 to statutory leave in its 规则 tab is not deducted", () => {
    const g = asGrid(renderRulesSheet(BUILTIN_SCHEMES[0]));
    const leave = g.cells.findLastIndex((row) => row[1] === "leave");
    const statutory = g.cells.findLastIndex((row) => row[1] === "statutory");
    g.cells[leave][3] = "事假, 请假";
    g.cells[statutory][3] = `病假, ${g.cells[statutory][3]}`;
    const out = generate({ grids: [g, att], scheme: "sheet", month: "2026-10" });
    expect(out.ok).toBe(true);
    if (out.ok) {
      expect(out.result.agents[0].score).toBe(10);
      expect(out.result.agents[0].attendance.statutory).toBe(5);
    }
  });
});
