import { describe, expect, it } from "vitest";
import { agentOf, ev, scoreWith, times } from "../helpers/score";
import { builtinScheme } from "../../src/engine/schemes";

describe("pdd-10", () => {
  it("late exactly 30 minutes is late; 31 is an absence", () => {
    const r = scoreWith("pdd-10", [
      ev("小王", "late", "2026-10-02", { measure: 30 }),
      ev("小王", "late", "2026-10-03", { measure: 31 }),
    ]);
    const a = agentOf(r, "小王");
    expect(a.score).toBe(10 - 0.5 - 2);
    expect(a.byRule.late.value).toBe(-0.5);
    expect(a.byRule.absence.value).toBe(-2);
  });

  it("the 4th leave of a month is free, the 5th is an absence; statutory leave never counts", () => {
    const evs = [
      ...times(4, "小王", "leave"),
      ev("小王", "statutory", "2026-10-09", { detail: "年假" }),
      ev("小王", "swap", "2026-10-10"),
    ];
    expect(agentOf(scoreWith("pdd-10", evs), "小王").score).toBe(8);
    expect(agentOf(scoreWith("pdd-10", evs.slice(0, 4)), "小王").score).toBe(10);
  });

  it("a forgotten clock-in counts as a swap toward the allowance", () => {
    const evs = [...times(4, "小王", "swap"), ev("小王", "missed-punch", "2026-10-20")];
    expect(agentOf(scoreWith("pdd-10", evs), "小王").score).toBe(8);
  });

  it("a score exactly on the band line is flagged (≤ 5 warning, ≤ 2 punishment)", () => {
    const five = agentOf(scoreWith("pdd-10", [ev("a", "unauthorised", "2026-10-02")]), "a");
    expect([five.score, five.level, five.label]).toEqual([5, 1, "口头警告"]);
    const two = agentOf(
      scoreWith("pdd-10", [
        ev("a", "unauthorised", "2026-10-02"),
        ev("a", "late", "2026-10-03"),
        ...times(1, "a", "absence").map((e) => ({ ...e, date: "2026-10-04" })),
        ev("a", "late", "2026-10-05"),
      ]),
      "a",
    );
    expect([two.score, two.level]).toEqual([2, 2]);
    const fine = agentOf(scoreWith("pdd-10", [ev("a", "late", "2026-10-02")]), "a");
    expect([fine.score, fine.level, fine.label]).toEqual([9.5, 0, "正常"]);
  });

  it("the score is not clamped", () => {
    expect(agentOf(scoreWith("pdd-10", times(3, "a", "unauthorised")), "a").score).toBe(-5);
  });

  it("three consecutive months at warning level or worse is 严重处罚", () => {
    const evs = ["2026-08", "2026-09", "2026-10"].map((m) => ev("a", "unauthorised", `${m}-05`));
    const oct = agentOf(scoreWith("pdd-10", evs, "2026-10"), "a");
    expect([oct.level, oct.label, oct.streak]).toEqual([3, "严重处罚", 3]);
    const gap = agentOf(scoreWith("pdd-10", [evs[0], evs[2], ev("a", "late", "2026-09-03")], "2026-10"), "a");
    expect(gap.level).toBe(1);
  });

  it("an attendance kind the scheme has no rule for is counted, not scored", () => {
    const a = agentOf(scoreWith("pdd-10", [ev("a", "early", "2026-10-02")]), "a");
    expect(a.score).toBe(10);
    expect(a.unscored).toEqual({ early: 1 });
  });

  it("not logged in: 5 per full 3; slow-response tiers; unfinished work defaults to 0.5", () => {
    const a = agentOf(
      scoreWith("pdd-10", [
        ...times(4, "a", "not-logged-in"),
        ...times(3, "a", "slow-response"),
        ev("a", "unfinished", "2026-10-20"),
      ]),
      "a",
    );
    expect(a.score).toBe(10 - 5 - 5 - 0.5);
  });
});

