import { E } from "../events";
import type { AgentEvent } from "../read/model";
import type { DataIssue } from "../types";
import { daysInMonth, formatYmd, parseMonthKey, roundCents } from "../parse";
import { byDateThenRow } from "./order";
import type { AgentResult, FundBox } from "./result";

/** The balance a month opens with when it has no 期初 row; `assumedIn`: the month where 0 was taken for want of one. */
export interface Carried {
  amount: number;
  assumedIn?: string;
}

/** The department fund box for a month: opening (written or carried), every fine in, every spend out. */
export function fundBoxOf(
  events: AgentEvent[],
  agents: AgentResult[],
  carried: Carried,
  issues: DataIssue[],
  month: string,
): FundBox {
  const openings = events.filter((e) => e.type === E.fundOpening);
  const explicit = openings.reduce((s, e) => s + (e.amount ?? 0), 0);
  const opening = openings.length ? explicit : carried.amount;
  const assumedIn = openings.length ? undefined : carried.assumedIn;
  if (openings.length && Math.abs(explicit - carried.amount) > 0.005 && !carried.assumedIn) {
    const src = openings[0].sources[0];
    issues.push({
      sheet: src.sheet,
      row: src.row,
      severity: "warning",
      code: "opening-differs",
      message: `${month} 表内写的期初余额 ${explicit} 元与上月结余 ${carried.amount} 元不一致，按表内所写。`,
    });
  }
  if (assumedIn) issues.push(openingMissing(events, month, assumedIn, opening));
  const rows: FundBox["rows"] = [
    {
      date: `${month}-01`,
      kind: "opening",
      agent: null,
      text: openingText(openings.length > 0, month, assumedIn),
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
    text: closing < 0 ? "本月结余（为负，请核对）" : "本月结余",
    amount: closing,
  });
  if (closing < 0) issues.push(negativeClosing(events, month, closing, assumedIn));
  const box: FundBox = {
    opening: roundCents(opening),
    fines: roundCents(fines),
    spent: roundCents(spent),
    closing,
    rows,
  };
  return assumedIn ? { ...box, openingAssumedIn: assumedIn } : box;
}

const HOW_TO_GIVE = "如有上月结余，请在罚款表加一行：类型写“期初”（或不写姓名、事由写“上月结余”），金额写结余的钱数。";

function openingText(written: boolean, month: string, assumedIn: string | undefined): string {
  if (written) return "期初余额（表内所写）";
  if (!assumedIn) return "上月结余";
  return assumedIn === month ? "期初（未找到，按 0 计）" : `上月结余（${assumedIn} 期初未找到，按 0 起算）`;
}

/** The fines sheet the box is kept in, so the line points where a 期初 row belongs. */
function boxSheet(events: AgentEvent[]): string {
  const e = events.find((x) => x.type === E.fundSpend || x.type === E.fundOpening || x.meta?.fromFines);
  return e?.sources[0]?.sheet ?? "";
}

function openingMissing(events: AgentEvent[], month: string, assumedIn: string, opening: number): DataIssue {
  const why =
    assumedIn === month
      ? `基金箱 ${month} 的期初余额没有找到（没有更早月份的数据，也没有之前生成的结余，罚款表里没有期初行），按 0 计。`
      : `基金箱的期初余额从 ${assumedIn} 结转而来，而 ${assumedIn} 的期初余额没有找到，按 0 起算，本月期初 ${roundCents(opening)} 元可能偏少。`;
  return {
    sheet: boxSheet(events),
    row: 0,
    severity: "warning",
    code: "opening-missing",
    message: `${why}${HOW_TO_GIVE}`,
    scope: "sheet",
    outcome: "defaulted",
  };
}

function negativeClosing(events: AgentEvent[], month: string, closing: number, assumedIn?: string): DataIssue {
  const spend = events
    .filter((e) => e.type === E.fundSpend)
    .sort(byDateThenRow)
    .pop()?.sources[0];
  const hint = assumedIn ? "期初余额没有找到、按 0 计，可能是少了期初行；" : "";
  return {
    sheet: spend?.sheet ?? boxSheet(events),
    row: spend?.row ?? 0,
    severity: "warning",
    code: "negative-balance",
    message: `基金箱 ${month} 月末结余为 ${closing} 元（负数）：支出多于期初加罚款收入。${hint}请核对支出和期初余额。`,
    outcome: "used",
  };
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
