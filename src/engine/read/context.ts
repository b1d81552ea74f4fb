import type { Cell, DataIssue, SheetGrid, Severity } from "../types";
import { colLetter } from "../text";
import { cellText, isBlankCell, isErrorCell, parseDate, type Ymd } from "../parse";
import type { KeywordRow } from "../classify";
import type { AgentEvent } from "./model";
import type { NameResolver } from "./names";

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
}

/** One sheet being read: field lookup, row helpers, and the accounting of every row. */
export class SheetCursor {
  readonly col: Record<string, number> = {};
  /** Rows that produced an event, a rejecting issue, or were recognised as title / legend / total. */
  readonly used = new Set<number>();
  readonly rejected = new Set<number>();
  readonly structural = new Set<number>();
  events = 0;

  private readonly mapped: [string, number][];

  constructor(
    readonly grid: SheetGrid,
    fields: (string | null)[],
    readonly ctx: ReadContext,
  ) {
    fields.forEach((f, i) => {
      if (f && this.col[f] === undefined) this.col[f] = i;
    });
    this.mapped = Object.entries(this.col);
  }

  get name() {
    return this.grid.name;
  }
  has(field: string) {
    return this.col[field] !== undefined;
  }
  cell(r: number, field: string): Cell {
    const c = this.col[field];
    return c === undefined ? null : (this.grid.cells[r]?.[c] ?? null);
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

  issue(r: number, code: string, message: string, severity: Severity = "error", col?: number) {
    this.ctx.issues.push({
      sheet: this.name,
      row: r + 1,
      col: col === undefined ? undefined : colLetter(col),
      severity,
      code,
      message,
    });
    if (severity !== "warning") this.rejected.add(r);
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
      return;
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
      meta: e.meta,
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
      if (v !== null && typeof v === "object" && isErrorCell(v))
        (out ??= []).push(`${colLetter(c)}${r + 1}=${v.code}(${f})`);
    }
    return out ?? [];
  }

  /** Resolve the agent of a row; a blank or unknown name becomes an issue and null. */
  agent(r: number, fields: string[] = ["name", "account", "empId"]): string | null {
    for (const f of fields) {
      const c = this.cell(r, f);
      if (isBlankCell(c) || isErrorCell(c)) continue;
      const raw = typeof c === "number" || typeof c === "string" ? c : cellText(c);
      const res = this.ctx.resolver.resolve(raw);
      if (res.ok) return res.name;
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
}
