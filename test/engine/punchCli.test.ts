import { describe, expect, it, beforeAll } from "vitest";
import { execFile, execFileSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");
const npm = (args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((res) => {
    execFile("npm", ["run", "--silent", ...args], { cwd: ROOT, maxBuffer: 1 << 24 }, (err, stdout, stderr) =>
      res({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }),
    );
  });

/*
 * A ZKTeco-style log written by openpyxl with real Excel date-times (not text), default shift 09:00–18:00.
 * October 2026: 10-08 Thu, 10-09 Fri, 10-10 Sat (a make-up workday), 10-11 Sun, 10-12 Mon.
 * By hand, pdd-10: 小王 late 7 (−0.5), 10-10 no punch → 旷工 (−5), 10-12 late 45 → absence (−2) → 2.5;
 * 李娜 a single punch on 10-12 → a missed punch inside the 4 free → 10; 张伟 late 31 → absence (−2) → 8.
 */
const PY = `
import sys, datetime as dt
from openpyxl import Workbook
wb = Workbook(); ws = wb.active; ws.title = "考勤记录"
ws.append(["部门", "姓名", "考勤号码", "日期时间", "机器号", "编号", "比对方式"])
n = 0
def p(name, no, y, m, d, hh, mm, ss=0):
    global n; n += 1
    ws.append(["客服部", name, no, dt.datetime(y, m, d, hh, mm, ss), 1, n, "指纹"])
    ws.cell(row=ws.max_row, column=4).number_format = "yyyy-mm-dd hh:mm:ss"
for d in (8, 9, 10, 12):
    if d == 8: p("小王", 7, 2026, 10, d, 9, 7, 30)
    elif d == 12: p("小王", 7, 2026, 10, d, 9, 45)
    elif d == 9: p("小王", 7, 2026, 10, d, 8, 58)
    if d != 10: p("小王", 7, 2026, 10, d, 18, 1)
    p("李娜", 8, 2026, 10, d, 8, 52)
    if d != 12: p("李娜", 8, 2026, 10, d, 18, 4)
    p("张伟", 9, 2026, 10, d, 9, 31 if d == 9 else 0)
    p("张伟", 9, 2026, 10, d, 18, 0)
wb.save(sys.argv[1])
`;

/*
 * A clock's grid that marks lateness only by colour, with its legend: 小王 09:12 on 10-09 is marked red (agrees);
 * 10-08 is red too although 08:55 is on time (a disagreement); 李娜's 09:05 on 10-13 is not marked (a disagreement).
 */
const PY_GRID = `
import sys
from openpyxl import Workbook
from openpyxl.styles import PatternFill
red = PatternFill("solid", fgColor="FFC7CE")
wb = Workbook(); ws = wb.active; ws.title = "打卡机"
days = [8, 9, 10, 12, 13, 14, 15, 16]
ws.append(["姓名"] + ["10-%02d" % d for d in days])
ws.append(["小王"] + ["09:12 18:00" if d == 9 else "08:55 18:02" for d in days])
ws.append(["李娜"] + ["09:05 18:10" if d == 13 else "08:50 18:10" for d in days])
ws.append(["图例", "迟到"])
ws.cell(row=2, column=2).fill = red
ws.cell(row=2, column=3).fill = red
ws.cell(row=4, column=2).fill = red
wb.save(sys.argv[1])
`;

let file = "";
let colours = "";
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), "kefu-punch-"));
  file = join(dir, "punch.xlsx");
  colours = join(dir, "colours.xlsx");
  await writeFile(join(dir, "make.py"), PY);
  await writeFile(join(dir, "grid.py"), PY_GRID);
  execFileSync("/usr/bin/python3", [join(dir, "make.py"), file]);
  execFileSync("/usr/bin/python3", [join(dir, "grid.py"), colours]);
});

describe("a punch log through the CLI", () => {
  it("score --json matches the hand-worked pdd-10 figures", async () => {
    const r = await npm(["score", "--", file, "--scheme", "pdd-10", "--month", "2026-10", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const score = Object.fromEntries(json.agents.map((a: { name: string; score: number }) => [a.name, a.score]));
    expect(score).toEqual({ 小王: 2.5, 李娜: 10, 张伟: 8 });
    expect(json.issues.filter((i: { message: string }) => i.message.includes("没有任何打卡"))).toHaveLength(1);
  });

  it("inspect names the sheet a punch log with the shift used", async () => {
    const r = await npm(["inspect", "--", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("原始打卡记录");
    expect(r.stdout).toContain("班次：默认 09:00-18:00");
  });

  it("fill colours read from the file are compared through the legend, never scored", async () => {
    const r = await npm(["inspect", "--", colours, "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.sheets[0]).toMatchObject({ layout: "punchGrid" });
    const fills = json.issues.filter((i: { message: string }) => i.message.includes("颜色"));
    expect(fills.map((i: { row: number; col: string }) => `${i.row}${i.col}`)).toEqual(["2B", "3F"]);
    expect(json.counts["2026-10"]["小王"].late).toBe(1);
  });
});
