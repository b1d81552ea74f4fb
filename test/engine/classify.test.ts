import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ATTENDANCE_KEYWORDS,
  classificationProblem,
  classifyReason,
  classifyText,
  DEFAULT_KEYWORDS,
  type KeywordRow,
} from "../../src/engine/classify";
import { parseLegend } from "../../src/engine/read/matrix";
import { parseStatus } from "../../src/engine/read/status";
import { generate } from "../../src/engine/run";
import { readRulesSheet, renderRulesSheet } from "../../src/engine/rulesSheet";
import { BUILTIN_SCHEMES } from "../../src/engine/schemes";
import type { Cell } from "../../src/engine/types";
import { date, grid, read, ROSTER } from "../helpers/grids";

const kind = (text: string, source?: string) => {
  const c = classifyReason(text, DEFAULT_KEYWORDS, source);
  return (
    c.type ?? (c.outcome === "tie" || c.outcome === "contradiction" ? `${c.outcome}:${[...c.candidates].sort()}` : null)
  );
};

describe("negation is scoped", () => {
  it.each([
    // Offence names that carry their own negator stay offences.
    ["未及时回复", "slow-response"],
    ["未交接", "handover"],
    ["未打卡", "missed-punch"],
    ["没交接", "handover"],
    ["不按时清洁", "desk"],
    ["没有及时交接", "handover"],
    ["客服未登录千牛", "not-logged-in"],
    // A negator denies a fault, a complaint, a praise.
    ["没有投诉", null],
    ["没发错", null],
    ["不慢", null],
    ["没有被顾客投诉", null],
    ["没有好评", null],
    // A denial cancels an offence name; a plain negator before one is a double negation.
    ["不是未交接", null],
    ["并非未及时回复", null],
    ["没有未打卡", null],
    // A negator never reaches across a clause or past another match.
    ["没有迟到，但早退了", "early"],
    ["没备注导致被投诉", "tie:complaint,remark-unclear"],
    // Handbook prohibitions and idioms are not negations.
    ["不得迟到", "late"],
    ["严禁上班玩游戏", "unrelated-activity"],
    ["无故旷工", "unauthorised"],
    ["未经同意私自降价", "private-discount"],
    ["不小心发错货", "remark-unclear"],
  ])("%s → %s", (text, expected) => expect(kind(text)).toBe(expected));
});

describe("polarity", () => {
  it.each([
    ["顾客表扬态度好", "praise"],
    ["客户夸奖她态度很好", "praise"],
    ["买家感谢客服耐心", "praise"],
    ["顾客夸客服耐心", "praise"],
    ["夸大宣传", null],
    ["慢慢解释给顾客听", null],
    ["顾客说应答很及时", null],
    ["顾客投诉态度差", "bad-attitude"],
    ["态度不好", "bad-attitude"],
    ["态度好差", "bad-attitude"],
    ["没按时完成", "unfinished"],
    ["没有按时完成周计划", "unfinished"],
    ["本周工作按时完成", "weekly-done"],
    ["顾客投诉态度差，后来又给了好评", "contradiction:bad-attitude,praise"],
  ])("%s → %s", (text, expected) => expect(kind(text)).toBe(expected));
});

describe("who complained", () => {
  it.each([
    ["同事吵架", undefined, null],
    ["与顾客吵架", undefined, "quarrel"],
    ["同事投诉回复慢", undefined, "slow-response"],
    ["顾客投诉回复慢", undefined, "slow-response"],
    // The 来源 column speaks when the text names nobody.
    ["态度差", "同事", null],
    ["态度差", "客户", "bad-attitude"],
    ["回复慢", "同事", "slow-response"],
    ["吵架", "同事", null],
    ["和快递员吵架", undefined, null],
    ["店长骂了她", undefined, null],
    // The text outranks the column: it names the party right beside the incident.
    ["顾客投诉态度差", "同事", "bad-attitude"],
  ])("%s (来源 %s) → %s", (text, source, expected) => expect(kind(text, source)).toBe(expected));
});

