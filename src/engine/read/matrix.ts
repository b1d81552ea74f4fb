import { halfWidth, colLetter, fold } from "../text";
import { cellText, daysInMonth, formatYmd, isBlankCell, isErrorCell, parseMonthKey, parseNumber } from "../parse";
import { parseStatus } from "./status";
import { ATTENDANCE_KEYWORDS, classifyReason, classifyText, leaveWord, type KeywordRow } from "../classify";
import type { SheetCursor } from "./context";
import type { DayColumn } from "./headers";
import { ATTENDANCE_EVENTS, E } from "../events";
import type { PunchConfig } from "../punch/config";
import { calendarRest, deductible, listRestMark } from "../punch/restDays";

export interface SymbolMeaning {
  type: string;
  detail?: string;
  /** Minutes a worded cell gives (`迟到12分钟`). */
  minutes?: number;
}

/** The classic template's legend, used when a sheet has none (the rules sheet may replace it). */
export const DEFAULT_SYMBOLS: Record<string, string> = {
  "√": "出勤",
  "✓": "出勤",
  "●": "休假",
  "○": "事假",
  "☆": "病假",
  "※": "迟到",
  "◇": "早退",
  "×": "旷工",
  "✗": "旷工",
  "△": "出差",
  "÷": "年休",
  "#": "补休",
  "▲": "调休",
  "□": "缺卡",
};

function meaning(word: string, table: KeywordRow[]): SymbolMeaning | null {
  const type = classifyText(word, table);
  return type ? { type, detail: leaveWord(word) ?? word } : null;
}

/** `注：√出勤 ●休假 ○事假 …` → symbol → meaning. Returns null when the text is not a legend. */
export function parseLegend(
  text: string,
  table: KeywordRow[] = ATTENDANCE_KEYWORDS,
): Map<string, SymbolMeaning> | null {
  const s = halfWidth(text).replace(/^\s*(注|说明|图例|备注)\s*[:：]?/, " ");
  const map = new Map<string, SymbolMeaning>();
  const re = /([^\s\u4e00-\u9fff:=,;、]{1,2})\s*[:=]?\s*([\u4e00-\u9fff][\u4e00-\u9fff/]*)/g;
  for (const m of s.matchAll(re)) {
    const sym = m[1].trim();
    if (/^\d+$/.test(sym)) continue;
    const mean = meaning(m[2], table);
    if (mean) map.set(sym, mean);
  }
  return map.size >= 3 ? map : null;
}

const FOOTER = /^(制表|审核|部门负责人|负责人|合计|总计|小计|签字|主管)/;
const HALF = /^(上午|下午|上|下|am|pm|早|晚)$/i;

const NOTE_ROW = /^(注|说明|图例|备注|附注|填表说明)\s*[:：]?/;
const SCHEDULED = /应出勤|应到|应上班|应打卡|应工作|计划|排班/;

/** A row below the table that is a legend or a note (`注：√ 出勤 …`): structural, never an agent. */
function legendOrNote(texts: string[], table: KeywordRow[]): { legend: Map<string, SymbolMeaning> | null } | null {
  const filled = texts.filter(Boolean);
  if (!filled.length) return null;
  const noted = NOTE_ROW.test(halfWidth(filled[0]).trim());
  // A legend is one note or a few cells; an agent's row fills the day columns.
  const legend = noted || filled.length <= 3 ? parseLegend(filled.join(" "), table) : null;
  if (legend) return { legend };
  return noted ? { legend: null } : null;
}

/** The symbols this sheet uses: its own legend, else the template's. */
function symbolTable(cur: SheetCursor, start: number, end: number): Map<string, SymbolMeaning> {
  let legend: Map<string, SymbolMeaning> | null = null;
  for (let r = start; r < end; r++) {
    const found = legendOrNote(
      (cur.grid.cells[r] ?? []).map((c) => cellText(c)),
      cur.ctx.attendance,
    );
    if (!found) continue;
    cur.structuralRow(r, found.legend ? "图例" : "注释");
    if (found.legend) legend = found.legend;
  }
  const symbols = new Map<string, SymbolMeaning>();
  if (legend) for (const [k, v] of legend) symbols.set(k, v);
  else
    for (const [k, v] of Object.entries(DEFAULT_SYMBOLS)) {
      const m = meaning(v, cur.ctx.attendance);
      if (m) symbols.set(k, m);
    }
  return symbols;
}

/** A column of 上午 / 下午 labels left of the days marks half-day rows. */
function halfColumn(cur: SheetCursor, start: number, end: number, days: DayColumn[]): number {
  for (let c = 0; c < (days[0]?.col ?? 0); c++) {
    let n = 0;
    for (let r = start; r < Math.min(end, start + 10); r++)
      if (HALF.test(cellText(cur.grid.cells[r]?.[c] ?? null))) n++;
    if (n >= 2) return c;
  }
  return -1;
}

