import { compareText } from "../text";
import type { AgentEvent } from "../read/model";

/** Events in the order a month counts them: by date, then by where they were written. */
export const byDateThenRow = (a: AgentEvent, b: AgentEvent) =>
  compareText(a.date ?? "9999", b.date ?? "9999") ||
  compareText(a.sources[0]?.sheet ?? "", b.sources[0]?.sheet ?? "") ||
  (a.sources[0]?.row ?? 0) - (b.sources[0]?.row ?? 0);
