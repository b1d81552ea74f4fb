import type { OutputSheet } from "../../engine/render/model";
import { FileError } from "./errors";
import { sheetLooks, sheetXml } from "./sheetXml";
import { StyleBook } from "./styleBook";
import { addLooks, EMPTY_STYLES } from "./styles";
import { attr, colName, esc, text, utf8 } from "./xml";
import { deflated, entryBytes, type ZipEntry } from "./zip";
import { addTitles } from "./appProps";

const REL_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/** A package being edited: entries by name, in their original order; changed parts are re-deflated. */
class Package {
  readonly byName = new Map<string, ZipEntry>();
  readonly order: string[] = [];
  constructor(entries: ZipEntry[]) {
    for (const e of entries) {
      this.byName.set(e.name, e);
      this.order.push(e.name);
    }
  }
  has = (name: string) => this.byName.has(name);
  read(name: string): string {
    const e = this.byName.get(name);
    if (!e) throw new FileError("not-workbook", `missing ${name}`);
    return text(entryBytes(e));
  }
  write(name: string, data: string | Uint8Array) {
    const bytes = typeof data === "string" ? utf8(data) : data;
    if (!this.byName.has(name)) this.order.push(name);
    this.byName.set(name, deflated(name, bytes, this.byName.get("[Content_Types].xml")));
  }
  remove(name: string) {
    if (this.byName.delete(name)) this.order.splice(this.order.indexOf(name), 1);
  }
  entries = () => this.order.map((n) => this.byName.get(n)!);
}

const dirOf = (p: string) => p.slice(0, p.lastIndexOf("/") + 1);
const relsOf = (p: string) => `${dirOf(p)}_rels/${p.slice(p.lastIndexOf("/") + 1)}.rels`;
/** A relationship target to a part name (no leading slash), relative to the source part's folder. */
function resolveTarget(source: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : dirOf(source) + target).split("/");
  const out: string[] = [];
  for (const s of parts)
    if (s === "..") out.pop();
    else if (s !== "." && s !== "") out.push(s);
  return out.join("/");
}

interface Rel {
  id: string;
  type: string;
  target: string;
}
const relsIn = (xml: string): Rel[] =>
  [...xml.matchAll(/<(?:[\w.-]+:)?Relationship\s[^>]*>/g)].map((m) => ({
    id: attr(m[0], "Id") ?? "",
    type: attr(m[0], "Type") ?? "",
    target: attr(m[0], "Target") ?? "",
  }));

interface SheetEntry {
  tag: string;
  name: string;
  rid: string;
  sheetId: number;
}
const sheetsIn = (xml: string): SheetEntry[] =>
  [...xml.matchAll(/<(?:[\w.-]+:)?sheet\s[^>]*>/g)].map((m) => ({
    tag: m[0],
    name: attr(m[0], "name") ?? "",
    rid: attr(m[0], "id") ?? "",
    sheetId: Number(attr(m[0], "sheetId") ?? 0),
  }));

const quoteSheet = (n: string) => `'${n.replace(/'/g, "''")}'`;
function definedNames(p: string, s: OutputSheet, index: number): string[] {
  const out: string[] = [];
  if (s.print.titleRows)
    out.push(
      `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${esc(quoteSheet(s.name))}!$${s.print.titleRows[0] + 1}:$${s.print.titleRows[1] + 1}</${p}definedName>`,
    );
  if (s.table) {
    const t = s.table;
    out.push(
      `<${p}definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${esc(quoteSheet(s.name))}!$${colName(t.c1)}$${t.r1 + 1}:$${colName(t.c2)}$${t.r2 + 1}</${p}definedName>`,
    );
  }
  return out;
}

/** The workbook part's name, from the package relationships. */
function workbookPart(pkg: Package): string {
  const rel = relsIn(pkg.read("_rels/.rels")).find((r) => r.type.endsWith("/officeDocument"));
  if (!rel) throw new FileError("not-workbook", "no workbook part");
  return resolveTarget("", rel.target);
}

