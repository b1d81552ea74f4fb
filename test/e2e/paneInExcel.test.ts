import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { build } from "esbuild";
import type { Server } from "node:http";
import type { Browser } from "playwright-core";
import { ROOT, launch, serve } from "./browser";
import { buildSampleWorkbook } from "../../src/sample/sampleWorkbook";
import { ExcelJsWorkbook } from "../../src/adapters/exceljs/port";
import { readAll } from "../../src/adapters/port";
import { gridValues } from "../../bench/generate";

let browser: Browser;
let server: Server;
let url = "";

beforeAll(async () => {
  // Buffer is a Node global the fake uses for byte counts; the browser gets a tiny stand-in.
  const bundle = await build({
    entryPoints: [join(ROOT, "test/e2e/harness.tsx")],
    bundle: true,
    write: false,
    format: "iife",
    jsx: "automatic",
    platform: "browser",
    define: { "process.env.NODE_ENV": '"production"' },
    banner: { js: "window.Buffer={byteLength:(s)=>new TextEncoder().encode(s).length};" },
  });
  const grids = await readAll(await ExcelJsWorkbook.load(await buildSampleWorkbook()));
  const seed = Object.fromEntries(grids.map((g) => [g.name, gridValues(g)]));
  const page = (seedData: object) =>
    `<!doctype html><meta charset="utf-8"><div id="root"></div><script>window.__SEED__=${JSON.stringify(seedData)}</script><script src="/harness.js"></script>`;
  // The sample plus a punch-clock export: with the daily 10月考勤 beside it, it is read only as a cross-check.
  const punches: (string | number)[][] = [["姓名", "工号", "部门", "打卡时间"]];
  for (const name of ["小王", "李娜"])
    for (const day of ["08", "09", "10"])
      punches.push([name, "A1", "客服", `2026-10-${day} 09:01`], [name, "A1", "客服", `2026-10-${day} 18:02`]);
  ({ url, server } = await serve(join(ROOT, "dist"), {
    "/harness.html": page(seed),
    "/harness-punch.html": page({ ...seed, 打卡记录: punches }),
    "/harness.js": bundle.outputFiles[0].text,
  }));
  browser = await launch();
}, 120000);
afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe("the task pane inside (a strict fake of) Excel", () => {
  it("shows the recognised sheets, generates, lists the flagged agents, and writes the tabs", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${url}/harness.html`);
    await page.getByTestId("sheets").waitFor({ timeout: 20000 });
    expect(await page.getByTestId("month").inputValue()).toBe("2026-10");
    await page.getByTestId("generate").click();
    await page.getByTestId("results").waitFor({ timeout: 20000 });
    const flagged = await page.getByTestId("flagged").innerText();
    expect(flagged).toContain("小王");
    expect(flagged).toContain("張偉");
    expect(flagged).not.toContain("陈静");
    const tabs = await page.evaluate(() => window.__FAKE__.sheets.map((s) => s.name));
    expect(tabs).toEqual(
      expect.arrayContaining(["评分表", "罚款箱", "快递扣款", "个人考核单", "明细", "分析", "数据问题", "_考核助手"]),
    );
    const formulas = await page.evaluate(() => window.__FAKE__.sheets.reduce((n, s) => n + s.formulas.size, 0));
    expect(formulas).toBe(0);
    // A click on a flagged agent selects the agent's row on 评分表; a click on an issue selects its cell.
    await page.getByTestId("flagged").getByRole("button").first().click();
    await page.getByTestId("issues").getByRole("button").first().click();
    const selected = await page.evaluate(() => window.__SELECTED__);
    expect(selected[0]).toMatch(/^评分表!A\d+$/);
    expect(selected[1]).toMatch(/!([A-Z]+)?\d+$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a sheet read only as a cross-check says so in the sheet list, as the CLI's (仅核对) does", async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/harness-punch.html`);
    await page.getByTestId("sheets").waitFor({ timeout: 20000 });
    const rows = await page.getByTestId("sheets").locator("tbody > tr").allInnerTexts();
    const punch = rows.find((r) => r.includes("打卡记录"))!;
    expect(punch).toContain("打卡记录（仅核对）");
    expect(punch).toContain("只用于核对，不单独计分");
    expect(rows.find((r) => r.includes("10月考勤"))).not.toContain("仅核对");
    await page.close();
  });

  it("a role correction is stored in the workbook at once", async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/harness.html`);
    await page.getByTestId("sheets").waitFor({ timeout: 20000 });
    await page.getByLabel("快递异常 识别为").selectOption("none");
    await page.getByTestId("message").waitFor({ timeout: 20000 });
    const stored = await page.evaluate(() =>
      JSON.stringify(window.__FAKE__.sheets.find((s) => s.name === "_考核助手")?.values ?? []),
    );
    expect(stored).toContain('\\"role\\":\\"none\\"');
    await page.close();
  });
});
