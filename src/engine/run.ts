import type { DataIssue, SheetGrid } from "./types";
import { readWorkbook, type ReadOptions } from "./read/workbook";
import type { MappingOverride, ReadResult } from "./read/model";
import { builtinScheme, BUILTIN_SCHEMES } from "./schemes";
import { scoreMonths } from "./score/month";
import type { MonthResult } from "./score/result";
import type { Scheme } from "./score/scheme";
import { policyOf } from "./score/policy";
import { readRulesSheet, renderRulesSheet } from "./rulesSheet";
import { emptyState, readState, renderState, type WorkbookState } from "./state";
import { generatedKey, OUTPUT_NAMES, type OutputSheet } from "./render/model";
import { renderScorecard } from "./render/scorecard";
import { renderCourier, renderFundBox } from "./render/ledgers";
import { renderSlips } from "./render/slips";
import { renderAudit, renderIssues } from "./render/audit";
import { renderAnalysis } from "./render/analysis";
import { DEFAULT_KEYWORDS, type KeywordRow } from "./classify";
import { parseMonthKey } from "./parse";
import type { PunchConfig } from "./punch/config";
import { E } from "./events";

export const RULES_SHEET_CHOICE = "sheet";

export interface GenerateInput {
  grids: SheetGrid[];
  /** A built-in scheme id, or "sheet" for this workbook's 规则 tab. */
  scheme: string;
  month?: string;
  /** Corrections made in the task pane this session (merged over the stored ones). */
  overrides?: MappingOverride[];
  defaultYear?: number;
  /** The workbook's file name: a 赤兔 report names its month only there (`…_2026-10-01至2026-10-31.xlsx`). */
  sourceName?: string;
  /** Tabs the host knows are ours by a lasting sheet id stored in the state (a run cut short may have left one blank). */
  ownedById?: string[];
}

export type GenerateOutcome =
  | {
      ok: true;
      month: string;
      monthChosen: boolean;
      scheme: Scheme;
      read: ReadResult;
      chain: MonthResult[];
      result: MonthResult;
      outputs: OutputSheet[];
      state: WorkbookState;
      notices: string[];
      issues: DataIssue[];
    }
  | { ok: false; message: string; issues: DataIssue[]; read?: ReadResult };

const STATE_NAME = OUTPUT_NAMES.state;

const isBlank = (g: SheetGrid) => g.cells.every((row) => row.every((c) => c === null || c === ""));

/** The tabs this add-in owns, from its stored state tab (the only sheet this needs to have read). */
export function ownership(stateGrid: SheetGrid | undefined): {
  state: WorkbookState;
  owned: Set<string>;
  foreignState: boolean;
} {
  const stored = readState(stateGrid);
  // A sheet under the state's name that this add-in did not write is the user's: never owned.
  // A blank one is ours: a first run was cut short between adding it and writing it.
  const foreignState = !!stateGrid && !stored && !isBlank(stateGrid);
  return {
    state: stored ?? emptyState(),
    owned: new Set([...(stored?.generated ?? []), ...(foreignState ? [] : [STATE_NAME])]),
    foreignState,
  };
}

/**
 * Ownership with every grid at hand: a tab is ours to rewrite when the state lists it and it still
 * carries our marker row (a manager's sheet put in its place is not), or when it carries the marker
 * under one of our names. `archived` are marked tabs under other names (a renamed 10月评分表): never
 * read as data, never overwritten.
 */
export function ownedTabs(grids: SheetGrid[], ownedById: string[] = []) {
  const base = ownership(grids.find((g) => g.name === STATE_NAME));
  const marked = new Set(grids.filter((g) => generatedKey(g.cells[0]?.[0])).map((g) => g.name));
  const ourNames = new Set(Object.values(OUTPUT_NAMES));
  // Tabs written before markers existed are trusted by the state's list, as they were then.
  const trustNames = !base.state.markers;
  const owned = new Set(
    [...base.owned].filter((n) => n === STATE_NAME || marked.has(n) || (trustNames && grids.some((g) => g.name === n))),
  );
  for (const n of marked) if (ourNames.has(n) || base.state.generated.includes(n)) owned.add(n);
  for (const n of ownedById) if (grids.some((g) => g.name === n)) owned.add(n);
  // A blank tab the state names as generated: a run was cut short between adding it and writing it.
  for (const g of grids) if (base.state.generated.includes(g.name) && isBlank(g)) owned.add(g.name);
  const archived = [...marked].filter((n) => !owned.has(n));
  return { ...base, owned, archived };
}

/** Only read the workbook: what the task pane shows before generating. */
export function inspectWorkbook(
  grids: SheetGrid[],
  overrides: MappingOverride[] = [],
  defaultYear?: number,
  sourceName?: string,
): ReadResult {
  return inspectWithState(grids, overrides, defaultYear, sourceName).read;
}

