import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";

const ROOT = resolve(__dirname, "../..");
const inspect = (file: string, json: boolean) =>
  new Promise<string>((res, rej) =>
    execFile(
      join(ROOT, "node_modules/.bin/tsx"),
      [join(ROOT, "src/cli/main.ts"), "inspect", file, ...(json ? ["--json"] : [])],
      { cwd: ROOT, maxBuffer: 1 << 24 },
      (err, stdout) => (err ? rej(err) : res(stdout)),
    ),
  );

describe("inspect gives every sheet's cells split", () => {
  it("a 罚款登记 sheet of 4 headers and 2 rows, and a hidden sheet: totals, parts that sum, the hidden one named", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kefu-cells-"));
    try {
      const w = new ExcelJS.Workbook();
      const fines = w.addWorksheet("罚款登记");
      fines.addRow(["日期", "姓名", "罚款原因", "金额(元)"]);
      fines.addRow(["2026-10-08", "小王", "迟到", 20]);
      fines.addRow(["2026-10-09", "李娜", "上班玩游戏", 10]);
      const old = w.addWorksheet("旧表", { state: "hidden" });
      old.addRow(["心情", "天气"]);
      old.addRow(["好", "晴"]);
      const file = join(dir, "shop.xlsx");
      await writeFile(file, new Uint8Array(await w.xlsx.writeBuffer()));
      const json = JSON.parse(await inspect(file, true));
      const by = (n: string) => json.sheets.find((s: { sheet: string }) => s.sheet === n);
      expect(by("罚款登记").cells).toEqual({ total: 12, used: 8, structural: 4, reported: 0 });
      expect(by("旧表")).toMatchObject({ hidden: true, cells: { total: 4, used: 0, structural: 0, reported: 4 } });
      const text = await inspect(file, false);
      expect(text).toMatch(/罚款登记\s+12\s+8\s+4\s+0/);
      expect(text).toContain("旧表（隐藏）");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
