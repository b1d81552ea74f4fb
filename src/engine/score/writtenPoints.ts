import type { DataIssue } from "../types";
import type { AgentEvent } from "../read/model";
import { eventLabel } from "../events";
import type { Scheme } from "./scheme";

/**
 * Points a manager wrote in a 加分 / 扣分 column on a row whose kind no rule of the scheme scores (pdd-10 has no
 * rule for 加班): the row is still counted, but the written figure changes nothing, so it is said, never dropped.
 */
export function unscoredPointsIssues(scheme: Scheme, agents: string[], events: AgentEvent[]): DataIssue[] {
  const covered = new Set(scheme.rules.flatMap((r) => r.events));
  const named = new Set(agents);
  const out: DataIssue[] = [];
  for (const e of events) {
    const column = e.meta?.pointsColumn;
    if (!e.agent || !named.has(e.agent) || !e.points || typeof column !== "string" || covered.has(e.type)) continue;
    const src = e.sources[0];
    out.push({
      sheet: src?.sheet ?? "",
      row: src?.row ?? 0,
      col: src?.col,
      severity: "warning",
      code: "points-no-rule",
      message:
        `${e.agent}：“${e.text ?? ""}”在“${column}”列写了 ${e.points} 分，但${scheme.name}没有“${eventLabel(e.type)}”` +
        `的计分规则，这 ${e.points} 分没有计入。如要计分，请在规则表里为它加一条规则。`,
    });
  }
  return out;
}
