import { roundCents } from "../parse";
import type { MonthResult } from "../score/result";
import { eventLabel } from "../events";
import { refText } from "../types";
import { OUTPUT_NAMES, SheetBuilder, type OutputSheet } from "./model";

/** 分析: complaints by reason, scores by agent, express incidents by type, and the month-by-month trend. */
export function renderAnalysis(chain: MonthResult[]): OutputSheet {
  const r = chain[chain.length - 1];
  const b = new SheetBuilder(5, "analysis");
  b.line(`${r.month} 月度分析`, "title");
  const points = r.scheme.unit !== "yuan";
  agentsSection(b, r, points);
  complaintsSection(b, r);
  courierSection(b, r);
  trendSection(b, chain, points);
  indicatorsSection(b, r);
  return b.build("analysis", OUTPUT_NAMES.analysis, {
    columnWidths: [14, 12, 12, 40, 14],
    print: { orientation: "portrait", paper: "A4", fitToWidth: true, rowBreaks: [] },
  });
}

function agentsSection(b: SheetBuilder, r: MonthResult, points: boolean) {
  b.line(points ? "各客服得分" : "各客服罚款(元)", "section");
  const h1 = b.push(["姓名", points ? "得分" : "罚款(元)", "等级", "", ""], "header");
  for (const a of r.agents) b.push([a.name, points ? a.score : a.fineYuan, a.level, null, null]);
  table(b, h1, 1, "bar", points ? "各客服得分" : "各客服罚款");
}

function complaintsSection(b: SheetBuilder, r: MonthResult) {
  b.blank();
  b.line("投诉/评价按原因", "section");
  const h2 = b.push(["原因", "次数", "", "", ""], "header");
  const byType = Object.entries(r.complaintsByType).sort((x, y) => y[1] - x[1]);
  for (const [t, n] of byType) b.push([eventLabel(t), n, null, null, null]);
  if (!byType.length) b.push(["本月没有投诉", 0, null, null, null]);
  table(b, h2, 1, "bar", "投诉按原因");
}

function courierSection(b: SheetBuilder, r: MonthResult) {
  b.blank();
  b.line("快递异常按问题类型", "section");
  const h3 = b.push(["问题类型", "件数", "金额(元)", "", ""], "header");
  const problems = new Map<string, { n: number; amount: number }>();
  for (const i of r.incidents) {
    const p = problems.get(i.problem || "其他") ?? { n: 0, amount: 0 };
    p.n++;
    p.amount += i.amount;
    problems.set(i.problem || "其他", p);
  }
  for (const [p, v] of problems) b.push([p, v.n, roundCents(v.amount), null, null]);
  if (!problems.size) b.push(["本月没有快递异常", 0, 0, null, null]);
  table(b, h3, 1, "column", "快递异常按类型");
}

function trendSection(b: SheetBuilder, chain: MonthResult[], points: boolean) {
  b.blank();
  b.line("逐月趋势", "section");
  const h4 = b.push(["月份", points ? "平均得分" : "罚款合计(元)", "需关注人数", "罚款(元)", "投诉次数"], "header");
  for (const m of chain) {
    const scores = m.agents.map((a) => a.score).filter((x): x is number => x !== null);
    const avg = scores.length ? roundCents(scores.reduce((s, x) => s + x, 0) / scores.length) : null;
    b.push([
      m.month,
      points ? avg : m.fundBox.fines,
      m.agents.filter((a) => a.level > 0).length,
      m.fundBox.fines,
      Object.values(m.complaintsByType).reduce((s, x) => s + x, 0),
    ]);
  }
  table(b, h4, 1, "line", "逐月趋势");
}

function indicatorsSection(b: SheetBuilder, r: MonthResult) {
  if (!r.indicators.length && !r.openReviews.length) return;
  b.blank();
  b.line("服务指标（只提示，不计分）", "section");
  b.push(["姓名", "好评率", "态度差占比", "提示", ""], "header");
  const pct = (x: number | null) => (x === null ? "" : Math.round(x * 1000) / 10);
  for (const i of r.indicators)
    b.push([i.agent, pct(i.goodRate), pct(i.badShare), i.flags.join("、"), null], i.flags.length ? "flag" : undefined);
  for (const o of r.openReviews)
    b.push(
      [o.agent, "", "", `${o.date} 的中差评/投诉超过${r.policy.openReviewDays}天未处理：${o.text}`, refText(o.source)],
      "flag",
    );
}

/** Data bars for files; a native chart where the host has charts (Office). */
function table(b: SheetBuilder, header: number, valueCol: number, type: "bar" | "column" | "line", title: string) {
  const last = b.row - 1;
  if (last <= header) return;
  b.conditionalFormats.push({
    range: { r1: header + 1, c1: valueCol, r2: last, c2: valueCol },
    type: "dataBar",
    color: "5B9BD5",
  });
  b.charts.push({ type, title, data: { r1: header, c1: 0, r2: last, c2: valueCol }, anchor: { row: header, col: 6 } });
}
