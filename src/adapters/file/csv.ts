import type { Cell } from "../../engine/types";

/**
 * Text from a CSV's bytes. A BOM decides; otherwise UTF-8 when the bytes are valid UTF-8, else GBK
 * (what Excel and older DingTalk exports write on a Chinese Windows). GB18030 decodes every GBK file.
 */
export function decodeText(b: Uint8Array): { text: string; encoding: string } {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(b.subarray(3)), encoding: "UTF-8" };
  if (b[0] === 0xff && b[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(b.subarray(2)), encoding: "UTF-16LE" };
  if (b[0] === 0xfe && b[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(b.subarray(2)), encoding: "UTF-16BE" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(b), encoding: "UTF-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(b), encoding: "GBK" };
  }
}

/** The separator: a tab when the first line has tabs and no commas (a "CSV" saved as Unicode text), else a comma. */
function separator(text: string): string {
  const line = text.slice(0, text.search(/\r?\n|$/));
  if (line.includes("\t") && !line.includes(",")) return "\t";
  if (line.includes(";") && !line.includes(",")) return ";";
  return ",";
}

// A number as Excel would read it from a CSV: no leading zeros (工号 0012 stays text), no exponents.
const NUMBER = /^-?(?:0|[1-9]\d{0,14})(?:\.\d+)?$/;

/** RFC 4180 fields: quotes, doubled quotes, separators and line breaks inside quotes. Numbers become numbers. */
export function parseCsv(text: string): Cell[][] {
  const sep = separator(text);
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    row.push(field === "" ? null : !wasQuoted && NUMBER.test(field) ? Number(field) : field);
    field = "";
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (ch === '"' && field === "") quoted = wasQuoted = true;
    else if (ch === sep) endField();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== "" || row.length) {
    endField();
    rows.push(row);
  }
  for (const r of rows) while (r.length && r[r.length - 1] === null) r.pop();
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}
