import { FileError } from "./errors";

export type FileKind = "xlsx" | "xlsm" | "xls" | "ods" | "csv" | "html";

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const starts = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * Known non-table formats whose first bytes can pass for text (a PDF is mostly ASCII): never read as a CSV.
 * PDF, PostScript, RTF, PNG, GIF, JPEG, gzip, 7z, RAR. (Executables and most archives hold NUL bytes anyway.)
 */
const NOT_TABLES = [
  ascii("%PDF-"),
  ascii("%!PS"),
  ascii("{\\rtf"),
  [0x89, 0x50, 0x4e, 0x47],
  ascii("GIF87a"),
  ascii("GIF89a"),
  [0xff, 0xd8, 0xff],
  [0x1f, 0x8b],
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c],
  ascii("Rar!\x1a\x07"),
];

/** Does the byte run hold `text` as UTF-16LE (how a compound file names its streams)? */
function hasUtf16(b: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= b.length; i++) {
    if (b[i] !== first || b[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++)
      if (b[i + 2 * k] !== text.charCodeAt(k) || b[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/**
 * What the bytes are, from their content, never from the file name. An encrypted .xlsx is an OLE
 * compound file with an `EncryptionInfo` stream (what Excel writes under a password); other compound
 * files are .xls. A zip is a workbook only when it holds one (checked when its parts are listed).
 */
export function sniffKind(b: Uint8Array, zipNames?: () => string[], fileName = ""): FileKind {
  if (b.length === 0) throw new FileError("empty");
  if (starts(b, CFB)) {
    if (hasUtf16(b, "EncryptionInfo") || hasUtf16(b, "EncryptedPackage")) throw new FileError("password");
    return "xls";
  }
  if (starts(b, [0x50, 0x4b, 0x03, 0x04]) || starts(b, [0x50, 0x4b, 0x05, 0x06])) {
    const names = zipNames ? zipNames() : [];
    if (names.includes("mimetype") && names.includes("content.xml")) return "ods";
    if (!names.includes("[Content_Types].xml")) throw new FileError("not-workbook");
    if (names.some((n) => /^xl\/vbaProject\.bin$/i.test(n))) return "xlsm";
    if (!names.some((n) => /^xl\/[^/]*workbook[^/]*\.xml$/i.test(n) || /^[^/]+\/workbook\.xml$/i.test(n)))
      throw new FileError("not-workbook");
    return "xlsx";
  }
  if (NOT_TABLES.some((sig) => starts(b, sig))) throw new FileError("not-workbook");
  if (looksLikeText(b)) {
    // Old "Excel" exports (DingTalk, ERP systems) are often an HTML table saved as .xls.
    if (/^(\xef\xbb\xbf)?\s*</.test(String.fromCharCode(...b.subarray(0, 64)))) return "html";
    // Text under a zip workbook's name is a broken file, not a CSV; under .xls it is a table only
    // when its first line has separators (old systems save tab-separated text as .xls).
    if (/\.(xlsx|xlsm|ods)$/i.test(fileName)) throw new FileError("not-workbook");
    const first = new TextDecoder().decode(b.subarray(0, 4096)).split(/\r?\n/)[0];
    if (/\.xls$/i.test(fileName) && !/[\t,;]/.test(first)) throw new FileError("not-workbook");
    return "csv";
  }
  throw new FileError("not-workbook");
}

/**
 * Text (a CSV) has no NUL bytes anywhere (UTF-8 never writes one; binary data past the first 64 KB gives
 * itself away) and few control characters in its first 64 KB.
 */
function looksLikeText(b: Uint8Array): boolean {
  if (b.indexOf(0) >= 0) return false;
  const n = Math.min(b.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) return false;
    if (c < 9 || (c > 13 && c < 32 && c !== 27)) control++;
  }
  return control <= n / 100;
}
