/**
 * The Office path's requests as Office.js's own builder makes them: the adapter's read and write
 * paths run in headless Chromium against excel-web-16.00.debug.js with a capturing request
 * executor (test/e2e/requestSizeHarness.ts), a first and a second generate per size.
 */
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";

const ROOT = resolve(import.meta.dirname, "..");

export interface OfficeFigures {
  agents: number;
  /** Requests (round trips) of the first and of a second generate on the same workbook. */
  syncs: [number, number];
  largestRequestBytes: number;
  totalRequestBytes: number;
}

export async function officeFigures(sizes: number[], months = 12): Promise<OfficeFigures[] | null> {
  if (!existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) return null;
  const { serve, launch } = await import("../test/e2e/browser");
  const bundle = await build({
    entryPoints: [join(ROOT, "test/e2e/requestSizeHarness.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    banner: { js: "window.Buffer={byteLength:(s)=>new TextEncoder().encode(s).length};" },
  });
  const office = await readFile(join(ROOT, "node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js"), "utf8");
  const { url, server } = await serve(join(ROOT, "bench"), {
    "/sizes.html": `<!doctype html><meta charset="utf-8"><script src="/excel.js"></script><script src="/harness.js"></script>`,
    "/excel.js": office,
    "/harness.js": bundle.outputFiles[0].text,
  });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${url}/sizes.html`);
    await page.waitForFunction(() => typeof (window as { measureRuns?: unknown }).measureRuns === "function");
    const out: OfficeFigures[] = [];
    for (const agents of sizes) {
      const runs = await page.evaluate(
        ([n, m]) =>
          (
            window as unknown as { measureRuns(a: number, b: number): Promise<{ requests: number[]; ok: boolean }[]> }
          ).measureRuns(n, m),
        [agents, months] as const,
      );
      if (!runs.every((r) => r.ok)) throw new Error(`the Office run at ${agents} agents failed`);
      out.push({
        agents,
        syncs: [runs[0].requests.length, runs[1].requests.length],
        largestRequestBytes: Math.max(...runs.flatMap((r) => r.requests)),
        totalRequestBytes: runs[0].requests.reduce((a, b) => a + b, 0),
      });
    }
    return out;
  } finally {
    await browser.close();
    server.close();
  }
}
