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
    banner: { js: "window.Buffer={byteLength:(s)=>new TextEncoder().encode(s).length};" },
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
      window.__LATE_MS__ = 9500;
    });
    await page.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ body: stub, contentType: "text/javascript" }),
    );
    await page.goto(`${url}/taskpane.html`);
    await page.getByTestId("file-input").waitFor({ timeout: 12000 });
    // After the 8 s fallback Excel reports ready: the pane reads the workbook through Office.js.
    await page.getByTestId("sheets").waitFor({ timeout: 20000 });
    expect(await page.getByTestId("file-input").count()).toBe(0);
    expect(await page.title()).toBe("Kefu Scorecard");
    await page.getByTestId("generate").click();
    await page.getByTestId("results").waitFor({ timeout: 20000 });
    const tabs = await page.evaluate(() => window.__FAKE__.sheets.map((s) => s.name));
    expect(tabs).toContain("评分表");
    expect(errors).toEqual([]);
    await page.close();
  }, 60000);
});