describe("taobao-fines", () => {
  it("handover: 10, 20, and the 3rd is 40 yuan plus dismissal", () => {
    const a = agentOf(scoreWith("taobao-fines", times(3, "a", "handover")), "a");
    expect([a.score, a.fineYuan, a.level, a.actions]).toEqual([null, 70, 2, ["自动离职"]]);
  });
  it("a second handover with 10 typed in the sheet is still the second", () => {
    const evs = times(3, "a", "handover");
    evs[1].amount = 10;
    const a = agentOf(scoreWith("taobao-fines", evs), "a");
    expect(a.lines.filter((l) => l.ruleId === "handover").map((l) => l.value)).toEqual([-10, -10, -40]);
  });
  it("greeting delays priced per started 30 s", () => {
    const a = agentOf(
      scoreWith("taobao-fines", [
        ev("a", "greeting-delay", "2026-10-02", { measure: 45 }),
        ev("a", "greeting-delay", "2026-10-03", { measure: 61 }),
      ]),
      "a",
    );
    expect(a.fineYuan).toBe(15);
    expect(a.level).toBe(1);
  });
  it("complaints escalate within the month and suggestions are company rewards, not fines", () => {
    const a = agentOf(
      scoreWith("taobao-fines", [
        ev("a", "bad-attitude", "2026-10-02"),
        ev("a", "quarrel", "2026-10-09"),
        ev("a", "suggestion", "2026-10-10", { amount: 50 }),
      ]),
      "a",
    );
    expect([a.fineYuan, a.rewardYuan]).toEqual([150, 50]);
  });
});

describe("tmall-30", () => {
  it("first deduction is a warning; ties share the top sales place; clean month bonus", () => {
    const evs = [
      ev("a", "metric", null, { meta: { sales: 9000 } }),
      ev("b", "metric", null, { meta: { sales: 9000 } }),
      ev("c", "metric", null, { meta: { sales: 5000 } }),
      ev("a", "bad-attitude", "2026-10-02"),
      ev("a", "bad-attitude", "2026-10-03"),
      ...times(4, "c", "private-discount"),
    ];
    const r = scoreWith("tmall-30", evs);
    expect(agentOf(r, "a").score).toBe(30 + 5 - 1 + 3);
    expect(agentOf(r, "b").score).toBe(30 + 5 + 3);
    const c = agentOf(r, "c");
    expect(c.score).toBe(30 + 1 - 6);
    expect([c.level, c.bonusCutPercent]).toEqual([0, 0]);
    expect(agentOf(r, "b").bonusCutPercent).toBe(-13);
  });
  it("bands: below 25 cuts 10%, below 15 the whole bonus; above 25 earns 1% a point; a major error means probation", () => {
    const r = scoreWith("tmall-30", [
      ev("x", "major-error", "2026-10-02"),
      ...times(3, "y", "private-discount"),
      ...times(4, "w", "private-discount"),
      ...times(2, "z", "major-error"),
    ]);
    const y = agentOf(r, "y");
    expect([y.score, y.level, y.bonusCutPercent]).toEqual([29, 0, -4]);
    const w = agentOf(r, "w");
    expect([w.score, w.level, w.bonusCutPercent]).toEqual([24, 1, 10]);
    const x = agentOf(r, "x");
    expect([x.score, x.level, x.bonusCutPercent, x.actions]).toEqual([23, 1, 10, ["留司查看"]]);
    const z = agentOf(r, "z");
    expect([z.score, z.level, z.bonusCutPercent]).toEqual([13, 3, 100]);
  });
});

describe("tmall-130", () => {
  it("grades, the capped attendance item, complaints in range; below 91 fails", () => {
    const grades = (a: string, g: string) =>
      ["gradeQuality", "gradeComplaints", "gradeCooperation", "gradeExecution"].map((d) =>
        ev(a, "grade", null, { detail: d, text: g }),
      );
    const r = scoreWith("tmall-130", [
      ...grades("a", "优"),
      ...grades("b", "良"),
      ...times(5, "b", "unauthorised"),
      ev("b", "verified-complaint", "2026-10-20", { points: 8 }),
    ]);
    // No free points (issue 9): the seed's items are worth 100 of the 130, and that is all an agent can earn.
    expect(agentOf(r, "a").score).toBe(80 + 20);
    const b = agentOf(r, "b");
    expect(b.score).toBe(60 + 0 - 8);
    expect([b.level, b.bonusCutPercent]).toEqual([1, 100]);
    expect(b.lines.find((l) => l.ruleId === "attendance")?.note).toContain("扣到0为止");
  });
});

