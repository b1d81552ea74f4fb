import type { WorkbookPort } from "../adapters/port";
import { OfficeWorkbook, selectCell, type ExcelRun } from "../adapters/office/officeWorkbook";

/** What the pane needs from where it runs: inside Excel, or a plain browser with a file. */
export interface PaneHost {
  kind: "excel" | "file";
  /** Null in file mode until a file is opened. */
  port(): WorkbookPort | null;
  /** Excel: select a cell for the user. */
  select?(sheet: string, address: string): Promise<void>;
  /** File mode: open an .xlsx chosen by the user. */
  open?(file: File): Promise<void>;
  /** File mode: download the workbook with the generated tabs. */
  download?(fileName: string): Promise<void>;
  fileName?(): string | null;
}

/** Inside Excel: the Office.js adapter over Excel.run. */
export async function excelHost(): Promise<PaneHost> {
  const run: ExcelRun = (batch) => Excel.run(batch);
  const port = new OfficeWorkbook(run, (v) => Office.context.requirements.isSetSupported("ExcelApi", v));
  return {
    kind: "excel",
    port: () => port,
    // A selection is a convenience: a sheet renamed or hidden since, or Excel busy, is no error to show.
    select: async (sheet, address) => {
      await selectCell(run, sheet, address).catch(() => false);
    },
  };
}

/** Outside Office: ExcelJS in a chunk of its own, loaded only here, so the pane inside Excel stays light. */
export async function fileHost(): Promise<PaneHost> {
  const { FileSession } = await import(/* webpackChunkName: "file-mode" */ "./fileSession");
  const session = new FileSession();
  return {
    kind: "file",
    port: () => session.workbook,
    open: (file) => session.open(file),
    download: (name) => session.download(name),
    fileName: () => session.name,
  };
}
