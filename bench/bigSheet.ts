/**
 * One sheet of 100,000 rows (a year of daily punches for 274 agents, in one long sheet), scored by the built
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
const agents = Math.ceil(ROWS / 365);
for (let i = 0; rows.length <= ROWS; i++) {
  const day = i % 365;
  const status = statuses[Math.floor(rand() * statuses.length)];
  rows.push([
    { kind: "date", serial: Date.UTC(2026, 0, 1 + day) / 86400000 + 25569 },
    `客服${Math.floor(i / 365) % agents}`,
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
writeFileSync(input, toXlsxPackage(workbookOfRows("考勤", sheetRows as Cell[][])));
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
if (process.env.KEEP_BIG) console.error(input);
else rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ rows: ROWS, agents, scoreMs: Math.round(Math.min(...times)) }));