/** A column the sheet totals itself (COUNTIF 迟到, 出勤天数, an export's 迟到次数): cross-checked, not read. */
export interface TotalColumn {
  col: number;
  type: string;
  label: string;
}

const DURATION = /时长|分钟|小时|工时/;
const SUMMARY_LABEL = /天数|次数|时长|小时|分钟|工时|合计|总计|统计|率|汇总/;
const afterDays = (col: number, days: DayColumn[]) => days.length > 0 && col > days[days.length - 1].col;

const IDENTITY_FIELDS = new Set([
  "name",
  "empId",
  "account",
  "dept",
  "group",
  "position",
  "shift",
  "seq",
  "note",
  "date",
]);

const COUNT_FIELDS: Record<string, string> = {
  lateCount: E.late,
  missedCount: E.missedPunch,
  absentCount: E.unauthorised,
  earlyCount: E.early,
  personalLeave: E.leave,
  sickLeave: E.leave,
  swapLeave: E.swap,
  annualLeave: E.statutory,
};

export function totalColumns(
  labels: string[],
  fields: (string | null)[],
  days: DayColumn[],
  table: KeywordRow[],
): TotalColumn[] {
  const dayCols = new Set(days.map((d) => d.col));
  const out: TotalColumn[] = [];
  labels.forEach((label, col) => {
    if (dayCols.has(col) || !label) return;
    const f = fields[col];
    const byField = f ? COUNT_FIELDS[f] : undefined;
    // Who the row is and how it is labelled are never totals; any other column right of a name may be one
    // (a COUNTIF headed 迟到 maps to 迟到分钟 in a long sheet, but a matrix has no minutes column).
    if (f && IDENTITY_FIELDS.has(f)) return;
    if (SCHEDULED.test(label)) return out.push({ col, type: "scheduled", label });
    const type = byField ?? classifyText(label, table);
    const minutes = DURATION.test(label) && !/天/.test(label);
    if (type)
      out.push({ col, type: minutes && (type === E.late || type === E.early) ? `${type}:minutes` : type, label });
    // An export's other own figures right of the days (工作时长, 应打卡天数 …): its summary, not data.
    else if (afterDays(col, days) && SUMMARY_LABEL.test(label)) out.push({ col, type: "scheduled", label });
  });
  return out;
}

/** The date header names another month than the title or tab name: the header is read, and the user told. */
function checkTitleMonth(
  cur: SheetCursor,
  start: number,
  days: DayColumn[],
  month: string | null,
  ym: { y: number; m: number } | null,
) {
  const off = ym ? days.find((d) => d.date && (d.date.y !== ym.y || d.date.m !== ym.m)) : undefined;
  if (off?.date && start > 0)
    cur.ctx.issues.push({
      sheet: cur.name,
      row: start,
      col: colLetter(off.col),
      severity: "info",
      code: "title-month-differs",
      message: `日期表头是 ${formatYmd(off.date).slice(0, 7)} 的日期，而标题或表名是 ${month}：按表头的日期读。若表头是上个月的模板没改，请改正表头。`,
      scope: "cell",
    });
}

/**
 * The symbol matrix: one or two rows per agent (上午 / 下午), a column per day.
 * A half-day row contributes half a day; a mark of one kind on a day is one event.
 */
export function readMatrix(
  cur: SheetCursor,
  start: number,
  end: number,
  days: DayColumn[],
  month: string | null,
  totals: TotalColumn[] = [],
  cfg?: PunchConfig,
) {
  const grid = cur.grid;
  // The legend may sit anywhere below the table; find it first, it decides the symbols.
  const symbols = symbolTable(cur, start, end);
  const ym = month ? parseMonthKey(month) : null;
  checkTitleMonth(cur, start, days, month, ym);
  const nameCol = cur.col.name ?? cur.col.account ?? cur.col.empId;
  const halfCol = halfColumn(cur, start, end, days);
  let lastAgent: string | null = null;
  let lastAgentRow = -1;
  // An agent's rows (上午 and 下午 under a merged name): its totals may cover both.
  let block: BlockRow[] = [];
  const flush = () => {
    checkTotals(cur, totals, block);
    block = [];
  };
  for (let r = start; r < end; r++) {
    if (cur.structural.has(r) || cur.rowBlank(r)) continue;
    const first = cellText(grid.cells[r]?.[0] ?? null) + cellText(grid.cells[r]?.[nameCol ?? 0] ?? null);
    if (FOOTER.test(fold(first))) {
      cur.structuralRow(r, "签字/合计行");
      continue;
    }
    if (halfCol >= 0) cur.touch(r, halfCol);
    const isHalf = HALF.test(halfCol >= 0 ? cellText(grid.cells[r]?.[halfCol] ?? null) : "");
    const nameCell = nameCol === undefined ? null : (grid.cells[r]?.[nameCol] ?? null);
    let agent: string | null;
    if (isBlankCell(nameCell) && lastAgent && r === lastAgentRow + 1)
      agent = lastAgent; // the 下午 row under a merged name
    else {
      flush();
      agent = cur.agent(r);
      if (!agent) {
        lastAgent = null;
        continue;
      }
    }
    lastAgent = agent;
    lastAgentRow = r;
    if (!ym && !days.some((d) => d.date)) {
      cur.issue(r, "no-month", "考勤表看不出是哪一个月：请在标题里写明，例如“2026年2月考勤表”。");
      continue;
    }
    const portion = isHalf || halfCol >= 0 ? 0.5 : 1;
    const tally = readDays(cur, { r, agent, portion, cfg }, days, ym, symbols);
    block.push({ r, tally, portion });
    if (!tally.marks && !cur.rejected.has(r))
      cur.issue(r, "empty-row", "这一行有姓名，但这个月没有任何考勤记号。", "info");
  }
  flush();
}

