import type { Cell, DataIssue, SheetGrid, Severity } from "../types";
import { colLetter, halfWidth } from "../text";
import {
  cellText,
  DATE_PROBLEM_TEXT,
  duplicateHeaders,
  formatYmd,
  isBlankCell,
  isDateCell,
  isErrorCell,
  parseDateDetail,
  parseMinutes,
  parseNumber,
  parseSeconds,
  readAmount,
  slashOrder,
  type SlashOrder,
  type Ymd,
} from "../parse";
import type { KeywordRow } from "../classify";
import { E } from "../events";
import type { AgentEvent } from "./model";
import { columnPrefix, subAccount, type NameResolver } from "./names";

export const CELL_READ = 1;
export const CELL_REPORTED = 2;
export const CELL_STRUCTURAL = 3;

export type Unit = "s" | "min" | "h" | "day";

/** A date column, read once. */
interface DateColumn {
  order?: SlashOrder;
  /** The one month its readable dates fall in, if one. */
  month?: number;
  /** Its most common year: a date more than a year away is a typo (2062 for 2026). */
  year: number | null;
}

/** Days from `1`, `0.5天`, `1日`, or a duration (`4小时` → 0.5: a day of leave is 8 hours). */
function parseDays(c: Cell): number | null {
  const n = parseNumber(c);
  if (n !== null) return n;
  const t = typeof c === "string" ? halfWidth(c).replace(/\s/g, "") : "";
  const m = t.match(/^(\d+(?:\.\d+)?)(天|日)$/);
  if (m) return +m[1];
  const min = typeof c === "string" ? parseMinutes(c) : null;
  return min === null ? null : min / (8 * 60);
}
const BARE_NUMBER = /^\s*[+-]?[\d.]+\s*$/;
/** A day of leave is the shift's length: 8 hours when none is known (RULES.md). */
const UNIT_SECONDS: Record<Unit, number> = { s: 1, min: 60, h: 3600, day: 8 * 3600 };

/** The time unit a header names, in brackets or at its end: `(秒)`, `（分钟）`, `时长(h)`, `请假小时`. */
export function unitOf(label: string): Unit | null {
  const s = halfWidth(label).toLowerCase();
  const m = s.match(/[([【]\s*([^)\]】]+)\s*[)\]】]\s*$/) ?? s.match(/(秒|分钟|小时|天|日)$/);
  if (!m) return null;
  const u = m[1];
  if (/^(秒|s|sec|秒钟)$/.test(u)) return "s";
  if (/^(分钟|分|min|m)$/.test(u)) return "min";
  if (/^(小时|时|h|hr|hour|hours)$/.test(u)) return "h";
  if (/^(天|日|d|day|days)$/.test(u)) return "day";
  return null;
}

/** Columns that feed no rule but are kept with each event (the audit trail shows them). */
const INFO_FIELDS = [
  "note",
  "orderNo",
  "dept",
  "group",
  "position",
  "shift",
  "empId",
  "account",
  "status",
  "sysId",
  "recorder",
];

/** Shared state of one read of a workbook. */
export interface ReadContext {
  resolver: NameResolver;
  keywords: KeywordRow[];
  /** The attendance rows of `keywords`, for status words and legends. */
  attendance: KeywordRow[];
  /** Year to assume for `10月3日` and for sheet names like `9月考勤`. */
  defaultYear: number;
  events: AgentEvent[];
  issues: DataIssue[];
  /**
   * Ordinary attended days, month → agent → days. Nine rows in ten of a daily sheet are 正常:
   * they are tallied, not turned into events, since no rule prices them.
   */
  present: Map<string, Map<string, number>>;
  /** Months each sheet has attendance marks for (present days included). */
  sheetMonths: Map<string, Set<string>>;
  /** A blank 是否查实 is unverified unless the 规则 tab declares it verified. */
  blankVerified?: "verified" | "unverified";
}

/** One sheet being read: field lookup, row helpers, and the accounting of every row. */
export class SheetCursor {
  readonly col: Record<string, number> = {};
  /** Rows that produced an event, a rejecting issue, or were recognised as title / legend / total. */
  readonly used = new Set<number>();
  readonly rejected = new Set<number>();
  readonly structural = new Set<number>();
  events = 0;
  /** Widest row: the cell ledger's row stride. */
  readonly width: number;
  /**
   * Per cell (row × width): how the reader met it. 0 never read, CELL_READ read while making an event or
   * attribute, CELL_REPORTED named by a data issue, CELL_STRUCTURAL a legend, total or cross-check that agreed.
   */
  readonly ledger: Uint8Array;

