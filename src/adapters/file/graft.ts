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
  let wb = pkg.read(wbPart);
  const p = wb.match(/<([\w.-]+:)?workbook[\s>]/)?.[1] ?? "";
  let rels = pkg.read(wbRelsPart);
  const st = stylesPart(pkg, wbPart, rels);
  rels = st.rels;

  const book = new StyleBook();
  const looks = sheets.map((s) => sheetLooks(s, book));
  const styled = addLooks(pkg.read(st.part), book.looks);
  pkg.write(st.part, styled.xml);

  const existing = sheetsIn(wb);
  const relList = relsIn(rels);
  let nextSheetId = Math.max(0, ...existing.map((e) => e.sheetId)) + 1;
  let nextRel = Math.max(0, ...relList.map((r) => Number(r.id.replace(/\D/g, "")) || 0)) + 1;
  const taken = new Set(pkg.order.map((n) => n.toLowerCase()));
  let partNo = 1;
  const names: string[] = [];
  const newTitles: string[] = [];
  sheets.forEach((s, i) => {
    const xml = sheetXml(s, looks[i], styled.xf, styled.dxf);
    const state = s.hidden ? "veryHidden" : "visible";
    const index = existing.findIndex((e) => e.name === s.name);
    if (index >= 0) {
      if (!owned.has(s.name)) throw new Error(`refusing to replace the user's sheet "${s.name}"`);
      const e = existing[index];
      const rel = relList.find((r) => r.id === e.rid);
      if (!rel) throw new FileError("damaged", `sheet ${s.name} has no part`);
      const part = resolveTarget(wbPart, rel.target);
      pkg.write(part, xml);
      pkg.remove(relsOf(part));
      const tag = /\sstate="[^"]*"/.test(e.tag)
        ? e.tag.replace(/\sstate="[^"]*"/, ` state="${state}"`)
        : e.tag.replace(/\s*\/?>$/, (m) => ` state="${state}"${m}`);
      wb = wb.replace(e.tag, tag);
      wb = wb.replace(
        new RegExp(
          `<${p}definedName\\s[^>]*name="_xlnm\\.(?:Print_Titles|_FilterDatabase)"[^>]*localSheetId="${index}"[^>]*>[\\s\\S]*?</${p}definedName>`,
          "g",
        ),
        "",
      );
      wb = wb.replace(
        new RegExp(
          `<${p}definedName\\s[^>]*localSheetId="${index}"[^>]*name="_xlnm\\.(?:Print_Titles|_FilterDatabase)"[^>]*>[\\s\\S]*?</${p}definedName>`,
          "g",
        ),
        "",
      );
      names.push(...definedNames(p, s, index));
      return;
    }
    while (taken.has(`xl/worksheets/sheet${partNo}.xml`)) partNo++;
    const part = `xl/worksheets/sheet${partNo}.xml`;
    taken.add(part);
    pkg.write(part, xml);
    addOverride(pkg, part, CT_SHEET);
    const rid = `rId${nextRel++}`;
    rels = rels.replace(
      /<\/([\w.-]+:)?Relationships>/,
      (m, q = "") => `<${q}Relationship Id="${rid}" Type="${REL_WORKSHEET}" Target="/${part}"/>${m}`,
    );
    const sheetTag = `<${p}sheet xmlns:r="${NS_REL}" name="${esc(s.name)}" sheetId="${nextSheetId++}"${s.hidden ? ` state="veryHidden"` : ""} r:id="${rid}"/>`;
    wb = wb.replace(new RegExp(`</${p}sheets>`), `${sheetTag}</${p}sheets>`);
    existing.push({ tag: sheetTag, name: s.name, rid, sheetId: nextSheetId - 1 });
    names.push(...definedNames(p, s, existing.length - 1));
    newTitles.push(s.name);
  });
  wb = addDefinedNames(wb, p, names);
  pkg.write(wbPart, wb);
  pkg.write(wbRelsPart, rels);
  if (newTitles.length && pkg.has("docProps/app.xml")) {
    const app = addTitles(pkg.read("docProps/app.xml"), newTitles);
    if (app) pkg.write("docProps/app.xml", app);
  }
  return pkg.entries();
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
