import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import ExcelJS from "exceljs";
import type { Server } from "node:http";
import type { Browser } from "playwright-core";
import { ROOT, launch, routeOfficeCdn, serve } from "./browser";
import { buildSampleWorkbook } from "../../src/sample/sampleWorkbook";

const DIST = join(ROOT, "dist");
let browser: Browser;
let server: Server;
let url = "";

beforeAll(async () => {
  if (!existsSync(join(DIST, "taskpane.html")))
    throw new Error("dist/ is missing: run `npm run build` (npm test does it)");
  ({ url, server } = await serve(DIST));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe("the production build", () => {
  it("keeps the pane's initial JavaScript under 250 KB gzip, with the file reader (SheetJS) in a chunk of its own", async () => {
    const html = await readFile(join(DIST, "taskpane.html"), "utf8");
    const initial = [...html.matchAll(/<script[^>]+src="?([^" >]+\.js)"?/g)]
      .map((m) => m[1])
      .filter((s) => !s.startsWith("http"));
    expect(initial.length).toBeGreaterThan(0);
    const gz = initial.reduce((sum, f) => sum + gzipSync(readFileSync(join(DIST, f))).length, 0);
    expect(gz).toBeLessThanOrEqual(250 * 1024);
    const readerChunk = readdirSync(DIST)
      .filter((f) => f.endsWith(".js") && !initial.includes(f))
      .find((f) => readFileSync(join(DIST, f), "utf8").includes("SheetJS"));
    expect(readerChunk).toBeTruthy();
    expect(statSync(join(DIST, readerChunk!)).size).toBeGreaterThan(300 * 1024);
    for (const f of initial) expect(readFileSync(join(DIST, f), "utf8")).not.toContain("SheetJS");
    expect(html).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  });
});

describe("the page outside Office", () => {
  it("opens a workbook, generates, and downloads a result whose 评分表 has the hand-worked figures", async () => {
    const page = await browser.newPage({ acceptDownloads: true, locale: "zh-CN" });
    await routeOfficeCdn(page);
    const requests: string[] = [];
    const sent: string[] = [];
    page.on("request", (r) => {
      requests.push(r.url());
      if (r.postData()) sent.push(r.url());
    });
    await page.goto(`${url}/taskpane.html`);
    const input = page.getByTestId("file-input");
    await input.waitFor({ timeout: 20000 });
    await input.setInputFiles({
      name: "shop.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(await buildSampleWorkbook()),
    });
    await page.getByTestId("sheets").waitFor({ timeout: 20000 });
    expect(await page.getByTestId("sheets").innerText()).toContain("9月考勤");
    await page.getByTestId("month").selectOption("2026-10");
    await page.getByTestId("generate").click();
    await page.getByTestId("results").waitFor({ timeout: 20000 });
    expect(await page.getByTestId("flagged").innerText()).toMatch(/小王[\s\S]*处罚/);
    expect(await page.getByTestId("fund-box").innerText()).toContain("60");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(file!)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("评分表")!;
    const rows = (ws.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    const header = rows.find((r) => r[0] === "姓名")!;
    const scoreCol = header.indexOf("得分");
    const byName = Object.fromEntries(
      rows.filter((r) => typeof r[0] === "string" && r !== header).map((r) => [r[0], r[scoreCol]]),
    );
    expect(byName["小王"]).toBe(0);
    expect(byName["張偉"]).toBe(4.5);
    expect(byName["李娜"]).toBe(9.5);
    expect(wb.getWorksheet("10月考勤")!.getCell("B3").value).toBe("小王");
    // Nothing left loopback: the workbook never leaves the page. office.js itself may open its
    // telemetry frame (a plain page load, no body) when it finds no Office host; nothing is posted.
    expect(sent.filter((u) => !u.startsWith(url))).toEqual([]);
    expect(
      requests.filter(
        (u) =>
          !u.startsWith(url) &&
          !u.startsWith("https://appsforoffice.microsoft.com/") &&
          !u.startsWith("https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html") &&
          !u.startsWith("blob:") &&
          !u.startsWith("data:"),
      ),
    ).toEqual([]);
    await page.close();
  });

  it("an .xls or damaged file gets a message a manager understands, not a crash", async () => {
    const page = await browser.newPage({ locale: "zh-CN" });
    await routeOfficeCdn(page);
    await page.goto(`${url}/taskpane.html`);
    await page
      .getByTestId("file-input")
      .setInputFiles({ name: "old.xls", mimeType: "application/vnd.ms-excel", buffer: Buffer.from("not a workbook") });
    await page.getByTestId("message").waitFor({ timeout: 20000 });
    expect(await page.getByTestId("message").innerText()).toContain("另存为 .xlsx");
    await page.close();
  });

  it("a password-protected workbook is named as such, not as 'damaged'", async () => {
    const page = await browser.newPage({ locale: "zh-CN" });
    await routeOfficeCdn(page);
    await page.goto(`${url}/taskpane.html`);
    // The OLE container Excel writes for a password-protected .xlsx: its EncryptionInfo stream gives it away.
    const b = new Uint8Array(4096);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
    [..."EncryptionInfo"].forEach((ch, i) => (b[1024 + 2 * i] = ch.charCodeAt(0)));
    await page.getByTestId("file-input").setInputFiles({
      name: "secret.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(b),
    });
    await page.getByTestId("message").waitFor({ timeout: 20000 });
    expect(await page.getByTestId("message").innerText()).toContain("密码");
    await page.close();
  });

  it("offline (office.js fails to load) the file picker comes at once, not after the wait for Office", async () => {
    const page = await browser.newPage({ locale: "zh-CN" });
    await page.addInitScript(() => {
      // When the picker first appears, in the page's own clock (the test runner's load does not count).
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="file-input"]') && !document.documentElement.dataset.pickerAt)
          document.documentElement.dataset.pickerAt = String(Math.round(performance.now()));
      }).observe(document, { childList: true, subtree: true });
    });
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort("internetdisconnected"));
    await page.goto(`${url}/taskpane.html`);
    await page.getByTestId("file-input").waitFor({ timeout: 20000 });
    const at = Number(await page.evaluate(() => document.documentElement.dataset.pickerAt));
    // The fallback for an Office that is merely slow is 8 s; a script that failed needs no wait at all.
    expect(at).toBeLessThan(4000);
    await page.close();
  });

  it("follows the browser language outside Office (English)", async () => {
    const page = await browser.newPage({ locale: "en-US" });
    await routeOfficeCdn(page);
    await page.goto(`${url}/taskpane.html`);
    await page.getByTestId("file-input").waitFor({ timeout: 20000 });
    expect(await page.locator("h1").innerText()).toBe("Kefu Scorecard");
    await page.close();
  });
});
