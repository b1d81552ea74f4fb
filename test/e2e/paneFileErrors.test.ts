import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { build } from "esbuild";
import type { Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { ROOT, launch, serve } from "./browser";

let browser: Browser;
let server: Server;
let url = "";

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [join(ROOT, "test/e2e/fileHarness.tsx")],
    bundle: true,
    write: false,
    format: "iife",
    jsx: "automatic",
    platform: "browser",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  ({ url, server } = await serve(join(ROOT, "dist"), {
    "/file-harness.html": `<!doctype html><meta charset="utf-8"><div id="root"></div><script src="/file-harness.js"></script>`,
    "/file-harness.js": bundle.outputFiles[0].text,
  }));
  browser = await launch();
}, 120000);
afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function openAs(page: Page, name: string): Promise<string> {
  await page.goto(`${url}/file-harness.html`);
  await page
    .getByTestId("file-input")
    .setInputFiles({ name, mimeType: "application/octet-stream", buffer: Buffer.from("x") });
  await page.getByTestId("message").waitFor({ timeout: 20000 });
  return page.getByTestId("message").innerText();
}

describe("the pane in file mode, when something fails", () => {
  it("a file that opens but whose sheets the engine fails on says so, and never calls the file damaged", async () => {
    const page = await browser.newPage();
    const text = await openAs(page, "good.xlsx");
    expect(text).toContain("good.xlsx 已打开");
    expect(text).toContain("不是文件的问题");
    expect(text).toContain("出错了：");
    expect(text).not.toContain("打不开");
    expect(text).not.toContain("损坏");
    await page.close();
  });

  it("a file that does not open keeps the file message with its reason", async () => {
    const page = await browser.newPage();
    const text = await openAs(page, "damaged.xlsx");
    expect(text).toContain("打不开这个文件");
    expect(text).toContain("(damaged workbook)");
    expect(text).not.toContain("已打开");
    await page.close();
  });
});
