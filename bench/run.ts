/**
 * npm run bench [-- --json] [-- --sizes 50,200,1000]
 * Prints, per size: engine time (grids → output sheets), the built score command against
 * ExcelJS's bare read + write of the same file (both plain Node), the command's peak memory, and the Office path's
 * round trips and largest request as Office.js's own request builder makes them (bench/office.ts; the largest
 * response from the strict fake's model); then the task pane's initial JavaScript and load time.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { officeFigures } from "./office";

const ROOT = resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const json = args.includes("--json");
const sizesArg = args[args.indexOf("--sizes") + 1];
const sizes = args.includes("--sizes") && sizesArg ? sizesArg.split(",").map(Number) : [50, 200, 1000];

interface Row {
  agents: number;
  months: number;
  inputRows: number;
  outputRows: number;
  xlsxBytes: number;
  engineMs: number;
  cliMs: number;
  ioFloorMs: number;
  cliOverFloor: number;
  peakRssMB: number;
  peakHeapMB: number;
  officeSyncs: number;
  officeLargestRequestBytes: number;
  officeLargestResponseBytes: number;
  officeSyncsAgain?: number;
  officeRequestBytes?: number;
  /** The request figures come from Office.js's builder (false: the fake's model, Chromium missing). */
  officeMeasured?: boolean;
}

function measure(agents: number): Row {
  const out = execFileSync(
    join(ROOT, "node_modules/.bin/tsx"),
    [join(ROOT, "bench/measure.ts"), String(agents), "12"],
    {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 1 << 26,
      env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=8192" },
    },
  );
  return JSON.parse(out.trim().split("\n").pop()!);
}

async function paneFigures(): Promise<{ initialGzipBytes: number | null; loadMs: number | null; note?: string }> {
  const dist = join(ROOT, "dist");
  if (!existsSync(join(dist, "taskpane.html")))
    return { initialGzipBytes: null, loadMs: null, note: "run `npm run build` first" };
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]+src="?([^" >]+\.js)"?/g)]
    .map((m) => m[1])
    .filter((s) => !s.startsWith("http"));
  const initialGzipBytes = scripts.reduce((n, f) => n + gzipSync(readFileSync(join(dist, f))).length, 0);
  if (!existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"))
    return { initialGzipBytes, loadMs: null, note: "no chromium" };
  const { serve, launch, routeOfficeCdn } = await import("../test/e2e/browser");
  const { url, server } = await serve(dist);
  const browser = await launch();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const page = await browser.newPage();
    await routeOfficeCdn(page);
    const t0 = performance.now();
    await page.goto(`${url}/taskpane.html`);
    await page.getByTestId("file-input").waitFor({ timeout: 30000 });
    times.push(performance.now() - t0);
    await page.close();
  }
  await browser.close();
  server.close();
  times.sort((a, b) => a - b);
  return { initialGzipBytes, loadMs: Math.round(times[2]) };
}

/** The built command on one sheet of 100,000 rows. */
function bigSheet(): { rows: number; agents: number; scoreMs: number } {
  const out = execFileSync(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "bench/bigSheet.ts")], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  return JSON.parse(out.trim().split("\n").pop()!);
}

