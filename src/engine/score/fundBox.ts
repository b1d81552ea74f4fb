import { E } from "../events";
import type { AgentEvent } from "../read/model";
import type { DataIssue } from "../types";
import { daysInMonth, formatYmd, parseMonthKey, roundCents } from "../parse";
import { byDateThenRow } from "./order";
import type { AgentResult, FundBox } from "./result";

/** The department fund box for a month: opening (written or carried), every fine in, every spend out. */
export function fundBoxOf(
  events: AgentEvent[],
  agents: AgentResult[],
  carried: number,
  issues: DataIssue[],
  month: string,
): FundBox {
  const openings = events.filter((e) => e.type === E.fundOpening);
  const explicit = openings.reduce((s, e) => s + (e.amount ?? 0), 0);
  const opening = openings.length ? explicit : carried;
  if (openings.length && Math.abs(explicit - carried) > 0.005 && carried !== 0) {
    const src = openings[0].sources[0];
    issues.push({
      sheet: src.sheet,
      row: src.row,
      severity: "warning",
      code: "opening-differs",
      message: `${month} 表内写的期初余额 ${explicit} 元与上月结余 ${carried} 元不一致，按表内所写。`,
    });
  }
  const rows: FundBox["rows"] = [
    {
      date: `${month}-01`,
      kind: "opening",
      agent: null,
      text: openings.length ? "期初余额（表内所写）" : "上月结余",
      amount: roundCents(opening),
    },
  ];
  const fines = fineRows(agents, rows);
  let spent = 0;
  for (const e of events.filter((x) => x.type === E.fundSpend).sort(byDateThenRow)) {
    spent += e.amount ?? 0;
    rows.push({
      date: e.date,
      kind: "spend",
      agent: null,
      text: e.text ?? "支出",
      amount: -(e.amount ?? 0),
      source: e.sources[0],
    });
  }
  const closing = roundCents(opening + fines - spent);
  const { y, m } = parseMonthKey(month);
  rows.push({
    date: formatYmd({ y, m, d: daysInMonth(y, m) }),
    kind: "closing",
    agent: null,
    text: "本月结余",
    amount: closing,
  });
  return { opening: roundCents(opening), fines: roundCents(fines), spent: roundCents(spent), closing, rows };
}

/** Every yuan deduction of the month is money into the box; adds its rows and returns the total. */
function fineRows(agents: AgentResult[], rows: FundBox["rows"]): number {
  let fines = 0;
  for (const a of agents)
    for (const l of a.lines) {
      if (l.unit !== "yuan" || l.value >= 0) continue;
      fines += -l.value;
      rows.push({
        date: l.date,
        kind: "fine",
        agent: a.name,
        text: `${l.ruleLabel}${l.groupOf ? `（${l.groupOf}所致，班组连带）` : ""}${l.text ? `：${l.text}` : ""}`,
        amount: -l.value,
        source: l.sources[0],
      });
    }
  return fines;
}
