import { constants } from "node:fs";
import { copyFile, mkdir, open, readFile, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { FileError, MAX_FILE_BYTES } from "../adapters/file/errors";
import { FileWorkbook } from "../adapters/file/port";

/**
 * A workbook file from disk. Checked before it is read: a directory, a device (`/dev/zero`), an
 * empty or an oversized file is refused with its reason, so no input can exhaust memory.
 */
export async function loadWorkbook(file: string): Promise<FileWorkbook> {
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new FileError("missing", file);
  }
  if (info.isDirectory()) throw new FileError("directory", file);
  if (!info.isFile()) throw new FileError("not-regular", file);
  if (info.size > MAX_FILE_BYTES) throw new FileError("too-large", file);
  if (info.size === 0) throw new FileError("empty", file);
  let data: Uint8Array;
  try {
    data = await readFile(file);
  } catch {
    throw new FileError("missing", file);
  }
  try {
    return FileWorkbook.load(data, basename(file), { readOnce: true });
  } catch (e) {
    if (e instanceof FileError) throw new FileError(e.problem, file);
    throw new FileError("damaged", file);
  }
}

export const samePath = (a: string, b: string) => resolve(a) === resolve(b);

/** The extension a copy must keep: an .xlsm stays .xlsm (Excel refuses macros under .xlsx); everything else becomes .xlsx. */
export const outputExtension = (wb: FileWorkbook) => (wb.kind === "xlsm" ? ".xlsm" : ".xlsx");

export function defaultOutput(input: string, wb: FileWorkbook, month: string): string {
  const base = basename(input).replace(/\.(xlsx|xlsm|xls|csv|ods)$/i, "");
  return resolve(dirname(input), `${base}-考核-${month}${outputExtension(wb)}`);
}

/** `<name>.bak.xlsx` beside the input, kept before an in-place rewrite. */
export const backupPath = (input: string) =>
  join(dirname(input), basename(input, extname(input)) + ".bak" + extname(input));

/**
 * Writes atomically: a temporary file in the target's folder, flushed, then renamed over the target.
 * A failure at any point (a full disk, no permission) leaves the target exactly as it was.
 */
export async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const dir = dirname(resolve(target));
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const fh = await open(tmp, "wx");
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, target);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw new FileError("unwritable", `${target} (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/**
 * Copies the input to `<name>.bak.xlsx` unless that file exists already: a second `--in-place` run must not
 * replace the true original with the first run's output. `existed` says the older backup was kept.
 */
export async function keepBackup(input: string): Promise<{ path: string; existed: boolean }> {
  const bak = backupPath(input);
  try {
    await copyFile(input, bak, constants.COPYFILE_EXCL);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return { path: bak, existed: true };
    throw new FileError("unwritable", `${bak} (${code ?? "error"})`);
  }
  return { path: bak, existed: false };
}