describe("tmall-vouchers", () => {
  it("group fine: 100 to every member of the offender's group, dismissal at the 3rd", () => {
    const groups = { a: "A组", b: "A组", c: "B组" };
    const r = scoreWith("tmall-vouchers", times(3, "a", "unhandled-aftersale"), "2026-10", ["a", "b", "c"], groups);
    expect(agentOf(r, "a").fineYuan).toBe(300);
    expect(agentOf(r, "b").fineYuan).toBe(300);
    expect(agentOf(r, "c").fineYuan).toBe(0);
    expect(agentOf(r, "a").actions).toEqual(["自动离职"]);
    expect(agentOf(r, "b").actions).toEqual([]);
    expect(r.fundBox.fines).toBe(600);
  });
  it("disputes: 100 to the offender twice, then 200 to each member", () => {
    const r = scoreWith("tmall-vouchers", times(3, "a", "dispute-unfollowed"), "2026-10", ["a", "b"], {
      a: "A组",
      b: "A组",
    });
    expect([agentOf(r, "a").fineYuan, agentOf(r, "b").fineYuan]).toEqual([400, 200]);
  });
  it("vouchers accumulate with defaults for blanks", () => {
    const a = agentOf(
      scoreWith("tmall-vouchers", [
        ev("a", "suggestion", "2026-10-02", { points: 8 }),
        ev("a", "weekly-done", "2026-10-09"),
      ]),
      "a",
    );
    expect(a.score).toBe(11);
  });
});

describe("fund box and courier", () => {
  it("carries the balance across three months; company rewards are not fund-box money", () => {
    const evs = [
      ev(null, "fund-opening", "2026-08-01", { amount: 100 }),
      ev("a", "fine", "2026-08-03", { amount: 20, meta: { fromFines: true } }),
      ev(null, "fund-spend", "2026-08-20", { amount: 50 }),
      ev("a", "unauthorised", "2026-09-03"),
      ev("b", "fine", "2026-09-04", { amount: 15, meta: { fromFines: true } }),
      ev("b", "reward-yuan", "2026-09-05", { amount: 100, meta: { reward: true } }),
      ev(null, "fund-spend", "2026-10-02", { amount: 60 }),
      ev("a", "handover", "2026-10-05", { amount: 10, meta: { fromFines: true } }),
    ];
    const r = scoreWith("pdd-10", evs, "2026-10");
    expect(r.fundBox).toMatchObject({ opening: 85, fines: 10, spent: 60, closing: 35 });
    const sep = scoreWith("pdd-10", evs, "2026-09");
    expect(sep.fundBox).toMatchObject({ opening: 70, fines: 15, spent: 0, closing: 85 });
    expect(agentOf(sep, "b").rewardYuan).toBe(100);
  });
  it("groups courier incidents by company with the hand-over date 10 days before month end", () => {
    const x = (courier: string, amount: number, party = "courier") =>
      ev(null, "express", "2026-10-05", { amount, meta: { courier, party, problem: "丢件" } });
    const r = scoreWith("pdd-10", [x("韵达", 50), x("韵达", 100), x("中通", 20), x("圆通", 25, "agent")]);
    expect(r.courier).toEqual([
      { courier: "韵达", incidents: 2, amount: 150, handOverDate: "2026-10-21", byProblem: { 丢件: 2 } },
      { courier: "中通", incidents: 1, amount: 20, handOverDate: "2026-10-21", byProblem: { 丢件: 1 } },
    ]);
    expect(r.incidents.filter((i) => i.party !== "courier")).toHaveLength(1);
    expect(
      scoreWith("pdd-10", [{ ...x("韵达", 1), date: "2026-02-05", month: "2026-02" }], "2026-02").courier[0]
        .handOverDate,
    ).toBe("2026-02-18");
  });
  it("flags reviews still open 7 days after their date at month end", () => {
    const r = scoreWith("pdd-10", [
      ev("a", "bad-attitude", "2026-10-24", { meta: { open: true } }),
      ev("a", "bad-attitude", "2026-10-25", { meta: { open: true } }),
      ev("a", "bad-attitude", "2026-10-02", { meta: { open: false } }),
    ]);
    expect(r.openReviews.map((o) => o.date)).toEqual(["2026-10-24"]);
  });
  it("computes good-review rate and bad-attitude share, flagging without scoring", () => {
    const r = scoreWith("pdd-10", [
      ev("a", "metric", null, { meta: { satisfied: 70, neutral: 20, disappointed: 10, badAttitudeReviews: 3 } }),
    ]);
    expect(r.indicators[0]).toMatchObject({
      goodRate: 0.7,
      badShare: 0.1,
      flags: ["好评率低于80%", "态度差占比高于6%"],
    });
    expect(agentOf(r, "a").score).toBe(10);
  });
});