/** The read, with the corrections in force (stored ones merged with `fresh`) and the scheme chosen last time. */
export function inspectWithState(
  grids: SheetGrid[],
  fresh: MappingOverride[] = [],
  defaultYear?: number,
  sourceName?: string,
): { read: ReadResult; overrides: MappingOverride[]; scheme: string | null } {
  const { state, owned, archived } = ownedTabs(grids);
  const rulesGrid = grids.find((g) => g.name === OUTPUT_NAMES.rules);
  const rules = rulesGrid ? readRulesSheet(rulesGrid) : null;
  const keywords = rules?.keywords ?? DEFAULT_KEYWORDS;
  const overrides = mergeOverrides(state.overrides, fresh);
  const read = readWorkbook(grids, {
    skip: [...owned, ...archived, OUTPUT_NAMES.rules],
    overrides,
    keywords,
    defaultYear,
    sourceName,
    punch: rules?.punch,
    // Before a scheme is chosen, the 规则 tab's reading settings (if it has valid ones) decide how rows read.
    ...(rules?.scheme ? readingPolicy(rules.scheme) : {}),
  });
  return { read, overrides, scheme: state.scheme ?? null };
}

/** The scheme settings that change how rows are read (duplicates across sheets, a blank 是否查实). */
function readingPolicy(scheme: Scheme): Pick<ReadOptions, "countDuplicates" | "blankVerified"> {
  const p = policyOf(scheme);
  return { countDuplicates: p.countDuplicates, blankVerified: p.blankVerified };
}

export function mergeOverrides(stored: MappingOverride[], fresh: MappingOverride[]): MappingOverride[] {
  const by = new Map(stored.map((o) => [o.sheet, o]));
  for (const o of fresh)
    by.set(o.sheet, { ...by.get(o.sheet), ...o, fields: { ...by.get(o.sheet)?.fields, ...o.fields } });
  return [...by.values()];
}

/** The scheme a run uses (a preset, or the workbook's 规则 tab) and the keyword table it classifies with. */
function chooseScheme(
  input: GenerateInput,
):
  | { ok: true; scheme: Scheme; keywords: KeywordRow[]; punch?: PunchConfig; issues: DataIssue[] }
  | { ok: false; message: string; issues: DataIssue[] } {
  const rulesGrid = input.grids.find((g) => g.name === OUTPUT_NAMES.rules);
  const rr = rulesGrid ? readRulesSheet(rulesGrid) : null;
  if (input.scheme === RULES_SHEET_CHOICE) {
    if (!rr)
      return {
        ok: false,
        message: `没有找到“${OUTPUT_NAMES.rules}”工作表。请先在任务窗格里把一个预设方案写入规则表，或选择一个预设方案。`,
        issues: [],
      };
    if (!rr.scheme)
      return {
        ok: false,
        message: `规则表有 ${rr.issues.length} 处错误，为避免算错，本次没有计分。请按下面列出的单元格改正后再生成。`,
        issues: rr.issues,
      };
    return { ok: true, scheme: rr.scheme, keywords: rr.keywords, punch: rr.punch, issues: [] };
  }
  const scheme = builtinScheme(input.scheme);
  if (!scheme)
    return {
      ok: false,
      message: `不认识的考核方案“${input.scheme}”。可选：${BUILTIN_SCHEMES.map((s) => s.id).join("、")}，或 ${RULES_SHEET_CHOICE}（本工作簿的规则表）。`,
      issues: [],
    };
  // Shifts, the calendar and the no-punch kind come from 规则 whichever scheme is chosen.
  return { ok: true, scheme, keywords: rr?.keywords ?? DEFAULT_KEYWORDS, punch: rr?.punch, issues: [] };
}

