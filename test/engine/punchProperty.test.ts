import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readWorkbook } from "../../src/engine/read/workbook";
import type { PunchConfig } from "../../src/engine/punch/config";
import { DEFAULT_SHIFT } from "../../src/engine/punch/shifts";
import type { Cell } from "../../src/engine/types";
import { grid } from "../helpers/grids";

const DAYS = ["2026-10-08", "2026-10-09", "2026-10-10", "2026-10-12", "2026-10-13"];
const AGENTS = ["小王", "李娜", "小赵"];
type Kind = "both" | "in" | "out" | "none" | "lunch";

const stamp = (iso: string, minute: number, second: number) => {
  const day = new Date(Date.parse(iso) + Math.floor(minute / 1440) * 86400000).toISOString().slice(0, 10);
  const m = ((minute % 1440) + 1440) % 1440;
  return `${day} ${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}:${String(second).padStart(2, "0")}`;
};

/** The events and listed no-punch days a log yields, in a form two runs can be compared by. */
function outcome(plan: Kind[][], shiftBy: number[][], seconds: number[][], grace: number) {
  const cfg: PunchConfig = {
    shifts: [
      { ...DEFAULT_SHIFT, name: "白班", grace, appliesTo: ["全部"], lunch: { start: 720, end: 780 } },
      { ...DEFAULT_SHIFT, name: "晚班", start: 1050, end: 1500, grace, appliesTo: ["小赵"] },
    ],
    overrides: new Map(),
    noPunchKind: "unauthorised",
    declared: true,
  };
  const rows: Cell[][] = [["姓名", "打卡时间", "是否有效"]];
  AGENTS.forEach((agent, a) => {
    const [start, end] = agent === "小赵" ? [1050, 1500] : [540, 1080];
    DAYS.forEach((iso, d) => {
      const k = plan[a][d];
      const at = (m: number) => rows.push([agent, stamp(iso, m + shiftBy[a][d], seconds[a][d]), "是"]);
      if (k === "both" || k === "in" || k === "lunch") at(start);
      if (k === "lunch") [start + 181, start + 240].forEach(at);
      if (k === "both" || k === "out" || k === "lunch") at(end);
    });
  });
  // Someone punches on every day, so no day becomes a shop rest day by chance.
  for (const iso of DAYS) rows.push(["店长", `${iso} 08:30:00`, "是"], ["店长", `${iso} 18:30:00`, "是"]);
  const r = readWorkbook([grid("打卡记录", rows)], { defaultYear: 2026, punch: cfg });
  const events = r.events
    .filter((e) => e.type !== "present")
    .map((e) => `${e.agent} ${e.date} ${e.type} ${e.measure ?? ""} ${e.days}`)
    .sort();
  const listed = r.issues.filter((i) => i.code === "no-punch-day").map((i) => i.message);
  return { events, listed, present: r.presentDays };
}

describe("property: punches moved by less than the grace", () => {
  it("never change the result (every punch of a day moved together, night shift included)", () => {
    const kind = fc.constantFrom<Kind>("both", "in", "out", "none", "lunch");
    const matrix = <T>(arb: fc.Arbitrary<T>) =>
      fc.array(fc.array(arb, { minLength: DAYS.length, maxLength: DAYS.length }), {
        minLength: AGENTS.length,
        maxLength: AGENTS.length,
      });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 15 }),
        matrix(kind),
        matrix(fc.double({ min: -0.999, max: 0.999, noNaN: true })),
        matrix(fc.integer({ min: 0, max: 59 })),
        (grace, plan, fraction, secs) => {
          const still = plan.map((r) => r.map(() => 0));
          // Strictly less than the grace in whole minutes, seconds kept as they were.
          const moved = fraction.map((r) => r.map((f) => Math.trunc(f * grace)));
          const zero = secs.map((r) => r.map(() => 0));
          expect(outcome(plan, moved, zero, grace)).toEqual(outcome(plan, still, zero, grace));
          expect(outcome(plan, moved, secs, grace)).toEqual(outcome(plan, still, zero, grace));
        },
      ),
      { numRuns: 60 },
    );
  });
});
