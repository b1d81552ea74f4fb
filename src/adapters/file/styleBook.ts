import type { OutputSheet, StyleName } from "../../engine/render/model";

/** What one cell of ours looks like; interned so that a sheet of 100,000 cells uses a handful of styles. */
export interface CellLook {
  font?: { bold?: boolean; size?: number; color?: string };
  fill?: string;
  borderBottom?: boolean;
  wrap?: boolean;
  vertical?: "top" | "middle" | "bottom";
  numFmt?: string;
}

const FILL: Partial<Record<StyleName, string>> = {
  header: "DDEBF7",
  flag: "FCE4D6",
  total: "F2F2F2",
  section: "E2EFDA",
};

/** A named style laid over a cell's look, later styles over earlier ones, as the sheet describes them. */
export function applyStyle(look: CellLook, style: StyleName): CellLook {
  const l = { ...look };
  if (style === "title") l.font = { bold: true, size: 14 };
  if (style === "header" || style === "section" || style === "total") l.font = { bold: true };
  if (style === "muted") l.font = { color: "7F7F7F", size: 9 };
  if (style === "signature") {
    l.font = { size: 11 };
    l.vertical = "bottom";
  }
  if (FILL[style]) l.fill = FILL[style];
  if (style === "header") {
    l.borderBottom = true;
    l.wrap = true;
    l.vertical = "middle";
  }
  return l;
}

/** The conditional format's look (a differential style): Excel's light red with dark red bold text. */
export const FLAG_DXF = { fill: "F8CBAD", fontColor: "9C0006" };

/** Distinct looks of the sheets being written, in first-use order; index 0 is "no style" (the workbook's default). */
export class StyleBook {
  readonly looks: CellLook[] = [{}];
  private readonly index = new Map<string, number>([["{}", 0]]);
  id(look: CellLook): number {
    const key = JSON.stringify(look);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.looks.length;
      this.looks.push(look);
      this.index.set(key, i);
    }
    return i;
  }
  /** Does any sheet use the flag conditional format (which needs a differential style)? */
  static needsDxf(sheets: OutputSheet[]): boolean {
    return sheets.some((s) => s.conditionalFormats.some((c) => c.type === "cellIs"));
  }
}
