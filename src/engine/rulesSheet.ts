import type { DataIssue, SheetGrid } from "./types";
import { cellText, parseNumber } from "./parse";
import { fold } from "./text";
import { DEFAULT_KEYWORDS, WEIGHING_NOTES, type KeywordRow } from "./classify";
import { EVENT_IDS, eventIdOf, eventLabel, nearest } from "./events";
import { KINDS, RULE_KINDS, UNIT_WORD, kindOf, type RuleKind } from "./score/kinds";
import { describeParam, readParams } from "./score/params";
import { SCHEME_PARAMS } from "./score/policy";
import type { Band, ParamValue, Rule, Scheme, Unit } from "./score/scheme";
import { OUTPUT_NAMES, SheetBuilder, type OutputSheet } from "./render/model";
import { PUNCH_SECTIONS, readPunchSections, renderPunchSections } from "./punch/rulesSection";
import type { PunchConfig } from "./punch/config";

/**
 * The rules sheet (规则): a scheme a manager can read and edit in Excel, read back with
 * validation. Sections are marked by a first-column heading so that rows may be added. Every
 * parameter is declared by its rule kind (score/kinds) or by SCHEME_PARAMS; this file only lays
 * them out and hands what was typed to the one validator.
 */
const H_SCHEME = "【方案】",
  H_SETTINGS = "【方案参数】",
  H_RULES = "【规则】",
  H_BANDS = "【等级】",
  H_KEYWORDS = "【关键词】";
const WIDTH = 9;
const WORD_UNIT: Record<string, Unit> = { 分: "points", 元: "yuan", 张: "vouchers", 券: "vouchers" };
const BAND_METRICS: Record<string, NonNullable<Band["metric"]>> = {
  score: "score",
  percent: "percent",
  fineyuan: "fineYuan",
  actions: "actions",
};

const paramText = (p: Rule["params"]) =>
  Object.entries(p)
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");
const pad = (cells: (string | number | null)[]) => [...cells, ...Array(WIDTH - cells.length).fill("")].slice(0, WIDTH);

export function renderRulesSheet(scheme: Scheme, keywords: KeywordRow[] = DEFAULT_KEYWORDS): OutputSheet {
  const b = new SheetBuilder(WIDTH);
  b.line(`考核规则：${scheme.name}（可直接修改；改完在任务窗格选“本工作簿的规则表”再生成）`, "title");
  b.line(`规则类型：${RULE_KINDS.map((k) => `${k} ${KINDS[k].label}`).join(" | ")}`, "muted");
  schemeSection(b, scheme);
  b.blank();
  settingsSection(b, scheme);
  b.blank();
  rulesSection(b, scheme);
  b.blank();
  bandsSection(b, scheme);
  b.blank();
  keywordsSection(b, keywords);
  renderPunchSections(b); // 【班次】【日历】【打卡】: src/engine/punch/rulesSection.ts
  return b.build("rules", OUTPUT_NAMES.rules, {
    columnWidths: [8, 16, 22, 26, 14, 12, 36, 60, 60],
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, rowBreaks: [] },
  });
}

function schemeSection(b: SheetBuilder, scheme: Scheme) {
  b.push(pad([H_SCHEME, "编号", "名称", "单位", "基础分", "", "说明", "来源", "等级0名称"]), "section");
  b.push(
    pad([
      "",
      scheme.id,
      scheme.name,
      UNIT_WORD[scheme.unit],
      scheme.base,
      "",
      scheme.note,
      `来源：${scheme.seed}`,
      scheme.okLabel,
    ]),
  );
}

/** The scheme's parameters: those it sets, and those with a default (the default written with its source). */
function settingsSection(b: SheetBuilder, scheme: Scheme) {
  b.push(pad([H_SETTINGS, "参数", "中文名", "值", "", "", "说明（默认值与依据）"]), "section");
  for (const s of SCHEME_PARAMS) {
    const v = scheme.params[s.key];
    if (v === undefined && !s.default) continue;
    b.push(pad(["", s.key, s.label, v ?? s.default!.value, "", "", describeParam(s, UNIT_WORD[scheme.unit])]));
  }
}

function rulesSection(b: SheetBuilder, scheme: Scheme) {
  b.push(
    pad([
      H_RULES,
      "编号",
      "名称",
      "事件类型",
      "规则类型",
      "单位(分/元/张)",
      "参数",
      "说明（原文与口径）",
      "含义与参数",
    ]),
    "section",
  );
  for (const r of scheme.rules) b.push(pad(ruleRow(r)));
}

function bandsSection(b: SheetBuilder, scheme: Scheme) {
  b.push(pad([H_BANDS, "等级", "名称", "条件", "奖金调整%", "处理", "说明"]), "section");
  for (const band of scheme.bands) {
    const cond = band.consecutive
      ? `连续${band.consecutive.months}个月等级>=${band.consecutive.levelAtLeast}`
      : `${band.metric}${band.op}${band.value}`;
    b.push(
      pad([
        "",
        band.level,
        band.label,
        cond,
        band.bonusCutPercent ?? "",
        (band.actions ?? []).join("、"),
        band.note ?? "",
      ]),
    );
  }
}

