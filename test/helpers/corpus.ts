import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { unzipSync } from "fflate";

/** Debian's python3 with openpyxl and xlsxwriter (not a virtualenv's): `.ci/run` installs them. */
export const PYTHON = "/usr/bin/python3";
const has = (cmd: string, args: string[]) => {
  try {
    execFileSync(cmd, args, { stdio: "ignore", timeout: 60000 });
    return true;
  } catch {
    return false;
  }
};
export const HAS_PYTHON_LIBS = existsSync(PYTHON) && has(PYTHON, ["-c", "import openpyxl, xlsxwriter, PIL"]);
export const HAS_SOFFICE = has("soffice", ["--version"]);

/** Workbooks made by other writers (openpyxl, xlsxwriter; LibreOffice for .xls/.ods), in a fresh folder. */
export function makeCorpus(withLibreOffice: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), "kefu-corpus-"));
  execFileSync(PYTHON, [resolve(__dirname, "../corpus/make_corpus.py"), dir], { stdio: "ignore", timeout: 120000 });
  if (withLibreOffice) for (const fmt of ["xls", "ods"]) libreOffice(dir, fmt, [join(dir, "openpyxl.xlsx")]);
  return dir;
}

/** Converts files with LibreOffice headless (one profile per folder, so parallel runs do not collide). */
export function libreOffice(dir: string, format: string, files: string[]): void {
  execFileSync(
    "soffice",
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${dir}/lo-profile`,
      "--convert-to",
      format,
      "--outdir",
      dir,
      ...files,
    ],
    { stdio: "ignore", timeout: 240000 },
  );
}

export const unzip = (b: Uint8Array): Record<string, Uint8Array> => unzipSync(b);
export const REGISTRATION = new Set([
  "[Content_Types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "docProps/app.xml",
  "xl/styles.xml",
]);
