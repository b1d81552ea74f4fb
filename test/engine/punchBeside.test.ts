import { describe, expect, it } from "vitest";
import { generate, inspectWorkbook } from "../../src/engine/run";
import type { Cell, SheetGrid } from "../../src/engine/types";
import { date, grid } from "../helpers/grids";

/** 2026-10-12 … 10-16 is an ordinary Mon–Fri week in China's calendar. */
const at = (d: number, h: number, m: number): Cell => ({
  kind: "date",
  serial: Date.UTC(2026, 9, d, h, m) / 86400000 + 25569,
});

// A raw punch log: 小王 late on the 13th (09:20) and 14th (09:45), on time otherwise; 小李 always on time.
const PUNCHES = grid("打卡记录", [
  ["姓名", "部门", "打卡时间", "设备"],
  ...[12, 13, 14, 15, 16].flatMap((d) => [
    ["小王", "客服部", at(d, 9, d === 13 ? 20 : d === 14 ? 45 : 0), "M1"],
    ["小王", "客服部", at(d, 18, 5), "M1"],
    ["小李", "客服部", at(d, 8, 55), "M1"],
    ["小李", "客服部", at(d, 18, 2), "M1"],
  ]),
]);
const FINES = grid("罚款登记", [
  ["日期", "姓名", "事由", "金额"],
  [date(2026, 10, 13), "小王", "迟到", 10],
]);

function score(grids: SheetGrid[]) {
  const o = generate({ grids, scheme: "pdd-10", month: "2026-10", defaultYear: 2026 });
  if (!o.ok) throw new Error(o.message);
  return Object.fromEntries(o.result.agents.map((a) => [a.name, a.score]));
}

describe("a punch sheet beside other sheets", () => {
  it("a fine for lateness does not turn the punch log into a cross-check: the lates still score", () => {
    // By hand (pdd-10): the 13th late 20 min (−0.5); the 14th late 45 min, over 30 → an absence (−2): 7.5.
    expect(score([PUNCHES]).小王).toBe(7.5);
    expect(score([PUNCHES, FINES]).小王).toBe(7.5);
    const sheet = inspectWorkbook([PUNCHES, FINES], [], 2026).sheets.find((s) => s.sheet === "打卡记录")!;
    expect(sheet.used).not.toBe(false);
  });

  it("the punch log's 部门 and names are used; a device column is reported as record-only", () => {
    const read = inspectWorkbook([PUNCHES], [], 2026);
    const cells = read.sheets.find((s) => s.sheet === "打卡记录")!.cells!;
    // 4 header cells structural; 20 rows × 3 used columns; the device column (20 cells) reported once.
    expect(cells).toEqual({ total: 84, used: 60, structural: 4, reported: 20 });
    const device = read.issues.find((i) => i.sheet === "打卡记录" && i.col === "D")!;
    expect(device.severity).toBe("info");
    expect(device.message).toContain("只作记录");
  });

  it("a punch grid whose day headers are day-formatted serials reads them as days of the title month", () => {
    const days = Array.from({ length: 31 }, (_, i) => i + 1);
    // Times only on the 12th–16th (the sheet is judged from its first to its last punched day).
    const times = (d: number) => (d < 12 || d > 16 ? [null, null] : [d === 13 ? "09:20" : "09:00", "18:05"]);
    const g: SheetGrid = {
      name: "10月打卡",
      cells: [
        ["2026年10月打卡表"],
        // A day typed into a cell formatted "d" is a serial in January 1900: a reader hands it over as a date.
        ["姓名", ...days.flatMap((d): Cell[] => [{ kind: "date", serial: d }, null])],
        ["", ...days.flatMap(() => ["上班", "下班"])],
        ["小王", ...days.flatMap(times)],
      ],
    };
    // By hand: one late of 20 minutes on the 13th → 10 − 0.5.
    expect(score([g]).小王).toBe(9.5);
    const cells = inspectWorkbook([g], [], 2026).sheets[0].cells!;
    expect(cells.reported).toBe(0);
    expect(cells.used).toBe(11); // the name and ten times
  });
});
