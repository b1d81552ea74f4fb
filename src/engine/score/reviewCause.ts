import type { AgentEvent } from "../read/model";
import type { Scheme } from "./scheme";

/**
 * A review the reader decided on (`态度差，买家给了差评`) keeps the after-sale failing it names as `meta.cause`.
 * Where the scheme has no rule for the review but has one for exactly one of its causes (pdd-10 scores attitude
 * complaints, tmall-vouchers unhandled after-sale problems, neither scores reviews), the cause is the incident
 * the scheme scores; the event keeps its words and sources, and `readAs` says what it was read as.
 */
export function scoreReviewCauses(scheme: Scheme, events: AgentEvent[]): AgentEvent[] {
  const covered = new Set(scheme.rules.flatMap((r) => r.events));
  return events.map((e) => {
    const cause = e.meta?.cause;
    if (typeof cause !== "string" || !cause || covered.has(e.type)) return e;
    const scored = cause.split(",").filter((t) => covered.has(t));
    if (scored.length !== 1) return e;
    return { ...e, type: scored[0], meta: { ...e.meta, readAs: e.type } };
  });
}
