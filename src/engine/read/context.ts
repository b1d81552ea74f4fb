import type { Cell, DataIssue, SheetGrid, Severity } from "../types";
import { colLetter, halfWidth } from "../text";
import {
  cellText,
  isBlankCell,
  isErrorCell,
  parseDate,
  parseMinutes,
  parseNumber,
  parseSeconds,
  type Ymd,
} from "../parse";
import type { KeywordRow } from "../classify";
import type { AgentEvent } from "./model";
import { columnPrefix, subAccount, type NameResolver } from "./names";

export const CELL_READ = 1;
export const CELL_REPORTED = 2;
export const CELL_STRUCTURAL = 3;

export type Unit = "s" | "min" | "h" | "day";
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
    if (from && (typeof c === "number" || (typeof c === "string" && BARE_NUMBER.test(c)))) {
      const n = parseNumber(c);
      return n === null ? null : (n * UNIT_SECONDS[from]) / UNIT_SECONDS[target];
    }
    if (target === "day") return parseNumber(c);
    if (target === "s") return parseSeconds(c);
    return parseMinutes(c);
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
  date(r: number, field = "date", context?: { y?: number; m?: number }): Ymd | null {
    return parseDate(this.cell(r, field), context ?? { y: this.ctx.defaultYear }, this.fmt(r, field));
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
    if (e.type === "present" && e.agent) {
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

  /** A row whose date cannot be read: say which, or that the sheet has no date column at all. */
  badDate(r: number, what: string) {
    if (!this.has("date"))
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
