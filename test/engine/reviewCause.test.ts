// A review that names the after-sale failing behind it: scored as the review where the scheme has a review rule
// (tmall-130), as the failing where it has none (pdd-10, tmall-vouchers), never dropped.
import { describe, expect, it } from "vitest";
import { scoreMonths } from "../../src/engine/score/month";
import { builtinScheme } from "../../src/engine/schemes";
import { classifyReason, reviewCauses } from "../../src/engine/classify";
import { grid, read } from "../helpers/grids";

const complaints = (...rows: [string, string][]) =>
  grid("投诉登记", [["日期", "客服", "投诉原因", "是否查实"], ...rows.map(([n, t]) => ["2026-10-12", n, t, "是"])]);
const roster = grid("人员", [
  ["姓名", "班组"],
  ["小王", "一组"],
  ["李娜", "一组"],
]);
const score = (scheme: string, ...rows: [string, string][]) =>
  scoreMonths(read(roster, complaints(...rows)), builtinScheme(scheme)!, "2026-10").pop()!;
const agent = (r: ReturnType<typeof score>, n: string) => r.agents.find((a) => a.name === n)!;

describe("a review and the failing it names", () => {
  it("pdd-10 has no review rule: 态度差，买家给了差评 is an attitude complaint (−1)", () => {
    const r = score("pdd-10", ["小王", "态度差，买家给了差评"]);
    expect(agent(r, "小王").score).toBe(9);
    expect(agent(r, "小王").lines.map((l) => l.eventType)).toEqual(["bad-attitude"]);
  });

  it("tmall-130 scores the review itself (−5), not the attitude as well", () => {
    const r = score("tmall-130", ["小王", "态度差，买家给了差评"]);
    const lines = agent(r, "小王").lines.filter(
      (l) => !["grade", "item-total"].includes(l.eventType) && l.unit === "points",
    );
    expect(lines.map((l) => [l.eventType, l.value])).toEqual([["low-quality-review", -5]]);
  });

  it("tmall-vouchers: an unhandled after-sale problem that drew a bad review fines the whole group", () => {
    const r = score("tmall-vouchers", ["小王", "售后问题未处理，买家差评并投诉到平台"]);
    expect(agent(r, "小王").fineYuan).toBe(100);
    expect(agent(r, "李娜").fineYuan).toBe(100);
  });

  it("a review alone stays a review: counted, not scored, under pdd-10", () => {
    const r = score("pdd-10", ["小王", "买家给了差评"]);
    expect(agent(r, "小王").score).toBe(10);
    expect(agent(r, "小王").unscored["low-quality-review"]).toBe(1);
  });

  it("keeps an after-sale failing as the cause only when it comes before the review", () => {
    expect(reviewCauses(classifyReason("售后问题未处理，买家差评"))).toEqual(["unhandled-aftersale"]);
    expect(classifyReason("中差评未处理").outcome).toBe("tie");
  });
});
