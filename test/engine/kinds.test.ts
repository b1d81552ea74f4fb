import { describe, expect, it } from "vitest";
import * as K from "../../src/engine/score/kinds";
import type { Rule } from "../../src/engine/score/scheme";
import { ev, times } from "../helpers/score";
import { KINDS } from "../../src/engine/score/kinds";
import { readParams } from "../../src/engine/score/params";
import { BUILTIN_SCHEMES } from "../../src/engine/schemes";

const rule = (kind: Rule["kind"], params: Rule["params"], unit: Rule["unit"] = "points", sign: 1 | -1 = -1): Rule => ({
  id: "r",
  label: "r",
  events: ["x"],
  kind,
  unit,
  sign,
  params,
  note: "",
});
const values = (cs: K.Charge[]) => cs.map((c) => c.value);

describe("rule kinds", () => {
  it("each: every event costs x", () =>
    expect(values(K.priceEvents(rule("each", { amount: 0.5 }), times(3, "a", "x")))).toEqual([-0.5, -0.5, -0.5]));

  it("per-unit: 5 yuan per started 30 s beyond 30 s (45 s → 5, 61 s → 10, 30 s → 0)", () => {
    const r = rule("per-unit", { unit: 30, grace: 30, amount: 5, rounding: "started" }, "yuan");
    expect(
      values(
        K.priceEvents(
          r,
          [45, 61, 30, 90].map((s) => ev("a", "x", "2026-10-01", { measure: s })),
        ),
      ),
    ).toEqual([-5, -10, 0, -10]);
    const full = rule("per-unit", { unit: 30, grace: 30, amount: 5, rounding: "full" }, "yuan");
    expect(
      values(
        K.priceEvents(
          full,
          [45, 61].map((s) => ev("a", "x", "2026-10-01", { measure: s })),
        ),
      ),
    ).toEqual([0, -5]);
  });

  it("tiers: attitude complaints cost 1,2,5,6,10,11 for n = 1…6 (marginal 1,1,3,1,4,1)", () => {
    const r = rule("tiers", { per: 1, steps: "3:5,5:10" });
    for (let n = 1; n <= 6; n++) {
      const total = -values(K.priceEvents(r, times(n, "a", "x"))).reduce((s, v) => s + v, 0);
      expect(total).toBe([1, 2, 5, 6, 10, 11][n - 1]);
    }
  });

  it("tiers with per 0: nothing until the 3rd, then 5, then 10 at the 5th", () => {
    const r = rule("tiers", { per: 0, steps: "3:5,5:10" });
    expect(values(K.priceEvents(r, times(6, "a", "x")))).toEqual([0, 0, -5, 0, -5, 0]);
  });

  it("every-n: 5 per full block of 3", () =>
    expect(values(K.priceEvents(rule("every-n", { n: 3, amount: 5 }), times(7, "a", "x")))).toEqual([
      0, 0, -5, 0, 0, -5, 0,
    ]));

  it("first-warning: the first is a recorded warning, not a deduction", () => {
    const cs = K.priceEvents(rule("first-warning", { amount: 2 }), times(3, "a", "x"));
    expect(values(cs)).toEqual([0, -2, -2]);
    expect(cs[0].note).toContain("警告");
  });

  it("escalating: 10, 20, 40 and the action from the 3rd; a written amount keeps its place", () => {
    const r = rule("escalating", { amount: 10, actionAt: 3, action: "自动离职" }, "yuan");
    const evs = times(3, "a", "x");
    evs[1].amount = 15;
    const cs = K.priceEvents(r, evs);
    expect(values(cs)).toEqual([-10, -15, -40]);
    expect(cs.map((c) => c.action)).toEqual([undefined, undefined, "自动离职"]);
  });

  it("range: written points within bounds, blank is the default, outside is clamped and noted", () => {
    const r = rule("range", { min: 0, max: 1, default: 0.5 });
    const cs = K.priceEvents(r, [
      ev("a", "x", "2026-10-01"),
      ev("a", "x", "2026-10-02", { points: 1 }),
      ev("a", "x", "2026-10-03", { points: 3 }),
      ev("a", "x", "2026-10-04", { points: 0 }),
    ]);
    expect(values(cs)).toEqual([-0.5, -1, -1, 0]);
    expect(cs[2].note).toContain("超出");
  });

  it("grade: a letter maps to points", () => {
    const r = rule("grade", { item: "gradeQuality", map: "优=20,良=15,中=10,差=0" }, "points", 1);
    expect(
      values(
        K.priceEvents(r, [
          ev("a", "grade", null, { detail: "gradeQuality", text: "良" }),
          ev("a", "grade", null, { detail: "gradeExecution", text: "优" }),
        ]),
      ),
    ).toEqual([15]);
  });

  it("rank: ties share the better place (1, 1, 3)", () => {
    const m = K.rankAwards(
      [
        { agent: "a", value: 100 },
        { agent: "b", value: 100 },
        { agent: "c", value: 90 },
        { agent: "d", value: 80 },
      ],
      [5, 3, 1],
    );
    expect([...m.entries()].map(([k, v]) => [k, v.place, v.points])).toEqual([
      ["a", 1, 5],
      ["b", 1, 5],
      ["c", 3, 1],
      ["d", 4, 0],
    ]);
  });
});

