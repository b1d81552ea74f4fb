import type { DataIssue, SheetGrid } from "../types";
import { colLetter } from "../text";
import { ATTENDANCE_TYPES, DEFAULT_KEYWORDS, attendanceKeywords, type KeywordRow } from "../classify";
import { SheetCursor, type ReadContext } from "./context";
import { detectSheet, titleMonth, type Detection } from "./detect";
import { NameResolver, type Person } from "./names";
import { readAttendanceLong } from "./attendanceLong";
import { readMatrix } from "./matrix";
import { readPunchLog } from "./punchLog";
import { readPunchGrid } from "./punchGrid";
import type { PunchConfig } from "../punch/config";
import {
  readComplaints,
  readExpress,
  readFines,
  readPerformance,
  readRoster,
  readSummary,
  type SummaryRow,
} from "./records";
import type { AgentEvent, MappingOverride, ReadResult, SheetMapping } from "./model";

export interface ReadOptions {
  /** Sheets the add-in generated: never read as inputs. */
  skip?: Iterable<string>;
  overrides?: MappingOverride[];
  keywords?: KeywordRow[];
  /** Year for dates written without one, when no sheet names its year. */
  defaultYear?: number;
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
  const overrides = new Map((opts.overrides ?? []).map((o) => [o.sheet, o]));
  const inputs = grids.filter((g) => !skip.has(g.name) && !g.hidden);
  const pending: Pending[] = inputs.map((grid) => ({ grid, det: detectSheet(grid, overrides.get(grid.name)) }));
  // The year of the workbook: from a title that names one (2026年2月), else the caller's; then `9月考勤` gets it.
  const titled = pending.map((p) => p.det.titleMonth).filter(Boolean) as string[];
  const defaultYear = titled.length
    ? Math.max(...titled.map((m) => +m.slice(0, 4)))
    : (opts.defaultYear ?? new Date().getFullYear());
  for (const p of pending) p.det.titleMonth ??= titleMonth(p.grid, p.det.titleText, defaultYear);

  const issues: DataIssue[] = [];
  const events: AgentEvent[] = [];
  const keywords = opts.keywords ?? DEFAULT_KEYWORDS;
  const ctx: ReadContext = {
    resolver: new NameResolver([]),
    keywords,
    attendance: attendanceKeywords(keywords),
    defaultYear,
    events,
    issues,
    present: new Map(),
    sheetMonths: new Map(),
  };

  const people: Person[] = [];
  for (const p of pending.filter((p) => p.det.role === "roster" && p.det.header)) {
    p.cursor = new SheetCursor(p.grid, p.det.header!.fields, ctx);
    people.push(...readRoster(p.cursor, p.det.header!.dataStart, p.grid.cells.length));
  }
  ctx.resolver = new NameResolver(people);

  for (const p of pending) {
    const { det, grid } = p;
    if (det.role === "none" || det.role === "roster") continue;
    if (!det.header) continue;
    const cur = (p.cursor = new SheetCursor(grid, det.header.fields, ctx));
    const start = det.header.dataStart,
      end = grid.cells.length;
    const month = det.titleMonth;
    switch (det.role) {
      case "attendance":
        if (det.layout === "punchLog") readPunchLog(cur, det, opts.punch);
        else if (det.layout === "punchGrid") readPunchGrid(cur, det, opts.punch);
        else if (det.layout === "matrix") readMatrix(cur, start, end, det.header.dayColumns, month);
        else if (det.layout === "summary") p.summary = readSummary(cur, start, end);
        else readAttendanceLong(cur, start, end);
        break;
      case "complaints":
        readComplaints(cur, start, end, month);
        break;
      case "express":
        readExpress(cur, start, end, month);
        break;
      case "fines":
        readFines(cur, start, end, month);
        break;
      case "performance":
        readPerformance(cur, start, end, month);
        break;
    }
  }

