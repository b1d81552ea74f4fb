import type { Cell, SheetGrid } from "../types";
import { fold, halfWidth } from "../text";
import { cellText, isDateCell, isDateFormat, serialToYmd, type Ymd } from "../parse";
import { FIELD_SYNONYMS } from "./fields";

const SYNONYM_INDEX = new Map<string, string>();
for (const [field, words] of Object.entries(FIELD_SYNONYMS)) {
  for (const w of words) if (!SYNONYM_INDEX.has(fold(w))) SYNONYM_INDEX.set(fold(w), field);
}

/**
 * Header text → canonical field, or null. Units and notes in brackets are tolerated (`迟到时长(分钟)`,
 * `售后客服素质(优20良15分中10差0分)20分`), as is a leading item number (`1.售后客服素质`).
 */
export function mapHeaderText(text: string): string | null {
  let f = fold(text).replace(/[:：*]+$/, "");
  if (!f) return null;
  for (let step = 0; step < 4; step++) {
    const direct = SYNONYM_INDEX.get(f);
    if (direct) return direct;
    const next = f
      .replace(/^[([（]?\d{1,2}[.、)）]\s*/, "")
      .replace(/\d+(\.\d+)?分$/, "")
      .replace(/[([【][^)\]】]*[)\]】]$/, "")
      .replace(/[:：]+$/, "");
    if (next === f || !next) break;
    f = next;
  }
  return null;
}

export interface DayColumn {
  col: number;
  day: number;
  date?: Ymd;
}

/** A header cell that names a day of the month: 1..31, `1日`, `1号`, a date, or a day-formatted serial. */
export function headerDay(c: Cell, fmt: string | null | undefined): { day: number; date?: Ymd } | null {
  if (isDateCell(c)) {
    const d = serialToYmd(c.serial);
    // A day number typed into a day-formatted cell is a serial in January 1900: it means the day, of the sheet's month.
    if (c.serial >= 1 && c.serial < 32) return { day: Math.floor(c.serial) };
    return { day: d.d, date: d };
  }
  if (typeof c === "number") {
    if (Number.isInteger(c) && c >= 1 && c <= 31) return { day: c };
    if (c > 20000 && c < 80000 && isDateFormat(fmt)) {
      const d = serialToYmd(c);
      return { day: d.d, date: d };
    }
    return null;
  }
  if (typeof c === "string") {
    const s = halfWidth(c).trim();
    // `1`, `1日`, `1号`, and WeCom's `1\n星期三`.
    const m = s.match(/^(\d{1,2})\s*(日|号)?\s*((星期|周)[一二三四五六日天])?$/);
    if (m && +m[1] >= 1 && +m[1] <= 31) return { day: +m[1] };
    const md = s.match(/^(\d{1,2})[/-](\d{1,2})$/);
    if (md && +md[2] >= 1 && +md[2] <= 31) return { day: +md[2] };
  }
  return null;
}

/** The longest run of day columns in a row (a matrix's header). */
export function findDayColumns(grid: SheetGrid, r: number): DayColumn[] {
  const row = grid.cells[r] ?? [];
  let best: DayColumn[] = [];
  let cur: DayColumn[] = [];
  for (let c = 0; c < row.length; c++) {
    const d = headerDay(row[c], grid.formats?.[r]?.[c]);
    if (d && (cur.length === 0 || d.day === cur[cur.length - 1].day + 1)) cur.push({ col: c, ...d });
    else if (d && d.day === 1) cur = [{ col: c, ...d }];
    else {
      if (cur.length > best.length) best = cur;
      cur = d ? [{ col: c, ...d }] : [];
    }
  }
  if (cur.length > best.length) best = cur;
  return best.length >= 7 ? best : [];
}

export interface HeaderInfo {
  /** 0-based index of the row holding field names. */
  fieldRow: number;
  /** 0-based index of a group-header row joined into the labels, if any. */
  groupRow: number | null;
  /** First data row, 0-based. */
  dataStart: number;
  /** Field per column (null: not mapped). */
  fields: (string | null)[];
  /** The header text per column as the user wrote it (joined for two-row headers). */
  labels: string[];
  dayColumns: DayColumn[];
}

const rowTexts = (grid: SheetGrid, r: number, width: number): string[] =>
  Array.from({ length: width }, (_, c) => cellText(grid.cells[r]?.[c] ?? null));

/** Group headers are merged across columns: a covered cell inherits its left neighbour's label. */
const fillLeft = (texts: string[]): string[] => {
  let last = "";
  return texts.map((t) => (t ? (last = t) : last));
};

/** Punch columns that repeat per session: a second 上班打卡时间 is the second session's, not a duplicate. */
const SESSIONS: Record<string, string[]> = Object.fromEntries(
  ["statusIn", "statusOut", "clockIn", "clockOut"].map((f) => [f, [f, `${f}2`, `${f}3`]]),
);

