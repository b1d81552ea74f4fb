import { ROLES, type DataIssue, type SheetGrid } from "../types";
import { E } from "../events";
import { colLetter } from "../text";
import { ATTENDANCE_TYPES, DEFAULT_KEYWORDS, attendanceKeywords, type KeywordRow } from "../classify";
import { SheetCursor, type ReadContext } from "./context";
import { detectSheet, titleMonth, type Detection } from "./detect";
import { NameResolver, type Person } from "./names";
import { readAttendanceLong } from "./attendanceLong";
import { crossCheckPunchSheet, crossCheckPunches } from "./punchDetail";
import { mergeDuplicates } from "./duplicates";
import { readMatrix, totalColumns } from "./matrix";
import { readPunchLog } from "./punchLog";
import { readPunchGrid } from "./punchGrid";
import type { PunchConfig } from "../punch/config";
import {
  readComplaints,
  readExpress,
  readFines,
  readPerformance,
  readRoster,
  namedOnly,
  readSummary,
  type SummaryRow,
} from "./records";
import type { AgentEvent, CellCounts, MappingOverride, ReadResult, SheetMapping } from "./model";
import { accountCells, ownTabMapping, reportWholeSheet, uniformKinds } from "./accounting";
import { isBlankCell } from "../parse";
import { monthFromText } from "./month";

export interface ReadOptions {
  /** Sheets the add-in generated: never read as inputs. */
  skip?: Iterable<string>;
  overrides?: MappingOverride[];
  keywords?: KeywordRow[];
  /** Year for dates written without one, when no sheet names its year. */
  defaultYear?: number;
  /** The file's name: an export such as `自定义报表_…_2026-10-01至2026-10-31.xlsx` gives its month only there. */
  sourceName?: string;
  /** What a blank 是否查实 means; default: unverified (listed, not scored). The 规则 tab may declare it. */
  blankVerified?: "verified" | "unverified";
  /** Count an incident found in two sheets (a complaint and the fine it caused) twice; default: once. */
  countDuplicates?: boolean;
  /** Return each cell's kind (used / structural / reported) in `cellKinds`. */
  explain?: boolean;
  /** Shifts, calendar overrides and the no-punch kind from the 规则 tab (defaults without one). */
  punch?: PunchConfig;
}

interface Pending {
  grid: SheetGrid;
  det: Detection;
  cursor?: SheetCursor;
  summary?: SummaryRow[];
  /** A summary superseded by a detailed sheet: cross-checked only. */ checkedOnly?: boolean;
}

/** read → detect → normalise: a workbook's grids to per-agent events and data issues. */
export function readWorkbook(grids: SheetGrid[], opts: ReadOptions = {}): ReadResult {
  const skip = new Set(opts.skip ?? []);
  // Hidden and very hidden sheets are the user's too: read like the others, and named as hidden.
  const inputs = grids.filter((g) => !skip.has(g.name));
  const ownTabs = grids.filter((g) => skip.has(g.name)).map(ownTabMapping);
  const { pending, defaultYear } = detectAll(inputs, opts);
  const ctx = newContext(defaultYear, opts);
  readRosters(pending, ctx);
  const punchSheets = readDataSheets(pending, ctx, opts);

  // Only day-by-day attendance sheets make punch sheets a cross-check: a fine for lateness or a complaint is not one.
  const dailyNames = new Set(
    pending
      .filter((p) => p.det.role === "attendance" && p.det.layout !== "summary" && !punchSheets.includes(p))
      .map((p) => p.grid.name),
  );
  readPunchSheets(punchSheets, ctx, opts, dailyNames);
  const merged = mergeDuplicates(mergeAgentDays(ctx.events), ctx.issues, !!opts.countDuplicates);
  const sheets: SheetMapping[] = [];
  const cellKinds: Record<string, string[][]> | undefined = opts.explain ? {} : undefined;
  for (const p of pending) {
    if (p.summary) useOrCheckSummary(p, merged);
    sheets.push(account(p, ctx.issues, merged, cellKinds));
  }
  if (cellKinds) for (const g of grids) if (skip.has(g.name)) cellKinds[g.name] = uniformKinds(g, "s");
  return { sheets, events: merged, issues: ctx.issues, ...peopleAndMonths(ctx, merged), ownTabs, cellKinds };
}

