import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";
import type { Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { ROOT, launch, serve } from "./browser";

/**
 * Request sizes as Office.js's own request builder makes them (excel-web-16.00.debug.js, the
 * library Excel on the web loads), in Chromium: the adapter's read and write paths run against it
 * with a request executor that captures each serialized request instead of sending it.
 */
const LIMIT = 4 * 1024 * 1024;
let browser: Browser;
let server: Server;
let page: Page;

interface Run {
  requests: number[];
  refused: number;
  ok: boolean;
}
declare global {
  interface Window {
    measureRuns(agents: number, months: number): Promise<Run[]>;
    measureCharges(agents: number): Promise<{ what: string; charged: number; real: number }[]>;
  }
}

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [join(ROOT, "test/e2e/requestSizeHarness.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    banner: { js: "window.Buffer={byteLength:(s)=>new TextEncoder().encode(s).length};" },
  });
  const office = await readFile(join(ROOT, "node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js"), "utf8");
  ({ server } = await serve(join(ROOT, "test/e2e"), {
    "/sizes.html": `<!doctype html><meta charset="utf-8"><script src="/excel.js"></script><script src="/harness.js"></script>`,
    "/excel.js": office,
    "/harness.js": bundle.outputFiles[0].text,
  }));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await launch();
  page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${url}/sizes.html`);
  await page.waitForFunction(() => typeof window.measureRuns === "function" && typeof Excel !== "undefined");
  expect(errors).toEqual([]);
}, 120000);
afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe("requests as Office.js builds them", () => {
  it("every command is charged at least what the builder sends for it", async () => {
    const rows = await page.evaluate(() => window.measureCharges(60));
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.filter((r) => r.real > r.charged)).toEqual([]);
    // A header style (bold, wrap, fill) really costs several hundred bytes, not 40.
    expect(Math.min(...rows.filter((r) => /format op/.test(r.what)).map((r) => r.real))).toBeGreaterThan(100);
  }, 120000);

  for (const agents of [50, 200, 1000])
    it(`${agents} agents × 12 months: a first and a second generate, every request ≤ 4 MB`, async () => {
      const runs = await page.evaluate((n) => window.measureRuns(n, 12), agents);
      for (const run of runs) {
        expect(run.ok).toBe(true);
        expect(run.refused).toBe(0);
        expect(Math.max(...run.requests)).toBeLessThanOrEqual(LIMIT);
      }
      console.log(
        `${agents} agents: largest request ${(Math.max(...runs[0].requests) / 1048576).toFixed(2)} MB, ` +
          `${runs[0].requests.length} requests (second run ${runs[1].requests.length})`,
      );
    }, 300000);
});