describe("who is on the month's scorecard", () => {
  it("without a roster, only those with a record that month; with one, every rostered agent who has not left", async () => {
    const { readWorkbook } = await import("../../src/engine/read/workbook");
    const { scoreMonths } = await import("../../src/engine/score/month");
    const { builtinScheme } = await import("../../src/engine/schemes");
    const att = {
      name: "考勤",
      cells: [
        ["日期", "姓名", "状态"],
        ["2026-09-02", "老张", "迟到"],
        ["2026-10-02", "小王", "正常"],
      ],
    };
    const noRoster = readWorkbook([att], { defaultYear: 2026 });
    const oct = scoreMonths(noRoster, builtinScheme("pdd-10")!, "2026-10").pop()!;
    expect(oct.agents.map((a) => a.name)).toEqual(["小王"]);
    const roster = {
      name: "花名册",
      cells: [
        ["姓名", "工号", "离职日期"],
        ["小王", "1", null],
        ["小李", "2", null],
        ["老张", "3", "2026-09-20"],
      ],
    };
    const withRoster = readWorkbook([roster, att], { defaultYear: 2026 });
    const oct2 = scoreMonths(withRoster, builtinScheme("pdd-10")!, "2026-10").pop()!;
    expect(oct2.agents.map((a) => [a.name, a.score])).toEqual([
      ["小王", 10],
      ["小李", 10],
    ]);
  });
});

describe("earlier months known only from results generated before", () => {
  it("stored levels complete a consecutive-month band and the stored closing balance opens the fund box", async () => {
    const { scoreMonths } = await import("../../src/engine/score/month");
    const { builtinScheme } = await import("../../src/engine/schemes");
    const { readOf } = await import("../helpers/score");
    const read = readOf([ev("a", "unauthorised", "2026-10-05")]);
    const history = { levels: { "2026-08": { a: 1 }, "2026-09": { a: 2 } }, closing: { "2026-09": 55 } };
    const oct = scoreMonths(read, builtinScheme("pdd-10")!, "2026-10", history).pop()!;
    expect(agentOf(oct, "a").level).toBe(3);
    expect(oct.fundBox.opening).toBe(55);
    const withoutHistory = scoreMonths(read, builtinScheme("pdd-10")!, "2026-10").pop()!;
    expect(agentOf(withoutHistory, "a").level).toBe(1);
  });
});

describe("defaults are declared and every row they touch is listed (issue 9)", () => {
  it("taobao: a 30 s greeting is no fine; a delay written without seconds is not charged but listed", () => {
    const blank = ev("a", "greeting-delay", "2026-10-03");
    const r = scoreWith("taobao-fines", [ev("a", "greeting-delay", "2026-10-02", { measure: 30 }), blank]);
    expect(agentOf(r, "a").fineYuan).toBe(0);
    const held = r.issues.filter((i) => i.code === "value-missing");
    expect(held.map((i) => [i.sheet, i.row, i.severity])).toEqual([["测试", blank.sources[0].row, "error"]]);
    expect(held[0].message).toContain("没有写时长");
  });

  it("pdd-10: each blank unfinished-work row takes the 规则 default 0.5 and has its 数据问题 line", () => {
    const evs = [ev("a", "unfinished", "2026-10-02"), ev("a", "unfinished", "2026-10-03", { points: 1 })];
    const r = scoreWith("pdd-10", evs);
    expect(agentOf(r, "a").score).toBe(10 - 0.5 - 1);
    const listed = r.issues.filter((i) => i.code === "default-applied");
    expect(listed.map((i) => i.row)).toEqual([evs[0].sources[0].row]);
  });
});

