import { labelHidden, type WorkbookPort, type WriteReport } from "../adapters/port";
import { generate, ownedTabs, ownership, rulesSheetFor, type GenerateInput, type GenerateOutcome } from "../engine/run";
import { ownedByIds, readState, renderState } from "../engine/state";
import { OUTPUT_NAMES } from "../engine/render/model";
import type { MappingOverride } from "../engine/read/model";

export type PortOutcome = GenerateOutcome & { report?: WriteReport };

/** The one flow every host runs: read all sheets, run the engine, write only the add-in's tabs. */
export async function generateOnPort(
  port: WorkbookPort,
  input: Omit<GenerateInput, "grids" | "ownedById">,
  onProgress?: (step: string) => void,
): Promise<PortOutcome> {
  onProgress?.("read");
  const sheets = await port.listSheets();
  const grids = labelHidden(sheets, await port.readSheets(sheets.map((s) => s.name)));
  onProgress?.("score");
  const stored = readState(grids.find((g) => g.name === OUTPUT_NAMES.state));
  const ownedById = ownedByIds(sheets, stored?.ids);
  const outcome = generate({ ...input, grids, ownedById });
  if (!outcome.ok) return outcome;
  onProgress?.("write");
  const { owned } = ownedTabs(grids, ownedById);
  const report = await port.writeSheets(outcome.outputs, owned);
  return { ...outcome, report };
}

/** Sheet names and ownership without reading every sheet: only the hidden state tab is read. */
async function readOwnership(port: WorkbookPort) {
  const names = (await port.listSheets()).map((s) => s.name);
  const [stateGrid] = names.includes(OUTPUT_NAMES.state) ? await port.readSheets([OUTPUT_NAMES.state]) : [];
  return { names, ...ownership(stateGrid) };
}

/**
 * Writes a preset scheme into an editable rules tab. An existing 规则 tab is the manager's
 * (possibly edited) and is never overwritten: the preset then lands under another name.
 */
export async function writeRulesSheet(
  port: WorkbookPort,
  schemeId: string,
): Promise<{ name: string; notices: string[] } | null> {
  const { names, owned } = await readOwnership(port);
  const made = rulesSheetFor(schemeId, names, owned);
  if (!made) return null;
  await port.writeSheets([made.sheet], owned);
  return { name: made.sheet.name, notices: made.notices };
}

/** Stores the user's mapping corrections in the workbook at once, so they hold next month too. */
export async function saveCorrections(port: WorkbookPort, overrides: MappingOverride[]): Promise<void> {
  const { state, foreignState } = await readOwnership(port);
  if (foreignState)
    throw new Error(
      `工作簿里已有一个名为“${OUTPUT_NAMES.state}”的表，它不是考核助手写的，无法保存更正。请把它改名后再试。`,
    );
  await port.writeSheets([renderState({ ...state, overrides })], new Set([OUTPUT_NAMES.state]));
}
