import type * as XLSX from "@e965/xlsx";
import type { SheetGrid } from "../../engine/types";
import type { OutputSheet } from "../../engine/render/model";
import type { SheetInfo, WorkbookPort, WriteReport } from "../port";
import { decodeText, parseCsv } from "./csv";
import { FileError } from "./errors";
import { graft } from "./graft";
import { parseWorkbook, sheetGrid, sheetInfos, toXlsxPackage, workbookOfRows } from "./sheetjs";
import { sniffKind, type FileKind } from "./sniff";
import { readZip, writeZip, type ZipEntry } from "./zip";

/** A sheet name Excel accepts, from a file name (a CSV's only sheet takes the file's name, as Excel does). */
export function sheetNameFor(fileName: string | undefined): string {
  const base = (fileName ?? "").replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  const clean = base
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/^'|'$/g, "")
    .slice(0, 31);
  return clean || "Sheet1";
}

/**
 * The workbook interface over a file held in memory (CLI and the page outside Office). Reads any
 * .xlsx/.xlsm/.xls/.ods/.csv through SheetJS; writes by grafting our sheets into the original
 * .xlsx/.xlsm package, so everything else in it stays byte for byte. Other kinds become a fresh
 * .xlsx holding their sheets and ours (`converted`).
 */
export class FileWorkbook implements WorkbookPort {
  private parsed: XLSX.WorkBook | null;
  private entries: ZipEntry[] | null;
  private csvGrid: SheetGrid | null = null;
  readonly encoding?: string;

  private constructor(
    readonly kind: FileKind,
    bytes: Uint8Array,
    fileName?: string,
    private readonly readOnce = false,
  ) {
    if (kind === "csv") {
      const { text, encoding } = decodeText(bytes);
      this.encoding = encoding;
      const name = sheetNameFor(fileName);
      this.csvGrid = { name, cells: parseCsv(text), hidden: false };
      this.parsed = null;
      this.entries = null;
    } else {
      this.entries = kind === "xlsx" || kind === "xlsm" ? readZip(bytes) : null;
      this.parsed = parseWorkbook(bytes);
      if (!this.parsed.SheetNames.length) throw new FileError("not-workbook", "no sheets");
    }
  }

  /**
   * Reads a file's bytes; throws FileError (one line, with its reason) for anything that is not a readable
   * workbook. `readOnce` (the command line, which reads every sheet once): the parsed workbook is let go
   * once its grids are made, so a large file is not held twice in memory; a later read parses again.
   */
  static load(bytes: Uint8Array, fileName?: string, opts: { readOnce?: boolean } = {}): FileWorkbook {
    const kind = sniffKind(
      bytes,
      () => {
        try {
          return readZip(bytes).map((e) => e.name);
        } catch {
          throw new FileError("damaged", "zip unreadable");
        }
      },
      fileName,
    );
    return new FileWorkbook(kind, bytes, fileName, opts.readOnce);
  }

  /** True when the input was not an .xlsx/.xlsm package: the output is then a new .xlsx. */
  get converted(): boolean {
    return this.kind !== "xlsx" && this.kind !== "xlsm";
  }

  async listSheets(): Promise<SheetInfo[]> {
    if (this.csvGrid) return [{ name: this.csvGrid.name, hidden: false }];
    return sheetInfos(this.wb);
  }

  async readSheets(names: string[]): Promise<SheetGrid[]> {
    if (this.csvGrid) return names.includes(this.csvGrid.name) ? [this.csvGrid] : [];
    const wb = this.wb;
    const infos = new Map(sheetInfos(wb).map((s) => [s.name, s.hidden]));
    const grids = names.filter((n) => infos.has(n)).map((n) => sheetGrid(wb, n, infos.get(n)!));
    // Only a package can be parsed again; an .xls/.ods is kept for its conversion to .xlsx.
    if (this.readOnce && this.entries) this.parsed = null;
    return grids;
  }

  /** The parsed workbook; after a write, parsed again (once, when next read) from the grafted package. */
  private get wb(): XLSX.WorkBook {
    this.parsed ??= parseWorkbook(writeZip(this.entries!));
    return this.parsed;
  }

  /**
   * Grafts the sheets into the package at once; a later read parses the new package, so a second
   * run in the same session sees (and rewrites in place) the tabs of the first.
   */
  async writeSheets(sheets: OutputSheet[], owned: Set<string>): Promise<WriteReport> {
    this.entries = graft(this.basePackage(), sheets, owned);
    this.parsed = null;
    this.csvGrid = null;
    return {
      written: sheets.map((s) => s.name),
      degraded: ["charts: files written without Excel show data bars instead of charts"],
    };
  }

  private basePackage(): ZipEntry[] {
    if (this.entries) return this.entries;
    const wb = this.csvGrid ? workbookOfRows(this.csvGrid.name, this.csvGrid.cells) : this.parsed!;
    this.entries = readZip(toXlsxPackage(wb));
    return this.entries;
  }

  /** The output package: the original with our sheets grafted in (or a fresh .xlsx for other kinds). */
  async save(): Promise<Uint8Array> {
    return writeZip(this.basePackage());
  }
}
