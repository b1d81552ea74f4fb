// Points written in a 加分 / 扣分 column on a row the scheme has no rule for change nothing: a data issue says so.
import { describe, expect, it } from "vitest";
import { scoreMonths } from "../../src/engine/score/month";
import { builtinScheme } from "../../src/engine/schemes";
import { grid, read } from "../helpers/grids";

const sheet = (...rows: [string, number | null, number | null, string][]) =>
  grid("罚款", [["日期", "姓名", "加分", "扣分", "事由"], ...rows.map(([n, p, m, t]) => ["2026-10-20", n, p, m, t])]);
const october = (scheme: string, ...rows: [string, number | null, number | null, string][]) =>
  scoreMonths(read(sheet(...rows)), builtinScheme(scheme)!, "2026-10").pop()!;

describe("written points no rule scores", () => {
  it("pdd-10: 加分 2 for overtime leaves the score at 10 and names the 加分 column and the row", () => {
    const r = october("pdd-10", ["陈静", 2, null, "主动加班处理售后"], ["小王", null, 1, "未完成当日工作"]);
    expect(r.agents.find((a) => a.name === "陈静")!.score).toBe(10);
    const lines = r.issues.filter((i) => i.code === "points-no-rule");
    expect(lines.map((i) => `${i.sheet}!${i.row}`)).toEqual(["罚款!2"]);
    expect(lines[0].message).toContain("加分");
    expect(lines[0].message).toContain("2 分");
  });

  it("a 扣分 on a kind the scheme has no rule for (早退 under pdd-10) is named as well; a scored one is not", () => {
    const r = october("pdd-10", ["小王", null, 1, "早退"], ["李娜", null, 1, "未完成当日工作"]);
    const lines = r.issues.filter((i) => i.code === "points-no-rule");
    expect(lines.map((i) => i.row)).toEqual([2]);
    expect(lines[0].message).toContain("扣分");
    expect(r.agents.find((a) => a.name === "李娜")!.score).toBe(9);
  });
});
