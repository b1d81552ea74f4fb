import type { OutputSheet, OutValue, Rect, StyleName } from "../../engine/render/model";
import { readState, renderState } from "../../engine/state";
import { PAYLOAD_BUDGET, SyncBudget } from "./budget";
import { COST, matrixCost } from "./requestCost";

/** What the running Excel supports, by the ExcelApi set each feature needs. */
export interface HostFeatures {
  /** Page layout (orientation, fit to width, print titles, page breaks): ExcelApi 1.9. */
  layout: boolean;
  /** Charts: ExcelApi 1.1. */
  charts: boolean;
  /** `suspendApiCalculationUntilNextSync`: ExcelApi 1.6; conditional formats too. */
  calc: boolean;
  /** `workbook.protection.protected` and `freezePanes.unfreeze`: ExcelApi 1.7. */
  protection: boolean;
  /** `workbook.readOnly`: ExcelApi 1.8. */
  readOnly: boolean;
}

export function hostFeatures(supports: (version: string) => boolean): HostFeatures {
  return {
    layout: supports("1.9"),
    charts: supports("1.1"),
    calc: supports("1.6"),
    protection: supports("1.7"),
    readOnly: supports("1.8"),
  };
}

/** The workbook refuses new or rewritten tabs; found before anything is written. */
export class WorkbookLockedError extends Error {
  constructor(readonly code: "WorkbookStructureProtected" | "WorkbookReadOnly") {
    super(code === "WorkbookReadOnly" ? "the workbook is open read-only" : "the workbook's structure is protected");
    this.name = "WorkbookLockedError";
  }
}

const FILL: Partial<Record<StyleName, string>> = {
  header: "#DDEBF7",
  flag: "#FCE4D6",
  total: "#F2F2F2",
  section: "#E2EFDA",
};

const SHEET_ROWS = 1_048_576;

