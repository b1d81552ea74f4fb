import type { DataIssue, SheetGrid } from "./types";
import { cellText, parseNumber } from "./parse";
import { fold } from "./text";
import { DEFAULT_KEYWORDS, EVENT_LABELS, WEIGHING_NOTES, type KeywordRow } from "./classify";
import {
  RULE_KINDS,
  parseGradeMap,
  parseSteps,
  type Band,
  type Rule,
  type RuleKind,
  type Scheme,
  type Unit,
} from "./score/scheme";
import { OUTPUT_NAMES, SheetBuilder, type OutputSheet } from "./render/model";

/**
 * The rules sheet (规则): a scheme a manager can read and edit in Excel, read back with
 * validation. Sections are marked by a first-column heading so that rows may be added.
 */
const H_SCHEME = "【方案】",
  H_RULES = "【规则】",
  H_BANDS = "【等级】",
  H_KEYWORDS = "【关键词】";
const UNIT_WORD: Record<Unit, string> = { points: "分", yuan: "元", vouchers: "券" };
const WORD_UNIT: Record<string, Unit> = { 分: "points", 元: "yuan", 券: "vouchers", 张: "vouchers" };
const REQUIRED: Partial<Record<RuleKind, string[]>> = {
  each: ["amount"],
  "per-unit": ["unit", "amount"],
  tiers: ["steps"],
  "every-n": ["n", "amount"],
  "first-warning": ["amount"],
  escalating: ["amount"],
  allowance: ["free", "to"],
  convert: ["above", "to"],
  range: ["min", "max", "default"],
  grade: ["item", "map"],
  "capped-item": ["max", "item"],
  rank: ["metric", "awards"],
  "clean-month": ["max", "bonus"],
  "group-fine": ["amount"],
};
const TEXT_PARAMS = new Set(["to", "action", "rounding", "steps", "metric", "awards", "item", "map"]);

const paramText = (p: Rule["params"]) =>
  Object.entries(p)
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");

export function renderRulesSheet(scheme: Scheme, keywords: KeywordRow[] = DEFAULT_KEYWORDS): OutputSheet {
  const b = new SheetBuilder(8);
  b.line(`考核规则：${scheme.name}（可直接修改；改完在任务窗格选“本工作簿的规则表”再生成）`, "title");
  b.line(
    "规则类型：each 每次 | per-unit 按单位 | tiers 阶梯 | every-n 每满N次 | first-warning 首次警告 | escalating 翻倍 | allowance 每月免扣次数 | convert 转换 | range 范围 | grade 评级 | capped-item 封顶项 | rank 排名 | clean-month 全月少扣分奖励 | group-fine 班组连带",
    "muted",
  );
  b.push([H_SCHEME, "编号", "名称", "单位", "基础分", "参数", "说明", ""], "section");
  b.push([
    "",
    scheme.id,
    scheme.name,
    UNIT_WORD[scheme.unit],
    scheme.base,
    paramText(scheme.params),
    scheme.note,
    `来源：${scheme.seed}`,
  ]);
  b.blank();
  b.push([H_RULES, "编号", "名称", "事件类型", "规则类型", "单位(分/元/券)", "参数", "说明（原文与口径）"], "section");
  for (const r of scheme.rules) {
    b.push([
      "",
      r.id,
      r.label,
      r.events.join(", "),
      r.kind,
      `${r.sign < 0 ? "-" : "+"}${UNIT_WORD[r.unit]}`,
      paramText({ ...r.params, ...(r.item ? { inItem: r.item } : {}) }),
      r.note,
    ]);
  }
  b.blank();
  b.push([H_BANDS, "等级", "名称", "条件", "奖金调整%", "处理", "说明", ""], "section");
  for (const band of scheme.bands) {
    const cond = band.consecutive
      ? `连续${band.consecutive.months}个月等级>=${band.consecutive.levelAtLeast}`
      : `${band.metric}${band.op}${band.value}`;
    b.push([
      "",
      band.level,
      band.label,
      cond,
      band.bonusCutPercent ?? "",
      (band.actions ?? []).join("、"),
      band.note ?? "",
      "",
    ]);
  }
  b.blank();
  b.push(
    [
      H_KEYWORDS,
      "事件类型",
      "中文名",
      "关键词（逗号分隔；所有匹配一起权衡：长词优先，读否定、对方是同事还是顾客、表扬；两类并存列入数据问题）",
      "",
      "",
      "",
      "",
    ],
    "section",
  );
  for (const k of keywords) b.push(["", k.type, EVENT_LABELS[k.type] ?? "", k.keywords.join(", "), "", "", "", ""]);
  for (const note of WEIGHING_NOTES) b.line(note, "muted");
  return b.build("rules", OUTPUT_NAMES.rules, {
    columnWidths: [8, 16, 22, 26, 14, 12, 36, 60],
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, rowBreaks: [] },
  });
}

