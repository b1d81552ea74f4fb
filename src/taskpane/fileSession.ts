import { ExcelJsWorkbook } from "../adapters/exceljs/port";

/** One workbook opened from disk in the browser; nothing leaves the page. */
export class FileSession {
  workbook: ExcelJsWorkbook | null = null;
  name: string | null = null;

  async open(file: File): Promise<void> {
    const data = new Uint8Array(await file.arrayBuffer());
    this.workbook = await ExcelJsWorkbook.load(data);
    this.name = file.name;
  }

  async download(fileName: string): Promise<void> {
    if (!this.workbook) return;
    const bytes = await this.workbook.save();
    const blob = new Blob([bytes as BlobPart], {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
}
