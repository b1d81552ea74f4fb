import { beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileWorkbook } from "../src/adapters/file/port";
import { toXlsxPackage, workbookOfRows } from "../src/adapters/file/sheetjs";
import { readAll } from "../src/adapters/port";
import { generate } from "../src/engine/run";
import type { OutputSheet } from "../src/engine/render/model";
import { buildSampleWorkbook } from "../src/sample/sampleWorkbook";

/** Renders one generated sheet to PDF with LibreOffice headless, as a supervisor's printer would get it. */
async function printed(sheet: OutputSheet, dir: string): Promise<{ pages: string[]; size: string }> {
  // Written as the command line and the page outside Office write it: grafted into a package
  // (whose one placeholder sheet is empty, so it prints nothing).
  const wb = FileWorkbook.load(toXlsxPackage(workbookOfRows("_", [])));
  await wb.writeSheets([sheet], new Set());
  const xlsx = join(dir, `${sheet.key}.xlsx`);
  writeFileSync(xlsx, await wb.save());
  execFileSync(
    "soffice",
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${dir}/lo-profile`,
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      xlsx,
    ],
    { stdio: "ignore", timeout: 180000 },
  );
  const pdf = join(dir, `${sheet.key}.pdf`);
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return { pages: text.split("\f").filter((p) => p.trim()), size: info.match(/Page size:\s+(.*)/)![1] };
}

let outputs: OutputSheet[] = [];
let agents: string[] = [];
const dir = mkdtempSync(join(tmpdir(), "kefu-print-"));

beforeAll(async () => {
  const grids = await readAll(FileWorkbook.load(await buildSampleWorkbook()));
  const out = generate({ grids, scheme: "pdd-10", month: "2026-10" });
  if (!out.ok) throw new Error(out.message);
  outputs = out.outputs;
  agents = out.result.agents.map((a) => a.name);
});

describe("printing, through LibreOffice", () => {
  it("个人考核单 prints one agent per A4 page, each with the signature lines", async () => {
    const { pages, size } = await printed(
      outputs.find((o) => o.key === "slips")!,
      dir,
    );
    expect(size).toMatch(/595\.\d* x 841\.\d*|595 x 842/);
    expect(pages).toHaveLength(agents.length);
    pages.forEach((page, i) => {
      expect(page).toContain(`姓名：${agents[i]}`);
      for (const other of agents.filter((a) => a !== agents[i])) expect(page).not.toContain(`姓名：${other}`);
      expect(page).toMatch(/员工签字[\s\S]*主管签字[\s\S]*日期/);
    });
  }, 240000);

  it("评分表 fits the width of one A4 landscape page", async () => {
    const { pages, size } = await printed(
      outputs.find((o) => o.key === "scorecard")!,
      dir,
    );
    expect(size).toMatch(/841\.\d* x 595\.\d*|842 x 595/);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain("出勤概况");
    for (const a of agents) expect(pages[0]).toContain(a);
  }, 240000);
});
