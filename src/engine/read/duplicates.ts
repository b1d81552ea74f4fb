import type { DataIssue } from "../types";
import { refText } from "../types";
import { ATTENDANCE_TYPES, EVENT_LABELS } from "../classify";
import { E } from "../events";
import type { AgentEvent } from "./model";

/** Shop-level and monthly facts are never one incident written twice. */
const NOT_INCIDENTS = new Set<string>([E.metric, E.grade, E.fundSpend, E.fundOpening, E.express, E.present, E.rest]);

const sheetsOf = (e: AgentEvent) => new Set(e.sources.map((s) => s.sheet));

/**
 * The same agent, date and kind of incident in two sheets (a complaint and the fine it caused) is one event
 * with both sources, and a data issue says so; with `countBoth` (the 规则 tab's "count both") both stay and
 * the issue says that instead. Attendance marks that a fines sheet repeats are only listed: the fine's yuan is
 * its own, the attendance sheet's mark gives the points (scoring never counts a fines row's points).
 */
export function mergeDuplicates(events: AgentEvent[], issues: DataIssue[], countBoth: boolean): AgentEvent[] {
  const first = new Map<string, AgentEvent>();
  const out: AgentEvent[] = [];
  for (const e of events) {
    if (!e.agent || !e.date || NOT_INCIDENTS.has(e.type)) {
      out.push(e);
      continue;
    }
    const key = `${e.agent}|${e.date}|${e.type}`;
    const prev = first.get(key);
    const mine = sheetsOf(e);
    if (!prev || [...sheetsOf(prev)].some((s) => mine.has(s))) {
      if (!prev) first.set(key, e);
      out.push(e);
      continue;
    }
    const attendance = ATTENDANCE_TYPES.has(e.type);
    issues.push(duplicateIssue(prev, e, attendance ? "listed" : countBoth ? "both" : "merged"));
    if (attendance || countBoth) {
      out.push(e);
      continue;
    }
    absorb(prev, e);
  }
  return out;
}

/** One event from two records: the conduct record leads, the written amount and points are kept. */
function absorb(into: AgentEvent, e: AgentEvent) {
  into.sources.push(...e.sources);
  into.amount ??= e.amount;
  into.points ??= e.points;
  into.text = [into.text, e.text].filter(Boolean).join(" / ") || undefined;
  const bothFines = !!into.meta?.fromFines && !!e.meta?.fromFines;
  into.meta = { ...e.meta, ...into.meta, duplicate: true };
  // A complaint with the fine it caused is no longer only a fines row: its points count, once.
  if (!bothFines) delete into.meta.fromFines;
}

function duplicateIssue(a: AgentEvent, b: AgentEvent, how: "merged" | "both" | "listed"): DataIssue {
  const label = EVENT_LABELS[b.type] ?? b.type;
  const where = `${refText(a.sources[0])} 和 ${refText(b.sources[0])}`;
  const tail = {
    merged: "按同一件事计一次（两处都列为来源）。如果确实是两件事，请在规则表把“重复记录”设为“分别计”。",
    both: "规则表设为“分别计”，两处都计入。",
    listed: "考勤表的记录计分，罚款表这一行只计它写的金额。",
  }[how];
  return {
    sheet: b.sources[0].sheet,
    row: b.sources[0].row,
    severity: "info",
    code: "duplicate-incident",
    message: `${b.agent} ${b.date} 的“${label}”同时出现在 ${where}：${tail}`,
    scope: "row",
  };
}