const a1 = (r: number, c: number) => {
  let s = "",
    n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${r + 1}`;
};
const address = (r: Rect) => `${a1(r.r1, r.c1)}:${a1(r.r2, r.c2)}`;

/**
 * Writes the add-in's tabs. A tab of ours that exists is cleared and rewritten in place (never
 * deleted and re-added: a manager's formulas pointing at it keep working, and the VeryHidden
 * state tab, which Excel refuses to delete, is simply rewritten). The state tab goes in the first
 * request, and every tab's first request carries its marker row together with its clear or add,
 * so a run cut short leaves only tabs the next run knows as ours.
 */
export class TabWriter {
  private readonly budget: SyncBudget;
  private readonly cache = new Map<string, Excel.Worksheet>();
  private readonly added = new Map<string, Excel.Worksheet>();
  private readonly extras = new Map<string, { tables: Excel.TableCollection; charts: Excel.ChartCollection }>();
  private present = new Map<string, string>();

  constructor(
    private readonly ctx: Excel.RequestContext,
    private readonly can: HostFeatures,
  ) {
    const suspend = () => {
      if (can.calc) ctx.workbook.application.suspendApiCalculationUntilNextSync();
      if (can.layout) ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
    };
    this.budget = new SyncBudget(
      () => ctx.sync(),
      PAYLOAD_BUDGET,
      suspend,
      () => this.cache.clear(),
    );
  }

  get stats() {
    return { syncs: this.budget.syncs, largest: this.budget.largest, splits: this.budget.splits };
  }

  /** One request: the sheet list with ids, and whether the workbook may be changed at all. */
  async check(sheets: OutputSheet[], owned: Set<string>): Promise<void> {
    const wb = this.ctx.workbook;
    const list = wb.worksheets;
    list.load("items/name,items/id");
    if (this.can.protection) wb.protection.load("protected");
    if (this.can.readOnly) wb.load("readOnly");
    // Tabs of ours that hold a table or charts: a rewrite removes them, so their lists come back now.
    // They were read moments ago; one renamed since fails this request with ItemNotFound.
    for (const s of sheets) if (owned.has(s.name) && (s.table || s.charts.length)) this.loadExtras(s.name);
    await this.ctx.sync();
    if (this.can.protection && wb.protection.protected) throw new WorkbookLockedError("WorkbookStructureProtected");
    if (this.can.readOnly && wb.readOnly) throw new WorkbookLockedError("WorkbookReadOnly");
    this.present = new Map(list.items.map((s) => [s.name, s.id]));
    for (const s of sheets)
      if (this.present.has(s.name) && !owned.has(s.name))
        throw new Error(`refusing to replace the user's sheet "${s.name}"`);
  }

  /** Writes the tabs, the state first; returns the worksheet ids of the tabs written, by name. */
  async write(sheets: OutputSheet[]): Promise<Record<string, string>> {
    const stateTab = sheets.find((s) => s.key === "state");
    const others = sheets.filter((s) => s !== stateTab);
    const known = () => {
      const ids: Record<string, string> = {};
      for (const s of sheets) {
        const id = this.present.get(s.name) ?? this.added.get(s.name)?.id;
        if (id) ids[s.name] = id;
      }
      return ids;
    };
    if (stateTab) await this.tab(withIds(stateTab, known()));
    for (const s of others) await this.tab(s);
    await this.budget.flush();
    const ids = known();
    // Tabs added by this run have ids only now: the state records them in one more request.
    if (stateTab && others.some((s) => this.added.has(s.name))) {
      await this.tab(withIds(stateTab, ids));
      await this.budget.flush();
    }
    return ids;
  }

  private sheet(name: string): Excel.Worksheet {
    let ws = this.cache.get(name);
    if (!ws) this.cache.set(name, (ws = this.ctx.workbook.worksheets.getItem(name)));
    return ws;
  }

  private loadExtras(name: string) {
    const ws = this.ctx.workbook.worksheets.getItem(name);
    const tables = ws.tables;
    const charts = ws.charts;
    tables.load("items/name");
    charts.load("items/name");
    this.extras.set(name, { tables, charts });
  }

  private async tab(s: OutputSheet) {
    const blocks = valueBlocks(s);
    const exists = this.present.has(s.name) || this.added.has(s.name);
    const first = blocks[0];
    if (exists && s.key === "state" && blocks.length === 1) return this.rewriteState(s, blocks[0]);
    // The clear (or the add) and the first rows, marker included, always share one request.
    await this.budget.add((exists ? COST.clearSheet : COST.sheet) + (first?.bytes ?? 0), () => {
      if (exists) this.clear(s.name);
      else {
        const ws = this.ctx.workbook.worksheets.add(s.name);
        ws.load("id");
        this.cache.set(s.name, ws);
        this.added.set(s.name, ws);
      }
      if (first) this.queueBlock(s.name, first);
    });
    for (const b of blocks.slice(1)) await this.budget.add(b.bytes, () => this.queueBlock(s.name, b));
    for (const f of formatOps(s, this.can)) await this.budget.add(f.bytes, () => f.queue(this.sheet(s.name)));
    if (s.hidden) await this.budget.add(COST.sheet, () => (this.sheet(s.name).visibility = "VeryHidden"));
  }

  /**
   * The state tab is never emptied first: the new state is written over the old and only then are
   * the old one's rows below it cleared, so a write cut short leaves a readable state (old or new),
   * never a blank tab that would lose the history and the corrections.
   */
  private async rewriteState(s: OutputSheet, block: Block) {
    await this.budget.add(COST.clearSheet + block.bytes, () => {
      this.queueBlock(s.name, block);
      const rows = block.values.length;
      this.sheet(s.name)
        .getRangeByIndexes(rows, 0, SHEET_ROWS - rows, 1)
        .clear("All");
    });
    if (s.hidden) await this.budget.add(COST.sheet, () => (this.sheet(s.name).visibility = "VeryHidden"));
  }

  /** Empties a tab of ours, its tables and charts included. */
  private clear(name: string) {
    const extras = this.extras.get(name);
    if (extras) {
      for (const t of extras.tables.items) t.delete();
      for (const c of extras.charts.items) c.delete();
    }
    clearSheet(this.sheet(name), this.can);
  }

  private queueBlock(name: string, b: Block) {
    queueBlock(this.sheet(name), b);
  }
}

/** The state tab with the ids of the tabs written recorded in it. */
function withIds(tab: OutputSheet, ids: Record<string, string>): OutputSheet {
  const state = readState({ name: tab.name, cells: tab.values });
  if (!state) return tab;
  return { ...renderState({ ...state, ids }), name: tab.name };
}

/** Values, formats, merges, conditional formats, freeze panes and page breaks of a sheet: gone. */
export function clearSheet(ws: Excel.Worksheet, can: HostFeatures) {
  const all = ws.getRange();
  all.clear("All");
  all.unmerge();
  if (can.calc) all.conditionalFormats.clearAll();
  if (can.protection) ws.freezePanes.unfreeze();
  if (can.layout) ws.horizontalPageBreaks.removePageBreaks();
}

export interface Block {
  r0: number;
  width: number;
  values: OutValue[][];
  formats: string[][];
  bytes: number;
}

export function queueBlock(ws: Excel.Worksheet, b: Block) {
  const range = ws.getRangeByIndexes(b.r0, 0, b.values.length, b.width);
  range.numberFormat = b.formats;
  range.values = b.values as (string | number | boolean)[][];
}