interface BlockRow {
  r: number;
  tally: RowTally;
  portion: number;
}

interface RowTally {
  marks: number;
  /** Type → day cells of that type in this row; `late:minutes` → the minutes of its lates. */
  cells: Map<string, number>;
}

/** The agent row being read: its sheet row, the share of a day each cell is, the 规则 tab's calendar. */
interface DayRow {
  r: number;
  agent: string;
  portion: number;
  cfg?: PunchConfig;
}

function readDays(
  cur: SheetCursor,
  row: DayRow,
  days: DayColumn[],
  ym: { y: number; m: number } | null,
  symbols: Map<string, SymbolMeaning>,
): RowTally {
  const { r, agent, portion } = row;
  const tally: RowTally = { marks: 0, cells: new Map() };
  for (const d of days) {
    const c = cur.grid.cells[r]?.[d.col] ?? null;
    if (isBlankCell(c)) continue;
    const at = `${colLetter(d.col)}${r + 1}`;
    const date = d.date ?? (ym && d.day <= daysInMonth(ym.y, ym.m) ? { y: ym.y, m: ym.m, d: d.day } : null);
    if (!date) {
      cur.cellIssue(r, d.col, "no-such-day", `${at} 在第 ${d.day} 日的列里，但这个月没有这一天，没有计入。`);
      continue;
    }
    if (isErrorCell(c)) {
      cur.cellIssue(r, d.col, "error-cell", `${at} 是错误值 ${c.code}，这一天没有计入。`);
      continue;
    }
    const text = cellText(c);
    const found = readCell(text, symbols, cur.ctx.attendance);
    if (!found || found === CONTRADICTS) {
      cur.cellIssue(r, d.col, found ? "contradicting-status" : "unknown-symbol", cellProblem(at, text, found));
      continue;
    }
    cur.touch(r, d.col);
    const iso = formatYmd(date);
    const restWhy = restDayWhy(cur, row, iso, found, text);
    const listed = restWhy ? found.filter((f) => deductible(f.type)).map((f) => f.type) : [];
    if (restWhy && listed.length) {
      listRestMark(cur, r, d.col, { agent, iso, types: listed, text, why: restWhy });
      // The row's name fed the listed line: the row is used even when every mark on it is listed.
      cur.used.add(r);
    }
    for (const f of found) {
      // The sheet's own totals count the cells as written: a listed mark is still tallied for them.
      tally.cells.set(f.type, (tally.cells.get(f.type) ?? 0) + 1);
      if (f.minutes) tally.cells.set(`${f.type}:minutes`, (tally.cells.get(`${f.type}:minutes`) ?? 0) + f.minutes);
      tally.marks++;
      if (listed.includes(f.type)) continue;
      cur.event(
        r,
        { type: f.type, agent, date: iso, days: portion, measure: f.minutes, detail: f.detail, text },
        d.col,
      );
    }
  }
  return tally;
}

/** Why a cell with deduction marks is on a rest day: the cell's own 休息, else the calendar and 规则; null on a workday. */
function restDayWhy(cur: SheetCursor, row: DayRow, iso: string, found: SymbolMeaning[], text: string) {
  if (!found.some((f) => deductible(f.type))) return null;
  if (found.some((f) => f.type === E.rest)) return `表里记为“${text}”`;
  return calendarRest(cur, row.cfg, row.agent, iso);
}

function cellProblem(at: string, text: string, found: typeof CONTRADICTS | null): string {
  if (found) return `${at} 的“${text}”既写了出勤/休息又写了缺勤类记号，互相矛盾，这一天没有计入。请改成其中一种。`;
  return `${at} 的“${text}”不在图例里，这一天没有计入。请按图例填写或在规则表补充符号。`;
}

