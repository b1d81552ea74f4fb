/** XML text helpers shared by the sheet writer and the package grafting. */

export const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export const unesc = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(+d))
    .replace(/&amp;/g, "&");

/**
 * Cell text as SpreadsheetML stores it: characters XML cannot hold become `_xHHHH_`, and text that
 * already looks like such an escape is itself escaped (`_x005F_`), so `_x000B_` typed by a user
 * reads back as typed.
 */
export function cellTextXml(s: string): string {
  const kept = s.replace(/_x[0-9a-fA-F]{4}_/g, (m) => `_x005F${m}`);
  const ctl = kept.replace(
    // eslint-disable-next-line no-control-regex
    /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
  return esc(ctl);
}

/** The value of one attribute on an element's start tag (any namespace prefix on the attribute name). */
export function attr(tag: string, name: string): string | undefined {
  const m = tag.match(new RegExp(`\\s(?:[\\w.-]+:)?${name}\\s*=\\s*("([^"]*)"|'([^']*)')`));
  return m ? unesc(m[2] ?? m[3]) : undefined;
}

/** The namespace prefix (with its colon, or "") of a document's root element. */
export function rootPrefix(xml: string, local: string): string {
  const m = xml.match(new RegExp(`<([\\w.-]+:)?${local}[\\s>]`));
  return m?.[1] ?? "";
}

export const colName = (c: number): string => {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
export const a1 = (r: number, c: number) => `${colName(c)}${r + 1}`;

export const utf8 = (s: string) => new TextEncoder().encode(s);
export const text = (b: Uint8Array) => new TextDecoder().decode(b);
