import type { SheetGrid } from "../types";
import { cellText, isBlankCell } from "../parse";
import type { HeaderInfo } from "../read/headers";
import { dateOnly, timesIn } from "./cells";
import { punchField } from "./columns";
import type { PunchDetection } from "./detectPunch";

const PERSON = new Set(["name", "empId", "account"]);
const NAME_IN_TITLE = /(?:姓名|员工|人员)\s*[:：]\s*([^\s:：,，;；]+)/;

/** The person a one-person sheet is about: `姓名：张三` above the header, else a sheet named like a person. */
export function personOf(grid: SheetGrid, titleText: string): string | null {
  const m = titleText.match(NAME_IN_TITLE);
  if (m) return m[1];
  const n = grid.name.trim();
  return /^[\u4e00-\u9fff]{2,4}$/.test(n) && !/考勤|打卡|统计|记录|汇总|表|月/.test(n) ? n : null;
}

/**
 * One sheet per person (a punch clock's 考勤卡): a row per day with the date, its punch times, and often
 * the clock's own 迟到 / 早退 / 是否旷工 columns, which are only cross-checks. The person is in the title.
 */
export function detectPersonSheet(grid: SheetGrid, header: HeaderInfo | null): PunchDetection | null {
  if (!header || header.fields.some((f) => f !== null && PERSON.has(f))) return null;
  const title = grid.cells
    .slice(0, header.fieldRow)
    .flat()
    .map((c) => cellText(c))
    .join(" ");
  const person = personOf(grid, title);
  if (!person) return null;
  const rows = grid.cells.slice(header.dataStart, header.dataStart + 40);
  const share = (c: number, test: (v: SheetGrid["cells"][0][0]) => boolean) => {
    const cells = rows.map((r) => r?.[c] ?? null).filter((v) => !isBlankCell(v));
    return cells.length >= 3 ? cells.filter(test).length / cells.length : 0;
  };
  const width = header.labels.length;
  const dateCol = Array.from({ length: width }, (_, c) => c).find((c) => share(c, (v) => !!dateOnly(v, 2000)) >= 0.6);
  if (dateCol === undefined) return null;
  const timeCols = Array.from({ length: width }, (_, c) => c).filter(
    (c) => c !== dateCol && share(c, (v) => !!timesIn(v)) >= 0.5,
  );
  if (!timeCols.length) return null;
  const fields = header.labels.map((l, c) =>
    c === dateCol ? "punchDate" : timeCols.includes(c) ? "punchClock" : (punchField(l) ?? header.fields[c]),
  );
  return {
    layout: "punchGrid",
    header: { ...header, fields },
    reason: `一人一表（${person}）：每行一天，${timeCols.length} 列打卡时刻 → 考勤（打卡时间表）`,
  };
}