  private readonly mapped: [string, number][];
  /** Informational columns of this sheet (备注, 订单号, 部门 …), carried into each event's attributes. */
  private readonly info: [string, number][];

  constructor(
    readonly grid: SheetGrid,
    fields: (string | null)[],
    readonly ctx: ReadContext,
    readonly labels: string[] = [],
  ) {
    fields.forEach((f, i) => {
      if (f && this.col[f] === undefined) this.col[f] = i;
    });
    this.mapped = Object.entries(this.col);
    this.info = INFO_FIELDS.filter((f) => this.col[f] !== undefined).map((f) => [f, this.col[f]]);
    let width = 0;
    for (const row of grid.cells) if (row && row.length > width) width = row.length;
    this.width = width;
    this.ledger = new Uint8Array(width * grid.cells.length);
    this.reportDuplicateHeaders(fields);
  }

  /**
   * A header that repeats an earlier one of its row (two 金额 columns) is read once, from its first column; the
   * second column's cells are reported with one line that says so (a second 上班打卡时间 is mapped as the second
   * session instead, by the header reader, and is no duplicate here).
   */
  private reportDuplicateHeaders(fields: (string | null)[]) {
    for (let hr = 0; hr < Math.min(this.grid.cells.length, 30); hr++) {
      const dups = duplicateHeaders(this.grid.cells[hr] ?? []).filter((d) => !fields[d.col] && fields[d.firstCol]);
      for (const d of dups) {
        let n = 0;
        for (let r = hr + 1; r < this.grid.cells.length; r++)
          if (!isBlankCell(this.grid.cells[r]?.[d.col] ?? null)) {
            this.reportCell(r, d.col);
            n++;
          }
        this.ctx.issues.push({
          sheet: this.name,
          row: hr + 1,
          col: colLetter(d.col),
          severity: "warning",
          code: "duplicate-header",
          message: `第 ${colLetter(d.col)} 列的表头“${d.text}”与第 ${colLetter(d.firstCol)} 列相同，只读取了第 ${colLetter(d.firstCol)} 列；这一列有 ${n} 个单元格没有读取。如果两列含义不同，请改表头或在任务窗格里为这一列指定字段。`,
          scope: "column",
        });
      }
      if (dups.length) return;
    }
  }

  /** Why each structural row is structural (图例, 合计行 …): shown as the sheet's structure. */
  readonly structuralWhy = new Map<number, string>();
  structuralRow(r: number, why: string) {
    this.structural.add(r);
    this.structuralWhy.set(r, why);
  }

  /** The reader looked at this cell to make an event or an attribute of its row. */
  touch(r: number, c: number) {
    if (c < this.width && !this.ledger[r * this.width + c]) this.ledger[r * this.width + c] = CELL_READ;
  }
  /** A data issue names this cell: it counts as reported whatever the rest of its row became. */
  reportCell(r: number, c: number) {
    if (c < this.width) this.ledger[r * this.width + c] = CELL_REPORTED;
  }
  /** A cross-check cell that agreed (a COUNTIF total, an export's own count). */
  structuralCell(r: number, c: number) {
    if (c < this.width && this.ledger[r * this.width + c] !== CELL_REPORTED)
      this.ledger[r * this.width + c] = CELL_STRUCTURAL;
  }
  cellState(r: number, c: number): number {
    return this.ledger[r * this.width + c];
  }

  get name() {
    return this.grid.name;
  }
  /** The header text of a field's column (units are read from it). */
  label(field: string): string {
    const c = this.col[field];
    return c === undefined ? "" : (this.labels[c] ?? "");
  }
  /**
   * A duration or count in the unit the engine keeps (`min` for late / early, `s` for a greeting delay or a
   * response time, `day` for leave). A bare number takes the unit its header names (`迟到时长(小时)`,
   * `平均响应(秒)`, `事假(小时)` → 8 hours a day); text that carries its own unit (`1小时5分`) keeps it.
   */
  measure(r: number, field: string, target: Unit): number | null {
    const c = this.cell(r, field);
    if (c === null || c === "") return null;
    const from = this.unit(field);
    let v: number | null;
    if (from && (typeof c === "number" || (typeof c === "string" && BARE_NUMBER.test(c)))) {
      const n = parseNumber(c);
      v = n === null ? null : (n * UNIT_SECONDS[from]) / UNIT_SECONDS[target];
    } else if (target === "day") v = parseDays(c);
    else if (target === "s") v = parseSeconds(c);
    else v = parseMinutes(c);
    // Text that is no duration (`约半小时`, `abc`) is named, never read as nothing.
    if (v === null && !isBlankCell(c) && !isErrorCell(c) && this.col[field] !== undefined)
      this.cellIssue(
        r,
        this.col[field],
        "bad-duration",
        `“${cellText(c)}”不是时长（${this.label(field) || field}），没有计入。`,
      );
    return v;
  }

