import type { AgentResult, MonthResult } from "../score/result";
import type { Scheme } from "../score/scheme";
import { E, eventLabel } from "../events";
import { UNIT_WORD, kindOf } from "../score/kinds";
import { NUMBER_FORMAT, OUTPUT_NAMES, SheetBuilder, type OutValue, type OutputSheet } from "./model";

/** Rules worth a column: every pricing rule (transforms show in the audit, not as columns). */
export const ruleColumns = (scheme: Scheme) => scheme.rules.filter((r) => kindOf(r.kind)?.stage !== "transform");

const hasScore = (scheme: Scheme) => scheme.unit !== "yuan";

function headerOf(scheme: Scheme): string[] {
  return [
    "姓名",
    "组别",
    ...(scheme.base !== null ? ["基础分"] : []),
    ...ruleColumns(scheme).map((x) => `${x.label}(${UNIT_WORD[x.unit]})`),
    "表内罚款(元)",
    "罚款合计(元)",
    "奖励(元)",
    ...(hasScore(scheme) ? [scheme.unit === "vouchers" ? "激励券" : "得分"] : []),
    "等级",
    "结论",
    "奖金调整%",
    "处理",
    "计数未计分",
    "出勤概况",
  ];
}

/** One agent's row, in the order of headerOf. */
function rowOf(a: AgentResult, scheme: Scheme): OutValue[] {
  return [
    a.resigned ? `${a.name}（已离职）` : a.name,
    a.group ?? "",
    ...(scheme.base !== null ? [a.base] : []),
    ...ruleColumns(scheme).map((x) => a.byRule[x.id]?.value ?? 0),
    -(a.byRule["fine-written"]?.value ?? 0),
    a.fineYuan,
    a.rewardYuan,
    ...(hasScore(scheme) ? [a.score] : []),
    a.level,
    a.label,
    a.bonusCutPercent ? -a.bonusCutPercent : 0,
    a.actions.join("、"),
    Object.entries(a.unscored)
      .map(([t, n]) => `${eventLabel(t)}${n}次`)
      .join("、"),
    Object.entries(a.attendance)
      .filter(([t]) => t !== E.present)
      .map(([t, d]) => `${eventLabel(t)}${d}天`)
      .join("、"),
  ];
}

/** Narrow numeric columns with wrapped headers keep a dozen rules on one A4 width. */
const widthOf = (h: string, i: number) =>
  i === 0 ? 12 : h === "计数未计分" || h === "出勤概况" ? 20 : h === "处理" || h === "结论" || h === "组别" ? 9 : 7.5;
const isNumeric = (h: string) => /\((分|元|张)\)$|基础分|得分|激励券|等级|奖金调整/.test(h);

/** 评分表: a row per agent, a column per rule, total, level; flagged rows highlighted. */
export function renderScorecard(r: MonthResult, scheme: Scheme): OutputSheet {
  const head = headerOf(scheme);
  const b = new SheetBuilder(head.length, "scorecard");
  b.line(`${r.month} 客服考核评分表 · ${scheme.name}`, "title");
  b.line(
    `共 ${r.agents.length} 人，需关注 ${r.agents.filter((a) => a.level > 0).length} 人。每一分、每一元的来源见“${OUTPUT_NAMES.audit}”表；无法使用的行见“${OUTPUT_NAMES.issues}”表。`,
    "subtitle",
  );
  const headerRow = b.push(head, "header");
  const first = b.row;
  const levelCol = head.indexOf("等级");
  for (const a of r.agents) b.push(rowOf(a, scheme), a.level > 0 ? "flag" : undefined);
  if (r.agents.length)
    b.conditionalFormats.push({
      range: { r1: first, c1: levelCol, r2: b.row - 1, c2: levelCol },
      type: "cellIs",
      operator: "greaterThanOrEqual",
      value: 1,
      style: "flag",
    });
  return b.build("scorecard", OUTPUT_NAMES.scorecard, {
    columnWidths: head.map(widthOf),
    columnFormats: head.map((h) => (isNumeric(h) ? NUMBER_FORMAT : null)),
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
