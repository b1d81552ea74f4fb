import type { FillsRead } from "../port";
import { isPayloadLimit, PAYLOAD_BUDGET, READ_CELL_LIMIT } from "./budget";
import { COST } from "./requestCost";

type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Response bytes per cell of `getCellProperties` asking for the fill colour only:
 * `{"format":{"fill":{"color":"#FFC7CE"}}},` is 40; charged with room for the envelope.
 */
export const FILL_CELL_BYTES = 64;

export const FILLS_DEGRADED =
  "打卡机用底色标出的迟到、休息等需要 Excel 2021 / Microsoft 365（ExcelApi 1.9）才能读取：本次没有核对底色。";

/** Excel's `#RRGGBB` → the engine's `RRGGBB`; white is what Excel gives a cell without fill, so it is none. */
export function fillOf(color: string | undefined | null): string | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(color ?? "");
  return m && m[1].toUpperCase() !== "FFFFFF" ? m[1].toUpperCase() : null;
}

interface Block {
  name: string;
  r0: number;
  rows: number;
  width: number;
}

/** Row blocks of each sheet, each response under the budget however many rows the sheet has. */
function blocksOf(name: string, height: number, width: number): Block[] {
  const rowsPerBlock = Math.max(
    1,
    Math.min(Math.floor(PAYLOAD_BUDGET / (width * FILL_CELL_BYTES)), Math.floor(READ_CELL_LIMIT / width)),
  );
  const out: Block[] = [];
  for (let r0 = 0; r0 < height; r0 += rowsPerBlock)
    out.push({ name, r0, rows: Math.min(rowsPerBlock, height - r0), width });
  return out;
}

/**
 * Fill colours of the named sheets through `Range.getCellProperties` (ExcelApi 1.9): one used-range
 * request, then as few requests as the response budget allows (one for a few punch grids), never one
 * per cell or per row. Below 1.9 nothing is read and the result says so.
 */
export async function readFills(
  run: ExcelRun,
  supports: (version: string) => boolean,
  names: string[],
  counter: { syncs: number },
): Promise<FillsRead> {
  if (!supports("1.9")) return { fills: {}, degraded: [FILLS_DEGRADED] };
  return run(async (ctx) => {
    const used = names.map((n) => {
      const r = ctx.workbook.worksheets.getItem(n).getUsedRangeOrNullObject(true);
      r.load("rowIndex,columnIndex,rowCount,columnCount");
      return r;
    });
    await ctx.sync();
    counter.syncs++;
    const blocks = used.flatMap((u, i) =>
      u.isNullObject ? [] : blocksOf(names[i], u.rowIndex + u.rowCount, u.columnIndex + u.columnCount),
    );
    const rows = new Map<string, (string | null)[][]>();
    const load = async (batch: Block[]): Promise<void> => {
      const results = batch.map((b) =>
        ctx.workbook.worksheets
          .getItem(b.name)
          .getRangeByIndexes(b.r0, 0, b.rows, b.width)
          .getCellProperties({ format: { fill: { color: true } } }),
      );
      try {
        await ctx.sync();
        counter.syncs++;
      } catch (e) {
        counter.syncs++;
        // The charge was too low (Excel's envelope grew): halves, each on its own.
        if (!isPayloadLimit(e) || (batch.length < 2 && batch[0].rows < 2)) throw e;
        const halves: Block[][] =
          batch.length > 1
            ? [batch.slice(0, batch.length >> 1), batch.slice(batch.length >> 1)]
            : halveRows(batch[0]).map((b) => [b]);
        for (const h of halves) await load(h);
        return;
      }
      batch.forEach((b, i) => {
        const out = rows.get(b.name) ?? rows.set(b.name, []).get(b.name)!;
        results[i].value.forEach((row, k) => (out[b.r0 + k] = row.map((p) => fillOf(p.format?.fill?.color))));
      });
    };
    let batch: Block[] = [],
      bytes = 0;
    for (const b of blocks) {
      const cost = b.rows * b.width * FILL_CELL_BYTES + COST.cellProperties;
      if (batch.length && bytes + cost > PAYLOAD_BUDGET) {
        await load(batch);
        batch = [];
        bytes = 0;
      }
      batch.push(b);
      bytes += cost;
    }
    if (batch.length) await load(batch);
    // As the file adapters: a sheet without any colour has no fills (else every abnormal day would be "unmarked").
    const fills: Record<string, (string | null)[][]> = {};
    for (const [name, grid] of rows) if (grid.some((row) => row.some(Boolean))) fills[name] = grid;
    return { fills, degraded: [] };
  });
}

const halveRows = (b: Block): Block[] => {
  const half = b.rows >> 1;
  return [
    { ...b, rows: half },
    { ...b, r0: b.r0 + half, rows: b.rows - half },
  ];
};
