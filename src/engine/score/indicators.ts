import { E } from "../events";
import type { AgentEvent } from "../read/model";
import { addDays, daysInMonth, formatYmd } from "../parse";
import type { Policy } from "./policy";
import type { Indicator, OpenReview } from "./result";

/** Platform service indicators per agent (seed 003): flagged against the scheme's limits, never scored. */
export function indicatorsOf(events: AgentEvent[], policy: Policy): Indicator[] {
  const out: Indicator[] = [];
  for (const e of events.filter((x) => x.type === E.metric && x.agent)) {
    const s = Number(e.meta?.satisfied ?? NaN),
      n = Number(e.meta?.neutral ?? NaN),
      d = Number(e.meta?.disappointed ?? NaN);
    if (![s, n, d].every(Number.isFinite)) continue;
    const bad = Number(e.meta?.badAttitudeReviews ?? 0) || 0;
    const goodRate = s + n + d > 0 ? s / (s + n + d) : null;
    const badShare = n + d > 0 ? bad / (n + d) : null;
    const flags: string[] = [];
    if (goodRate !== null && goodRate < policy.goodRateMin / 100) flags.push(`好评率低于${policy.goodRateMin}%`);
    if (badShare !== null && badShare > policy.badAttitudeShareMax / 100)
      flags.push(`态度差占比高于${policy.badAttitudeShareMax}%`);
    out.push({
      agent: e.agent!,
      satisfied: s,
      neutral: n,
      disappointed: d,
      badAttitude: bad,
      goodRate,
      badShare,
      flags,
    });
  }
  return out;
}

/** A complaint or review still open `openReviewDays` after its date, at month end (seed 004). */
export function openReviewsOf(events: AgentEvent[], y: number, m: number, policy: Policy): OpenReview[] {
  const cutoff = formatYmd(addDays({ y, m, d: daysInMonth(y, m) }, -policy.openReviewDays));
  return events
    .filter((e) => e.meta?.open === true && e.date && e.date <= cutoff && e.agent)
    .map((e) => ({ agent: e.agent!, date: e.date!, text: e.text ?? "", source: e.sources[0] }));
}