/** Detects every input sheet, then gives each one that names no year the workbook's year. */
function detectAll(inputs: SheetGrid[], opts: ReadOptions): { pending: Pending[]; defaultYear: number } {
  const overrides = new Map((opts.overrides ?? []).map((o) => [o.sheet, o]));
  const pending: Pending[] = inputs.map((grid) => ({ grid, det: detectSheet(grid, overrides.get(grid.name)) }));
  // The year of the workbook: from a title that names one (2026年2月), else the caller's; then `9月考勤` gets it.
  const titled = pending.map((p) => p.det.titleMonth).filter(Boolean) as string[];
  const defaultYear = titled.length
    ? Math.max(...titled.map((m) => +m.slice(0, 4)))
    : (opts.defaultYear ?? new Date().getFullYear());
  for (const p of pending) p.det.titleMonth ??= titleMonth(p.grid, p.det.titleText, defaultYear);
  return { pending, defaultYear };
}

function newContext(defaultYear: number, opts: ReadOptions): ReadContext {
  const keywords = opts.keywords ?? DEFAULT_KEYWORDS;
  return {
    resolver: new NameResolver([]),
    keywords,
    attendance: attendanceKeywords(keywords),
    defaultYear,
    events: [],
    issues: [],
    present: new Map(),
    sheetMonths: new Map(),
    blankVerified: opts.blankVerified,
  };
}

/** Rosters first: every other sheet resolves its names against them. */
function readRosters(pending: Pending[], ctx: ReadContext) {
  const people: Person[] = [];
  for (const p of pending.filter((p) => p.det.role === "roster" && p.det.header)) {
    p.cursor = new SheetCursor(p.grid, p.det.header!.fields, ctx, p.det.header!.labels);
    people.push(...readRoster(p.cursor, p.det.header!.dataStart, p.grid.cells.length));
  }
  ctx.resolver = new NameResolver(people);
}

/** Reads every data sheet but the punch sheets, which it returns to be read after the daily sheets. */
function readDataSheets(pending: Pending[], ctx: ReadContext, opts: ReadOptions): Pending[] {
  const punchSheets: Pending[] = [];
  const perf: Pending[] = [];
  for (const p of pending) {
    const { det } = p;
    if (det.role === "none" || det.role === "roster") continue;
    if (!det.header) continue;
    // Punch sheets are read after the daily sheets: beside one they are its cross-check, alone they are scored.
    if (det.layout === "punches" || det.layout === "punchLog" || det.layout === "punchGrid") punchSheets.push(p);
    // Read last: a 赤兔 report names its month only in the file name (or nowhere).
    else if (det.role === "performance") {
      p.cursor = new SheetCursor(p.grid, det.header.fields, ctx, det.header.labels);
      perf.push(p);
    } else readDataSheet(p, ctx, opts);
  }
  for (const p of perf) {
    const h = p.det.header!;
    readPerformance(p.cursor!, h.dataStart, p.grid.cells.length, p.det.titleMonth ?? fallbackMonth(p, ctx, opts));
  }
  return punchSheets;
}

/** One attendance, complaints, express or fines sheet, by its detected role and layout. */
function readDataSheet(p: Pending, ctx: ReadContext, opts: ReadOptions) {
  const { det, grid } = p;
  const h = det.header!;
  const cur = (p.cursor = new SheetCursor(grid, h.fields, ctx, h.labels));
  const start = h.dataStart,
    end = grid.cells.length;
  const month = det.titleMonth;
  switch (det.role) {
    case "attendance":
      if (det.layout === "matrix") {
        const totals = totalColumns(h.labels, h.fields, h.dayColumns, ctx.attendance);
        readMatrix(cur, start, end, h.dayColumns, month, totals, opts.punch);
      } else if (det.layout === "summary") p.summary = readSummary(cur, start, end);
      else readAttendanceLong(cur, start, end, { cfg: opts.punch, export: det.layout === "export" });
      break;
    case "complaints":
      readComplaints(cur, start, end, month);
      break;
    case ROLES.express:
      readExpress(cur, start, end, month);
      break;
    case "fines":
      readFines(cur, start, end, month);
      break;
  }
}

/** The people, groups and months of the result, from the roster, the events and the days present. */
function peopleAndMonths(ctx: ReadContext, merged: AgentEvent[]) {
  const agents = new Set<string>(ctx.resolver.people.keys());
  for (const e of merged) if (e.agent) agents.add(e.agent);
  const presentDays: Record<string, Record<string, number>> = {};
  for (const [month, byAgent] of ctx.present) {
    presentDays[month] = Object.fromEntries(byAgent);
    for (const a of byAgent.keys()) agents.add(a);
  }
  const named = namedOnly(ctx);
  for (const list of Object.values(named)) for (const a of list) agents.add(a);
  const groups: Record<string, string> = {};
  const leaveDates: Record<string, string> = {};
  for (const [n, person] of ctx.resolver.people) {
    if (person.group) groups[n] = person.group;
    if (person.leaveDate) leaveDates[n] = person.leaveDate;
  }
  const months = [...new Set([...merged.map((e) => e.month), ...ctx.present.keys()].filter(Boolean))].sort();
  return {
    agents: [...agents],
    roster: [...ctx.resolver.people.keys()],
    groups,
    resigned: [...ctx.resolver.resigned],
    leaveDates,
    presentDays,
    named,
    months,
  };
}

