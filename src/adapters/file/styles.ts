import { FLAG_DXF, type CellLook } from "./styleBook";
import { attr, esc } from "./xml";

// The order SpreadsheetML requires for a style sheet's children; a missing container goes in its place.
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** Appends children to a container (`<fonts>`), creating it in schema order when absent; returns the first new index. */
function append(
  xml: string,
  p: string,
  container: string,
  child: string,
  items: string[],
): { xml: string; first: number } {
  const open = new RegExp(`<${p}${container}(\\s[^>]*?)?(/?)>`);
  const m = xml.match(open);
  if (!items.length) return { xml, first: 0 };
  if (!m) {
    const after = ORDER.slice(ORDER.indexOf(container) + 1)
      .map((t) => xml.search(new RegExp(`<${p}${t}[\\s>/]`)))
      .filter((i) => i >= 0);
    const at = after.length ? Math.min(...after) : xml.lastIndexOf(`</${p}styleSheet>`);
    const made = `<${p}${container} count="${items.length}">${items.join("")}</${p}${container}>`;
    return { xml: xml.slice(0, at) + made + xml.slice(at), first: 0 };
  }
  const start = m.index!;
  if (m[2] === "/") {
    const made = `<${p}${container} count="${items.length}">${items.join("")}</${p}${container}>`;
    return { xml: xml.slice(0, start) + made + xml.slice(start + m[0].length), first: 0 };
  }
  const close = xml.indexOf(`</${p}${container}>`, start);
  const inner = xml.slice(start + m[0].length, close);
  const existing = (inner.match(new RegExp(`<${p}${child}[\\s/>]`, "g")) ?? []).length;
  const tag = m[0].replace(/\scount="\d*"/, "").replace(/>$/, ` count="${existing + items.length}">`);
  return { xml: xml.slice(0, start) + tag + inner + items.join("") + xml.slice(close), first: existing };
}

/** The workbook's default font (its first), so that our cells use the same face as the manager's. */
function baseFont(xml: string, p: string): string {
  const m = xml.match(new RegExp(`<${p}fonts[^>]*>\\s*(<${p}font[\\s>][\\s\\S]*?</${p}font>)`));
  const f = m?.[1] ?? `<${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`;
  return f
    .replace(new RegExp(`<${p}(b|i|u|strike|sz|color)\\b[^>]*/>`, "g"), "")
    .replace(new RegExp(`<${p}(color)\\b[^>]*>[\\s\\S]*?</${p}\\1>`, "g"), "");
}

/**
 * Adds our looks to a workbook's styles part and returns each look's cell style index (and the
 * differential style for the flag conditional format). Nothing already there changes: fonts,
 * fills, borders, number formats, cell styles and dxfs are only appended, and counts updated.
 */
export function addLooks(styles: string, looks: CellLook[]): { xml: string; xf: number[]; dxf: number } {
  const p = (styles.match(/<([\w.-]+:)?styleSheet[\s>]/)?.[1] ?? "") as string;
  let xml = styles;
  const font0 = baseFont(xml, p);
  const fontXml = (f: NonNullable<CellLook["font"]>) =>
    font0.replace(
      new RegExp(`^<${p}font([^>]*)>`),
      `<${p}font$1>${f.bold ? `<${p}b/>` : ""}<${p}sz val="${f.size ?? 11}"/>${f.color ? `<${p}color rgb="FF${f.color}"/>` : ""}`,
    );
  const fillXml = (rgb: string) =>
    `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
  const borderXml = `<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom style="thin"><${p}color indexed="64"/></${p}bottom><${p}diagonal/></${p}border>`;

  const fonts = [...new Set(looks.filter((l) => l.font).map((l) => JSON.stringify(l.font)))];
  const fills = [...new Set(looks.filter((l) => l.fill).map((l) => l.fill!))];
  const fmts = [...new Set(looks.filter((l) => l.numFmt).map((l) => l.numFmt!))];
  const usedIds = [...xml.matchAll(new RegExp(`<${p}numFmt\\s[^>]*>`, "g"))].map((m) => Number(attr(m[0], "numFmtId")));
  const nextFmt = Math.max(163, ...usedIds.filter(Number.isFinite)) + 1;
  let r = append(
    xml,
    p,
    "numFmts",
    "numFmt",
    fmts.map((f, i) => `<${p}numFmt numFmtId="${nextFmt + i}" formatCode="${esc(f)}"/>`),
  );
  xml = r.xml;
  r = append(
    xml,
    p,
    "fonts",
    "font",
    fonts.map((f) => fontXml(JSON.parse(f))),
  );
  ({ xml } = r);
  const font1 = r.first;
  r = append(xml, p, "fills", "fill", fills.map(fillXml));
  ({ xml } = r);
  const fill1 = r.first;
  r = append(xml, p, "borders", "border", [borderXml]);
  ({ xml } = r);
  const border = r.first;
  const at: XfIndexes = { nextFmt, fmts, font1, fonts, fill1, fills, border };
  r = append(
    xml,
    p,
    "cellXfs",
    "xf",
    looks.slice(1).map((l) => xfXml(p, l, at)),
  );
  ({ xml } = r);
  const xf = [0, ...looks.slice(1).map((_, i) => r.first + i)];
  const d = append(xml, p, "dxfs", "dxf", [
    `<${p}dxf><${p}font><${p}b/><${p}color rgb="FF${FLAG_DXF.fontColor}"/></${p}font><${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="FF${FLAG_DXF.fill}"/></${p}patternFill></${p}fill></${p}dxf>`,
  ]);
  return { xml: d.xml, xf, dxf: d.first };
}

/** Where a look's parts landed in the styles part: the first new number format, font and fill, the border. */
interface XfIndexes {
  nextFmt: number;
  fmts: string[];
  font1: number;
  fonts: string[];
  fill1: number;
  fills: string[];
  border: number;
}

/** A look's cell format (`<xf>`), pointing at the fonts, fills, borders and number formats added for it. */
function xfXml(p: string, l: CellLook, at: XfIndexes): string {
  const { nextFmt, fmts, font1, fonts, fill1, fills, border } = at;
  const a = [
    `numFmtId="${l.numFmt ? nextFmt + fmts.indexOf(l.numFmt) : 0}"`,
    `fontId="${l.font ? font1 + fonts.indexOf(JSON.stringify(l.font)) : 0}"`,
    `fillId="${l.fill ? fill1 + fills.indexOf(l.fill) : 0}"`,
    `borderId="${l.borderBottom ? border : 0}"`,
    `xfId="0"`,
  ];
  if (l.numFmt) a.push(`applyNumberFormat="1"`);
  if (l.font) a.push(`applyFont="1"`);
  if (l.fill) a.push(`applyFill="1"`);
  if (l.borderBottom) a.push(`applyBorder="1"`);
  const align =
    l.wrap || l.vertical
      ? `<${p}alignment${l.wrap ? ` wrapText="1"` : ""}${l.vertical ? ` vertical="${l.vertical === "middle" ? "center" : l.vertical}"` : ""}/>`
      : "";
  if (align) a.push(`applyAlignment="1"`);
  return align ? `<${p}xf ${a.join(" ")}>${align}</${p}xf>` : `<${p}xf ${a.join(" ")}/>`;
}

/** A minimal styles part for a package that has none. */
export const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