/** The field a repeated session header takes: the first of its sessions not yet taken. */
function nextSession(field: string | null, seen: Set<string>): string | null {
  if (!field || !seen.has(field) || !SESSIONS[field]) return field;
  return SESSIONS[field].find((f) => !seen.has(f)) ?? field;
}

function mapRow(
  fieldTexts: string[],
  groupTexts: string[] | null,
): { fields: (string | null)[]; labels: string[]; count: number } {
  const filled = groupTexts ? fillLeft(groupTexts) : null;
  const fields: (string | null)[] = [];
  const labels: string[] = [];
  const seen = new Set<string>();
  for (let c = 0; c < fieldTexts.length; c++) {
    const ft = fieldTexts[c];
    const gt = filled?.[c] ?? "";
    const options: string[] = [];
    // A field under a group header (上班1 / 打卡结果) is named by both together first.
    if (ft && gt) options.push(gt + ft);
    if (ft) options.push(ft);
    if (!ft && groupTexts?.[c]) options.push(groupTexts[c]);
    let field: string | null = null;
    let label = ft || groupTexts?.[c] || "";
    for (const o of options) {
      const f = nextSession(mapHeaderText(o), seen);
      if (f && !seen.has(f)) {
        field = f;
        label = o;
        break;
      }
    }
    if (field) seen.add(field);
    fields.push(field);
    labels.push(label);
  }
  return { fields, labels, count: seen.size };
}

function longestDayRow(grid: SheetGrid, rows: number): { row: number; days: DayColumn[] } | null {
  let out: { row: number; days: DayColumn[] } | null = null;
  for (let r = 0; r < rows; r++) {
    const days = findDayColumns(grid, r);
    if (days.length && (!out || days.length > out.days.length)) out = { row: r, days };
  }
  return out;
}

const WEEKDAY = /^(星期|周)?[一二三四五六日天]$|^(mon|tue|wed|thu|fri|sat|sun)/i;

/** Find the header below any title rows; join a two-row header; find matrix day columns. */
export function detectHeader(grid: SheetGrid): HeaderInfo | null {
  const rows = grid.cells.length;
  const width = Math.max(0, ...grid.cells.slice(0, 40).map((r) => r?.length ?? 0));
  let best = -1,
    bestScore = 0,
    bestDays: DayColumn[] = [];
  for (let r = 0; r < Math.min(rows, 30); r++) {
    const single = mapRow(rowTexts(grid, r, width), null);
    const days = findDayColumns(grid, r);
    const score = single.count + (days.length ? 4 : 0);
    if (score > bestScore) {
      best = r;
      bestScore = score;
      bestDays = days;
    }
  }
  if (best < 0 || bestScore < 2) return null;
  // A matrix's header is the row with the day sequence, not a weekday row (一 二 三) above or below it that
  // happens to hold the 姓名 label: the other row's labels join in as a group row.
  const dayRow = longestDayRow(grid, Math.min(rows, 30));
  if (dayRow && dayRow.row !== best && dayRow.days.length > bestDays.length) {
    best = dayRow.row;
    bestDays = dayRow.days;
  }

  const here = rowTexts(grid, best, width);
  let chosen = { ...mapRow(here, null), fieldRow: best, groupRow: null as number | null, dataStart: best + 1 };
  if (best > 0) {
    const withGroup = mapRow(here, rowTexts(grid, best - 1, width));
    if (withGroup.count > chosen.count)
      chosen = { ...withGroup, fieldRow: best, groupRow: best - 1, dataStart: best + 1 };
  }
  if (best + 1 < rows && !bestDays.length) {
    const below = rowTexts(grid, best + 1, width);
    const numeric = (grid.cells[best + 1] ?? []).filter((c) => typeof c === "number" || isDateCell(c)).length;
    const asSub = mapRow(below, here);
    if (numeric <= 1 && asSub.count >= chosen.count + 2)
      chosen = { ...asSub, fieldRow: best + 1, groupRow: best, dataStart: best + 2 };
  }
  // A weekday row under the day numbers belongs to the header; its other labels (姓名 merged down) count too.
  if (bestDays.length) {
    const next = rowTexts(grid, chosen.dataStart, width);
    const wk = bestDays.filter((d) => WEEKDAY.test(next[d.col] ?? "")).length;
    if (wk >= bestDays.length / 2) {
      const below = mapRow(here, next);
      if (below.count > chosen.count)
        chosen = { ...below, fieldRow: best, groupRow: best + 1, dataStart: chosen.dataStart };
      chosen.dataStart++;
    }
    for (const d of bestDays) chosen.fields[d.col] = "day";
  }
  return {
    fieldRow: chosen.fieldRow,
    groupRow: chosen.groupRow,
    dataStart: chosen.dataStart,
    fields: chosen.fields,
    labels: chosen.labels,
    dayColumns: bestDays,
  };
}
