import { describe, expect, it, beforeAll } from "vitest";
import { execFile } from "node:child_process";
import { mkdtemp, writeFile, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { buildSampleWorkbook } from "../../src/sample/sampleWorkbook";

const ROOT = resolve(__dirname, "../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const run = (args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((res) => {
    execFile(TSX, [join(ROOT, "src/cli/main.ts"), ...args], { cwd: ROOT, maxBuffer: 1 << 24 }, (err, stdout, stderr) =>
      res({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }),
    );
  });

let dir = "";
let sample = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kefu-cli-"));
  sample = join(dir, "shop.xlsx");
  await writeFile(sample, await buildSampleWorkbook());
});

describe("inspect", () => {
  it("shows roles, months and per-agent counts; JSON with --json", async () => {
    const text = await run(["inspect", sample]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("9月考勤");
    expect(text.stdout).toContain("符号矩阵");
    const json = JSON.parse((await run(["inspect", sample, "--json"])).stdout);
    expect(json.sheets.find((s: { sheet: string }) => s.sheet === "9月考勤")).toMatchObject({
      role: "attendance",
      layout: "matrix",
      months: ["2026-09"],
    });
    expect(json.counts["2026-10"]["小王"].late).toBe(3);
    expect(json.issues.some((i: { message: string }) => i.message.includes("王小明"))).toBe(true);
  });

  it.each([[["inspect"]], [["inspect", "/nonexistent.xlsx"]], [["inspect", "x", "--bogus"]], [["frobnicate"]]])(
    "bad arguments %j: one clear line, exit 2",
    async (args) => {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr.split("\n")[0]).toMatch(/^error: /);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    },
  );

  it("an unreadable file is one clear line, exit 2", async () => {
    const bad = join(dir, "bad.xlsx");
    await writeFile(bad, "not a zip");
    const r = await run(["inspect", bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("not a readable .xlsx");
  });
});

describe("score", () => {
  it("prints the JSON contract and writes a copy with the tabs added", async () => {
    const out = join(dir, "out.xlsx");
    const r = await run(["score", sample, "--month", "2026-10", "--scheme", "pdd-10", "--out", out, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.month).toBe("2026-10");
    expect(j.scheme).toBe("pdd-10");
    expect(j.agents.find((a: { name: string }) => a.name === "小王")).toMatchObject({
      score: 0,
      level: 2,
      label: "处罚",
      fineYuan: 10,
      bonusCutPercent: 0,
      actions: [],
    });
    expect(j.agents.find((a: { name: string }) => a.name === "張偉")).toMatchObject({ score: 4.5, level: 1 });
    expect(j.fundBox).toEqual({ opening: 100, fines: 20, spent: 60, closing: 60 });
    expect(j.courier[0]).toEqual({ courier: "韵达", incidents: 3, amount: 150, handOverDate: "2026-10-21" });
    expect(
      j.issues.every((i: { sheet: string; row: number; message: string }) => i.sheet && i.row > 0 && i.message),
    ).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("评分表")).toBeTruthy();
    expect(wb.getWorksheet("10月考勤")!.getCell("B3").value).toBe("小王");
  });

  it("without --month uses the latest month and says so; taobao-fines has no score", async () => {
    const j = JSON.parse(
      (await run(["score", sample, "--scheme", "taobao-fines", "--out", join(dir, "t.xlsx"), "--json"])).stdout,
    );
    expect(j.month).toBe("2026-10");
    expect(j.monthChosenAutomatically).toBe(true);
    expect(j.agents.every((a: { score: unknown }) => a.score === null)).toBe(true);
    expect(j.agents.find((a: { name: string }) => a.name === "小王").fineYuan).toBe(10);
  });

  it.each([[["--month", "2026-13"]], [["--scheme", "nope"]], [["--month"]]])("bad %j: exit 2", async (extra) => {
    const r = await run(["score", sample, ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toMatch(/^error: /);
  });
});
