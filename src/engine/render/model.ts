/** Output sheets described as data: every host writes exactly this, nothing more. */
export type OutValue = string | number | boolean | null;

/** 0-based, inclusive. */
export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export type StyleName = "title" | "subtitle" | "header" | "total" | "flag" | "muted" | "section" | "signature" | "box";

export type ConditionalFormat =
  | {
      range: Rect;
      type: "cellIs";
      operator: "greaterThanOrEqual" | "lessThanOrEqual" | "lessThan" | "greaterThan";
      value: number;
      style: "flag";
    }
  | { range: Rect; type: "dataBar"; color: string };

export interface ChartSpec {
  type: "bar" | "column" | "line";
  title: string;
  /** Categories in the first column, series in the others, header row included. */
  data: Rect;
  /** Where the chart sits (top-left cell). */
  anchor: { row: number; col: number };
}

export interface PrintSettings {
  orientation: "portrait" | "landscape";
  paper: "A4";
  fitToWidth: boolean;
  /** 0-based rows repeated at the top of every printed page. */
  titleRows?: [number, number];
  /** 0-based rows that start a new page. */
  rowBreaks: number[];
}

export type OutputKey =
  "scorecard" | "fundbox" | "courier" | "slips" | "audit" | "analysis" | "issues" | "rules" | "state";

export interface OutputSheet {
  key: OutputKey;
  name: string;
  values: OutValue[][];
  /** Rows holding one line of text in the first column, to be shown unwrapped across the row. */
  textLines?: number[];
  /** Number format per column (null: General). Strings are always written as text. */
  columnFormats: (string | null)[];
  columnWidths: number[];
  styles: { range: Rect; style: StyleName }[];
  merges: Rect[];
  freeze?: { rows: number; cols: number };
  conditionalFormats: ConditionalFormat[];
  charts: ChartSpec[];
  print: PrintSettings;
  hidden?: boolean;
  /** A list a manager will sort and filter: an Excel table where the host has tables, an autofilter in files. */
  table?: Rect;
}

export const OUTPUT_NAMES: Record<OutputKey, string> = {
  scorecard: "评分表",
  fundbox: "罚款箱",
  courier: "快递扣款",
  slips: "个人考核单",
  audit: "明细",
  analysis: "分析",
  issues: "数据问题",
  rules: "规则",
  state: "_考核助手",
};

/**
 * Every generated tab starts with this row, so our tabs are known by what they hold, not by
 * their name: a tab the manager renamed (10月评分表) is still ours and never read as data, and
 * a manager's sheet that happens to be called 评分表 is never taken for ours. It is in the first
 * row so that a write interrupted after the first batch still leaves a recognisable tab.
 */
export const MARKER_PREFIX = "考核助手生成";
const MARKER_TAG = "kefu-scorecard:";
export const markerText = (key: OutputKey) =>
  `${MARKER_PREFIX} · 每次生成时整表重写，请勿在此表手工修改 · ${MARKER_TAG}${key}`;

/** The generated tab a grid is, from its marker row, or null for a sheet that is not ours. */
export function generatedKey(firstCell: unknown): OutputKey | null {
  if (typeof firstCell !== "string" || !firstCell.startsWith(MARKER_PREFIX)) return null;
  const at = firstCell.lastIndexOf(MARKER_TAG);
  if (at < 0) return null;
  const key = firstCell.slice(at + MARKER_TAG.length).trim();
  return key in OUTPUT_NAMES ? (key as OutputKey) : null;
}

/** Our numeric columns: `0.##` shows 5 as `5.`; General shows 5, 5.5 and 12.25 as they are, in Excel and in files. */
export const NUMBER_FORMAT = "General";

/** A small builder so that each renderer reads as the sheet it makes. */
export class SheetBuilder {
  readonly values: OutValue[][] = [];
  readonly styles: OutputSheet["styles"] = [];
  readonly merges: Rect[] = [];
  readonly conditionalFormats: ConditionalFormat[] = [];
  readonly charts: ChartSpec[] = [];
  readonly rowBreaks: number[] = [];
  /** With a key, the sheet is one of our generated tabs and starts with its marker row. */
  constructor(
    readonly width: number,
    key?: OutputKey,
  ) {
    if (key) this.line(markerText(key), "muted");
  }
  get row() {
    return this.values.length;
  }
  push(cells: OutValue[], style?: StyleName): number {
    const r = this.values.length;
    this.values.push(cells.slice());
    if (style) this.styles.push({ range: { r1: r, c1: 0, r2: r, c2: Math.max(cells.length, 1) - 1 }, style });
    return r;
  }
  /**
   * A full-width line of text (title, section, note). Not merged: the text runs over the empty
   * cells to its right on screen and on paper, and a thousand slips do not cost a thousand merges.
   */
  line(text: string, style: StyleName): number {
    const r = this.push([text], style);
    this.styles[this.styles.length - 1].range.c2 = this.width - 1;
    this.lines.add(r);
    return r;
  }
  /** Rows written by `line`: their text must not wrap inside the first column. */
  readonly lines = new Set<number>();
  blank() {
    this.values.push([]);
  }
  /** A plain list sheet: portrait A4, fit to width, header row repeated on every page. */
  buildWide(
    key: OutputKey,
    name: string,
    columnWidths: number[],
    headerRow: number,
    numberCols: number[] = [],
    asTable = false,
  ): OutputSheet {
    return this.build(key, name, {
      table:
        asTable && this.row > headerRow + 1
          ? { r1: headerRow, c1: 0, r2: this.row - 1, c2: this.width - 1 }
          : undefined,
      columnWidths,
      freeze: { rows: headerRow + 1, cols: 0 },
      columnFormats: columnWidths.map((_, i) => (numberCols.includes(i) ? NUMBER_FORMAT : null)),
      print: {
        orientation: "portrait",
        paper: "A4",
        fitToWidth: true,
        titleRows: [headerRow, headerRow],
        rowBreaks: this.rowBreaks,
      },
    });
  }
  build(key: OutputKey, name: string, o: Partial<OutputSheet> & { columnWidths: number[] }): OutputSheet {
    const values = this.values.map((r) => {
      const x = r.slice();
      while (x.length < this.width) x.push(null);
      return x.slice(0, this.width);
    });
    return {
      key,
      name,
      values,
      columnFormats: o.columnFormats ?? Array(this.width).fill(null),
      columnWidths: o.columnWidths,
      styles: this.styles,
      merges: this.merges,
      freeze: o.freeze,
      conditionalFormats: this.conditionalFormats,
      charts: this.charts,
      print: o.print ?? { orientation: "portrait", paper: "A4", fitToWidth: true, rowBreaks: this.rowBreaks },
      hidden: o.hidden,
      table: o.table,
      textLines: [...this.lines],
    };
  }
}