  const merged = mergeAgentDays(events);
  const sheets: SheetMapping[] = [];
  for (const p of pending) {
    if (p.summary) useOrCheckSummary(p, merged);
    sheets.push(account(p, issues, merged));
  }
  const agents = new Set<string>(ctx.resolver.people.keys());
  for (const e of merged) if (e.agent) agents.add(e.agent);
  const presentDays: Record<string, Record<string, number>> = {};
  for (const [month, byAgent] of ctx.present) {
    presentDays[month] = Object.fromEntries(byAgent);
    for (const a of byAgent.keys()) agents.add(a);
  }
  const groups: Record<string, string> = {};
  const leaveDates: Record<string, string> = {};
  for (const [n, person] of ctx.resolver.people) {
    if (person.group) groups[n] = person.group;
    if (person.leaveDate) leaveDates[n] = person.leaveDate;
  }
  const months = [...new Set([...merged.map((e) => e.month), ...ctx.present.keys()].filter(Boolean))].sort();
  return {
    sheets,
    events: merged,
    issues,
    agents: [...agents],
    roster: [...ctx.resolver.people.keys()],
    groups,
    resigned: [...ctx.resolver.resigned],
    leaveDates,
    presentDays,
    months,
  };
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
  late: "迟到次数",
  unauthorised: "旷工次数",
  "missed-punch": "缺卡次数",
  early: "早退次数",
  leave: "事假/病假天数",
  swap: "调休天数",
  statutory: "年假天数",
};

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
  if (!detailed.length && !detailedSheets.length) {
    const before = cur.ctx.events.length;
    for (const row of p.summary!) {
      for (const [type, n] of Object.entries(row.counts)) {
        const isDays = type === "leave" || type === "swap" || type === "statutory";
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
      if (!Object.keys(row.counts).length) cur.event(row.row, { type: "present", agent: row.agent, date: null, month });
    }
    // cur.event writes to the unmerged list; these month-level events need no merging.
    events.push(...cur.ctx.events.slice(before));
    return;
  }
  p.checkedOnly = true;
  const sheets = [...new Set([...detailed.flatMap((e) => e.sources.map((s) => s.sheet)), ...detailedSheets])].join(
    "、",
  );
  for (const row of p.summary!) {
    const mine = detailed.filter((e) => e.agent === row.agent);
    const diffs: string[] = [];
    for (const type of ["late", "unauthorised", "missed-punch", "early", "leave", "swap"]) {
      const isDays = type === "leave" || type === "swap";
      const actual = mine.filter((e) => e.type === type).reduce((s, e) => s + (isDays ? (e.days ?? 1) : 1), 0);
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
    cur.structural.add(row.row);
  }
}

/** Every row ends in one place: an event, a rejecting issue, or a recognised title / legend / total row. */
function account(p: Pending, issues: DataIssue[], events: AgentEvent[]): SheetMapping {
  const { det, grid } = p;
  const cur = p.cursor;
  const h = det.header;
  const fields: Record<string, string> = {};
  const labels: Record<string, string> = {};
  h?.fields.forEach((f, i) => {
    if (h.labels[i]) labels[colLetter(i)] = h.labels[i];
    if (f) fields[colLetter(i)] = f;
  });
  const months = new Set<string>();
  for (const e of events) if (e.sources[0]?.sheet === grid.name && e.month) months.add(e.month);
  for (const m of cur?.ctx.sheetMonths.get(grid.name) ?? []) if (m) months.add(m);
  if (!months.size && det.titleMonth && det.role !== "roster" && det.role !== "none") months.add(det.titleMonth);
  let data = 0,
    structural = 0,
    placed = 0;
  if (det.role === "none") {
    const nonEmpty = grid.cells.filter((r) => r?.some((c) => c !== null && c !== "")).length;
    if (nonEmpty)
      issues.push({
        sheet: grid.name,
        row: (h?.fieldRow ?? 0) + 1,
        severity: "info",
        code: "sheet-not-read",
        message: `工作表“${grid.name}”没有被识别为考核数据，${nonEmpty} 行未读取。${det.reason}`,
      });
  } else if (cur && h) {
    structural = h.dataStart;
    for (let r = h.dataStart; r < grid.cells.length; r++) {
      if (cur.rowBlank(r)) continue;
      if (cur.structural.has(r)) {
        structural++;
        continue;
      }
      data++;
      if (cur.used.has(r) || cur.rejected.has(r)) placed++;
      else cur.issue(r, "row-not-used", "这一行没有被使用：看不出它属于哪一类记录。请检查这一行的内容。");
    }
  }
  const mine = issues.filter((i) => i.sheet === grid.name && i.severity !== "warning").length;
  return {
    sheet: grid.name,
    role: det.role,
    layout: det.layout,
    months: [...months].sort(),
    headerRow: h ? h.fieldRow + 1 : 0,
    groupRow: h?.groupRow !== null && h?.groupRow !== undefined ? h.groupRow + 1 : undefined,
    fields,
    labels,
    confidence: det.confidence,
    reason: det.reason,
    used: !p.checkedOnly,
    rows: { data, placed, events: cur?.events ?? 0, issues: mine, structural },
    corrected: det.corrected || undefined,
  };
}