/** Values in row blocks, each well under the budget. Every string is formatted as text first: `=…` from a user stays text. */
export function valueBlocks(s: OutputSheet): Block[] {
  const width = Math.max(1, ...s.values.map((r) => r.length));
  const blocks: Block[] = [];
  let cur: Block | null = null;
  for (let r = 0; r < s.values.length; r++) {
    const row = s.values[r];
    const v = Array.from({ length: width }, (_, c) => row[c] ?? "");
    const f = v.map((x, c) =>
      typeof x === "string" ? "@" : typeof x === "number" && s.columnFormats[c] ? s.columnFormats[c]! : "General",
    );
    const bytes = matrixCost([v]) + matrixCost([f]);
    if (!cur || cur.bytes + bytes > PAYLOAD_BUDGET / 2) {
      cur = { r0: r, width, values: [], formats: [], bytes: 2 * COST.valuesBlock };
      blocks.push(cur);
    }
    cur.values.push(v);
    cur.formats.push(f);
    cur.bytes += bytes;
  }
  return blocks;
}

export interface FormatOp {
  bytes: number;
  queue: (ws: Excel.Worksheet) => void;
}

/** Styles, merges, widths, conditional formats, table, freeze panes, print setup, charts: each with its request cost. */
export function formatOps(s: OutputSheet, can: HostFeatures): FormatOp[] {
  const ops: FormatOp[] = [];
  const op = (bytes: number, queue: FormatOp["queue"]) => ops.push({ bytes, queue });
  s.columnWidths.forEach((w, c) =>
    op(COST.columnWidth, (ws) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w * 7)),
  );
  for (const st of s.styles) {
    const props = STYLE_PROPS[st.style];
    if (props.length)
      op(COST.styleRange + props.length * COST.styleProperty, (ws) =>
        style(ws.getRange(address(st.range)).format, st.style),
      );
  }
  for (const m of s.merges) op(COST.merge, (ws) => ws.getRange(address(m)).merge(false));
  for (const cf of s.conditionalFormats) {
    // Conditional formats need ExcelApi 1.6; a data bar stands in for a chart only where charts are missing.
    if (!can.calc || (cf.type === "dataBar" && can.charts)) continue;
    op(COST.conditionalFormat, (ws) => {
      const range = ws.getRange(address(cf.range));
      if (cf.type === "cellIs") {
        const c = range.conditionalFormats.add("CellValue");
        c.cellValue.format.fill.color = "#F8CBAD";
        c.cellValue.format.font.color = "#9C0006";
        c.cellValue.rule = { formula1: String(cf.value), operator: OPERATOR[cf.operator] };
      } else range.conditionalFormats.add("DataBar").dataBar.positiveFormat.fillColor = `#${cf.color}`;
    });
  }
  const table = s.table;
  if (table) op(COST.table, (ws) => (ws.tables.add(address(table), true).style = "TableStyleLight9"));
  const freeze = s.freeze;
  if (freeze?.rows) op(COST.freeze, (ws) => ws.freezePanes.freezeRows(freeze.rows));
  if (freeze?.cols) op(COST.freeze, (ws) => ws.freezePanes.freezeColumns(freeze.cols));
  if (can.layout) layoutOps(s, ops);
  if (can.charts)
    for (const ch of s.charts)
      op(COST.chart, (ws) => {
        const type = ch.type === "bar" ? "BarClustered" : ch.type === "column" ? "ColumnClustered" : "Line";
        const chart = ws.charts.add(type, ws.getRange(address(ch.data)), "Columns");
        chart.title.text = ch.title;
        chart.top = ch.anchor.row * 20;
        chart.left = 520;
      });
  return ops;
}

type StyleProp = "bold" | "size14" | "wrap" | "grey" | "fill";
const STYLE_PROPS: Record<StyleName, StyleProp[]> = {
  title: ["bold", "size14"],
  subtitle: [],
  header: ["bold", "wrap", "fill"],
  total: ["bold", "fill"],
  flag: ["fill"],
  muted: ["grey"],
  section: ["bold", "fill"],
  signature: [],
  box: [],
};

function style(f: Excel.RangeFormat, name: StyleName) {
  const props = STYLE_PROPS[name];
  if (props.includes("bold")) f.font.bold = true;
  if (props.includes("size14")) f.font.size = 14;
  if (props.includes("wrap")) f.wrapText = true;
  if (props.includes("grey")) f.font.color = "#7F7F7F";
  const fill = FILL[name];
  if (fill) f.fill.color = fill;
}

const OPERATOR = {
  greaterThanOrEqual: "GreaterThanOrEqual",
  lessThanOrEqual: "LessThanOrEqual",
  lessThan: "LessThan",
  greaterThan: "GreaterThan",
} as const;

function layoutOps(s: OutputSheet, ops: FormatOp[]) {
  const titles = s.print.titleRows;
  ops.push({
    bytes: COST.pageLayout,
    queue: (ws) => {
      const p = ws.pageLayout;
      p.orientation = s.print.orientation === "landscape" ? "Landscape" : "Portrait";
      p.paperSize = "A4";
      if (s.print.fitToWidth) p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (titles) p.setPrintTitleRows(`$${titles[0] + 1}:$${titles[1] + 1}`);
    },
  });
  for (const r of s.print.rowBreaks)
    ops.push({ bytes: COST.pageBreak, queue: (ws) => ws.horizontalPageBreaks.add(`A${r + 1}`) });
}
