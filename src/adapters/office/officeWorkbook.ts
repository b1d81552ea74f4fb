import type { Cell, SheetGrid } from "../../engine/types";
import type { OutputSheet } from "../../engine/render/model";
import type { FillsRead, SheetInfo, WorkbookPort, WriteReport } from "../port";
import { FORMAT_ROWS, isPayloadLimit, PAYLOAD_BUDGET, READ_CELL_LIMIT, utf8Length } from "./budget";
import { hostFeatures, TabWriter } from "./writeTabs";
import { readFills } from "./readFills";

/** `Excel.run`, or the strict fake's equivalent in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const ERROR_TEXT =
  /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|BUSY!|CONNECT!|UNKNOWN!)$/;
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
      sheets.load("items/name,items/id,items/visibility");
      await ctx.sync();
      this.stats = { syncs: 1, largestRequest: 0 };
      return sheets.items.map((s) => ({ name: s.name, id: s.id, hidden: s.visibility !== "Visible" }));
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

  /** Fill colours, asked for only for the sheets whose colours the engine compares (see `readWithFills`). */
  async readFills(names: string[]): Promise<FillsRead> {
    const counter = { syncs: 0 };
    const got = await readFills(this.run, this.supports, names, counter);
    this.stats = { syncs: counter.syncs, largestRequest: 0 };
    return got;
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
        if (!isPayloadLimit(e)) throw e;
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
    const can = hostFeatures(this.supports);
    const degraded: string[] = [];
    if (!can.layout)
      degraded.push(
        "页面设置（A4、适合页宽、打印标题、分页）需要 Excel 2021 / Microsoft 365（ExcelApi 1.9），本次未设置打印格式。",
      );
    return this.run(async (ctx) => {
      const writer = new TabWriter(ctx, can);
      await writer.check(sheets, owned);
      const ids = await writer.write(sheets);
      this.stats = { syncs: writer.stats.syncs + 1, largestRequest: writer.stats.largest };
      return { written: sheets.map((s) => s.name), degraded, ids };
    });
  }
}

/** Selects a cell for the user (a click on a flagged agent or a data issue). */
export async function selectCell(run: ExcelRun, sheet: string, address: string): Promise<boolean> {
  return run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
    ws.load("visibility");
    await ctx.sync();
    // Renamed or deleted since the run, or hidden (Excel cannot activate a hidden sheet): nothing to select.
    if (ws.isNullObject || ws.visibility !== "Visible") return false;
    ws.activate();
    ws.getRange(address).select();
    await ctx.sync();
    return true;
  });
}
