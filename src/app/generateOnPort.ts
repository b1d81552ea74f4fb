import type { WorkbookPort, WriteReport } from "../adapters/port";
import { readAll } from "../adapters/port";
import { generate, ownedTabs, rulesSheetFor, type GenerateInput, type GenerateOutcome } from "../engine/run";
import { emptyState, readState, renderState } from "../engine/state";
import { OUTPUT_NAMES } from "../engine/render/model";
import type { MappingOverride } from "../engine/read/model";

export type PortOutcome = GenerateOutcome & { report?: WriteReport };

/** The one flow every host runs: read all sheets, run the engine, write only the add-in's tabs. */
export async function generateOnPort(port: WorkbookPort, input: Omit<GenerateInput, "grids">, onProgress?: (step: string) => void): Promise<PortOutcome> {
  onProgress?.("read");
  const grids = await readAll(port);
  onProgress?.("score");
  const outcome = generate({ ...input, grids });
  if (!outcome.ok) return outcome;
  onProgress?.("write");
  const { owned } = ownedTabs(grids);
  const report = await port.writeSheets(outcome.outputs, owned);
  return { ...outcome, report };
}

/**
 * Writes a preset scheme into an editable rules tab. An existing 规则 tab is the manager's
 * (possibly edited) and is never overwritten: the preset then lands under another name.
 */
export async function writeRulesSheet(port: WorkbookPort, schemeId: string): Promise<{ name: string; notices: string[] } | null> {
  const grids = await readAll(port);
  const made = rulesSheetFor(grids, schemeId);
  if (!made) return null;
  await port.writeSheets([made.sheet], ownedTabs(grids).owned);
  return { name: made.sheet.name, notices: made.notices };
}

/** Stores the user's mapping corrections in the workbook at once, so they hold next month too. */
export async function saveCorrections(port: WorkbookPort, overrides: MappingOverride[]): Promise<void> {
  const listed = await port.listSheets();
  const present = listed.some((s) => s.name === OUTPUT_NAMES.state);
  const [grid] = present ? await port.readSheets([OUTPUT_NAMES.state]) : [];
  const stored = readState(grid);
  if (present && !stored) throw new Error(`工作簿里已有一个名为“${OUTPUT_NAMES.state}”的表，它不是考核助手写的，无法保存更正。请把它改名后再试。`);
  const state = { ...(stored ?? emptyState()), overrides };
  await port.writeSheets([renderState(state)], new Set([OUTPUT_NAMES.state]));
}
