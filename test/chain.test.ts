import { describe, expect, it } from "vitest";
import { StrictExcel } from "./fakes/strictExcel";
import { OfficeWorkbook } from "../src/adapters/office/officeWorkbook";
import { generateOnPort } from "../src/app/generateOnPort";
import { generateShop, gridValues } from "../bench/generate";
import type { MonthResult } from "../src/engine/score/result";

describe("twelve months in turn", () => {
  it("chains the fund box, carries consecutive-month levels, keeps the user's own tab, and re-runs identically", async () => {
    const fake = new StrictExcel();
    for (const g of generateShop({ agents: 12, months: 12, seed: 3 })) fake.addSheet(g.name, gridValues(g));
    fake.addSheet("评分表", [["店长自己的表", "请勿改动"]]);
    // One agent with unauthorised absences in April, May and June: warned three months running.
    const who = generateShop({ agents: 1, months: 1 })[0].cells[1][1] as string;
    fake.addSheet("补充考勤", [["日期", "姓名", "状态"], ...[4, 5, 6].map((m) => [`2026-${m}-20`, who, "旷工"])]);
    const port = new OfficeWorkbook(fake.run, () => true);
    const results: MonthResult[] = [];
    const firstMarch: string[] = [];
    for (let m = 1; m <= 12; m++) {
      const month = `2026-${String(m).padStart(2, "0")}`;
      const out = await generateOnPort(port, { scheme: "pdd-10", month });
      expect(out.ok).toBe(true);
      if (!out.ok) return;
      results.push(out.result);
      if (m === 3) firstMarch.push(JSON.stringify(fake.sheet("评分表(考核助手)")!.values));
      expect(fake.sheet("评分表")!.values).toEqual([["店长自己的表", "请勿改动"]]);
    }
    for (let k = 1; k < 12; k++) expect(results[k].fundBox.opening).toBe(results[k - 1].fundBox.closing);
    expect(results[0].fundBox.opening).toBe(500);
    // Level 3 exactly when this month and the two before are all at warning level or worse.
    const warned = (k: number, name: string) => (results[k]?.agents.find((a) => a.name === name)?.score ?? 99) <= 5;
    for (let k = 0; k < 12; k++) {
      for (const a of results[k].agents) {
        const expected = k >= 2 && warned(k, a.name) && warned(k - 1, a.name) && warned(k - 2, a.name);
        expect(a.level === 3, `${results[k].month} ${a.name}`).toBe(expected);
      }
    }
    expect(results[5].agents.find((a) => a.name === who)!.level).toBe(3);
    expect(results.flatMap((r) => r.agents).filter((a) => a.level === 3).length).toBeGreaterThanOrEqual(1);
    const again = await generateOnPort(port, { scheme: "pdd-10", month: "2026-03" });
    expect(again.ok).toBe(true);
    expect(JSON.stringify(fake.sheet("评分表(考核助手)")!.values)).toBe(firstMarch[0]);
    expect(fake.sheets.filter((s) => s.name.startsWith("评分表")).length).toBe(2);
  });
});