function keywordsSection(b: SheetBuilder, keywords: KeywordRow[]) {
  const kwHead =
    "关键词（逗号分隔；所有匹配一起权衡：长词优先，读否定、对方是同事还是顾客、表扬；两类并存列入数据问题）";
  b.push(pad([H_KEYWORDS, "事件类型", "中文名", kwHead]), "section");
  for (const k of keywords) b.push(pad(["", k.type, eventLabel(k.type), k.keywords.join(", ")]));
  for (const note of WEIGHING_NOTES) b.line(note, "muted");
}

function ruleRow(r: Rule): (string | number | null)[] {
  const def = KINDS[r.kind];
  const meaning = [def.describe(r), ...def.params.map((p) => describeParam(p, UNIT_WORD[r.unit]))].join("；");
  return [
    "",
    r.id,
    r.label,
    r.events.join(", "),
    r.kind,
    `${r.sign < 0 ? "-" : "+"}${UNIT_WORD[r.unit]}`,
    paramText({ ...r.params, ...(r.item ? { inItem: r.item } : {}) }),
    r.note,
    meaning,
  ];
}

function parseParams(text: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const part of text
    .split(/[;；\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = part.match(/^([^=＝\s]+)\s*[=＝]\s*(.*)$/);
    if (!m) return null;
    out[m[1]] = m[2].trim();
  }
  return out;
}

export interface RulesRead {
  scheme: Scheme | null;
  keywords: KeywordRow[];
  issues: DataIssue[];
  /** Shifts, calendar overrides and the no-punch kind (src/engine/punch/rulesSection.ts). */
  punch: PunchConfig;
}

type Row = { r: number; t: (c: number) => string; cells: SheetGrid["cells"][0] };
type Bad = (row: number, col: string, message: string) => void;

/** Read a rules sheet back. Any broken value is an issue naming its cell, and no scheme is returned. */
export function readRulesSheet(grid: SheetGrid): RulesRead {
  const issues: DataIssue[] = [];
  const bad: Bad = (row, col, message) =>
    issues.push({
      sheet: grid.name,
      row: row + 1,
      col,
      severity: "error",
      code: "bad-rule",
      message: `${grid.name}!${col}${row + 1}：${message}`,
    });
  const sections = new Map<string, Row[]>();
  let section = "";
  grid.cells.forEach((cells, r) => {
    const t = (c: number) => cellText(cells?.[c] ?? null);
    if (t(0).startsWith("【")) section = t(0);
    else if (t(1) || t(2)) (sections.get(section) ?? sections.set(section, []).get(section)!).push({ r, t, cells });
  });
  const head = sections.get(H_SCHEME)?.[0];
  const scheme = head ? readScheme(head, sections.get(H_SETTINGS) ?? [], bad) : null;
  const rules = (sections.get(H_RULES) ?? []).map((row) => readRule(row, bad)).filter((x): x is Rule => !!x);
  const settings = scheme?.params ?? {};
  const bands = (sections.get(H_BANDS) ?? []).map((row) => readBand(row, bad, settings)).filter((x): x is Band => !!x);
  const keywords = (sections.get(H_KEYWORDS) ?? []).map((row) => readKeyword(row, bad)).filter((x) => !!x);
  const punchRows = [...sections]
    .filter(([name]) => PUNCH_SECTIONS.has(name))
    .flatMap(([name, rows]) => rows.map((row): [string, number, SheetGrid["cells"][0]] => [name, row.r, row.cells]));
  const punch = readPunchSections(grid.name, punchRows, bad);
  const whole = (message: string) =>
    issues.push({ sheet: grid.name, row: 1, severity: "error", code: "bad-rule", message: `${grid.name}：${message}` });
  if (!scheme) whole("没有找到【方案】一节，无法使用这张规则表。");
  else if (!rules.length) whole("【规则】一节是空的。");
  const ok = scheme && !issues.length;
  return {
    scheme: ok ? { ...scheme, rules, bands } : null,
    keywords: keywords.length ? keywords : DEFAULT_KEYWORDS,
    issues,
    punch,
  };
}

/** 【方案】 and its settings (【方案参数】 rows, or the older `k=v` cell in column F). */
function readScheme({ r, t, cells }: Row, settings: Row[], bad: Bad): Scheme {
  const unit = WORD_UNIT[t(3)];
  if (!unit) bad(r, "D", `单位“${t(3)}”应为 分、元 或 张。`);
  const base = t(4) === "" ? null : parseNumber(cells[4] as never);
  if (t(4) !== "" && base === null) bad(r, "E", `基础分“${t(4)}”不是数字。`);
  const raw = parseParams(t(5));
  if (raw === null) bad(r, "F", `参数“${t(5)}”应写成 名称=数值; 名称=数值。`);
  const params: Record<string, ParamValue> = {};
  const take = (typed: Record<string, string>, row: number, col: string) => {
    const p = readParams(SCHEME_PARAMS, typed);
    p.errors.filter((e) => !e.startsWith("缺少")).forEach((e) => bad(row, col, e));
    Object.assign(params, p.params);
  };
  if (raw && Object.keys(raw).length) take(raw, r, "F");
  for (const s of settings) if (s.t(1)) take({ [s.t(1)]: s.t(3) }, s.r, "D");
  return {
    id: t(1),
    name: t(2),
    unit: unit ?? "points",
    base,
    okLabel: t(8) || "正常",
    rules: [],
    bands: [],
    params,
    seed: t(7).replace(/^来源：/, ""),
    note: t(6),
  };
}

function readRule({ r, t }: Row, bad: Bad): Rule | null {
  const def = kindOf(t(4));
  if (!def) {
    bad(r, "E", `规则类型“${t(4)}”不认识，是不是“${nearest(t(4), RULE_KINDS)}”？应为 ${RULE_KINDS.join("、")} 之一。`);
    return null;
  }
  const um = t(5).match(/^([+-])?\s*(分|元|券|张)$/);
  if (!um) {
    bad(r, "F", `单位“${t(5)}”应写成 -分、+分、-元、+元 或 +张。`);
    return null;
  }
  const events: string[] = [];
  for (const typed of t(3)
    .split(/[,，、\s]+/)
    .filter(Boolean)) {
    const id = eventIdOf(typed);
    if (id) events.push(id);
    else
      bad(
        r,
        "D",
        `事件类型“${typed}”不认识，是不是“${nearest(typed, EVENT_IDS)}”（${eventLabel(nearest(typed, EVENT_IDS)!)}）？`,
      );
  }
  const typed = parseParams(t(6));
  if (typed === null) {
    bad(r, "G", `参数“${t(6)}”应写成 名称=数值; 名称=数值。`);
    return null;
  }
  const { inItem, ...rest } = typed;
  const p = readParams(def.params, rest, def.check);
  for (const e of p.errors) bad(r, "G", `${def.id} 规则：${e}`);
  return {
    id: t(1),
    label: t(2),
    events,
    kind: def.id as RuleKind,
    unit: WORD_UNIT[um[2]],
    sign: um[1] === "+" ? 1 : -1,
    params: p.params,
    note: t(7),
    item: inItem || undefined,
  };
}

function readBand({ r, t, cells }: Row, bad: Bad, settings: Record<string, ParamValue>): Band | null {
  const level = parseNumber(cells[1] as never);
  if (level === null) {
    bad(r, "B", `等级“${t(1)}”不是数字。`);
    return null;
  }
  const cond = fold(t(3));
  const cons = cond.match(/^连续(\d+)个月等级>=(\d+)$/);
  const m = cond.match(/^(score|percent|fineyuan|actions)(<=|>=|<|>)(-?\d+(?:\.\d+)?|[a-z]\w*)$/);
  if (!cons && !m) {
    bad(r, "D", `条件“${t(3)}”应写成 score<=5、percent<passPercent、fineYuan>0 或 连续3个月等级>=1。`);
    return null;
  }
  // A line may name a scheme setting (percent<passPercent), so that the 【方案参数】 value is the one used.
  const setting = m && /^[a-z]/.test(m[3]) ? SCHEME_PARAMS.find((p) => p.key.toLowerCase() === m[3]) : undefined;
  if (m && /^[a-z]/.test(m[3]) && !setting) {
    bad(
      r,
      "D",
      `条件里的“${m[3]}”不是方案参数，是不是“${nearest(
        m[3],
        SCHEME_PARAMS.map((p) => p.key),
      )}”？`,
    );
    return null;
  }
  if (setting && settings[setting.key] === undefined) {
    bad(r, "D", `条件用到方案参数 ${setting.key}（${setting.label}），但【方案参数】里没有写它的值。`);
    return null;
  }
  if (m?.[1] === "percent" && settings.total === undefined) {
    bad(r, "D", `得分率条件 percent 需要【方案参数】里的总分 total。`);
    return null;
  }
  const cut = t(4) === "" ? undefined : (parseNumber(cells[4] as never) ?? NaN);
  if (cut !== undefined && !Number.isFinite(cut)) bad(r, "E", `奖金调整“${t(4)}”不是数字。`);
  return {
    level,
    label: t(2),
    bonusCutPercent: cut,
    actions: t(5) ? t(5).split(/[、,，]/) : undefined,
    note: t(6) || undefined,
    ...(cons
      ? { consecutive: { months: +cons[1], levelAtLeast: +cons[2] } }
      : { metric: BAND_METRICS[m![1]], op: m![2] as Band["op"], value: setting ? setting.key : +m![3] }),
  };
}

function readKeyword({ r, t }: Row, bad: Bad): KeywordRow | null {
  const type = eventIdOf(t(1));
  if (!type) {
    bad(r, "B", `事件类型“${t(1)}”不认识，是不是“${nearest(t(1), EVENT_IDS)}”？`);
    return null;
  }
  const words = t(3)
    .split(/[,，、]/)
    .map((w) => w.trim())
    .filter(Boolean);
  if (!words.length) {
    bad(r, "D", `事件类型 ${t(1)} 没有关键词。`);
    return null;
  }
  return { type, keywords: words };
}
