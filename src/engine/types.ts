/** A cell as every host adapter hands it to the engine. */
export type CellDate = { kind: "date"; serial: number };
export type CellError = { kind: "error"; code: string };
export type Cell = string | number | boolean | null | CellDate | CellError;

/** One worksheet's used range, top-left at A1, covered merge cells empty. */
export interface SheetGrid {
  name: string;
  cells: Cell[][];
  /** Number formats, same shape as cells where known; lets a day-formatted serial be seen as a date. */
  formats?: (string | null)[][];
  /**
   * Solid background fill per cell as `RRGGBB`, same shape as cells, where the host read it. Only a
   * cross-check (a punch clock that marks lateness by colour); never the sole source of an event.
   */
  fills?: (string | null)[][];
  /** Hidden or very hidden in the workbook: read like any other sheet, and named as hidden. */
  hidden?: boolean;
}

export interface SourceRef {
  sheet: string;
  /** 1-based worksheet row, as the user sees it. */
  row: number;
  /** Column letter when the source is one cell of a wide row (a matrix day). */
  col?: string;
}

export type Severity = "error" | "warning" | "info";

export interface DataIssue {
  sheet: string;
  row: number;
  col?: string;
  severity: Severity;
  /** Stable machine code, e.g. "unknown-name". */
  code: string;
  /** What a shop manager reads, in Chinese. */
  message: string;
  /**
   * What the line names: one cell (`col` set), a whole row, a whole column (`col` set, `row` = the header row)
   * or the whole sheet. Absent: the row (`col`, when set, points at the cell that decided it).
   */
  scope?: "cell" | "row" | "column" | "sheet";
  /**
   * What became of what the line names, when its maker knows better than `scope` and `severity` tell
   * (a default applied, a scored row held). Absent: 数据问题 derives it (render/issueStatus.ts).
   */
  outcome?: IssueOutcome;
}

/** used: counted as written; defaulted: counted with a declared default; not-used: not counted. */
export type IssueOutcome = "used" | "defaulted" | "not-used";

export type Role = "roster" | "attendance" | "complaints" | "express" | "fines" | "performance" | "none";

/** The roles by name (`ROLES.express`), so a role is never mistaken for the event type that shares its spelling. */
export const ROLES: { readonly [R in Role]: R } = {
  roster: "roster",
  attendance: "attendance",
  complaints: "complaints",
  express: "express",
  fines: "fines",
  performance: "performance",
  none: "none",
};

export const refText = (s: SourceRef) => `${s.sheet}!${s.col ?? ""}${s.row}`;