function parseParams(text: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const part of text
    .split(/[;；\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = part.match(/^([A-Za-z][\w-]*)\s*=\s*(.*)$/);
    if (!m) return null;
    out[m[1]] = m[2].trim();
  }
  return out;
}

export interface RulesRead {
  scheme: Scheme | null;
  keywords: KeywordRow[];
  issues: DataIssue[];
}

/** Read a rules sheet back. Any broken parameter is an issue naming the cell, and no scheme is returned. */
export function readRulesSheet(grid: SheetGrid): RulesRead {
  const issues: DataIssue[] = [];
  const bad = (row: number, col: string, message: string) =>
    issues.push({
      sheet: grid.name,
      row: row + 1,
      col,
      severity: "error",
      code: "bad-rule",
      message: `${grid.name}!${col}${row + 1}：${message}`,
    });
  let section = "";
  let scheme: Scheme | null = null;
  const rules: Rule[] = [];
  const bands: Band[] = [];
  const keywords: KeywordRow[] = [];
  grid.cells.forEach((row, r) => {
    const t = (c: number) => cellText(row?.[c] ?? null);
    if (t(0).startsWith("【")) {
      section = t(0);
      return;
    }
    if (!t(1) && !t(2)) return;
    if (section === H_SCHEME) {
      const unit = WORD_UNIT[t(3)];
      if (!unit) bad(r, "D", `单位“${t(3)}”应为 分、元 或 券。`);
      const params = parseParams(t(5));
      if (params === null) bad(r, "F", `参数“${t(5)}”应写成 名称=数值; 名称=数值。`);
      const base = t(4) === "" ? null : parseNumber(row[4]);
      if (t(4) !== "" && base === null) bad(r, "E", `基础分“${t(4)}”不是数字。`);
      scheme = {
        id: t(1),
        name: t(2),
        unit: unit ?? "points",
        base,
        okLabel: "正常",
        rules,
        bands,
        params: numify(params ?? {}),
        seed: t(7).replace(/^来源：/, ""),
        note: t(6),
      };
    } else if (section === H_RULES) {
      const kind = t(4) as RuleKind;
      if (!RULE_KINDS.includes(kind)) {
        bad(r, "E", `规则类型“${t(4)}”不认识，应为 ${RULE_KINDS.join("、")} 之一。`);
        return;
      }
      const um = t(5).match(/^([+-])?\s*(分|元|券|张)$/);
      if (!um) {
        bad(r, "F", `单位“${t(5)}”应写成 -分、+分、-元、+元 或 +券。`);
        return;
      }
      const params = parseParams(t(6));
      if (params === null) {
        bad(r, "G", `参数“${t(6)}”应写成 名称=数值; 名称=数值。`);
        return;
      }
      for (const k of REQUIRED[kind] ?? [])
        if (params[k] === undefined || params[k] === "") bad(r, "G", `${kind} 规则缺少参数 ${k}。`);
      for (const [k, v] of Object.entries(params)) {
        if (TEXT_PARAMS.has(k) || k === "inItem") continue;
        if (!Number.isFinite(Number(v)) || v === "") bad(r, "G", `参数 ${k}=“${v}”不是数字。`);
      }
      if (
        kind === "tiers" &&
        params.steps &&
        parseSteps(params.steps).some((s) => !Number.isFinite(s.at) || !Number.isFinite(s.total))
      )
        bad(r, "G", `阶梯“${params.steps}”应写成 次数:总分, 次数:总分，例如 3:5,5:10。`);
      if (kind === "grade" && params.map && [...parseGradeMap(params.map).values()].some((v) => !Number.isFinite(v)))
        bad(r, "G", `评级对照“${params.map}”应写成 优=20,良=15。`);
      if (kind === "range" && Number(params.min) > Number(params.max))
        bad(r, "G", `范围下限 ${params.min} 大于上限 ${params.max}。`);
      const { inItem, ...rest } = params;
      rules.push({
        id: t(1),
        label: t(2),
        events: t(3)
          .split(/[,，\s]+/)
          .filter(Boolean),
        kind,
        unit: WORD_UNIT[um[2]],
        sign: um[1] === "+" ? 1 : -1,
        params: numify(rest),
        note: t(7),
        item: inItem || undefined,
      });
    } else if (section === H_BANDS) {
      const level = parseNumber(row[1]);
      if (level === null) {
        bad(r, "B", `等级“${t(1)}”不是数字。`);
        return;
      }
      const cond = fold(t(3));
      const cons = cond.match(/^连续(\d+)个月等级>=(\d+)$/);
      const m = cond.match(/^(score|fineyuan|actions)(<=|>=|<|>)(-?\d+(?:\.\d+)?)$/);
      if (!cons && !m) {
        bad(r, "D", `条件“${t(3)}”应写成 score<=5、fineYuan>0 或 连续3个月等级>=1。`);
        return;
      }
      const cut = t(4) === "" ? undefined : (parseNumber(row[4]) ?? NaN);
      if (cut !== undefined && !Number.isFinite(cut)) bad(r, "E", `奖金调整“${t(4)}”不是数字。`);
      bands.push({
        level,
        label: t(2),
        bonusCutPercent: cut,
        actions: t(5) ? t(5).split(/[、,，]/) : undefined,
        note: t(6) || undefined,
        ...(cons
          ? { consecutive: { months: +cons[1], levelAtLeast: +cons[2] } }
          : {
              metric: (m![1] === "fineyuan" ? "fineYuan" : m![1]) as Band["metric"],
              op: m![2] as Band["op"],
              value: +m![3],
            }),
      });
    } else if (section === H_KEYWORDS) {
      const words = t(3)
        .split(/[,，、]/)
        .map((w) => w.trim())
        .filter(Boolean);
      if (!words.length) {
        bad(r, "D", `事件类型 ${t(1)} 没有关键词。`);
        return;
      }
      keywords.push({ type: t(1), keywords: words });
    }
  });
  if (!scheme)
    issues.push({
      sheet: grid.name,
      row: 1,
      severity: "error",
      code: "bad-rule",
      message: `${grid.name}：没有找到【方案】一节，无法使用这张规则表。`,
    });
  if (scheme && !rules.length)
    issues.push({
      sheet: grid.name,
      row: 1,
      severity: "error",
      code: "bad-rule",
      message: `${grid.name}：【规则】一节是空的。`,
    });
  return { scheme: issues.length ? null : scheme, keywords: keywords.length ? keywords : DEFAULT_KEYWORDS, issues };
}

function numify(p: Record<string, string>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p))
    out[k] = TEXT_PARAMS.has(k) || !Number.isFinite(Number(v)) || v === "" ? v : Number(v);
  return out;
}
