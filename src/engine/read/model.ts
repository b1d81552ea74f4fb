import type { DataIssue, Role, SourceRef } from "../types";

/** A normalised fact about one agent (or the shop) with where it came from. */
export interface AgentEvent {
  type: string;
  /** Resolved agent name; null for shop-level records (fund spends, courier incidents). */
  agent: string | null;
  /** ISO date, or null when the source gives only a month (a monthly summary). */
  date: string | null;
  /** YYYY-MM the event belongs to. */
  month: string;
  /** Attendance: the part of the day (1 or 0.5). */
  days?: number;
  /** Minutes for late / early; seconds for a greeting delay; days for a leave. */
  measure?: number;
  /** Yuan written in the sheet: the manager's decision, taken as written. */
  amount?: number;
  /** Points written in the sheet (a `range` rule's value). */
  points?: number;
  /** The words the type was read from. */
  text?: string;
  /** 病假 / 事假 / 年假 …, a courier's name, a grade item. */
  detail?: string;
  sources: SourceRef[];
  meta?: Record<string, string | number | boolean | null>;
}

export type Layout = "long" | "matrix" | "export" | "summary" | "records" | "punches" | "punchLog" | "punchGrid";
export type Confidence = "high" | "medium" | "low";

/** What the reader made of one sheet; plain data the task pane shows and a user may correct. */
export interface SheetMapping {
  sheet: string;
  role: Role;
  layout?: Layout;
  months: string[];
  /** 1-based header row as the user sees it; 0 when no header was found. */
  headerRow: number;
  groupRow?: number;
  /** Column letter → canonical field. */
  fields: Record<string, string>;
  /** Column letter → header text as written. */
  labels: Record<string, string>;
  confidence: Confidence;
  /** One line a manager can read. */
  reason: string;
  /** False for a monthly summary that a detailed sheet of the same month supersedes. */
  used: boolean;
  /** data: non-empty rows below the header; placed: those that became an event, a tally or an issue. */
  rows: { data: number; placed: number; events: number; issues: number; structural: number };
  /** True when the role or fields came from a stored user correction. */
  corrected?: boolean;
  /**
   * Every non-empty cell of the sheet, exactly once: `used` fed an event or an attribute (which carries its
   * `sheet!row`), `structural` is a title, header, legend, note, total or a cross-check, `reported` is named by
   * a data issue. `used + structural + reported = total`.
   */
  cells: CellCounts;
  /** The structural cells by what they are (标题, 表头, 图例, 合计/自带统计 …) → how many. */
  structure?: Record<string, number>;
  /** Hidden or very hidden in the workbook (read like the others). */
  hidden?: boolean;
  /** A tab this add-in wrote, a renamed one, the 规则 tab or the state tab: never read as data. */
  own?: OwnKind;
}

export interface CellCounts {
  total: number;
  used: number;
  structural: number;
  reported: number;
}

export type OwnKind = "generated" | "archived" | "rules" | "state";

/** A user's correction of a sheet's role or fields, stored in the workbook for next month. */
export interface MappingOverride {
  sheet: string;
  role?: Role;
  fields?: Record<string, string | null>;
  /** 1-based header row, when the reader found none or the wrong one. */
  headerRow?: number;
}

export interface ReadResult {
  sheets: SheetMapping[];
  events: AgentEvent[];
  issues: DataIssue[];
  /** Every agent seen, roster first. */
  agents: string[];
  /** The roster's agents (empty without a roster sheet). */
  roster: string[];
  groups: Record<string, string>;
  resigned: string[];
  /** Ordinary attended days (正常 / √), month → agent → days: tallied, not events. */
  presentDays: Record<string, Record<string, number>>;
  /** Month → agents named only on rows that score nothing (listed in 数据问题): still on that month's scorecard. */
  named?: Record<string, string[]>;
  /** Roster leave dates (离职日期) by agent. */
  leaveDates: Record<string, string>;
  months: string[];
  /** The add-in's own tabs (generated, renamed by the manager, 规则, state), accounted as structural. */
  ownTabs?: SheetMapping[];
  /** With `explain`: sheet → row → column → u (used), s (structural), r (reported), "" (empty). */
  cellKinds?: Record<string, string[][]>;
}
