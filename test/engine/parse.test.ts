import { describe, expect, it } from "vitest";
import {
  parseDate,
  parseMinutes,
  parseNumber,
  parseSeconds,
  parseTimeOfDay,
  shiftDay,
  formatYmd,
  isDateFormat,
} from "../../src/engine/parse";
import { fold, halfWidth } from "../../src/engine/text";

const iso = (d: ReturnType<typeof parseDate>) => (d ? formatYmd(d) : null);

describe("dates as shops write them", () => {
  it.each([
    ["2026/10/3", "2026-10-03"],
    ["2026-10-03", "2026-10-03"],
    ["2026.10.3", "2026-10-03"],
    ["2026年10月3日", "2026-10-03"],
    ["10月3日", "2026-10-03"],
    ["26-10-03 星期五", "2026-10-03"],
    ["2026/03/14 星期六", "2026-03-14"],
    ["２０２６-１０-０３", "2026-10-03"],
  ])("%s → %s", (text, want) => expect(iso(parseDate(text, { y: 2026 }))).toBe(want));

  it("reads a 1900-system serial and a date cell", () => {
    expect(iso(parseDate(46298))).toBe("2026-10-03");
    expect(iso(parseDate({ kind: "date", serial: 46298 }))).toBe("2026-10-03");
  });

  it("rejects impossible dates instead of rolling them over", () => {
    expect(parseDate("10月32日", { y: 2026 })).toBeNull();
    expect(parseDate("2026-02-30")).toBeNull();
    expect(parseDate("迟到")).toBeNull();
  });

  it("knows a day-only format is a date format and a number format is not", () => {
    expect(isDateFormat("d")).toBe(true);
    expect(isDateFormat("yyyy/m/d")).toBe(true);
    expect(isDateFormat("0.00")).toBe(false);
    expect(isDateFormat("General")).toBe(false);
  });
});

describe("numbers, money, durations", () => {
  it.each([
    ["50", 50],
    ["50元", 50],
    ["¥50.00", 50],
    ["５０", 50],
    ["1,234", 1234],
    ["--", null],
    ["abc", null],
  ])("money %s", (t, n) => expect(parseNumber(t)).toBe(n));
  it.each([
    ["35", 35],
    ["35分钟", 35],
    ["0:35", 35],
    ["1小时5分", 65],
    ["1.5小时", 90],
  ])("minutes %s", (t, n) => expect(parseMinutes(t)).toBe(n));
  it("minutes from a serial fraction of a day", () => expect(parseMinutes(35 / 1440)).toBeCloseTo(35));
  it.each([
    ["45", 45],
    ["45秒", 45],
    ["1分5秒", 65],
    ["1:05", 65],
  ])("seconds %s", (t, n) => expect(parseSeconds(t)).toBe(n));
  it("times of day", () => {
    expect(parseTimeOfDay("8:45")).toBe(525);
    expect(parseTimeOfDay("08:45:00")).toBe(525);
    expect(parseTimeOfDay(0.5)).toBe(720);
  });
});

describe("night shifts", () => {
  it("a punch after midnight belongs to the day the 晚班 started", () => {
    const d = { y: 2026, m: 10, d: 4 };
    expect(formatYmd(shiftDay(d, 40, "晚班 17:30-01:00"))).toBe("2026-10-03");
    expect(formatYmd(shiftDay(d, 18 * 60, "晚班 17:30-01:00"))).toBe("2026-10-04");
    expect(formatYmd(shiftDay(d, 40, "早班 08:00-17:00"))).toBe("2026-10-04");
  });
});

describe("text folding", () => {
  it("folds full-width, Traditional and spaces so headers compare equal", () => {
    expect(halfWidth("（分钟）１")).toBe("(分钟)1");
    expect(fold("上班 1 打卡時間")).toBe(fold("上班1打卡时间"));
    expect(fold("遲到時長")).toBe("迟到时长");
  });
});