describe("specificity and precedence", () => {
  it.each([
    ["回复慢导致低质评价", "low-quality-review"],
    ["态度差被给了中差评", "low-quality-review"],
    ["回复太慢被投诉", "slow-response"],
    ["顾客投诉物流太慢", "verified-complaint"],
    ["发货慢", null],
    ["顾客投诉", "verified-complaint"],
    ["订单没备注工号", "no-id-remark"],
    ["忘记打卡按调休记录", "missed-punch"],
    ["按旷工处理", "unauthorised"],
    ["上班时间玩手机", "unrelated-activity"],
    ["正常（休息）", "rest"],
    ["年休假", "statutory"],
    ["调休假", "swap"],
  ])("%s → %s", (text, expected) => expect(kind(text)).toBe(expected));

  it("does not depend on the order of the keyword table", () => {
    const reversed: KeywordRow[] = [...DEFAULT_KEYWORDS]
      .reverse()
      .map((r) => ({ ...r, keywords: [...r.keywords].reverse() }));
    const texts = [
      "顾客投诉态度差",
      "回复太慢被投诉",
      "没备注导致发错货",
      "顾客表扬态度好",
      "同事吵架",
      "调休假",
      "迟到早退",
    ];
    const gist = (t: string, table: KeywordRow[]) => {
      const c = classifyReason(t, table);
      return [t, c.outcome, c.type, c.candidates];
    };
    for (const t of texts) expect(gist(t, reversed)).toEqual(gist(t, DEFAULT_KEYWORDS));
  });

  it("weighs a keyword a shop adds in 规则 like a built-in one", () => {
    const table = DEFAULT_KEYWORDS.map((r) =>
      r.type === "bad-attitude" ? { ...r, keywords: [...r.keywords, "说话难听"] } : r,
    );
    expect(classifyText("客户说话难听", table)).toBe("bad-attitude");
    expect(classifyText("同事说话难听", table)).toBeNull();
    expect(classifyText("没有说话难听", table)).toBeNull();
  });
});

describe("text folding", () => {
  it("drops pinyin noise but keeps letters in brackets", () => {
    expect(kind("買(mǎi)家投訴(sù)")).toBe("verified-complaint");
    expect(kind("上班玩(QQ)")).toBe("unrelated-activity");
  });
});

describe("the data-issue wording names the candidates", () => {
  it("a tie names both kinds", () => {
    const m = classificationProblem(classifyReason("迟到早退"), "迟到早退")!;
    expect(m).toContain("“迟到”");
    expect(m).toContain("“早退”");
    expect(m).toContain("无法确定");
  });
  it("a contradiction says so", () => {
    const m = classificationProblem(classifyReason("客户投诉态度差又给好评"), "客户投诉态度差又给好评")!;
    expect(m).toContain("矛盾");
    expect(m).toContain("服务态度恶劣");
  });
  it("a colleague's quarrel and a negation say why", () => {
    expect(classificationProblem(classifyReason("同事吵架"), "同事吵架")).toContain("对方是同事");
    expect(classificationProblem(classifyReason("没有投诉"), "没有投诉")).toContain("“投诉”被否定");
  });
  it("a decided reason has no problem", () => expect(classificationProblem(classifyReason("迟到"), "迟到")).toBeNull());
});

describe("attendance words and legends go through the same weighing", () => {
  it("status words", () => {
    expect(parseStatus("正常（休息）")?.map((m) => m.type)).toEqual(["rest"]);
    expect(parseStatus("调休假0.5天")?.map((m) => m.type)).toEqual(["swap"]);
    expect(parseStatus("旷工迟到")?.map((m) => m.type)).toEqual(["unauthorised"]);
    // Two kinds glued together are not guessed: the row becomes an unknown-status issue.
    expect(parseStatus("迟到早退")).toBeNull();
  });
  it("a legend's 加班调/补休 is a swap and 年休 statutory", () => {
    const l = parseLegend(
      "注：√出勤 ●休假 ○事假 ☆病假 ※迟到 ◇早退 ×旷工 △出差 ÷年休 ＃加班调/补休",
      ATTENDANCE_KEYWORDS,
    )!;
    expect(l.get("#")?.type).toBe("swap");
    expect(l.get("÷")?.type).toBe("statutory");
    expect(l.get("●")?.type).toBe("rest");
  });
});