  /**
   * An amount (yuan or points) with its hygiene: `十元` is read and noted; `abc` or `#N/A` is not priced, and a line
   * names the cell. `bad` tells the caller the cell held something that is not an amount.
   */
  amount(r: number, field = "amount"): { value: number | null; bad: boolean; note?: string } {
    const c = this.col[field];
    if (c === undefined) return { value: null, bad: false };
    const a = readAmount(this.cell(r, field));
    if (a.code === "amount-chinese")
      this.ctx.issues.push({
        sheet: this.name,
        row: r + 1,
        col: colLetter(c),
        severity: "info",
        code: a.code,
        message: a.note!,
        scope: "cell",
      });
    else if (a.code) this.reportCell(r, c);
    return { value: a.value, bad: a.code !== undefined && a.value === null, note: a.note };
  }

  private readonly units = new Map<string, Unit | null>();
  /** The unit a field's header names, read once per sheet. */
  private unit(field: string): Unit | null {
    let u = this.units.get(field);
    if (u === undefined) this.units.set(field, (u = unitOf(this.label(field))));
    return u;
  }
  has(field: string) {
    return this.col[field] !== undefined;
  }
  cell(r: number, field: string): Cell {
    const c = this.col[field];
    if (c === undefined) return null;
    this.touch(r, c);
    return this.grid.cells[r]?.[c] ?? null;
  }
  text(r: number, field: string): string {
    const c = this.cell(r, field);
    return isErrorCell(c) ? "" : cellText(c);
  }
  fmt(r: number, field: string) {
    const c = this.col[field];
    return c === undefined ? null : (this.grid.formats?.[r]?.[c] ?? null);
  }
  /** The sheet's own month (from its title), which settles `05/10/2026` when the column does not. Set by the reader. */
  monthHint: string | null = null;
  /** Why a row's date gave none (an undecidable `05/10/2026`, a time with no date, a typo year): for badDate. */
  private readonly dateWhy = new Map<number, string>();

  /**
   * A row's date. `a/b/yyyy` is decided per column (a day above 12 settles the order, else the sheet's month);
   * a time-only cell is joined to the row's other date; a year far from the column's own is a typo. Each
   * failure is kept for badDate (the event date) or named at once (any other date column).
   */
  date(r: number, field = "date", context?: { y?: number; m?: number }): Ymd | null {
    const c = this.cell(r, field);
    if (isBlankCell(c)) return null;
    const col = this.dateColumn(field);
    const hinted = this.monthHint ? +this.monthHint.slice(5, 7) : undefined;
    const dc = { y: context?.y ?? this.ctx.defaultYear, m: context?.m ?? hinted ?? col.month, order: col.order };
    const { date, problem } = parseDateDetail(c, dc, this.fmt(r, field));
    let why: string | null = problem ? DATE_PROBLEM_TEXT[problem] : null;
    if (problem === "time-only") {
      const joined = this.otherDate(r, this.col[field]);
      if (joined) {
        this.note(r, field, "time-joined", `“${cellText(c)}”只有时间，按这一行的日期 ${formatYmd(joined)} 读。`);
        return joined;
      }
    }
    if (date && field === "date" && col.year !== null && Math.abs(date.y - col.year) > 1)
      why = `年份 ${date.y} 与这一列其他日期（${col.year} 年）相差太远，像是笔误，没有使用`;
    if (!why) return date;
    if (field === "date") this.dateWhy.set(r, why);
    else this.cellIssue(r, this.col[field], "bad-date", `“${cellText(c)}”：${why}。`);
    return null;
  }

  /** Why the row's event date gave none, if the cursor knows. */
  dateProblem(r: number): string | undefined {
    return this.dateWhy.get(r);
  }

  /** An info line about a cell that was read (a time joined to its date, 十元 read as 10). */
  private note(r: number, field: string, code: string, message: string) {
    const col = this.col[field];
    this.ctx.issues.push({
      sheet: this.name,
      row: r + 1,
      col: colLetter(col),
      severity: "info",
      code,
      message,
      scope: "cell",
    });
  }

