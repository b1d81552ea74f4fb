/* Bundled by test/e2e/requestSize.test.ts; runs in Chromium beside excel-web-16.00.debug.js. */
import { StrictExcel } from "../fakes/strictExcel";
import { shadowRun, type Capture } from "./officeShadow";
import { OfficeWorkbook } from "../../src/adapters/office/officeWorkbook";
import { generateOnPort } from "../../src/app/generateOnPort";
import { generate } from "../../src/engine/run";
import { generateShop, gridValues } from "../../bench/generate";
import { clearSheet, formatOps, hostFeatures, queueBlock, valueBlocks } from "../../src/adapters/office/writeTabs";
import { COST } from "../../src/adapters/office/requestCost";

const encoder = new TextEncoder();
const all = hostFeatures(() => true);

function shop(agents: number, months: number) {
  const fake = new StrictExcel();
  for (const g of generateShop({ agents, months })) fake.addSheet(g.name, gridValues(g));
  return fake;
}

/** A first and a second generate on one workbook; the bytes of every request the builder produced. */
async function measureRuns(agents: number, months: number) {
  const fake = shop(agents, months);
  const runs: (Capture & { ok: boolean })[] = [];
  for (let i = 0; i < 2; i++) {
    const capture: Capture = { requests: [], refused: 0 };
    const port = new OfficeWorkbook(shadowRun(fake, capture), () => true);
    const out = await generateOnPort(port, { scheme: "pdd-10", month: `2026-${String(months).padStart(2, "0")}` });
    runs.push({ ...capture, ok: out.ok });
  }
  return runs;
}

/** Bytes the builder sends for `queue` on a sheet, beyond a request that only names the sheet. */
async function builderBytes(queue: (ws: Excel.Worksheet) => void): Promise<number> {
  const once = async (withOp: boolean) => {
    const ctx = new Excel.RequestContext();
    let bytes = 0;
    (ctx as unknown as { _requestExecutor: unknown })._requestExecutor = {
      executeAsync: (_c: unknown, _f: number, m: { Body: unknown }) => {
        bytes = encoder.encode(JSON.stringify(m.Body)).length;
        return Promise.resolve({ HttpStatusCode: 200, ErrorCode: null, ErrorMessage: null, Headers: {}, Body: {} });
      },
    };
    const ws = ctx.workbook.worksheets.getItem("评分表");
    ws.visibility = "Visible";
    if (withOp) queue(ws);
    await ctx.sync();
    return bytes;
  };
  return (await once(true)) - (await once(false));
}

/** Every command the writer charges for, charged against what the builder sends for it. */
async function measureCharges(agents: number) {
  const fake = shop(agents, 1);
  const grids = fake.sheets.map((s) => ({ name: s.name, cells: s.values }));
  const out = generate({ grids, scheme: "pdd-10", month: "2026-01" });
  if (!out.ok) throw new Error(out.message);
  const rows: { what: string; charged: number; real: number }[] = [];
  rows.push({ what: "clearSheet", charged: COST.clearSheet, real: await builderBytes((ws) => clearSheet(ws, all)) });
  rows.push({
    what: "add sheet",
    charged: COST.sheet,
    real: await builderBytes((ws) => ws.context.workbook.worksheets.add("新表").load("id")),
  });
  rows.push({
    what: "getCellProperties (fill colour)",
    charged: COST.cellProperties,
    real: await builderBytes((ws) => {
      ws.getRangeByIndexes(0, 0, 5000, 70).getCellProperties({ format: { fill: { color: true } } });
    }),
  });
  for (const s of out.outputs) {
    for (const [i, b] of valueBlocks(s).entries())
      rows.push({
        what: `${s.name} values block ${i}`,
        charged: b.bytes,
        real: await builderBytes((ws) => queueBlock(ws, b)),
      });
    for (const [i, op] of formatOps(s, all).entries())
      rows.push({ what: `${s.name} format op ${i}`, charged: op.bytes, real: await builderBytes(op.queue) });
  }
  return rows;
}

Object.assign(window, { measureRuns, measureCharges });