/**
 * The month of a sheet that names none (a 赤兔 report): the file name's, else the one month every other sheet of
 * the workbook is about. Either way a line says where the month came from; with several months, none is guessed.
 */
function fallbackMonth(p: Pending, ctx: ReadContext, opts: ReadOptions): string | null {
  const say = (month: string, from: string) => {
    ctx.issues.push({
      sheet: p.grid.name,
      row: 1,
      severity: "info",
      code: "month-assumed",
      message: `工作表“${p.grid.name}”里没有写月份，按${from}读作 ${month}。如果不对，请在标题里写明月份。`,
      scope: "sheet",
    });
    return month;
  };
  const named = opts.sourceName ? monthFromText(opts.sourceName, ctx.defaultYear) : null;
  if (named) return say(named, `文件名“${opts.sourceName}”`);
  const months = new Set<string>();
  for (const e of ctx.events) if (e.month) months.add(e.month);
  for (const ms of ctx.sheetMonths.values()) for (const m of ms) if (m) months.add(m);
  return months.size === 1 ? say([...months][0], "工作簿里其他表的月份") : null;
}

/**
 * Punch-detail sheets: beside a daily attendance sheet they are its cross-check (disagreements reported, the
 * rest structural); alone they are read as the only attendance there is.
 */
function readPunchSheets(sheets: Pending[], ctx: ReadContext, opts: ReadOptions, dailyNames: Set<string>) {
  const daily = ctx.events.filter(
    (e) => ATTENDANCE_TYPES.has(e.type) && !e.meta?.fromFines && dailyNames.has(e.sources[0]?.sheet ?? ""),
  );
  const dailySheets = new Set(
    [...ctx.sheetMonths.keys(), ...daily.map((e) => e.sources[0]?.sheet ?? "")].filter((n) => dailyNames.has(n)),
  );
  const months = new Set([...daily.map((e) => e.month), ...[...ctx.sheetMonths.values()].flatMap((m) => [...m])]);
  for (const p of sheets) {
    const h = p.det.header!;
    const cur = (p.cursor = new SheetCursor(p.grid, h.fields, ctx, h.labels));
    // A row-per-punch sheet with a person column can be checked day by day; a grid of dates or a one-person
    // sheet (the person in its title) is read by the punch readers, then checked when it covers the same days.
    const rowWise = p.det.layout !== "punchGrid" && (cur.has("name") || cur.has("account") || cur.has("empId"));
    const reason = p.det.reason;
    if (dailySheets.size > 0 && rowWise) {
      crossCheckPunches(cur, h.dataStart, p.grid.cells.length, daily);
      p.checkedOnly = true;
      p.det.reason += "；有每日考勤表，这张打卡明细只用于核对，不单独计分";
    } else if (
      p.det.layout === "punchGrid" &&
      dailySheets.size > 0 &&
      crossCheckPunchSheet(cur, h.fields, { events: daily, months }, (c) => readPunchGrid(c, p.det, opts.punch))
    ) {
      p.checkedOnly = true;
      p.det.reason = `${reason}；有同月同人的每日考勤表，这张打卡表只用于核对，不单独计分`;
    } else {
      p.det.reason = reason;
      if (p.det.layout === "punchLog") readPunchLog(cur, p.det, opts.punch);
      else if (p.det.layout === "punchGrid") readPunchGrid(cur, p.det, opts.punch);
      else readAttendanceLong(cur, h.dataStart, p.grid.cells.length, { cfg: opts.punch, export: true });
    }
  }
}

