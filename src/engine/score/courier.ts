import { E } from "../events";
import type { AgentEvent } from "../read/model";
import { compareText } from "../text";
import { addDays, daysInMonth, formatYmd, roundCents } from "../parse";
import { byDateThenRow } from "./order";
import type { CourierRow, IncidentRow } from "./result";

/** The month's parcel incidents, and what finance claims from each courier by the hand-over date. */
export function courierOf(
  events: AgentEvent[],
  y: number,
  m: number,
  handOverDays: number,
): { courier: CourierRow[]; incidents: IncidentRow[] } {
  const handOver = formatYmd(addDays({ y, m, d: daysInMonth(y, m) }, -handOverDays));
  const incidents: IncidentRow[] = events
    .filter((e) => e.type === E.express)
    .sort(byDateThenRow)
    .map((e) => ({
      date: e.date,
      courier: String(e.meta?.courier ?? ""),
      problem: String(e.meta?.problem ?? ""),
      amount: e.amount ?? 0,
      party: String(e.meta?.party ?? "courier"),
      person: (e.meta?.person as string) ?? null,
      trackingNo: String(e.meta?.trackingNo ?? ""),
      source: e.sources[0],
    }));
  const by = new Map<string, CourierRow>();
  for (const i of incidents.filter((x) => x.party === "courier")) {
    let row = by.get(i.courier);
    if (!row)
      by.set(i.courier, (row = { courier: i.courier, incidents: 0, amount: 0, handOverDate: handOver, byProblem: {} }));
    row.incidents++;
    row.amount = roundCents(row.amount + i.amount);
    row.byProblem[i.problem || "其他"] = (row.byProblem[i.problem || "其他"] ?? 0) + 1;
  }
  return {
    courier: [...by.values()].sort((a, b) => b.amount - a.amount || compareText(a.courier, b.courier)),
    incidents,
  };
}