function stylesPart(pkg: Package, wbPart: string, rels: string): { part: string; rels: string } {
  const rel = relsIn(rels).find((r) => r.type === REL_STYLES);
  if (rel) return { part: resolveTarget(wbPart, rel.target), rels };
  const part = `${dirOf(wbPart)}styles.xml`;
  pkg.write(part, EMPTY_STYLES);
  addOverride(pkg, part, CT_STYLES);
  return {
    part,
    rels: rels.replace(
      /<\/([\w.-]+:)?Relationships>/,
      (m, q = "") =>
        `<${q}Relationship Id="rIdKefuStyles" Type="${REL_STYLES}" Target="${part.slice(dirOf(wbPart).length)}"/>${m}`,
    ),
  };
}

function addOverride(pkg: Package, part: string, type: string) {
  const ct = pkg.read("[Content_Types].xml");
  if (ct.includes(`PartName="/${part}"`)) return;
  pkg.write(
    "[Content_Types].xml",
    ct.replace(
      /<\/([\w.-]+:)?Types>/,
      (m, q = "") => `<${q}Override PartName="/${esc(part)}" ContentType="${type}"/>${m}`,
    ),
  );
}

/** The workbook being grafted: its part, its XML and relationships as they grow, and the counters for new parts. */
interface Grafting {
  pkg: Package;
  wbPart: string;
  /** The workbook's namespace prefix (`x:` in some writers' files, usually none). */
  p: string;
  wb: string;
  rels: string;
  existing: SheetEntry[];
  relList: Rel[];
  nextSheetId: number;
  nextRel: number;
  partNo: number;
  taken: Set<string>;
  names: string[];
  newTitles: string[];
}

/**
 * The original package with our sheets grafted in: a sheet of ours already there (in `owned`) keeps its
 * place, name, sheet id and relationship and only its part is rewritten, so formulas that point at it
 * keep working; a new one is appended. Every other part is copied byte for byte; the registration parts
 * (workbook, its relationships, content types, app properties, styles) gain only our entries.
 */
export function graft(entries: ZipEntry[], sheets: OutputSheet[], owned: Set<string>): ZipEntry[] {
  const pkg = new Package(entries);
  const wbPart = workbookPart(pkg);
  const wbRelsPart = relsOf(wbPart);
  const wb = pkg.read(wbPart);
  const p = wb.match(/<([\w.-]+:)?workbook[\s>]/)?.[1] ?? "";
  const st = stylesPart(pkg, wbPart, pkg.read(wbRelsPart));

  const book = new StyleBook();
  const looks = sheets.map((s) => sheetLooks(s, book));
  const styled = addLooks(pkg.read(st.part), book.looks);
  pkg.write(st.part, styled.xml);

  const existing = sheetsIn(wb);
  const relList = relsIn(st.rels);
  const g: Grafting = {
    pkg,
    wbPart,
    p,
    wb,
    rels: st.rels,
    existing,
    relList,
    nextSheetId: Math.max(0, ...existing.map((e) => e.sheetId)) + 1,
    nextRel: Math.max(0, ...relList.map((r) => Number(r.id.replace(/\D/g, "")) || 0)) + 1,
    partNo: 1,
    taken: new Set(pkg.order.map((n) => n.toLowerCase())),
    names: [],
    newTitles: [],
  };
  sheets.forEach((s, i) => {
    const xml = sheetXml(s, looks[i], styled.xf, styled.dxf);
    const index = existing.findIndex((e) => e.name === s.name);
    if (index >= 0) replaceSheet(g, s, xml, index, owned);
    else appendSheet(g, s, xml);
  });
  pkg.write(wbPart, addDefinedNames(g.wb, p, g.names));
  pkg.write(wbRelsPart, g.rels);
  if (g.newTitles.length && pkg.has("docProps/app.xml")) {
    const app = addTitles(pkg.read("docProps/app.xml"), g.newTitles);
    if (app) pkg.write("docProps/app.xml", app);
  }
  return pkg.entries();
}