describe("the registry of rule kinds", () => {
  it("names each kind by its own id and declares each parameter once, with a Chinese label", () => {
    for (const [id, def] of Object.entries(KINDS)) {
      expect(def.id).toBe(id);
      const names = def.params.flatMap((p) => [p.key, p.label]);
      expect(new Set(names).size, id).toBe(names.length);
      for (const p of def.params) expect(p.label, `${id}.${p.key}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("every built-in rule passes its kind's schema, so the presets are validated by the same code as 规则", () => {
    for (const s of BUILTIN_SCHEMES)
      for (const r of s.rules) {
        const def = KINDS[r.kind];
        const typed = Object.fromEntries(Object.entries(r.params).map(([k, v]) => [k, String(v)]));
        expect(readParams(def.params, typed, def.check).errors, `${s.id}/${r.id}`).toEqual([]);
      }
  });
});

describe("no silent defaults when pricing", () => {
  it("per-unit: within the grace is no violation; a delay with no seconds is held as a data issue", () => {
    const r = rule("per-unit", { unit: 30, grace: 30, amount: 5 }, "yuan");
    const [within, blank] = K.priceEvents(r, [ev("a", "x", "2026-10-01", { measure: 30 }), ev("a", "x", "2026-10-02")]);
    expect([within.value, within.note]).toEqual([0, expect.stringContaining("不算违规")]);
    expect([blank.held, blank.issue?.severity]).toEqual([true, "error"]);
  });

  it("per-unit: a blank counts as the units the rule declares, and says so", () => {
    const r = rule("per-unit", { unit: 30, grace: 30, amount: 5, blankUnits: 1 }, "yuan");
    const [c] = K.priceEvents(r, [ev("a", "x", "2026-10-02")]);
    expect([c.value, c.held, c.issue?.code]).toEqual([-5, undefined, "default-applied"]);
  });

  it("range: a blank without a declared default is held; with one it is applied and listed", () => {
    const held = K.priceEvents(rule("range", { min: 0, max: 1 }), [ev("a", "x", "2026-10-01")]);
    expect(held[0].held).toBe(true);
    const dflt = K.priceEvents(rule("range", { min: 0, max: 1, default: 0.5 }), [ev("a", "x", "2026-10-01")]);
    expect([dflt[0].value, dflt[0].issue?.code]).toEqual([-0.5, "default-applied"]);
  });

  it("grade: a grade outside the table is held, not counted as 0", () => {
    const r = rule("grade", { item: "gradeQuality", map: "优=20,良=15" }, "points", 1);
    const [c] = K.priceEvents(r, [ev("a", "grade", null, { detail: "gradeQuality", text: "差" })]);
    expect([c.held, c.issue?.code]).toEqual([true, "grade-unknown"]);
  });

  it("rank: a figure where lower is better (churn) ranks the lowest first", () => {
    const m = K.rankAwards(
      [
        { agent: "a", value: 0.3 },
        { agent: "b", value: 0.1 },
        { agent: "c", value: 0.2 },
      ],
      [5, 3, 1],
      "low",
    );
    expect([...m.entries()].map(([k, v]) => [k, v.place])).toEqual([
      ["b", 1],
      ["c", 2],
      ["a", 3],
    ]);
  });
});