describe("tmall-130 per RULES.md", () => {
  const grades = (a: string, g: string) =>
    ["gradeQuality", "gradeComplaints", "gradeCooperation", "gradeExecution"].map((d) =>
      ev(a, "grade", null, { detail: d, text: g }),
    );
  it("the outstanding bonus is read from a performance column, kept within 2…5", () => {
    const r = scoreWith("tmall-130", [
      ...grades("a", "良"),
      ev("a", "metric", null, { meta: { outstanding: 4 } }),
      ...grades("b", "良"),
      ev("b", "metric", null, { meta: { outstanding: 9 } }),
    ]);
    expect(agentOf(r, "a").score).toBe(60 + 20 + 4);
    expect(agentOf(r, "b").score).toBe(60 + 20 + 5);
  });
  it("an agent with no grades is listed for each missing item, never silently 0", () => {
    const perf = ev("b", "metric", null, { meta: { sales: 1 } });
    const r = scoreWith("tmall-130", [ev("a", "praise", "2026-10-03"), perf]);
    expect(agentOf(r, "a").score).toBe(20 + 2);
    const listed = r.issues.filter((i) => i.code === "default-applied" && i.message.includes("评级"));
    // b has a performance row with the grade cells blank: each blank is listed on that row; a has no row at all.
    expect(listed.filter((i) => i.row === perf.sources[0].row)).toHaveLength(4);
    expect(listed.filter((i) => i.row === 0).map((i) => i.message.split("：")[0])).toEqual(["a", "a", "a", "a"]);
  });
  it("the pass line is the scheme's passPercent of its total", () => {
    const s = builtinScheme("tmall-130")!;
    const evs = [...grades("a", "良"), ev("a", "praise", "2026-10-03")];
    expect(agentOf(scoreWith(s, evs), "a").level).toBe(1); // 82 of 130 < 70 %
    s.params.total = 100;
    expect(agentOf(scoreWith(s, evs), "a").level).toBe(0); // 82 of 100
  });
});

describe("policy is scheme data", () => {
  it("the courier hand-over offset, the indicator limits and the rank title come from the scheme", () => {
    const s = builtinScheme("tmall-30")!;
    Object.assign(s.params, { handOverDays: 5, goodRateMin: 60, openReviewDays: 3 });
    s.rules.find((r) => r.id === "sales-rank")!.params.titles = "销冠";
    const r = scoreWith(s, [
      ev(null, "express", "2026-10-05", { amount: 10, meta: { courier: "韵达", party: "courier" } }),
      ev("a", "metric", null, {
        meta: { sales: 100, satisfied: 70, neutral: 20, disappointed: 10, badAttitudeReviews: 3 },
      }),
      ev("a", "bad-attitude", "2026-10-27", { meta: { open: true } }),
    ]);
    expect(r.courier[0].handOverDate).toBe("2026-10-26");
    expect(r.indicators[0].flags).toEqual(["态度差占比高于6%"]);
    expect(r.openReviews).toHaveLength(1);
    expect(agentOf(r, "a").lines.find((l) => l.ruleId === "sales-rank")?.note).toBe("第1名（销冠）");
  });
});

describe("names that are also JavaScript's own words", () => {
  it("an agent called valueOf or constructor has no group, no stray days, and plain figures", () => {
    const r = scoreWith("pdd-10", [ev("valueOf", "late", "2026-10-02"), ev("constructor", "late", "2026-10-03")]);
    for (const name of ["valueOf", "constructor"]) {
      const a = agentOf(r, name);
      expect([a.group, a.score, a.attendance]).toEqual([undefined, 9.5, { late: 1 }]);
    }
  });
});