/** read → detect → normalise → score → render: everything a host needs to write. The engine's one entry. */
export function generate(input: GenerateInput): GenerateOutcome {
  const { state, owned, archived } = ownedTabs(input.grids, input.ownedById);
  const chosen = chooseScheme(input);
  if (!chosen.ok) return chosen;
  const { scheme, keywords, punch } = chosen;
  const overrides = mergeOverrides(state.overrides, input.overrides ?? []);
  const read = readWorkbook(input.grids, {
    skip: [...owned, ...archived, OUTPUT_NAMES.rules],
    overrides,
    keywords,
    defaultYear: input.defaultYear,
    sourceName: input.sourceName,
    punch,
    ...readingPolicy(scheme),
  });
  const month = input.month ?? latestMonth(read);
  if (!month)
    return {
      ok: false,
      message: "在这个工作簿里没有找到任何带日期的考核数据（考勤、投诉、快递、罚款）。请确认表头里有“姓名”“日期”等列。",
      issues: read.issues,
      read,
    };
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    return { ok: false, message: `月份“${month}”应写成 YYYY-MM，例如 2026-10。`, issues: [] };
  // A month without any data would score everyone full marks: refuse it and say which months have data.
  if (input.month && !dataMonths(read).includes(month))
    return {
      ok: false,
      message: `${month} 没有任何考核数据（考勤、投诉、快递、罚款），没有计分，以免人人满分 (no data for the month)。有数据的月份：${dataMonths(read).join("、") || "无"}`,
      issues: read.issues,
      read,
    };

  const chain = scoreMonths(read, scheme, month, state.history);
  const result = chain[chain.length - 1];
  const issues = [...read.issues, ...result.issues];
  const names = input.grids.map((g) => g.name);
  const { outputs, notices } = placeTabs(renderAll(chain, scheme, read, issues), names, owned);
  const newState = nextState(state, chain, input, outputs, overrides);
  outputs.push(...placeTabs([renderState(newState)], names, owned).outputs);
  return {
    ok: true,
    month,
    monthChosen: !input.month,
    scheme,
    read,
    chain,
    result,
    outputs,
    state: newState,
    notices,
    issues,
  };
}

/** Every generated tab, in the order they appear in the workbook. */
function renderAll(chain: MonthResult[], scheme: Scheme, read: ReadResult, issues: DataIssue[]): OutputSheet[] {
  const result = chain[chain.length - 1];
  return [
    renderScorecard(result, scheme),
    renderFundBox(chain),
    renderCourier(result),
    renderSlips(result, scheme),
    renderAudit(result),
    renderAnalysis(chain),
    renderIssues(read.sheets, issues),
  ];
}

/** The state tab after this run: the tabs written, corrections, and every scored month's levels and balance. */
function nextState(
  state: WorkbookState,
  chain: MonthResult[],
  input: GenerateInput,
  outputs: OutputSheet[],
  overrides: MappingOverride[],
): WorkbookState {
  const levels = { ...state.history.levels };
  const closing = { ...state.history.closing };
  for (const m of chain) {
    levels[m.month] = Object.fromEntries(m.agents.map((a) => [a.name, a.level]));
    closing[m.month] = m.fundBox.closing;
  }
  return {
    version: 1,
    markers: true,
    generated: [
      ...new Set([
        ...state.generated.filter((n) => input.grids.some((g) => g.name === n)),
        ...outputs.map((o) => o.name),
      ]),
    ],
    overrides,
    scheme: input.scheme,
    history: { levels, closing },
  };
}

/** Months with attendance, complaints, express or fines data, oldest first (a fund-box entry alone does not make a month). */
export function dataMonths(read: ReadResult): string[] {
  const months = new Set(Object.keys(read.presentDays));
  for (const e of read.events) if (e.month && e.type !== E.fundOpening && e.type !== E.fundSpend) months.add(e.month);
  return [...months].sort();
}

/**
 * The month to score when none is given: the latest with data, but never one more than a year past
 * the month before it (a typo such as 2062 for 2026 is reported by the reader, not made the default).
 */
export function latestMonth(read: ReadResult): string | null {
  const months = dataMonths(read);
  const index = (k: string) => parseMonthKey(k).y * 12 + parseMonthKey(k).m;
  while (months.length > 1 && index(months[months.length - 1]) - index(months[months.length - 2]) > 12) months.pop();
  return months.pop() ?? null;
}

/** A user's own sheet under a generated tab's name is never touched: the tab takes another name. */
export function placeTabs(
  sheets: OutputSheet[],
  sheetNames: string[],
  owned: Set<string>,
): { outputs: OutputSheet[]; notices: string[] } {
  const taken = new Set(sheetNames.filter((n) => !owned.has(n)));
  const notices: string[] = [];
  const outputs = sheets.map((s) => {
    if (!taken.has(s.name)) return s;
    let k = 2,
      name = `${s.name}(考核助手)`;
    while (taken.has(name)) name = `${s.name}(考核助手${k++})`;
    notices.push(`工作簿里已有你自己的“${s.name}”表，没有改动它；生成的表改名为“${name}”。`);
    taken.add(name);
    return { ...s, name };
  });
  return { outputs, notices };
}

/** A preset written as an editable 规则 tab (the task pane's button). */
export function rulesSheetFor(
  schemeId: string,
  sheetNames: string[],
  owned: Set<string>,
): { sheet: OutputSheet; notices: string[] } | null {
  const scheme = builtinScheme(schemeId);
  if (!scheme) return null;
  const { outputs, notices } = placeTabs([renderRulesSheet(scheme)], sheetNames, owned);
  return { sheet: outputs[0], notices };
}
