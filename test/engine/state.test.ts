import { describe, expect, it } from "vitest";
import { generate, inspectWorkbook } from "../../src/engine/run";
import type { Cell, SheetGrid } from "../../src/engine/types";
import { grid } from "../helpers/grids";

const asGrid = (s: { name: string; values: unknown[][] }): SheetGrid => ({ name: s.name, cells: s.values as Cell[][] });

describe("what the workbook remembers", () => {
  it("a user's correction made this month is applied next month from the workbook alone", () => {
    const sheets = [
      grid("记录", [
        ["日子", "谁", "情况"],
        ["2026-10-02", "小王", "迟到"],
      ]),
      grid("考勤", [
        ["日期", "姓名", "状态"],
        ["2026-10-03", "小王", "旷工"],
      ]),
    ];
    const first = generate({
      grids: sheets,
      scheme: "pdd-10",
      month: "2026-10",
      overrides: [{ sheet: "记录", role: "attendance", fields: { A: "date", B: "name", C: "status" } }],
    });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.result.agents[0].score).toBe(10 - 0.5 - 5);
    const state = first.outputs.find((o) => o.key === "state")!;
    expect(state.hidden).toBe(true);
    const next = inspectWorkbook([...sheets, asGrid(state)]);
    expect(next.sheets.find((s) => s.sheet === "记录")).toMatchObject({ role: "attendance", corrected: true });
    expect(next.events.filter((e) => e.type === "late")).toHaveLength(1);
    const again = generate({ grids: [...sheets, ...first.outputs.map(asGrid)], scheme: "pdd-10", month: "2026-10" });
    expect(again.ok && again.result.agents[0].score).toBe(4.5);
  });

  it("a damaged state tab reads as empty and never breaks a run", () => {
    const damaged = grid("_考核助手", [["kefu-scorecard-state"], ["{not json"]]);
    const out = generate({
      grids: [
        grid("考勤", [
          ["日期", "姓名", "状态"],
          ["2026-10-03", "小王", "迟到"],
        ]),
        damaged,
      ],
      scheme: "pdd-10",
    });
    expect(out.ok).toBe(true);
  });
});