// The figures are for the command a user runs: build it first.
execFileSync(process.execPath, [join(ROOT, "scripts/build-cli.mjs")], { cwd: ROOT });
const rows = sizes.map(measure);
// Requests in bytes as Office.js really builds them, replacing the fake's byte model where Chromium is at hand.
const office = await officeFigures(sizes);
for (const r of rows) {
  const o = office?.find((x) => x.agents === r.agents);
  if (o)
    Object.assign(r, {
      officeSyncs: o.syncs[0],
      officeSyncsAgain: o.syncs[1],
      officeLargestRequestBytes: o.largestRequestBytes,
      officeRequestBytes: o.totalRequestBytes,
      officeMeasured: true,
    });
}
const big = args.includes("--no-big") ? null : bigSheet();
const pane = await paneFigures();
const at = (n: number) => rows.find((r) => r.agents === n);
const targets = {
  engine200: at(200) ? at(200)!.engineMs <= 300 : null,
  engine1000: at(1000) ? at(1000)!.engineMs <= 1500 : null,
  cliOverFloor: rows.filter((r) => r.agents >= 200).every((r) => r.cliOverFloor <= 0.6),
  cli1000: at(1000) ? at(1000)!.cliMs <= 5000 : null,
  peakRss1000: at(1000) ? at(1000)!.peakRssMB <= 500 : null,
  bigSheet: big ? big.scoreMs <= 3000 : null,
  // Round trips grow with bytes, never with rows: the same while requests and responses fit one each.
  syncsSmall: at(50) && at(200) ? at(50)!.officeSyncs === at(200)!.officeSyncs : null,
  largestRequest: rows.every((r) => r.officeLargestRequestBytes <= 4 * 1024 * 1024),
  scaling: at(200) && at(1000) ? at(1000)!.engineMs <= 5.5 * at(200)!.engineMs : null,
  paneGzip: pane.initialGzipBytes !== null ? pane.initialGzipBytes <= 250 * 1024 : null,
};
const machine = {
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? "?"}`,
  memoryGB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};

if (json) {
  console.log(JSON.stringify({ machine, sizes: rows, bigSheet: big, pane, targets }, null, 2));
} else {
  const head = [
    "agents × 12 months",
    "input rows",
    "engine ms",
    "score cmd ms",
    "I/O floor ms",
    "ratio",
    "peak RSS MB",
    "Office syncs (again)",
    "largest request",
    "largest response",
  ];
  const body = rows.map((r) =>
    [
      `${r.agents}`,
      r.inputRows,
      r.engineMs,
      r.cliMs,
      r.ioFloorMs,
      r.cliOverFloor,
      r.peakRssMB,
      `${r.officeSyncs} (${r.officeSyncsAgain ?? "?"})`,
      `${(r.officeLargestRequestBytes / 1048576).toFixed(2)} MB${r.officeMeasured ? "" : " (fake's model)"}`,
      `${(r.officeLargestResponseBytes / 1048576).toFixed(2)} MB`,
    ].map(String),
  );
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  console.log(`machine: ${machine.cpus}, ${machine.memoryGB} GiB, node ${machine.node}`);
  console.log(head.map((h, i) => h.padEnd(w[i])).join("  "));
  for (const b of body) console.log(b.map((c, i) => c.padEnd(w[i])).join("  "));
  console.log(
    `task pane initial JS: ${pane.initialGzipBytes === null ? "n/a" : `${(pane.initialGzipBytes / 1024).toFixed(1)} KB gzip`}; load in headless Chromium: ${pane.loadMs ?? "n/a"} ms${pane.note ? ` (${pane.note})` : ""}`,
  );
  const fmt = (v: boolean | null) => (v === null ? "n/a" : v ? "met" : "MISSED");
  if (big)
    console.log(
      `one sheet of ${big.rows.toLocaleString("en")} rows (${big.agents} agents): score command ${big.scoreMs} ms`,
    );
  console.log(
    `targets: engine ≤300 ms @200 ${fmt(targets.engine200)}; ≤1.5 s @1000 ${fmt(targets.engine1000)}; score ≤0.6× ExcelJS read+write @200,1000 ${fmt(targets.cliOverFloor)}; score ≤5 s @1000 ${fmt(targets.cli1000)}; peak RSS ≤500 MB @1000 ${fmt(targets.peakRss1000)}; 100k-row sheet ≤3 s ${fmt(targets.bigSheet)}; syncs same at 50 and 200 ${fmt(targets.syncsSmall)}; request ≤4 MB ${fmt(targets.largestRequest)}; 1000 ≤5.5× 200 ${fmt(targets.scaling)}; pane ≤250 KB gzip ${fmt(targets.paneGzip)}`,
  );
}