  /** The one full date elsewhere in the row (a 日期 beside a 时间), or null when there is none or several. */
  private otherDate(r: number, except: number): Ymd | null {
    let found: Ymd | null = null;
    const row = this.grid.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (c === except || !(isDateCell(v) || typeof v === "string")) continue;
      if (isDateCell(v) && v.serial < 1) continue;
      const d = parseDateDetail(v, { y: this.ctx.defaultYear }).date;
      if (!d || (typeof v === "string" && !/\d{4}\s*[-/.年]/.test(v))) continue;
      if (found && formatYmd(found) !== formatYmd(d)) return null;
      found = d;
      this.touch(r, c);
    }
    return found;
  }

  private readonly dateColumns = new Map<string, DateColumn>();
  /** What a date column says about all its cells, read once: its slash order, its one month, its usual year. */
  private dateColumn(field: string): DateColumn {
    let d = this.dateColumns.get(field);
    if (d) return d;
    const c = this.col[field];
    const cells = this.grid.cells.map((row) => row?.[c] ?? null);
    const order = slashOrder(cells) ?? undefined;
    const months = new Set<number>();
    const years = new Map<number, number>();
    for (const v of cells) {
      if (isBlankCell(v) || typeof v === "number") continue;
      const date = parseDateDetail(v, { order }).date;
      if (!date) continue;
      months.add(date.y * 100 + date.m);
      years.set(date.y, (years.get(date.y) ?? 0) + 1);
    }
    let year: number | null = null;
    for (const [y, n] of years)
      if (year === null || n > years.get(year)! || (n === years.get(year) && y > year)) year = y;
    d = { order, month: months.size === 1 ? [...months][0] % 100 : undefined, year };
    this.dateColumns.set(field, d);
    return d;
  }
  rowBlank(r: number): boolean {
    return (this.grid.cells[r] ?? []).every((c) => isBlankCell(c));
  }

  /** A data issue on a row (a rejecting one unless a warning); with `col`, it names that cell as well. */
  issue(r: number, code: string, message: string, severity: Severity = "error", col?: number) {
    this.ctx.issues.push({
      sheet: this.name,
      row: r + 1,
      col: col === undefined ? undefined : colLetter(col),
      severity,
      code,
      message,
      scope: "row",
    });
    if (severity !== "warning") this.rejected.add(r);
  }

  /** A data issue about one cell of a row that is otherwise used (a symbol not in the legend, an error value). */
  cellIssue(r: number, c: number, code: string, message: string, severity: Severity = "warning") {
    this.ctx.issues.push({ sheet: this.name, row: r + 1, col: colLetter(c), severity, code, message, scope: "cell" });
    this.reportCell(r, c);
  }

  event(r: number, e: Omit<AgentEvent, "sources" | "month"> & { month?: string }, col?: number) {
    const month = e.month ?? (e.date ? e.date.slice(0, 7) : "");
    if (e.type === E.present && e.agent) {
      let byAgent = this.ctx.present.get(month);
      if (!byAgent) this.ctx.present.set(month, (byAgent = new Map()));
      byAgent.set(e.agent, (byAgent.get(e.agent) ?? 0) + (e.date ? (e.days ?? 1) : 0));
      let months = this.ctx.sheetMonths.get(this.name);
      if (!months) this.ctx.sheetMonths.set(this.name, (months = new Set()));
      months.add(month);
      this.used.add(r);
      this.events++;
      // An ordinary day carries no audit line: its department or group is read, a note is not (reported).
      for (const [f, c] of this.info) if (f !== "note") this.touch(r, c);
      return;
    }
    let meta = e.meta;
    let copied = false;
    for (let i = 0; i < this.info.length; i++) {
      const [f, c] = this.info[i];
      if (this.ledger[r * this.width + c] || (meta && meta[f] !== undefined && meta[f] !== null)) continue;
      const v = this.grid.cells[r]?.[c] ?? null;
      if (isBlankCell(v) || isErrorCell(v)) continue;
      if (!copied) {
        meta = { ...meta };
        copied = true;
      }
      meta![f] = typeof v === "number" ? String(v) : cellText(v);
      this.touch(r, c);
    }
    // One literal with every field in a fixed order keeps all events one shape (fast on V8).
    this.ctx.events.push({
      type: e.type,
      agent: e.agent,
      date: e.date,
      month,
      days: e.days,
      measure: e.measure,
      amount: e.amount,
      points: e.points,
      text: e.text,
      detail: e.detail,
      sources: [{ sheet: this.name, row: r + 1, col: col === undefined ? undefined : colLetter(col) }],
      meta,
    });
    this.used.add(r);
    this.events++;
  }

  /** A row whose date cannot be read: say which and why, or that the sheet has no date column at all. */
  badDate(r: number, what: string) {
    const why = this.dateWhy.get(r);
    if (why && this.has("date"))
      this.issue(r, "bad-date", `日期“${this.text(r, "date")}”：${why}，${what}没有计入。`, "error", this.col.date);
    else if (!this.has("date"))
      this.issue(
        r,
        "no-date-column",
        `这张表没有日期列（如“日期”），无法知道${what}是哪一天，没有计入。可在任务窗格里指定哪一列是日期。`,
      );
    else
      this.issue(
        r,
        "bad-date",
        `日期“${this.text(r, "date") || "空"}”无法识别，${what}没有计入。请填写如 2026-10-03 的日期。`,
        "error",
        this.col.date,
      );
  }

  /** Error values (#N/A …) in the mapped cells of a row become one data issue. */
  errorCells(r: number): string[] {
    let out: string[] | null = null;
    const row = this.grid.cells[r];
    if (!row) return [];
    for (const [f, c] of this.mapped) {
      const v = row[c];
      if (v !== null && typeof v === "object" && isErrorCell(v)) {
        (out ??= []).push(`${colLetter(c)}${r + 1}=${v.code}(${f})`);
        this.reportCell(r, c);
      }
    }
    return out ?? [];
  }

  /** Resolve the agent of a row; a blank or unknown name becomes an issue and null. */
  agent(r: number, fields: string[] = ["name", "account", "empId"]): string | null {
    for (const f of fields) {
      const c = this.cell(r, f);
      if (isBlankCell(c) || isErrorCell(c)) continue;
      const raw = typeof c === "number" || typeof c === "string" ? c : cellText(c);
      const res = this.ctx.resolver.resolve(raw, this.prefixOf(f));
      if (res.ok) {
        // A roster alias (工号, 旺旺) is the roster's own mapping; only a change to the written name is listed.
        if (String(raw) !== res.cleaned) this.listRename(r, f, String(raw), res.cleaned);
        // The row's other identity cells (工号 beside 姓名) name the same person: read as its identity.
        for (const g of fields) if (g !== f && this.col[g] !== undefined) this.touch(r, this.col[g]);
        return res.name;
      }
      const near = res.near.length ? `，相近的名字：${res.near.join("、")}` : "";
      this.issue(
        r,
        "unknown-name",
        `“${res.written}”不在花名册里${near}。请改正姓名或在花名册中补上此人。`,
        "error",
        this.col[f],
      );
      return null;
    }
    this.issue(r, "no-name", "这一行没有姓名，无法计入任何人。");
    return null;
  }

  private readonly prefixes = new Map<string, string | null>();
  /** The `shop:` prefix this sheet's names in a column share, if one: only that is a sub-account prefix. */
  private prefixOf(field: string): string | null {
    let p = this.prefixes.get(field);
    if (p === undefined) {
      const c = this.col[field];
      const values: string[] = [];
      for (const row of this.grid.cells) {
        const v = row?.[c];
        if (typeof v === "string" && v.length < 60) values.push(v);
      }
      this.prefixes.set(field, (p = columnPrefix(values)));
    }
    return p;
  }

  private readonly renamed = new Set<string>();
  /** Every normalisation that changed a name is listed once per sheet and spelling (info). */
  private listRename(r: number, field: string, written: string, name: string) {
    if (this.renamed.has(written)) return;
    this.renamed.add(written);
    this.ctx.issues.push({
      sheet: this.name,
      row: r + 1,
      col: colLetter(this.col[field]),
      severity: "info",
      code: "name-normalised",
      message: `名字“${written}”读作“${name}”${renameWhy(written, name)}。同一写法的其他行也这样读。`,
      scope: "cell",
    });
  }
}

function renameWhy(written: string, name: string): string {
  const w = halfWidth(written).trim();
  if (w === name) return "（去掉空格或全角字符）";
  if (subAccount(w)?.rest === name) return `（去掉子账号前缀“${subAccount(w)!.prefix}:”）`;
  if (/离职|離職|退出|停用/.test(w) && w.includes(name)) return "（去掉离职标记）";
  return "";
}
