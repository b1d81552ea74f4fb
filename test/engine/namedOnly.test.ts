// An agent named only on rows that score nothing (not verified, a colleague's quarrel) stays on that month's
// scorecard with nothing charged, instead of vanishing from it.
import { describe, expect, it } from "vitest";
import { scoreMonths } from "../../src/engine/score/month";
import { builtinScheme } from "../../src/engine/schemes";
import { grid, read } from "../helpers/grids";

const complaints = grid("投诉", [
  ["日期", "旺旺", "投诉内容", "是否查实"],
  ["2026-10-12", "陈静", "买家投诉服务态度差", "是"],
  ["2026-10-22", "刘洋", "和同事吵架", "是"],
  ["2026-10-23", "刘洋", "顾客投诉发货慢，说客服不理人", "否"],
  ["2026-09-20", "周杰", "态度差", "否"],
]);

describe("an agent named only on rows set aside", () => {
  const r = read(complaints);
  const scheme = builtinScheme("taobao-fines")!;
  const oct = scoreMonths(r, scheme, "2026-10").pop()!;

  it("is on the month's scorecard with 0 元 and level 0", () => {
    const liu = oct.agents.find((a) => a.name === "刘洋");
    expect(liu, "刘洋 on the October scorecard").toBeDefined();
    expect(liu!.fineYuan).toBe(0);
    expect(liu!.level).toBe(0);
    expect(oct.agents.find((a) => a.name === "陈静")!.fineYuan).toBe(50);
  });

  it("only in the month of those rows", () => {
    expect(oct.agents.map((a) => a.name)).not.toContain("周杰");
    expect(
      scoreMonths(r, scheme, "2026-09")
        .pop()!
        .agents.map((a) => a.name),
    ).toEqual(["周杰"]);
  });
});