/** A day with a mark of one kind is one event of that kind, whichever half and however many rows. */
export function mergeAgentDays(events: AgentEvent[]): AgentEvent[] {
  const out: AgentEvent[] = [];
  // Agent names and ISO dates are interned by the reader, so nested maps need no key strings.
  const byAgent = new Map<string, Map<string, AgentEvent | AgentEvent[]>>();
  for (const e of events) {
    if (!ATTENDANCE_TYPES.has(e.type) || !e.date || !e.agent || e.meta?.fromFines) {
      out.push(e);
      continue;
    }
    let byDate = byAgent.get(e.agent);
    if (!byDate) byAgent.set(e.agent, (byDate = new Map()));
    const slot = byDate.get(e.date);
    const prev =
      slot === undefined
        ? undefined
        : Array.isArray(slot)
          ? slot.find((x) => x.type === e.type)
          : slot.type === e.type
            ? slot
            : undefined;
    // Events come fresh from this read, so the first of a day can absorb the others in place.
    if (!prev) {
      if (slot === undefined) byDate.set(e.date, e);
      else if (Array.isArray(slot)) slot.push(e);
      else byDate.set(e.date, [slot, e]);
      out.push(e);
      continue;
    }
    prev.days = Math.min(1, (prev.days ?? 1) + (e.days ?? 1));
    if (e.measure !== undefined) prev.measure = Math.max(prev.measure ?? 0, e.measure);
    prev.sources.push(...e.sources);
  }
  return out;
}

const COUNT_LABEL: Record<string, string> = {
  [E.late]: "迟到次数",
  [E.unauthorised]: "旷工次数",
  [E.missedPunch]: "缺卡次数",
  [E.early]: "早退次数",
  [E.leave]: "事假/病假天数",
  [E.swap]: "调休天数",
  [E.statutory]: "年假天数",
  leaveTotal: "请假天数",
};
/** Counts a summary gives in days, not times. */
const DAY_COUNTS = new Set<string>([E.leave, E.swap, E.statutory]);
const CHECKED_COUNTS = [E.late, E.unauthorised, E.missedPunch, E.early, E.leave, E.swap, "leaveTotal"];

/** A monthly summary: cross-checked against a detailed sheet of the same month, or used when there is none. */
function useOrCheckSummary(p: Pending, events: AgentEvent[]) {
  const cur = p.cursor!;
  const month = p.det.titleMonth;
  if (!month) {
    for (const row of p.summary!)
      cur.issue(row.row, "no-month", "月度汇总看不出是哪一个月：请在标题或表名里写明，例如“2026年3月”。");
    return;
  }
  const detailed = events.filter(
    (e) => e.month === month && ATTENDANCE_TYPES.has(e.type) && e.date && !e.sources.some((s) => s.sheet === cur.name),
  );
  const detailedSheets = [...cur.ctx.sheetMonths]
    .filter(([sheet, ms]) => sheet !== cur.name && ms.has(month))
    .map(([sheet]) => sheet);
  if (!detailed.length && !detailedSheets.length) return useSummary(p, month, events);
  p.checkedOnly = true;
  const sheets = [...new Set([...detailed.flatMap((e) => e.sources.map((s) => s.sheet)), ...detailedSheets])].join(
    "、",
  );
  for (const row of p.summary!) checkSummaryRow(cur, row, detailed, sheets);
}

/** No detailed sheet for the month: the summary's counts become month-level events. */
function useSummary(p: Pending, month: string, events: AgentEvent[]) {
  const cur = p.cursor!;
  const before = cur.ctx.events.length;
  for (const row of p.summary!) {
    for (const [type, n] of Object.entries(row.counts)) {
      if (type === "leaveTotal") continue;
      const isDays = DAY_COUNTS.has(type);
      const count = isDays ? Math.ceil(n) : Math.round(n);
      for (let k = 0; k < count; k++)
        cur.event(row.row, {
          type,
          agent: row.agent,
          date: null,
          month,
          days: isDays ? Math.min(1, n - k) : 1,
          text: COUNT_LABEL[type],
        });
    }
    if (!Object.keys(row.counts).length) cur.event(row.row, { type: E.present, agent: row.agent, date: null, month });
  }
  // cur.event writes to the unmerged list; these month-level events need no merging.
  events.push(...cur.ctx.events.slice(before));
}

/** One summary row against the detailed events of its agent: each differing count reported, the row structural. */
function checkSummaryRow(cur: SheetCursor, row: SummaryRow, detailed: AgentEvent[], sheets: string) {
  const mine = detailed.filter((e) => e.agent === row.agent);
  const diffs: string[] = [];
  for (const type of CHECKED_COUNTS) {
    if (type === "leaveTotal" && row.counts.leaveTotal === undefined) continue;
    const isDays = type === "leaveTotal" || DAY_COUNTS.has(type);
    const kinds: string[] = type === "leaveTotal" ? [...DAY_COUNTS] : [type];
    const actual = mine.filter((e) => kinds.includes(e.type)).reduce((s, e) => s + (isDays ? (e.days ?? 1) : 1), 0);
    const claimed = row.counts[type] ?? 0;
    if (Math.abs(actual - claimed) > 1e-9) diffs.push(`${COUNT_LABEL[type]}：汇总 ${claimed}，明细 ${actual}`);
  }
  if (diffs.length)
    cur.issue(
      row.row,
      "summary-mismatch",
      `${row.agent} 的月度汇总与明细（${sheets}）不一致：${diffs.join("；")}。计分以明细为准。`,
      "warning",
    );
  cur.structuralRow(row.row, "月度汇总（仅核对）");
}

