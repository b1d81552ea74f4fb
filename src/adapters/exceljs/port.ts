import ExcelJS from "exceljs";
import type { SheetGrid } from "../../engine/types";
import type { OutputSheet } from "../../engine/render/model";
import type { SheetInfo, WorkbookPort, WriteReport } from "../port";
import { sheetToGrid } from "./read";
import { writeSheet } from "./write";

/** The workbook interface over an .xlsx file held in memory (CLI and the page outside Office). */
export class ExcelJsWorkbook implements WorkbookPort {
  private constructor(readonly wb: ExcelJS.Workbook) {}

  static async load(data: ArrayBuffer | Uint8Array): Promise<ExcelJsWorkbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as ArrayBuffer);
    return new ExcelJsWorkbook(wb);
  }
  static empty(): ExcelJsWorkbook {
    return new ExcelJsWorkbook(new ExcelJS.Workbook());
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.wb.worksheets.map((ws) => ({ name: ws.name, hidden: ws.state !== "visible" }));
  }

  async readSheets(names: string[]): Promise<SheetGrid[]> {
    return names
      .map((n) => this.wb.getWorksheet(n))
      .filter((ws): ws is ExcelJS.Worksheet => !!ws)
      .map(sheetToGrid);
  }

  async writeSheets(sheets: OutputSheet[], owned: Set<string>): Promise<WriteReport> {
    for (const s of sheets) {
      const existing = this.wb.getWorksheet(s.name);
      if (existing) {
        if (!owned.has(s.name)) throw new Error(`refusing to replace the user's sheet "${s.name}"`);
        this.wb.removeWorksheet(existing.id);
      }
      writeSheet(this.wb, s);
    }
    return {
      written: sheets.map((s) => s.name),
      degraded: ["charts: files written without Excel show data bars instead of charts"],
    };
  }

  async save(): Promise<Uint8Array> {
    return new Uint8Array(await this.wb.xlsx.writeBuffer());
  }
}
