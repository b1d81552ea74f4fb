import { classifyText, EVENT_LABELS } from "../classify";
import { cellText } from "../parse";
import type { SheetCursor } from "../read/context";
import { colLetter } from "../text";
import { E } from "../events";
import type { SheetGrid } from "../types";
import { detectSheet } from "../read/detect";

const COMPARED: string[] = [E.late, E.early, E.unauthorised, E.missedPunch, E.rest];
const plain = (f: string | null | undefined) => (!!f && !/^(FFFFFF|000000)$/i.test(f) ? f.toUpperCase() : null);

/**
 * Whether the engine compares this sheet's fill colours with its result: a punch-time grid (one row per
 * person). A host that reads fills at a cost (Excel) asks only for these sheets. Detection without the
 * user's corrections: a correction only ever turns punch detection off, so this never misses a sheet.
 */
export function comparesFills(grid: SheetGrid): boolean {
  const det = detectSheet(grid);
  return det.layout === "punchGrid" && !!det.header && !det.header.fields.includes("punchDate");
}

/** A legend of coloured cells (`迟到` on red, `休息` on grey) anywhere in the sheet: colour → kind. */
export function fillLegend(cur: SheetCursor): Map<string, string> {
  const legend = new Map<string, string>();
  cur.grid.cells.forEach((row, r) =>
    row?.forEach((c, col) => {
      const fill = plain(cur.grid.fills?.[r]?.[col]);
      const t = cellText(c);
      if (!fill || !t || t.length > 6) return;
      const kind = classifyText(t, cur.ctx.attendance);
      if (kind && COMPARED.includes(kind)) legend.set(fill, kind);
    }),
  );
  return legend;
}

export interface MarkedDay {
  agent: string;
  iso: string;
  row: number;
  cols: number[];
}

/**
 * A clock that marks lateness or rest days only by fill colour: the colours are compared with the
 * engine's result, with the sheet's legend where it has one, and each disagreement listed; never copied.
 */
export function checkFills(cur: SheetCursor, days: MarkedDay[], offDays: Set<string>) {
  if (!cur.grid.fills) return;
  const legend = fillLegend(cur);
  const byDay = new Map<string, Set<string>>();
  for (const e of cur.ctx.events)
    if (e.sources[0]?.sheet === cur.name) {
      const k = `${e.agent}|${e.date}`;
      (byDay.get(k) ?? byDay.set(k, new Set()).get(k)!).add(e.type);
    }
  for (const d of days) {
    const fills = [...new Set(d.cols.map((c) => plain(cur.grid.fills?.[d.row]?.[c])).filter(Boolean) as string[])];
    const ours = new Set(byDay.get(`${d.agent}|${d.iso}`));
    if (offDays.has(`${d.agent}|${d.iso}`)) ours.add(E.rest);
    const where = `${colLetter(d.cols[0])}${d.row + 1}`;
    if (!legend.size) {
      const abnormal = [...ours].some((k) => k !== E.present);
      if (!!fills.length === abnormal) continue;
      const msg = fills.length
        ? `打卡机给 ${where} 上了底色（${fills.join("、")}），按班次计算这一天正常`
        : `按班次计算这一天有${[...ours].map((k) => EVENT_LABELS[k] ?? k).join("、")}，打卡机没有标颜色`;
      cur.issue(
        d.row,
        "fill-disagrees",
        `${d.agent} ${d.iso}：${msg}。以计算为准（颜色只作核对）。`,
        "warning",
        d.cols[0],
      );
      continue;
    }
    const said = new Set(fills.map((f) => legend.get(f)).filter(Boolean) as string[]);
    for (const k of new Set(legend.values())) {
      if (said.has(k) === ours.has(k)) continue;
      const label = EVENT_LABELS[k] ?? k;
      const msg = said.has(k)
        ? `打卡机用图例“${label}”的颜色标了 ${where}，按班次计算不是${label}`
        : `按班次计算是${label}，打卡机没有用图例“${label}”的颜色标出`;
      cur.issue(
        d.row,
        "fill-disagrees",
        `${d.agent} ${d.iso}：${msg}。以计算为准（颜色只作核对）。`,
        "warning",
        d.cols[0],
      );
    }
  }
}