describe("reading sheets", () => {
  it("a tie or a colleague's quarrel is a data issue naming why; praise is an event", () => {
    const r = read(
      ROSTER,
      grid("投诉", [
        ["日期", "客服", "投诉原因", "来源"],
        [date(2026, 10, 2), "小王", "顾客投诉发错货", "客户"],
        [date(2026, 10, 3), "小王", "吵架", "同事"],
        [date(2026, 10, 4), "李娜", "顾客表扬态度好", "客户"],
        [date(2026, 10, 5), "李娜", "回复慢", "同事"],
      ]),
    );
    expect(r.events.map((e) => [e.agent, e.type])).toEqual([
      ["李娜", "praise"],
      ["李娜", "slow-response"],
    ]);
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [2, "ambiguous"],
      [3, "unclassified"],
    ]);
    expect(r.issues[0].message).toContain("“查实的客户投诉”和“备注不清”");
    expect(r.issues[1].message).toContain("对方是同事");
  });

  it("a fine with an amount and an ambiguous reason goes in the box and is reported", () => {
    const r = read(
      ROSTER,
      grid("罚款", [
        ["日期", "姓名", "事由", "金额"],
        [date(2026, 10, 2), "小王", "迟到早退", 20],
        [date(2026, 10, 3), "小王", "迟到早退", null],
      ]),
    );
    expect(r.events.map((e) => [e.type, e.amount])).toEqual([["fine", 20]]);
    expect(r.issues.map((i) => [i.row, i.code, i.severity])).toEqual([
      [2, "ambiguous", "warning"],
      [3, "ambiguous", "error"],
    ]);
  });
});

describe("praise is a reward where the scheme has one, never a deduction", () => {
  const month = (scheme: string) => {
    const out = generate({
      grids: [
        grid("考勤", [
          ["日期", "姓名", "状态"],
          ["2026-10-02", "小王", "正常"],
          ["2026-10-02", "李娜", "正常"],
        ]),
        grid("投诉", [
          ["日期", "客服", "原因"],
          ["2026-10-03", "小王", "顾客表扬态度好"],
        ]),
      ],
      scheme,
      month: "2026-10",
    });
    if (!out.ok) throw new Error(out.message);
    const score = (name: string) => out.result.agents.find((a) => a.name === name)!.score!;
    return score("小王") - score("李娜");
  };
  it("tmall-30: +3", () => expect(month("tmall-30")).toBe(3));
  it("tmall-130: +2", () => expect(month("tmall-130")).toBe(2));
  it("pdd-10 has no praise rule: no change", () => expect(month("pdd-10")).toBe(0));
});

describe("the 规则 tab", () => {
  it("writes the weighing readings under the keyword table, and reading it back ignores them", () => {
    const sheet = renderRulesSheet(BUILTIN_SCHEMES[0]);
    const text = sheet.values.map((r) => r.join(" ")).join("\n");
    expect(text).toContain("与表中先后无关");
    expect(text).toContain("同事之间的吵架");
    expect(text).not.toContain("先匹配的优先");
    const back = readRulesSheet({ name: sheet.name, cells: sheet.values.map((r) => r.map((v) => v as Cell)) });
    expect(back.issues).toEqual([]);
    expect(back.keywords).toEqual(DEFAULT_KEYWORDS);
  });
});

describe("weighing, as a property", () => {
  const pieces = fc.constantFrom(
    ...DEFAULT_KEYWORDS.flatMap((r) => r.keywords),
    "没有",
    "不是",
    "未",
    "不得",
    "同事",
    "顾客",
    "按",
    "导致",
    "，",
    "好",
    "很",
    "（",
    "）",
    "x",
  );
  const sentence = fc.array(pieces, { minLength: 1, maxLength: 6 }).map((a) => a.join(""));
  const gist = (t: string, table: KeywordRow[]) => {
    const c = classifyReason(t, table);
    return { outcome: c.outcome, type: c.type, candidates: [...c.candidates].sort() };
  };

  it("never depends on the order of the table, and a decided kind is always one the text matched", () => {
    fc.assert(
      fc.property(sentence, fc.integer({ min: 1, max: 1000 }), (t, seed) => {
        const shuffled = [...DEFAULT_KEYWORDS].sort(
          (a, b) => ((a.type.length * seed) % 7) - ((b.type.length * seed) % 7) || a.type.localeCompare(b.type),
        );
        const c = classifyReason(t, DEFAULT_KEYWORDS);
        expect(gist(t, shuffled)).toEqual(gist(t, DEFAULT_KEYWORDS));
        if (c.type) expect(c.hits.some((h) => h.type === c.type)).toBe(true);
        // Every match is either standing or set aside with a reason: nothing vanishes.
        const raw = c.hits.length + c.dropped.length;
        expect(raw).toBeGreaterThanOrEqual(c.candidates.length);
        expect(c.outcome === "none").toBe(raw === 0);
      }),
      { numRuns: 400 },
    );
  });
});