/** What one sheet was read as, with every non-empty cell accounted for (see accounting.ts). */
function account(
  p: Pending,
  issues: DataIssue[],
  events: AgentEvent[],
  cellKinds?: Record<string, string[][]>,
): SheetMapping {
  const { det, grid } = p;
  const cur = p.cursor;
  const h = det.header;
  const fields: Record<string, string> = {};
  const labels: Record<string, string> = {};
  h?.fields.forEach((f, i) => {
    if (h.labels[i]) labels[colLetter(i)] = h.labels[i];
    if (f) fields[colLetter(i)] = f;
  });
  const months = sheetMonths(p, events);
  const counted =
    det.role === "none" || !cur || !h
      ? unreadSheet(p, issues, cellKinds)
      : countReadSheet(p, cur, h, issues, labels, cellKinds);
  const { data, structural, placed, cells, structure } = counted;
  const mine = issues.filter((i) => i.sheet === grid.name && i.severity !== "warning").length;
  return {
    sheet: grid.name,
    role: det.role,
    layout: det.layout,
    months,
    headerRow: h ? h.fieldRow + 1 : 0,
    groupRow: h?.groupRow !== null && h?.groupRow !== undefined ? h.groupRow + 1 : undefined,
    fields,
    labels,
    confidence: det.confidence,
    reason: grid.hidden ? `（隐藏的工作表）${det.reason}` : det.reason,
    used: !p.checkedOnly,
    rows: { data, placed, events: cur?.events ?? 0, issues: mine, structural },
    cells,
    structure,
    hidden: grid.hidden || undefined,
    corrected: det.corrected || undefined,
  };
}

/** The months a sheet gave events or marks for; else its title's, unless it holds no data. */
function sheetMonths(p: Pending, events: AgentEvent[]): string[] {
  const { det, grid } = p;
  const months = new Set<string>();
  for (const e of events) if (e.sources[0]?.sheet === grid.name && e.month) months.add(e.month);
  for (const m of p.cursor?.ctx.sheetMonths.get(grid.name) ?? []) if (m) months.add(m);
  if (!months.size && det.titleMonth && det.role !== "roster" && det.role !== "none") months.add(det.titleMonth);
  return [...months].sort();
}

interface SheetCounts {
  data: number;
  structural: number;
  placed: number;
  cells: CellCounts;
  structure?: Record<string, number>;
}

/** A sheet not recognised as data: every non-empty cell reported. */
function unreadSheet(p: Pending, issues: DataIssue[], cellKinds?: Record<string, string[][]>): SheetCounts {
  const { det, grid } = p;
  const nonEmptyRows = grid.cells.filter((r) => r?.some((c) => !isBlankCell(c))).length;
  const cells = reportWholeSheet(
    grid,
    issues,
    "sheet-not-read",
    `工作表“${grid.name}”没有被识别为考核数据，${nonEmptyRows} 行未读取。${det.reason}`,
  );
  if (cellKinds) cellKinds[grid.name] = uniformKinds(grid, "r");
  return { data: 0, structural: 0, placed: 0, cells };
}

/** A read sheet: its cells accounted for, its rows counted as data, structural or placed. */
function countReadSheet(
  p: Pending,
  cur: SheetCursor,
  h: NonNullable<Detection["header"]>,
  issues: DataIssue[],
  labels: Record<string, string>,
  cellKinds?: Record<string, string[][]>,
): SheetCounts {
  const { det, grid } = p;
  let structural = h.dataStart,
    data = 0,
    placed = 0;
  const kinds = cellKinds ? (cellKinds[grid.name] = []) : undefined;
  const acc = accountCells({ grid, header: h, cur, role: det.role, checkedOnly: !!p.checkedOnly, issues, kinds });
  for (let r = h.dataStart; r < grid.cells.length; r++) {
    if (cur.rowBlank(r)) continue;
    if (cur.structural.has(r)) {
      structural++;
      continue;
    }
    data++;
    if (cur.used.has(r) || cur.rejected.has(r)) placed++;
  }
  for (const i of issues)
    if (i.sheet === grid.name && i.scope === "column" && i.col && !labels[i.col]) labels[i.col] = "（无表头）";
  return { data, structural, placed, cells: acc.cells, structure: acc.structure };
}
