import type { MonthResult } from "../score/result";
import type { Scheme } from "../score/scheme";
import { EVENT_LABELS } from "../classify";
import { NUMBER_FORMAT, OUTPUT_NAMES, SheetBuilder, type OutputSheet } from "./model";

const UNIT_LABEL = { points: "分", yuan: "元", vouchers: "张" } as const;

/** Rules worth a column: every pricing rule (transforms show in the audit, not as columns). */
export const ruleColumns = (scheme: Scheme) =>
  scheme.rules.filter((r) => r.kind !== "convert" && r.kind !== "allowance");

/** 评分表: a row per agent, a column per rule, total, level; flagged rows highlighted. */
export function renderScorecard(r: MonthResult, scheme: Scheme): OutputSheet {
  const rules = ruleColumns(scheme);
  const hasScore = scheme.unit !== "yuan";
  const head = [
    "姓名",
    "组别",
    ...(scheme.base !== null ? ["基础分"] : []),
    ...rules.map((x) => `${x.label}(${UNIT_LABEL[x.unit]})`),
    "表内罚款(元)",
    "罚款合计(元)",
    "奖励(元)",
    ...(hasScore ? [scheme.unit === "vouchers" ? "激励券" : "得分"] : []),
    "等级",
    "结论",
    "奖金调整%",
    "处理",
    "计数未计分",
    "出勤概况",
  ];
  const b = new SheetBuilder(head.length, "scorecard");
  b.line(`${r.month} 客服考核评分表 · ${scheme.name}`, "title");
  b.line(
    `共 ${r.agents.length} 人，需关注 ${r.agents.filter((a) => a.level > 0).length} 人。每一分、每一元的来源见“${OUTPUT_NAMES.audit}”表；无法使用的行见“${OUTPUT_NAMES.issues}”表。`,
    "subtitle",
  );
  const headerRow = b.push(head, "header");
  const first = b.row;
  const levelCol = head.indexOf("等级");
  for (const a of r.agents) {
    const written = a.byRule["fine-written"]?.value ?? 0;
    const row = [
      a.resigned ? `${a.name}（已离职）` : a.name,
      a.group ?? "",
      ...(scheme.base !== null ? [a.base] : []),
      ...rules.map((x) => a.byRule[x.id]?.value ?? 0),
      -written,
      a.fineYuan,
      a.rewardYuan,
      ...(hasScore ? [a.score] : []),
      a.level,
      a.label,
      a.bonusCutPercent ? -a.bonusCutPercent : 0,
      a.actions.join("、"),
      Object.entries(a.unscored)
        .map(([t, n]) => `${EVENT_LABELS[t] ?? t}${n}次`)
        .join("、"),
      Object.entries(a.attendance)
        .filter(([t]) => t !== "present")
        .map(([t, d]) => `${EVENT_LABELS[t] ?? t}${d}天`)
        .join("、"),
    ];
    b.push(row, a.level > 0 ? "flag" : undefined);
  }
  const last = b.row - 1;
  if (r.agents.length) {
    b.conditionalFormats.push({
      range: { r1: first, c1: levelCol, r2: last, c2: levelCol },
      type: "cellIs",
      operator: "greaterThanOrEqual",
      value: 1,
      style: "flag",
    });
  }
  const numeric = new Set(
    head.map((h, i) => (/\((分|元|张)\)$|基础分|得分|激励券|等级|奖金调整/.test(h) ? i : -1)).filter((i) => i >= 0),
  );
  return b.build("scorecard", OUTPUT_NAMES.scorecard, {
    // Narrow numeric columns with wrapped headers keep a dozen rules on one A4 width.
    columnWidths: head.map((h, i) =>
      i === 0
        ? 12
        : h === "计数未计分" || h === "出勤概况"
          ? 20
          : h === "处理" || h === "结论" || h === "组别"
            ? 9
            : 7.5,
    ),
    columnFormats: head.map((_, i) => (numeric.has(i) ? NUMBER_FORMAT : null)),
    freeze: { rows: headerRow + 1, cols: 1 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      titleRows: [headerRow, headerRow],
      rowBreaks: [],
    },
  });
}
