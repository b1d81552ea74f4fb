import { halfWidth, colLetter, fold } from "../text";
import { cellText, daysInMonth, formatYmd, isBlankCell, isErrorCell, parseMonthKey } from "../parse";
import { ATTENDANCE_KEYWORDS, classifyText, leaveWord, type KeywordRow } from "../classify";
import type { SheetCursor } from "./context";
import type { DayColumn } from "./headers";

export interface SymbolMeaning {
  type: string;
  detail?: string;
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

/**
 * The symbol matrix: one or two rows per agent (上午 / 下午), a column per day.
 * A half-day row contributes half a day; a mark of one kind on a day is one event.
 */
export function readMatrix(cur: SheetCursor, start: number, end: number, days: DayColumn[], month: string | null) {
  const grid = cur.grid;
  // The legend may sit anywhere below the table; find it first, it decides the symbols.
  let legend: Map<string, SymbolMeaning> | null = null;
  for (let r = start; r < end; r++) {
    const joined = (grid.cells[r] ?? []).map((c) => cellText(c)).join(" ");
    const l = /[√●○☆※◇×△÷#]/.test(joined) ? parseLegend(joined, cur.ctx.attendance) : null;
    if (l) {
      legend = l;
      cur.structural.add(r);
    }
  }
  const symbols = new Map<string, SymbolMeaning>();
  for (const [k, v] of Object.entries(DEFAULT_SYMBOLS)) {
    const m = meaning(v, cur.ctx.attendance);
    if (m) symbols.set(k, m);
  }
  if (legend) {
    symbols.clear();
    for (const [k, v] of legend) symbols.set(k, v);
  }

  const ym = month ? parseMonthKey(month) : null;
  const nameCol = cur.col.name ?? cur.col.account ?? cur.col.empId;
  // A column of 上午 / 下午 labels marks half-day rows.
  let halfCol = -1;
  for (let c = 0; c < (days[0]?.col ?? 0); c++) {
    let n = 0;
    for (let r = start; r < Math.min(end, start + 10); r++) if (HALF.test(cellText(grid.cells[r]?.[c] ?? null))) n++;
    if (n >= 2) {
      halfCol = c;
      break;
    }
  }
  let lastAgent: string | null = null;
  let lastAgentRow = -1;
  for (let r = start; r < end; r++) {
    if (cur.structural.has(r) || cur.rowBlank(r)) continue;
    const first = cellText(grid.cells[r]?.[0] ?? null) + cellText(grid.cells[r]?.[nameCol ?? 0] ?? null);
    if (FOOTER.test(fold(first))) {
      cur.structural.add(r);
      continue;
    }
    const half = halfCol >= 0 ? cellText(grid.cells[r]?.[halfCol] ?? null) : "";
    const isHalf = HALF.test(half);
    const nameCell = nameCol === undefined ? null : (grid.cells[r]?.[nameCol] ?? null);
    let agent: string | null;
    if (isBlankCell(nameCell) && lastAgent && r === lastAgentRow + 1)
      agent = lastAgent; // the 下午 row under a merged name
    else {
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
    let marks = 0;
    for (const d of days) {
      const c = grid.cells[r]?.[d.col] ?? null;
      if (isBlankCell(c)) continue;
      const date = d.date ?? (ym && d.day <= daysInMonth(ym.y, ym.m) ? { y: ym.y, m: ym.m, d: d.day } : null);
      if (!date) continue;
      if (isErrorCell(c)) {
        cur.issue(
          r,
          "error-cell",
          `${colLetter(d.col)}${r + 1} 是错误值 ${c.code}，这一天没有计入。`,
          "warning",
          d.col,
        );
        continue;
      }
      const text = cellText(c);
      const found = readCell(text, symbols, cur.ctx.attendance);
      if (!found) {
        cur.issue(
          r,
          "unknown-symbol",
          `${colLetter(d.col)}${r + 1} 的“${text}”不在图例里，这一天没有计入。请按图例填写或在规则表补充符号。`,
          "warning",
          d.col,
        );
        continue;
      }
      for (const f of found) {
        cur.event(r, { type: f.type, agent, date: formatYmd(date), days: portion, detail: f.detail, text }, d.col);
        marks++;
      }
    }
    if (!marks && !cur.rejected.has(r)) cur.issue(r, "empty-row", "这一行有姓名，但这个月没有任何考勤记号。", "info");
  }
}

function readCell(text: string, symbols: Map<string, SymbolMeaning>, table: KeywordRow[]): SymbolMeaning[] | null {
  const t = halfWidth(text).trim();
  const whole = symbols.get(t);
  if (whole) return [whole];
  if (/[\u4e00-\u9fff]{2}/.test(t)) {
    const m = meaning(t, table);
    return m ? [m] : null;
  }
  const out: SymbolMeaning[] = [];
  for (const ch of t.replace(/\s/g, "")) {
    const m = symbols.get(ch);
    if (!m) return null;
    if (!out.some((o) => o.type === m.type)) out.push(m);
  }
  return out.length ? out : null;
}