/** A sheet of ours already in the workbook: its part is rewritten in place, its print names renewed. */
function replaceSheet(g: Grafting, s: OutputSheet, xml: string, index: number, owned: Set<string>) {
  if (!owned.has(s.name)) throw new Error(`refusing to replace the user's sheet "${s.name}"`);
  const state = s.hidden ? "veryHidden" : "visible";
  const e = g.existing[index];
  const rel = g.relList.find((r) => r.id === e.rid);
  if (!rel) throw new FileError("damaged", `sheet ${s.name} has no part`);
  const part = resolveTarget(g.wbPart, rel.target);
  g.pkg.write(part, xml);
  g.pkg.remove(relsOf(part));
  const tag = /\sstate="[^"]*"/.test(e.tag)
    ? e.tag.replace(/\sstate="[^"]*"/, ` state="${state}"`)
    : e.tag.replace(/\s*\/?>$/, (m) => ` state="${state}"${m}`);
  g.wb = dropPrintNames(g.wb.replace(e.tag, tag), g.p, index);
  g.names.push(...definedNames(g.p, s, index));
}

/** The sheet's own print titles and filter range, whichever order the writer put their attributes in. */
function dropPrintNames(wb: string, p: string, index: number): string {
  wb = wb.replace(
    new RegExp(
      `<${p}definedName\\s[^>]*name="_xlnm\\.(?:Print_Titles|_FilterDatabase)"[^>]*localSheetId="${index}"[^>]*>[\\s\\S]*?</${p}definedName>`,
      "g",
    ),
    "",
  );
  return wb.replace(
    new RegExp(
      `<${p}definedName\\s[^>]*localSheetId="${index}"[^>]*name="_xlnm\\.(?:Print_Titles|_FilterDatabase)"[^>]*>[\\s\\S]*?</${p}definedName>`,
      "g",
    ),
    "",
  );
}

/** A new sheet: a fresh part, content type, relationship and `<sheet>` entry at the end of the tab list. */
function appendSheet(g: Grafting, s: OutputSheet, xml: string) {
  const p = g.p;
  while (g.taken.has(`xl/worksheets/sheet${g.partNo}.xml`)) g.partNo++;
  const part = `xl/worksheets/sheet${g.partNo}.xml`;
  g.taken.add(part);
  g.pkg.write(part, xml);
  addOverride(g.pkg, part, CT_SHEET);
  const rid = `rId${g.nextRel++}`;
  g.rels = g.rels.replace(
    /<\/([\w.-]+:)?Relationships>/,
    (m, q = "") => `<${q}Relationship Id="${rid}" Type="${REL_WORKSHEET}" Target="/${part}"/>${m}`,
  );
  const sheetTag = `<${p}sheet xmlns:r="${NS_REL}" name="${esc(s.name)}" sheetId="${g.nextSheetId++}"${s.hidden ? ` state="veryHidden"` : ""} r:id="${rid}"/>`;
  g.wb = g.wb.replace(new RegExp(`</${p}sheets>`), `${sheetTag}</${p}sheets>`);
  g.existing.push({ tag: sheetTag, name: s.name, rid, sheetId: g.nextSheetId - 1 });
  g.names.push(...definedNames(p, s, g.existing.length - 1));
  g.newTitles.push(s.name);
}

// definedNames follows sheets, functionGroups and externalReferences, and precedes calcPr and the rest.
const AFTER_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];
function addDefinedNames(wb: string, p: string, names: string[]): string {
  if (!names.length) return wb.replace(new RegExp(`<${p}definedNames>\\s*</${p}definedNames>`), "");
  if (new RegExp(`</${p}definedNames>`).test(wb))
    return wb.replace(new RegExp(`</${p}definedNames>`), `${names.join("")}</${p}definedNames>`);
  if (new RegExp(`<${p}definedNames\\s*/>`).test(wb))
    return wb.replace(new RegExp(`<${p}definedNames\\s*/>`), `<${p}definedNames>${names.join("")}</${p}definedNames>`);
  const at = AFTER_NAMES.map((t) => wb.search(new RegExp(`<${p}${t}[\\s>/]`))).filter((i) => i >= 0);
  const pos = at.length ? Math.min(...at) : wb.lastIndexOf(`</${p}workbook>`);
  return wb.slice(0, pos) + `<${p}definedNames>${names.join("")}</${p}definedNames>` + wb.slice(pos);
}
