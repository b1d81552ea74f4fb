import { describe, expect, it } from "vitest";
import { calendarCovers, dayInfo, isWorkday } from "../../src/engine/punch/calendar";
import { parseShiftDays, parseShiftText, shiftWorks, DEFAULT_SHIFT } from "../../src/engine/punch/shifts";
import { readRulesSheet, renderRulesSheet } from "../../src/engine/rulesSheet";
import { agentWorks, DEFAULT_PUNCH_CONFIG } from "../../src/engine/punch/config";
import { builtinScheme } from "../../src/engine/schemes";
import type { Cell } from "../../src/engine/types";
import { readWorkbook } from "../../src/engine/read/workbook";
import { grid } from "../helpers/grids";

describe("the workday calendar", () => {
  it("2026: National Day week off, Sunday 09-20 and Saturday 10-10 made up, ordinary weekends off", () => {
    const week = ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-07"].map((d) => isWorkday(d));
    expect(week).toEqual([false, false, false, false]);
    expect(isWorkday("2026-09-20")).toBe(true);
    expect(isWorkday("2026-10-10")).toBe(true);
    expect(isWorkday("2026-10-08")).toBe(true);
    expect(isWorkday("2026-10-11")).toBe(false);
    expect(isWorkday("2026-11-28")).toBe(false);
    expect(dayInfo("2026-10-10").why).toBe("调休上班(国庆节)");
    expect(dayInfo("2026-10-03").why).toBe("国庆节");
  });

  it("a shop's own day in 规则 wins over the national calendar", () => {
    const overrides = new Map([
      ["2026-11-28", { date: "2026-11-28", work: true, note: "周六全店上班" }],
      ["2026-11-11", { date: "2026-11-11", work: false, note: "店庆" }],
    ]);
    expect(isWorkday("2026-11-28", overrides)).toBe(true);
    expect(isWorkday("2026-11-11", overrides)).toBe(false);
    expect(dayInfo("2026-11-11", overrides).why).toBe("规则表：店庆");
  });

  it("knows which years its data covers", () => {
    expect(calendarCovers(2026)).toBe(true);
    expect(calendarCovers(2004)).toBe(true);
    expect(dayInfo("2031-03-04").uncovered).toBe(true);
  });

  it("a punch sheet in a year the calendar does not know yet says so", () => {
    const log = grid("打卡记录", [
      ["姓名", "打卡时间", "是否有效"],
      ["小王", "2031-03-03 08:59", "是"],
      ["小王", "2031-03-03 18:00", "是"],
      ["小王", "2031-03-04 08:59", "是"],
      ["小王", "2031-03-04 18:00", "是"],
    ]);
    const r = readWorkbook([log], { defaultYear: 2031 });
    expect(r.issues.find((i) => i.code === "calendar-year-missing")?.message).toContain("2031 年只按周末休息计算");
  });

  it("does not depend on the host's time zone (a Saturday stays a Saturday west of Greenwich)", () => {
    const before = process.env.TZ;
    try {
      for (const tz of ["America/Los_Angeles", "Asia/Shanghai", "Pacific/Kiritimati"]) {
        process.env.TZ = tz; // Node re-reads TZ when it changes
        expect(["2026-11-28", "2026-11-30", "2026-10-10"].map((d) => isWorkday(d))).toEqual([false, true, true]);
      }
    } finally {
      process.env.TZ = before;
    }
  });
});

describe("shifts", () => {
  it("reads a DingTalk / WeCom 班次 cell, a night shift ending the next day", () => {
    expect(parseShiftText("早班 09:00-18:00", "x")).toMatchObject({ name: "早班", start: 540, end: 1080 });
    expect(parseShiftText("晚班 17:30-次日01:00", "x")).toMatchObject({ name: "晚班", start: 1050, end: 1500 });
    expect(parseShiftText("晚班 17:30-01:00", "x")).toMatchObject({ end: 1500 });
    expect(parseShiftText("休息", "x")).toBeNull();
  });

  it("a Monday-to-Saturday shift works Saturdays but rests on the statutory holiday and works the make-up Sunday", () => {
    const sixDays = { ...DEFAULT_SHIFT, days: parseShiftDays("周一至周六")! };
    expect(sixDays.days).toEqual([1, 2, 3, 4, 5, 6]);
    expect(shiftWorks(sixDays, "2026-11-28", new Map()).work).toBe(true);
    expect(shiftWorks(sixDays, "2026-10-03", new Map()).work).toBe(false);
    expect(shiftWorks(sixDays, "2026-09-20", new Map()).work).toBe(true);
    expect(shiftWorks(sixDays, "2026-11-29", new Map()).work).toBe(false);
  });

  it("【班次】【日历】【打卡】 in 规则 survive a write and a read back, and a broken time names its cell", () => {
    const sheet = renderRulesSheet(builtinScheme("pdd-10")!);
    const cells = sheet.values.map((r) => r.map((v) => v as Cell));
    const text = cells.flat().join("\n");
    expect(text).toContain("没有写班次时按默认 09:00-18:00");
    expect(text).toContain("记为旷工（默认");
    const cal = cells.findIndex((r) => r[0] === "【日历】");
    cells.splice(cal + 1, 0, ["", "2026-11-28", "上班", "周六全店上班", "", "", "", ""]);
    const np = cells.findIndex((r) => r[1] === "无打卡");
    cells[np][2] = "缺勤";
    const back = readRulesSheet({ name: "规则", cells });
    expect(back.issues).toEqual([]);
    expect(back.punch.shifts.map((s) => [s.name, s.start, s.end, s.grace])).toEqual([["默认", 540, 1080, 0]]);
    expect(back.punch.overrides.get("2026-11-28")).toMatchObject({ work: true });
    expect(back.punch.noPunchKind).toBe("absence");
    const sh = cells.findIndex((r) => r[0] === "【班次】");
    cells[sh + 1][2] = "九点";
    const broken = readRulesSheet({ name: "规则", cells });
    expect(broken.scheme).toBeNull();
    expect(broken.issues[0].message).toContain(`规则!C${sh + 2}`);
  });
});

describe("agentWorks, for the matrix and export readers", () => {
  it("follows the person's shift from the roster and the shop's own days", () => {
    const cfg = {
      ...DEFAULT_PUNCH_CONFIG,
      shifts: [
        { ...DEFAULT_SHIFT, appliesTo: ["全部"] },
        { ...DEFAULT_SHIFT, name: "六天班", days: [1, 2, 3, 4, 5, 6], appliesTo: [] },
      ],
      overrides: new Map([["2026-11-11", { date: "2026-11-11", work: false, note: "店庆" }]]),
    };
    expect(agentWorks(cfg, { name: "小王" }, "2026-11-28").work).toBe(false);
    expect(agentWorks(cfg, { name: "李娜", rosterShift: "六天班" }, "2026-11-28").work).toBe(true);
    expect(agentWorks(cfg, { name: "李娜", rosterShift: "六天班" }, "2026-11-11")).toEqual({
      work: false,
      why: "规则表：店庆",
    });
  });
});
