import { describe, expect, it, beforeAll } from "vitest";
import { execFile } from "node:child_process";
import { execFileSync } from "node:child_process";
import { mkdtemp, mkdir, writeFile, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { zipSync } from "fflate";
import { buildSampleWorkbook } from "../../src/sample/sampleWorkbook";

const ROOT = resolve(__dirname, "../..");
/** The command as `npx kefu` runs it: the plain JavaScript built by `npm install` (rebuilt here so it is current). */
const BIN = join(ROOT, "dist-cli/kefu.cjs");
const run = (args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((res) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, maxBuffer: 1 << 24 }, (err, stdout, stderr) =>
      res({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }),
    );
  });

let dir = "";
let sample = "";
beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, "scripts/build-cli.mjs")], { cwd: ROOT });
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
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^error: .*\([a-z -]+/);
      expect(r.stderr).not.toMatch(/at .*\.(ts|js|cjs):\d+/);
    },
  );

  it("an unreadable file is one clear line, exit 2", async () => {
    const bad = join(dir, "bad.xlsx");
    await writeFile(bad, "not a zip");
    const r = await run(["inspect", bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("not a workbook");
  });
});

/** An OLE compound file with an EncryptionInfo stream: the container Excel writes for a password-protected .xlsx. */
function encryptedXlsx(): Uint8Array {
  const b = new Uint8Array(4096);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  const name = "EncryptionInfo";
  for (let i = 0; i < name.length; i++) b[1024 + 2 * i] = name.charCodeAt(i);
  return b;
}

describe("hostile and unusable inputs", () => {
  const cases: [string, () => Promise<string>, RegExp][] = [
    ["junk bytes", async () => write("junk.xlsx", new Uint8Array([1, 2, 3, 0, 255, 7, 0, 9])), /not a workbook/],
    [
      "a zip that is not a workbook",
      async () => write("notes.xlsx", zipSync({ "a.txt": new TextEncoder().encode("hi") })),
      /not a workbook/,
    ],
    ["an encrypted workbook", async () => write("secret.xlsx", encryptedXlsx()), /密码.*\(password protected\)/],
    ["a 0-byte file", async () => write("empty.xlsx", new Uint8Array()), /\(empty file\)/],
    [
      "a directory",
      async () => {
        await mkdir(join(dir, "folder.xlsx"), { recursive: true });
        return join(dir, "folder.xlsx");
      },
      /\(is a directory\)/,
    ],
    ["/dev/zero", async () => "/dev/zero", /\(not a regular file\)/],
    [
      "a truncated workbook",
      async () => write("cut.xlsx", (await readFile(sample)).subarray(0, 3000)),
      /\((damaged workbook|not a workbook)\)/,
    ],
  ];
  const write = async (name: string, bytes: Uint8Array) => {
    await writeFile(join(dir, name), bytes);
    return join(dir, name);
  };
  it.each(cases)("%s: exit 2, one line on stderr; with --json an error object on stdout", async (_, make, reason) => {
    const file = await make();
    for (const cmd of ["inspect", "score"]) {
      const r = await run([cmd, file]);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(reason);
      const j = await run([cmd, file, "--json"]);
      expect(j.code).toBe(2);
      expect(JSON.parse(j.stdout).error.message).toMatch(reason);
    }
  });
});

describe("writing never damages a file", () => {
  it("--out naming the input is refused (exit 2) and the input is unchanged", async () => {
    const before = await readFile(sample);
    const r = await run(["score", sample, "--out", sample]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--in-place");
    expect(Buffer.compare(await readFile(sample), before)).toBe(0);
  });

  it("--in-place keeps <name>.bak.xlsx first, then rewrites the input with our tabs", async () => {
    const file = join(dir, "inplace.xlsx");
    const original = await readFile(sample);
    await writeFile(file, original);
    const r = await run(["score", file, "--out", file, "--in-place", "--month", "2026-10", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).backup).toBe(join(dir, "inplace.bak.xlsx"));
    expect(Buffer.compare(await readFile(join(dir, "inplace.bak.xlsx")), original)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("评分表")).toBeTruthy();
  });

  it("an unwritable --out is exit 2 with one line, and leaves no temporary file behind", async () => {
    const blocker = join(dir, "blocker");
    await writeFile(blocker, "a file, not a folder");
    const r = await run(["score", sample, "--month", "2026-10", "--out", join(blocker, "out.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("(cannot write the output file)");
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a failed rename leaves the target as it was", async () => {
    const target = join(dir, "occupied.xlsx");
    await mkdir(join(target, "inside"), { recursive: true });
    const r = await run(["score", sample, "--month", "2026-10", "--out", target]);
    expect(r.code).toBe(2);
    expect(await readdir(target)).toEqual(["inside"]);
  });

  it("a CSV becomes a new .xlsx and the command says so", async () => {
    const csv = join(dir, "10月考勤.csv");
    await writeFile(csv, "日期,姓名,状态,迟到分钟\n2026-10-02,小王,迟到,12\n");
    const r = await run(["score", csv, "--month", "2026-10"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("(converted to .xlsx)");
    expect(r.stdout).toContain(join(dir, "10月考勤-考核-2026-10.xlsx"));
  });

  it("--help prints the usage and exits 0", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("kefu score");
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
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: /);
  });
});

describe("the month from the file name", () => {
  /** A 赤兔 report: per-agent figures, no date in any cell, the period only in the file name. */
  async function chituReport(name: string): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("自定义报表");
    ws.addRows([
      ["客服昵称", "接待人数", "询单人数", "询单->最终付款转化率", "销售额"],
      ["小美", 1520, 610, 0.42, 128560.5],
      ["阿杰", 1380, 540, 0.38, 96300],
    ]);
    const file = join(dir, name);
    await writeFile(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    return file;
  }

  it("a 赤兔 report is read as the month its file name gives, and a data issue says so", async () => {
    const file = await chituReport("自定义报表_某某旗舰店_2026-10-01至2026-10-31.xlsx");
    const r = await run(["score", file, "--scheme", "tmall-30", "--out", join(dir, "chitu.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.month).toBe("2026-10");
    expect(j.agents.map((a: { name: string }) => a.name).sort()).toEqual(["小美", "阿杰"]);
    expect(
      j.issues.some((i: { message: string }) => i.message.includes("文件名") && i.message.includes("2026-10")),
    ).toBe(true);
    const inspected = JSON.parse((await run(["inspect", file, "--json"])).stdout);
    expect(inspected.months).toEqual(["2026-10"]);
  });

  it("the same report under a name without dates has no month: exit 2, not a guess", async () => {
    const file = await chituReport("report.xlsx");
    const r = await run(["score", file, "--scheme", "tmall-30", "--out", join(dir, "report-out.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});
