import type { SheetGrid } from "./types";
import type { MappingOverride } from "./read/model";
import type { History } from "./score/month";
import { OUTPUT_NAMES, SheetBuilder, type OutputSheet } from "./render/model";

/**
 * What later months need, kept in the workbook itself (a hidden tab), never in browser storage:
 * the tabs this add-in created, the user's mapping corrections, the chosen scheme, and history.
 */
export interface WorkbookState {
  version: 1;
  /** Tab names the add-in created; only these may be replaced. */
  generated: string[];
  overrides: MappingOverride[];
  /** Written by a version whose tabs carry the marker row: only marked tabs are then ours. */
  markers?: true;
  scheme?: string;
  history: History;
  /**
   * Excel's worksheet id of each tab written, by the name it was written under. A tab still under
   * that name with that id is ours even if a run cut short left it blank; under another name
   * (archived by the manager) it is not.
   */
  ids?: Record<string, string>;
}

export const emptyState = (): WorkbookState => ({
  version: 1,
  generated: [],
  overrides: [],
  history: { levels: {}, closing: {} },
});

const MARK = "kefu-scorecard-state";
const CHUNK = 30000; // under Excel's 32,767 characters per cell

export function renderState(state: WorkbookState): OutputSheet {
  const json = JSON.stringify(state);
  const b = new SheetBuilder(1);
  b.push([MARK]);
  for (let i = 0; i < json.length; i += CHUNK) b.push([json.slice(i, i + CHUNK)]);
  return { ...b.build("state", OUTPUT_NAMES.state, { columnWidths: [20] }), hidden: true };
}

/** Tabs ours by id: still under the name and with the id the state recorded for it. */
export function ownedByIds(sheets: { name: string; id?: string }[], ids: Record<string, string> | undefined): string[] {
  if (!ids) return [];
  return sheets.filter((s) => s.id && ids[s.name] === s.id).map((s) => s.name);
}

/** The stored state, or null when the tab is missing; a damaged tab reads as empty, never throws. */
export function readState(grid: SheetGrid | undefined): WorkbookState | null {
  if (!grid || grid.cells[0]?.[0] !== MARK) return null;
  const s = parseChunks(grid.cells.slice(1).map((r) => (typeof r?.[0] === "string" ? r[0] : "")));
  if (!s || s.version !== 1 || !Array.isArray(s.generated)) return emptyState();
  return { ...emptyState(), ...s, history: { levels: s.history?.levels ?? {}, closing: s.history?.closing ?? {} } };
}

/**
 * The state from its chunks: the shortest run of chunks that parses. A state is rewritten over the
 * old one and the rows below it are cleared after; a write cut short between the two leaves old
 * chunks below the new ones, which are not part of it.
 */
function parseChunks(chunks: string[]): WorkbookState | null {
  let json = "";
  for (const chunk of chunks) {
    if (!chunk) break;
    json += chunk;
    try {
      return JSON.parse(json) as WorkbookState;
    } catch {
      // not complete yet
    }
  }
  return null;
}