/** What a total of `type` may honestly be for these tallies: cells, or days (half rows count half). */
function fits(type: string, tallies: RowTally[], portion: number): number[] {
  let n = 0,
    attended = 0;
  for (const t of tallies) {
    const k = t.cells.get(type) ?? 0;
    n += k;
    // 出勤 often counts late and early days as attended.
    attended += k + (type === E.present ? (t.cells.get(E.late) ?? 0) + (t.cells.get(E.early) ?? 0) : 0);
  }
  return [n, attended, n * portion, attended * portion];
}

/**
 * The sheet's own totals (COUNTIF columns, an export's counts) agree with the day cells of their row or of the
 * agent's rows together (a total merged over 上午 and 下午): structural. A disagreement is reported.
 */
function checkTotals(cur: SheetCursor, totals: TotalColumn[], block: BlockRow[]) {
  for (const { r, tally, portion } of block)
    for (const t of totals) {
      const raw = cur.grid.cells[r]?.[t.col] ?? null;
      if (isBlankCell(raw)) continue;
      if (t.type === "scheduled") {
        cur.structuralCell(r, t.col);
        continue;
      }
      const claimed = parseNumber(raw);
      const options = [
        ...fits(t.type, [tally], portion),
        ...fits(
          t.type,
          block.map((b) => b.tally),
          portion,
        ),
      ];
      if (claimed !== null && options.some((x) => Math.abs(x - claimed) < 1e-9)) {
        cur.structuralCell(r, t.col);
        continue;
      }
      cur.cellIssue(
        r,
        t.col,
        "total-mismatch",
        `${colLetter(t.col)}${r + 1} 的“${t.label}”写的是 ${cellText(raw)}，按日期格数是 ${options[block.length > 1 ? 4 : 0]}。计分以日期格为准。`,
      );
    }
}

/** A cell that names both a whole day's attendance (or rest) and a whole day away: not guessed. */
const CONTRADICTS = "contradicts" as const;
const REST_WORD = /^(休|休息|公休|轮休|排休|未排班)$/;
const WHOLE_DAY_AWAY = new Set<string>([E.unauthorised, E.absence, E.leave, E.swap, E.statutory]);
const contradicts = (types: string[]) =>
  types.some((t) => t === E.present || t === E.rest) && types.some((t) => WHOLE_DAY_AWAY.has(t));

function readCell(
  text: string,
  symbols: Map<string, SymbolMeaning>,
  table: KeywordRow[],
): SymbolMeaning[] | typeof CONTRADICTS | null {
  const t = halfWidth(text).trim();
  const whole = symbols.get(t);
  if (whole) return [whole];
  // 休 is rarely in a legend (legends give symbols), but it is the sheet's own word for a rest day.
  if (REST_WORD.test(t)) return [{ type: E.rest, detail: t }];
  if (/[\u4e00-\u9fff]{2}/.test(t)) {
    const glued = gluedWords(t, table);
    if (glued) return glued;
    // Worded cells of an export's month sheet: `迟到12分钟 ;`, `迟到5分钟; 缺卡1次;`, `正常（休息） ;`.
    const marks = parseStatus(t.replace(/[;；\s]+$/, ""), table);
    if (marks?.length) return marks.map((m) => ({ type: m.type, detail: m.detail, minutes: m.minutes }));
    const m = meaning(t, table);
    return m ? [m] : null;
  }
  // Letters or symbols glued in one cell (`LZ`, `※◇`): one mark per kind named.
  const out: SymbolMeaning[] = [];
  for (const ch of t.replace(/\s/g, "")) {
    const m = symbols.get(ch);
    if (!m) return null;
    if (!out.some((o) => o.type === m.type)) out.push(m);
  }
  if (contradicts(out.map((o) => o.type))) return CONTRADICTS;
  return out.length ? out : null;
}

/**
 * Status words glued without a separator in a hand-kept cell: `迟到早退` is a late and an early (one mark per
 * kind); `正常旷工` contradicts itself. Null when the text is not such a glued pair (the status parser reads it).
 */
function gluedWords(t: string, table: KeywordRow[]): SymbolMeaning[] | typeof CONTRADICTS | null {
  if (/[;；,，、/()（）\s\d]/.test(t)) return null;
  const c = classifyReason(t, table);
  const kinds = [...new Set([...c.hits, ...c.dropped.filter((d) => d.why === "context")].map((h) => h.type))];
  if (kinds.length < 2 || !kinds.every((k) => ATTENDANCE_EVENTS.has(k))) return null;
  if (contradicts(kinds)) return CONTRADICTS;
  if (c.outcome !== "tie") return null;
  return c.candidates.map((type) => ({ type, detail: leaveWord(t) ?? undefined }));
}
