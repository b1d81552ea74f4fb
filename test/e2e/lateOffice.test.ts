import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import type { Server } from "node:http";
import type { Browser } from "playwright-core";
import { ROOT, launch, serve } from "./browser";

const DIST = join(ROOT, "dist");
let browser: Browser;
let server: Server;
let url = "";
let stub = "";

beforeAll(async () => {
  if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: run `npm run build:test`");
  const bundle = await build({
    entryPoints: [join(ROOT, "test/e2e/lateOfficeStub.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    // The fake counts bytes with Buffer: a stand-in under another name, so the pane's own code never sees a Buffer.
    define: { Buffer: "__fakeBuffer" },
    banner: { js: "var __fakeBuffer={byteLength:(s)=>new TextEncoder().encode(s).length};" },
  });
  stub = bundle.outputFiles[0].text;
  ({ url, server } = await serve(DIST));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe("Office reporting ready late", () => {
  it("the pane first offers file mode, then switches to Excel when Office.onReady reports Excel", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.addInitScript(() => {
      window.__LATE_MS__ = 12000;
      // Whether file mode was on screen before Excel reported in (on a loaded machine it may be brief).
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="file-input"]')) document.documentElement.dataset.sawFileMode = "1";
      }).observe(document, { childList: true, subtree: true });
    });
    await page.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ body: stub, contentType: "text/javascript" }),
    );
    await page.goto(`${url}/taskpane.html`);
    // After the 8 s fallback Excel reports ready (at 12 s): the pane reads the workbook through Office.js.
    await page.getByTestId("sheets").waitFor({ timeout: 40000 });
    expect(await page.evaluate(() => document.documentElement.dataset.sawFileMode)).toBe("1");
    expect(await page.getByTestId("file-input").count()).toBe(0);
    expect(await page.title()).toBe("Kefu Scorecard");
    await page.getByTestId("generate").click();
    await page.getByTestId("results").waitFor({ timeout: 20000 });
    const tabs = await page.evaluate(() => window.__FAKE__.sheets.map((s) => s.name));
    expect(tabs).toContain("评分表");
    expect(errors).toEqual([]);
    await page.close();
  }, 90000);
});
