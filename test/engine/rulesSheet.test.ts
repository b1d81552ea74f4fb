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
    expect([back.scheme!.okLabel, back.scheme!.params]).toEqual([scheme.okLabel, scheme.params]);
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

describe("one schema validates every parameter the 规则 tab holds", () => {
  const sheetOf = (id: string) => asGrid(renderRulesSheet(BUILTIN_SCHEMES.find((s) => s.id === id)!));
  const rowOf = (g: SheetGrid, id: string) => g.cells.findIndex((row) => row[1] === id);
  const refusal = (g: SheetGrid) => {
    const back = readRulesSheet(g);
    expect(back.scheme).toBeNull();
    return back.issues.map((i) => i.message).join("\n");
  };

  it.each([
    ["blank", "late", "amount=", "是空的"],
    ["wrong type", "late", "amount=半分", "不是数字"],
    ["out of range", "not-logged-in", "n=0; amount=5", "超出范围"],
    ["unknown parameter", "late", "amout=1", "是不是“amount”"],
    ["missing", "late", "", "缺少参数 amount"],
  ])("refuses a %s parameter with its cell", (_, rule, params, why) => {
    const g = sheetOf("pdd-10");
    const r = rowOf(g, rule);
    g.cells[r][6] = params;
    const text = refusal(g);
    expect(text).toContain(`规则!G${r + 1}`);
    expect(text).toContain(why);
  });

  it("refuses an unknown event type and suggests the nearest", () => {
    const g = sheetOf("pdd-10");
    const r = rowOf(g, "late");
    g.cells[r][3] = "lat";
    expect(refusal(g)).toMatch(new RegExp(`规则!D${r + 1}.*是不是“late”`));
  });

  it("refuses an unknown keyword type, an unknown setting and a band naming a missing setting", () => {
    const g = sheetOf("tmall-130");
    const kw = g.cells.findLastIndex((row) => row[1] === "praise");
    g.cells[kw][1] = "prais";
    const setting = rowOf(g, "handOverDays");
    g.cells[setting][3] = "40";
    const text = refusal(g);
    expect(text).toContain(`规则!B${kw + 1}`);
    expect(text).toContain(`规则!D${setting + 1}`);
    const g2 = sheetOf("tmall-130");
    g2.cells.splice(rowOf(g2, "passPercent"), 1);
    expect(refusal(g2)).toContain("passPercent");
  });

  it("accepts a parameter under its Chinese label and a type under its Chinese name", () => {
    const g = sheetOf("pdd-10");
    const r = rowOf(g, "late");
    g.cells[r][6] = "每次=1";
    g.cells[r][3] = "迟到";
    const back = readRulesSheet(g);
    expect(back.issues).toEqual([]);
    expect(back.scheme!.rules.find((x) => x.id === "late")).toMatchObject({ events: ["late"], params: { amount: 1 } });
  });

  it("shows each rule's meaning and each setting's default with its note", () => {
    const text = sheetOf("taobao-fines").cells.flat().join("\n");
    expect(text).toContain("grace 免计");
    expect(text).toContain("handOverDays");
    expect(text).toContain("每个月底前10天交给财务");
  });

  it("an edited setting changes the figures: hand-over offset and tmall-130's pass line", () => {
    const g = sheetOf("tmall-130");
    g.cells[rowOf(g, "handOverDays")][3] = 3;
    g.cells[rowOf(g, "passPercent")][3] = 10;
    const out = generate({
      grids: [
        g,
        grid("快递", [
          ["日期", "快递公司", "问题", "金额"],
          ["2026-10-05", "韵达", "丢件", 20],
        ]),
        grid("考勤", [
          ["日期", "姓名", "状态"],
          ["2026-10-02", "小王", "迟到"],
        ]),
      ],
      scheme: "sheet",
      month: "2026-10",
    });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.result.courier[0]?.handOverDate).toBe("2026-10-28");
    // 15 of 130 is 11.5 %: above a 10 % pass line.
    expect(out.result.agents[0]).toMatchObject({ score: 15, level: 0 });
  });

  it("a 规则 tab from before the settings section (params in 【方案】 column F) still reads", () => {
    const g = sheetOf("tmall-30");
    const start = g.cells.findIndex((row) => row[0] === "【方案参数】");
    const end = g.cells.findIndex((row) => row[0] === "【规则】");
    g.cells.splice(start, end - start);
    g.cells[g.cells.findIndex((row) => row[1] === "tmall-30")][5] = "bonusLine=25; bonusPerPoint=2";
    const back = readRulesSheet(g);
    expect(back.issues).toEqual([]);
    expect(back.scheme!.params).toEqual({ bonusLine: 25, bonusPerPoint: 2 });
  });
});
