import { FileWorkbook } from "../adapters/file/port";

const MIME = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  xlsm: "application/vnd.ms-excel.sheet.macroEnabled.12",
};

/**
 * One workbook opened from disk in the browser; nothing leaves the page. Any .xlsx/.xlsm/.xls/.ods/.csv
 * opens; the download is the original package with our tabs grafted in (an .xlsm stays .xlsm; other
 * kinds become a new .xlsx).
 */
export class FileSession {
  workbook: FileWorkbook | null = null;
  name: string | null = null;

  async open(file: File): Promise<void> {
    const data = new Uint8Array(await file.arrayBuffer());
    this.workbook = FileWorkbook.load(data, file.name);
    this.name = file.name;
  }

  async download(fileName: string): Promise<void> {
    if (!this.workbook) return;
    const bytes = await this.workbook.save();
    const macro = this.workbook.kind === "xlsm";
    const blob = new Blob([bytes as BlobPart], { type: macro ? MIME.xlsm : MIME.xlsx });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = macro ? fileName.replace(/\.xlsx$/i, ".xlsm") : fileName.replace(/\.(xls|csv|ods)$/i, ".xlsx");
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
}
