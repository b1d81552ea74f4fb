import type { ReadResult, MappingOverride } from "../engine/read/model";
import { dataMonths } from "../engine/run";

/** The last complete month that has data, else the latest month with data. */
export function defaultMonth(read: ReadResult, today: Date): string | null {
  const months = dataMonths(read);
  const current = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}`;
  const complete = months.filter((m) => m < current);
  return complete[complete.length - 1] ?? months[months.length - 1] ?? null;
}

/** A role or field correction merged into the list the pane keeps. */
export function withCorrection(
  list: MappingOverride[],
  sheet: string,
  change: Partial<MappingOverride>,
): MappingOverride[] {
  const prev = list.find((o) => o.sheet === sheet) ?? { sheet };
  const next: MappingOverride = {
    ...prev,
    ...change,
    fields: change.fields ? { ...prev.fields, ...change.fields } : prev.fields,
  };
  return [...list.filter((o) => o.sheet !== sheet), next];
}
