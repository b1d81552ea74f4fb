/**
 * One sheet of 100,000 rows (a quarter of daily punches for a large team), scored by the built
 * command as a user runs it. Prints one JSON line. Run by bench/run.ts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { toXlsxPackage, workbookOfRows } from "../src/adapters/file/sheetjs";
import { mulberry32 } from "./generate";
import type { Cell } from "../src/engine/types";

const ROOT = resolve(import.meta.dirname, "..");
const ROWS = Number(process.argv[2] ?? 100_000);
const rand = mulberry32(7);
const statuses = ["正常", "正常", "正常", "正常", "正常", "正常", "正常", "正常", "迟到", "早退", "缺卡"];
const rows: Cell[][] = [["日期", "姓名", "状态", "迟到分钟"]];
const agents = Math.ceil(ROWS / 31);
for (let i = 0; rows.length <= ROWS; i++) {
  const day = (i % 31) + 1;
  const status = statuses[Math.floor(rand() * statuses.length)];
  rows.push([
    { kind: "date", serial: Date.UTC(2026, 9, day) / 86400000 + 25569 },
    `客服${Math.floor(i / 31) % agents}`,
    status,
    status === "迟到" ? 5 + Math.floor(rand() * 40) : null,
  ]);
}
const sheetRows = rows.map((r) =>
  r.map((c) =>
    c && typeof c === "object" && c.kind === "date" ? new Date(Math.round((c.serial - 25569) * 86400000)) : c,
  ),
);
const dir = mkdtempSync(join(tmpdir(), "kefu-big-"));
const input = join(dir, "big.xlsx");
writeFileSync(input, toXlsxPackage(workbookOfRows("10月考勤", sheetRows as Cell[][])));
const times: number[] = [];
for (let i = 0; i < 2; i++) {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [join(ROOT, "dist-cli/kefu.cjs"), "score", input, "--month", "2026-10", "--out", join(dir, "out.xlsx")],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  times.push(performance.now() - t0);
}
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ rows: ROWS, agents, scoreMs: Math.round(Math.min(...times)) }));
