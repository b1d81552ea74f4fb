import type { Cell, SheetGrid } from "../../engine/types";
import type { OutputSheet, OutValue, Rect, StyleName } from "../../engine/render/model";
import type { SheetInfo, WorkbookPort, WriteReport } from "../port";
import { FORMAT_ROWS, PAYLOAD_BUDGET, READ_CELL_LIMIT, SyncBudget, utf8Length } from "./budget";

/** `Excel.run`, or the strict fake's equivalent in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const ERROR_TEXT =
  /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|BUSY!|CONNECT!|UNKNOWN!)$/;
const FILL: Partial<Record<StyleName, string>> = {
  header: "#DDEBF7",
  flag: "#FCE4D6",
  total: "#F2F2F2",
  section: "#E2EFDA",
};

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

/** A block of rows to read, with a guess of its response size. */
interface Want {
  sheet: number;
  r0: number;
  rows: number;
  width: number;
  formats: boolean;
  bytes: number;
}
interface Got extends Want {
  values: unknown[][];
  numberFormat?: unknown[][];
}

/** Office.js values → engine cells: "" is empty, `#N/A` and friends are error values. Dates arrive as serials. */
export function officeToCell(v: unknown): Cell {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string") return ERROR_TEXT.test(v) ? { kind: "error", code: v } : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

/** The workbook interface over Office.js, batched: round trips grow with bytes, never with rows. */
export class OfficeWorkbook implements WorkbookPort {
  /** Round trips and the largest request of the last call, for tests and the bench. */
  stats = { syncs: 0, largestRequest: 0 };

  constructor(
    private readonly run: ExcelRun,
    private readonly supports: (version: string) => boolean,
  ) {}

  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      await ctx.sync();
      this.stats = { syncs: 1, largestRequest: 0 };
      return sheets.items.map((s) => ({ name: s.name, hidden: s.visibility !== "Visible" }));
    });
  }

  async readSheets(names: string[]): Promise<SheetGrid[]> {
    return this.run(async (ctx) => {
      const used = names.map((n) => {
        const r = ctx.workbook.worksheets.getItem(n).getUsedRangeOrNullObject(true);
        r.load("rowIndex,columnIndex,rowCount,columnCount");
        return r;
      });
      await ctx.sync();
      const counter = { syncs: 1 };
      const dims = used.map((u) =>
        u.isNullObject ? null : { width: u.columnIndex + u.columnCount, height: u.rowIndex + u.rowCount },
      );
      // First the top of every sheet (titles, headers) with number formats, guessed at 48 bytes a cell.
      const tops: Want[] = [];
      dims.forEach((d, sheet) => {
        if (d) {
          const rows = Math.min(FORMAT_ROWS, d.height);
          tops.push({ sheet, r0: 0, rows, width: d.width, formats: true, bytes: rows * d.width * 48 });
        }
      });
      const got = await this.loadBlocks(ctx, names, tops, counter);
      // The tops tell what a row of each sheet really costs; the rest is read in as few responses as fit.
      const rest: Want[] = [];
      for (const top of got) {
        const d = dims[top.sheet]!;
        if (d.height <= FORMAT_ROWS) continue;
        const perRow = Math.max(
          d.width * 4,
          (utf8Length(JSON.stringify(top.values)) / Math.max(1, top.values.length)) * 1.5,
        );
        const rowsPerBlock = Math.max(
          1,
          Math.min(Math.floor(PAYLOAD_BUDGET / perRow), Math.floor(READ_CELL_LIMIT / d.width)),
        );
        for (let r0 = FORMAT_ROWS; r0 < d.height; r0 += rowsPerBlock) {
          const rows = Math.min(rowsPerBlock, d.height - r0);
          rest.push({ sheet: top.sheet, r0, rows, width: d.width, formats: false, bytes: rows * perRow });
        }
      }
      got.push(...(await this.loadBlocks(ctx, names, rest, counter)));
      this.stats = { syncs: counter.syncs, largestRequest: 0 };
      return names.map((name, i) => {
        const mine = got.filter((b) => b.sheet === i).sort((a, b) => a.r0 - b.r0);
        const cells: Cell[][] = [];
        const formats: (string | null)[][] = [];
        for (const b of mine) {
          for (const row of b.values) cells.push(row.map(officeToCell));
          if (b.numberFormat)
            for (const row of b.numberFormat) formats.push(row.map((f) => (f === "General" ? null : String(f))));
        }
        return { name, cells, formats };
      });
    });
  }

  /**
   * Loads row blocks, as many per round trip as the byte guess allows. A guess can be beaten by
   * long strings: a batch Excel refuses for its size is split in halves and tried again.
   */
  private async loadBlocks(
    ctx: Excel.RequestContext,
    names: string[],
    wants: Want[],
    counter: { syncs: number },
  ): Promise<Got[]> {
    const out: Got[] = [];
    const run = async (batch: Want[]): Promise<void> => {
      const ranges = batch.map((w) => {
        const r = ctx.workbook.worksheets.getItem(names[w.sheet]).getRangeByIndexes(w.r0, 0, w.rows, w.width);
        r.load(w.formats ? "values,numberFormat" : "values");
        return r;
      });
      try {
        await ctx.sync();
        counter.syncs++;
      } catch (e) {
        counter.syncs++;
        if (!/PayloadSizeLimitExceeded/.test(`${(e as { code?: string }).code ?? ""} ${(e as Error).message ?? ""}`))
          throw e;
        if (batch.length > 1) {
          const mid = batch.length >> 1;
          await run(batch.slice(0, mid));
          await run(batch.slice(mid));
          return;
        }
        const w = batch[0];
        if (w.rows <= 1) throw e;
        const half = w.rows >> 1;
        await run([{ ...w, rows: half, bytes: w.bytes / 2 }]);
        await run([{ ...w, r0: w.r0 + half, rows: w.rows - half, bytes: w.bytes / 2 }]);
        return;
      }
      batch.forEach((w, i) =>
        out.push({ ...w, values: ranges[i].values, numberFormat: w.formats ? ranges[i].numberFormat : undefined }),
      );
    };
    let batch: Want[] = [],
      bytes = 0,
      cells = 0;
    for (const w of wants) {
      if (batch.length && (bytes + w.bytes > PAYLOAD_BUDGET || cells + w.rows * w.width > READ_CELL_LIMIT)) {
        await run(batch);
        batch = [];
        bytes = 0;
        cells = 0;
      }
      batch.push(w);
      bytes += w.bytes;
      cells += w.rows * w.width;
    }
    if (batch.length) await run(batch);
    return out;
  }

  async writeSheets(sheets: OutputSheet[], owned: Set<string>): Promise<WriteReport> {
    const degraded: string[] = [];
    const layout = this.supports("1.9");
    if (!layout)
      degraded.push(
        "页面设置（A4、适合页宽、打印标题、分页）需要 Excel 2019 / Microsoft 365（ExcelApi 1.9），本次未设置打印格式。",
      );
    const charts = this.supports("1.7");
    return this.run(async (ctx) => {
      const suspend = () => {
        if (this.supports("1.8")) ctx.workbook.application.suspendApiCalculationUntilNextSync();
        if (layout) ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
      };
      const existing = ctx.workbook.worksheets;
      existing.load("items/name");
      await ctx.sync();
      const budget = new SyncBudget(() => ctx.sync(), PAYLOAD_BUDGET, suspend);
      suspend();
      const present = new Set(existing.items.map((s) => s.name));
      for (const s of sheets) {
        if (present.has(s.name)) {
          if (!owned.has(s.name)) throw new Error(`refusing to replace the user's sheet "${s.name}"`);
          ctx.workbook.worksheets.getItem(s.name).delete();
        }
        const ws = ctx.workbook.worksheets.add(s.name);
        await this.writeValues(ws, s, budget);
        await budget.add(this.format(ws, s, { layout, charts }));
        if (s.hidden) ws.visibility = "VeryHidden";
      }
      await budget.flush();
      this.stats = { syncs: budget.syncs + 1, largestRequest: budget.largest };
      return { written: sheets.map((s) => s.name), degraded };
    });
  }

  /** Values in row blocks under the payload budget. Every string cell is formatted as text first: `=…` from a user stays text. */
  private async writeValues(ws: Excel.Worksheet, s: OutputSheet, budget: SyncBudget) {
    const width = Math.max(1, ...s.values.map((r) => r.length));
    let r0 = 0;
    while (r0 < s.values.length) {
      let bytes = 0,
        r1 = r0;
      const vals: OutValue[][] = [],
        fmts: string[][] = [];
      while (r1 < s.values.length) {
        const row = s.values[r1];
        const v = Array.from({ length: width }, (_, c) => row[c] ?? "");
        const f = v.map((x, c) =>
          typeof x === "string" ? "@" : typeof x === "number" && s.columnFormats[c] ? s.columnFormats[c]! : "General",
        );
        const b = utf8Length(JSON.stringify(v)) + utf8Length(JSON.stringify(f));
        if (vals.length && bytes + b > PAYLOAD_BUDGET / 2) break;
        vals.push(v);
        fmts.push(f);
        bytes += b;
        r1++;
      }
      await budget.add(bytes);
      const range = ws.getRangeByIndexes(r0, 0, vals.length, width);
      range.numberFormat = fmts;
      range.values = vals as (string | number | boolean)[][];
      r0 = r1;
    }
  }

  /** Styles, merges, widths, conditional formats, freeze panes, print setup, charts. Returns the request bytes it queued. */
  private format(ws: Excel.Worksheet, s: OutputSheet, can: { layout: boolean; charts: boolean }): number {
    let bytes = 0;
    const rect = (r: Rect) => {
      bytes += 40;
      return ws.getRange(`${a1(r.r1, r.c1)}:${a1(r.r2, r.c2)}`);
    };
    s.columnWidths.forEach((w, c) => {
      rect({ r1: 0, c1: c, r2: 0, c2: c }).format.columnWidth = w * 7;
    });
    for (const st of s.styles) {
      const f = rect(st.range).format;
      if (st.style === "title") {
        f.font.bold = true;
        f.font.size = 14;
      }
      if (st.style === "header" || st.style === "section" || st.style === "total") f.font.bold = true;
      if (st.style === "header") f.wrapText = true;
      if (st.style === "muted") f.font.color = "#7F7F7F";
      const fill = FILL[st.style];
      if (fill) f.fill.color = fill;
    }
    for (const m of s.merges) rect(m).merge(false);
    for (const cf of s.conditionalFormats) {
      const range = rect(cf.range);
      if (cf.type === "cellIs") {
        const c = range.conditionalFormats.add("CellValue");
        c.cellValue.format.fill.color = "#F8CBAD";
        c.cellValue.format.font.color = "#9C0006";
        c.cellValue.rule = {
          formula1: String(cf.value),
          operator:
            cf.operator === "greaterThanOrEqual"
              ? "GreaterThanOrEqual"
              : cf.operator === "lessThanOrEqual"
                ? "LessThanOrEqual"
                : cf.operator === "lessThan"
                  ? "LessThan"
                  : "GreaterThan",
        };
      } else if (!can.charts) {
        const c = range.conditionalFormats.add("DataBar");
        c.dataBar.positiveFormat.fillColor = `#${cf.color}`;
      }
    }
    if (s.table) {
      const t = ws.tables.add(`${a1(s.table.r1, s.table.c1)}:${a1(s.table.r2, s.table.c2)}`, true);
      t.style = "TableStyleLight9";
      bytes += 80;
    }
    if (s.freeze) {
      if (s.freeze.rows) ws.freezePanes.freezeRows(s.freeze.rows);
      if (s.freeze.cols) ws.freezePanes.freezeColumns(s.freeze.cols);
    }
    if (can.layout) {
      const p = ws.pageLayout;
      p.orientation = s.print.orientation === "landscape" ? "Landscape" : "Portrait";
      p.paperSize = "A4";
      if (s.print.fitToWidth) p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (s.print.titleRows) p.setPrintTitleRows(`$${s.print.titleRows[0] + 1}:$${s.print.titleRows[1] + 1}`);
      for (const r of s.print.rowBreaks) {
        ws.horizontalPageBreaks.add(`A${r + 1}`);
        bytes += 40;
      }
    }
    if (can.charts) {
      for (const ch of s.charts) {
        const chart = ws.charts.add(
          ch.type === "bar" ? "BarClustered" : ch.type === "column" ? "ColumnClustered" : "Line",
          rect(ch.data),
          "Columns",
        );
        chart.title.text = ch.title;
        chart.top = ch.anchor.row * 20;
        chart.left = 520;
        bytes += 200;
      }
    }
    return bytes;
  }
}

/** Selects a cell for the user (a click on a flagged agent or a data issue). */
export async function selectCell(run: ExcelRun, sheet: string, address: string): Promise<boolean> {
  return run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
    await ctx.sync();
    if (ws.isNullObject) return false;
    ws.activate();
    ws.getRange(address).select();
    await ctx.sync();
    return true;
  });
}
