/**
 * One size of the benchmark, in a process of its own so that peak memory is this size's.
 * Prints one JSON line. Run by bench/run.ts.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generateShop, gridValues } from "./generate";
import { generate } from "../src/engine/run";
import { generateOnPort } from "../src/app/generateOnPort";
import { OfficeWorkbook } from "../src/adapters/office/officeWorkbook";
import { StrictExcel } from "../test/fakes/strictExcel";
import type { SheetGrid } from "../src/engine/types";

const ROOT = resolve(import.meta.dirname, "..");
const agents = Number(process.argv[2]);
const months = Number(process.argv[3] ?? 12);
const month = `2026-${String(months).padStart(2, "0")}`;
const now = () => performance.now();
let peakHeap = 0;
const sample = () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};
const timer = setInterval(sample, 20);

async function toXlsx(grids: SheetGrid[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    g.cells.forEach((row, r) =>
      row.forEach((c, i) => {
        if (c === null) return;
        const cell = ws.getCell(r + 1, i + 1);
        if (typeof c === "object" && c.kind === "date") {
          cell.value = new Date(Math.round((c.serial - 25569) * 86400000));
          cell.numFmt = "yyyy-mm-dd";
        } else cell.value = typeof c === "object" ? c.code : c;
      }),
    );
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function median(xs: number[]) {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main() {
  const grids = generateShop({ agents, months });
  const rows = grids.reduce((n, g) => n + g.cells.length, 0);

  // Engine: grids → output sheets for the month (the chain of earlier months included), no I/O.
  const runs = agents >= 1000 ? 3 : 5;
  const engine: number[] = [];
  let outputRows = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    const out = generate({ grids, scheme: "pdd-10", month });
    engine.push(now() - t0);
    if (!out.ok) throw new Error(out.message);
    outputRows = out.outputs.reduce((n, o) => n + o.values.length, 0);
    sample();
  }

  // The score command end to end, as a user runs it, against ExcelJS's bare read + write of the
  // same file in the same kind of process (both pay the same Node and tsx start-up).
  const file = await toXlsx(grids);
  const dir = mkdtempSync(join(tmpdir(), "kefu-bench-"));
  const input = join(dir, "shop.xlsx");
  writeFileSync(input, file);
  // Both run as plain Node processes: the built `kefu` command and a bare ExcelJS script.
  let cliPeakKB = 0;
  const timed = (args: string[], track = false) => {
    const t0 = now();
    const r = spawnSync(process.execPath, ["--import", join(ROOT, "bench/peak.mjs"), ...args], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=8192" },
    });
    if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
    const peak = r.stderr.match(/PEAK_RSS_KB (\d+)/);
    if (peak && track) cliPeakKB = Math.max(cliPeakKB, Number(peak[1]));
    return now() - t0;
  };
  const floorRuns: number[] = [],
    cliRuns: number[] = [];
  for (let i = 0; i < (agents >= 1000 ? 2 : 3); i++) {
    floorRuns.push(timed([join(ROOT, "bench/floor.mjs"), input, join(dir, "floor.xlsx")]));
    cliRuns.push(
      timed(
        [
          join(ROOT, "dist-cli/kefu.cjs"),
          "score",
          input,
          "--month",
          month,
          "--scheme",
          "pdd-10",
          "--out",
          join(dir, "out.xlsx"),
        ],
        true,
      ),
    );
  }
  rmSync(dir, { recursive: true, force: true });

  // The Office path on the strict fake: round trips and the largest request.
  const fake = new StrictExcel();
  for (const g of grids) fake.addSheet(g.name, gridValues(g));
  const port = new OfficeWorkbook(fake.run, () => true);
  const before = fake.syncs;
  const out = await generateOnPort(port, { scheme: "pdd-10", month });
  if (!out.ok) throw new Error(out.message);
  sample();
  clearInterval(timer);
  const ru = process.resourceUsage();
  console.log(
    JSON.stringify({
      agents,
      months,
      inputRows: rows,
      outputRows,
      xlsxBytes: file.length,
      // Best of the runs: the figure least disturbed by GC pauses and the other core's work.
      engineMs: Math.round(Math.min(...engine)),
      engineMedianMs: Math.round(median(engine)),
      cliMs: Math.round(Math.min(...cliRuns)),
      ioFloorMs: Math.round(Math.min(...floorRuns)),
      cliOverFloor: Math.round((Math.min(...cliRuns) / Math.min(...floorRuns)) * 100) / 100,
      // Peak memory of the score command (a process of its own), and of this process's engine and Office runs.
      peakRssMB: Math.round(cliPeakKB / 1024),
      enginePeakRssMB: Math.round(ru.maxRSS / 1024),
      peakHeapMB: Math.round(peakHeap / 1048576),
      officeSyncs: fake.syncs - before,
      officeLargestRequestBytes: fake.largestRequest,
      officeLargestResponseBytes: fake.largestResponse,
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
