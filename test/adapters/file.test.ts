import { beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FileWorkbook } from "../../src/adapters/file/port";
import { readAll } from "../../src/adapters/port";
import { generateOnPort } from "../../src/app/generateOnPort";
import { inspectWorkbook } from "../../src/engine/run";
import { HAS_PYTHON_LIBS, HAS_SOFFICE, PYTHON, REGISTRATION, libreOffice, makeCorpus, unzip } from "../helpers/corpus";

const td = new TextDecoder();
const OURS = ["评分表", "罚款箱", "快递扣款", "个人考核单", "明细", "分析", "数据问题", "_考核助手"];

let dir = "";
beforeAll(() => {
  if (HAS_PYTHON_LIBS) dir = makeCorpus(HAS_SOFFICE);
}, 300000);

async function scored(file: string, runs = 1) {
  const wb = FileWorkbook.load(readFileSync(join(dir, file)), file);
  for (let i = 0; i < runs; i++) {
    const out = await generateOnPort(wb, { scheme: "pdd-10", month: "2026-10" });
    if (!out.ok) throw new Error(out.message);
  }
  return { wb, bytes: await wb.save() };
}

/** The original's text, recovered from the copy's by removing what we added; equal means "only our entries differ". */
function withoutOurs(part: string, xml: string, original: string): string {
  let x = xml;
  if (part === "xl/workbook.xml") {
    for (const n of OURS) x = x.replace(new RegExp(`<sheet [^>]*name="${n}"[^>]*/>`), "");
    x = x.replace(
      /<definedName name="_xlnm\.(Print_Titles|_FilterDatabase)" localSheetId="\d+"[^>]*>[^<]*<\/definedName>/g,
      "",
    );
    if (!original.includes("<definedNames>")) x = x.replace("<definedNames></definedNames>", "");
  }
  if (part === "xl/_rels/workbook.xml.rels")
    x = x.replace(
      /<Relationship Id="rId\d+" Type="[^"]*\/worksheet" Target="\/xl\/worksheets\/sheet\d+\.xml"\/>/g,
      (m) => (original.includes(m.match(/Target="([^"]+)"/)![1]) ? m : ""),
    );
  if (part === "[Content_Types].xml")
    x = x.replace(/<Override PartName="\/xl\/worksheets\/sheet\d+\.xml" ContentType="[^"]*"\/>/g, (m) =>
      original.includes(m) ? m : "",
    );
  if (part === "docProps/app.xml") {
    // Our titles join the worksheet titles; the counts grow by as many (checked against the original's).
    const added = OURS.filter((n) => x.includes(`<vt:lpstr>${n}</vt:lpstr>`));
    for (const n of added) x = x.replace(`<vt:lpstr>${n}</vt:lpstr>`, "");
    const size = (t: string) => Number(t.match(/<TitlesOfParts><vt:vector size="(\d+)"/)?.[1]);
    expect(size(x)).toBe(size(original) + added.length);
    x = x.replace(/<TitlesOfParts><vt:vector size="\d+"/, `<TitlesOfParts><vt:vector size="${size(original)}"`);
    x = x.replace(/<vt:i4>(\d+)<\/vt:i4>/, `<vt:i4>${original.match(/<vt:i4>(\d+)<\/vt:i4>/)?.[1]}</vt:i4>`);
  }
  if (part === "xl/styles.xml")
    for (const c of ["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"]) {
      const o = original.match(new RegExp(`<${c}[^>]*>([\\s\\S]*?)</${c}>`));
      const n = x.match(new RegExp(`<${c}[^>]*>([\\s\\S]*?)</${c}>`));
      if (!n) continue;
      if (!o) x = x.replace(n[0], original.match(new RegExp(`<${c}[^>]*/>`))?.[0] ?? "");
      else if (n[1].startsWith(o[1])) x = x.replace(n[0], o[0]);
    }
  return x;
}

function expectOnlyOursChanged(before: Uint8Array, after: Uint8Array) {
  const a = unzip(before);
  const b = unzip(after);
  for (const [name, bytes] of Object.entries(a)) {
    expect(b[name], name).toBeDefined();
    if (!REGISTRATION.has(name)) expect(Buffer.compare(Buffer.from(b[name]), Buffer.from(bytes)), name).toBe(0);
    else expect(withoutOurs(name, td.decode(b[name]), td.decode(bytes)), name).toBe(td.decode(bytes));
  }
}

describe.skipIf(!HAS_PYTHON_LIBS)("workbooks from other writers", () => {
  it.each(["openpyxl.xlsx", "xlsxwriter.xlsx", "openpyxl.xlsm"])(
    "%s (chart, comment, image, validation, table, names, hidden sheets, custom properties) reads and scores",
    async (file) => {
      const wb = FileWorkbook.load(readFileSync(join(dir, file)), file);
      const read = inspectWorkbook(await readAll(wb));
      const late = read.events.filter((e) => e.type === "late").map((e) => [e.agent, e.date, e.measure]);
      expect(late).toEqual([
        ["小王", "2026-10-02", 12],
        ["小王", "2026-10-03", 25],
      ]);
      const sheets = await wb.listSheets();
      if (file !== "xlsxwriter.xlsx")
        expect(sheets.filter((s) => s.hidden).map((s) => s.name)).toEqual(["备用", "配置"]);
    },
  );

  it.each(["openpyxl.xlsx", "xlsxwriter.xlsx", "openpyxl.xlsm"])(
    "the copy of %s is the original package plus our sheets: every other part byte-identical",
    async (file) => {
      const before = readFileSync(join(dir, file));
      const { bytes } = await scored(file);
      expectOnlyOursChanged(before, bytes);
      const names = (await FileWorkbook.load(bytes).listSheets()).map((s) => s.name);
      expect(names).toEqual([...(await FileWorkbook.load(before).listSheets()).map((s) => s.name), ...OURS]);
      writeFileSync(join(dir, `copy-${file.replace(".", "-")}.xlsx`), bytes);
      const check = execFileSync(
        PYTHON,
        [
          "-c",
          "import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1]); print(wb['评分表']['A4'].value, wb['_考核助手'].sheet_state, wb['评分表'].print_title_rows)",
          join(dir, `copy-${file.replace(".", "-")}.xlsx`),
        ],
        { encoding: "utf8" },
      );
      expect(check.trim()).toBe("姓名 veryHidden $4:$4");
    },
  );

  it("re-running rewrites our tabs in place: same names, ids, parts and order; the manager's formula part untouched", async () => {
    const once = (await scored("manager.xlsx")).bytes;
    writeFileSync(join(dir, "manager-once.xlsx"), once);
    const wb = FileWorkbook.load(once);
    const out = await generateOnPort(wb, { scheme: "pdd-10", month: "2026-10" });
    expect(out.ok).toBe(true);
    const twice = await wb.save();
    const sheetTags = (b: Uint8Array) =>
      td
        .decode(unzip(b)["xl/workbook.xml"])
        .match(/<sheet [^>]*>/g)!
        .map((t) => t.replace(/ state="[^"]*"/, ""));
    expect(sheetTags(twice)).toEqual(sheetTags(once));
    expect(Object.keys(unzip(twice)).sort()).toEqual(Object.keys(unzip(once)).sort());
    const orig = unzip(readFileSync(join(dir, "manager.xlsx")));
    const after = unzip(twice);
    // The manager's own 评分表 (sheet2) and payroll formula (sheet3) are byte-identical; ours took another name.
    expect(
      Buffer.compare(Buffer.from(after["xl/worksheets/sheet2.xml"]), Buffer.from(orig["xl/worksheets/sheet2.xml"])),
    ).toBe(0);
    expect(
      Buffer.compare(Buffer.from(after["xl/worksheets/sheet3.xml"]), Buffer.from(orig["xl/worksheets/sheet3.xml"])),
    ).toBe(0);
    expect((await FileWorkbook.load(twice).listSheets()).map((s) => s.name)).toContain("评分表(考核助手)");
  });

  it.each(["10月考勤-utf8.csv", "10月考勤-bom.csv", "10月考勤-gbk.csv"])(
    "%s reads as text in its encoding and scores",
    async (file) => {
      const wb = FileWorkbook.load(readFileSync(join(dir, file)), file);
      expect(wb.converted).toBe(true);
      const [grid] = await readAll(wb);
      expect(grid.name).toBe(file.replace(".csv", ""));
      expect(grid.cells[0]).toEqual(["日期", "姓名", "状态", "迟到分钟"]);
      expect(grid.cells[5][1]).toBe("小王, 售前");
      const out = await generateOnPort(wb, { scheme: "pdd-10", month: "2026-10" });
      expect(out.ok).toBe(true);
      const names = (await FileWorkbook.load(await wb.save()).listSheets()).map((s) => s.name);
      expect(names).toEqual([grid.name, ...OURS]);
    },
  );

  it.skipIf(!HAS_SOFFICE)(
    "LibreOffice's .xls and .ods read, score, and become an .xlsx with their sheets and ours",
    async () => {
      for (const file of ["openpyxl.xls", "openpyxl.ods"]) {
        const wb = FileWorkbook.load(readFileSync(join(dir, file)), file);
        expect(wb.converted).toBe(true);
        const read = inspectWorkbook(await readAll(wb));
        expect(read.events.filter((e) => e.type === "late").length, file).toBe(2);
        const out = await generateOnPort(wb, { scheme: "pdd-10", month: "2026-10" });
        expect(out.ok).toBe(true);
        const copy = FileWorkbook.load(await wb.save());
        expect(copy.kind).toBe("xlsx");
        const [att] = await copy.readSheets(["10月考勤"]);
        expect(att.cells[1]).toEqual([
          { kind: "date", serial: 46297 },
          "小王",
          "迟到",
          12,
          { kind: "error", code: "#N/A" },
        ]);
      }
    },
  );

  it.skipIf(!HAS_SOFFICE)(
    "every copy opens in LibreOffice with our tabs' values",
    async () => {
      const files = [
        "copy-openpyxl-xlsx.xlsx",
        "copy-xlsxwriter-xlsx.xlsx",
        "copy-openpyxl-xlsm.xlsx",
        "manager-once.xlsx",
      ];
      libreOffice(
        dir,
        "ods",
        files.map((f) => join(dir, f)),
      );
      for (const f of files) {
        const ods = FileWorkbook.load(readFileSync(join(dir, f.replace(/\.xlsx$/, ".ods"))));
        const names = (await ods.listSheets()).map((s) => s.name);
        expect(names, f).toEqual(
          expect.arrayContaining(["评分表" + (f.startsWith("manager") ? "(考核助手)" : ""), "个人考核单"]),
        );
        const [card] = await ods.readSheets([f.startsWith("manager") ? "评分表(考核助手)" : "评分表"]);
        expect(card.cells.flat()).toContain("小王");
      }
    },
    300000,
  );
});

describe("values we write read back as written", () => {
  it("escapes kept, control characters kept, long text cut with a marker, NaN/Infinity not written, formulas stay text", async () => {
    const { SheetBuilder } = await import("../../src/engine/render/model");
    const { workbookOfRows, toXlsxPackage } = await import("../../src/adapters/file/sheetjs");
    const base = FileWorkbook.load(toXlsxPackage(workbookOfRows("数据", [["a"]])));
    const b = new SheetBuilder(3, "issues");
    b.push(["_x000B_", "tab\u000bhere", "=SUM(A1:A2)"]);
    b.push(["长".repeat(40000), NaN, Infinity]);
    await base.writeSheets([b.build("issues", "数据问题", { columnWidths: [10, 10, 10] })], new Set());
    const [g] = await FileWorkbook.load(await base.save()).readSheets(["数据问题"]);
    expect(g.cells[1]).toEqual(["_x000B_", "tab\u000bhere", "=SUM(A1:A2)"]);
    expect((g.cells[2][0] as string).length).toBe(32767);
    expect(g.cells[2][0]).toMatch(/truncated\)$/);
    expect(g.cells[2].slice(1)).toEqual([]);
  });
});

describe("packages whose parts use namespace prefixes", () => {
  it("grafts into an x:-prefixed workbook, relationships and styles, and the result reads back", async () => {
    const { toXlsxPackage, workbookOfRows } = await import("../../src/adapters/file/sheetjs");
    const { zipSync } = await import("fflate");
    const parts = unzip(
      toXlsxPackage(
        workbookOfRows("10月考勤", [
          ["日期", "姓名", "状态"],
          ["2026-10-02", "小王", "迟到"],
        ]),
      ),
    );
    const prefix = (xml: string, root: string, ns: string) =>
      xml
        .replace(new RegExp(`<${root}\\s+xmlns="${ns}"`), `<x:${root} xmlns:x="${ns}"`)
        .replace(/<(\/?)(?!x:|\?)([A-Za-z]+)([\s/>])/g, "<$1x:$2$3");
    const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const rels = "http://schemas.openxmlformats.org/package/2006/relationships";
    parts["xl/workbook.xml"] = new TextEncoder().encode(prefix(td.decode(parts["xl/workbook.xml"]), "workbook", main));
    parts["xl/styles.xml"] = new TextEncoder().encode(prefix(td.decode(parts["xl/styles.xml"]), "styleSheet", main));
    parts["xl/_rels/workbook.xml.rels"] = new TextEncoder().encode(
      prefix(td.decode(parts["xl/_rels/workbook.xml.rels"]), "Relationships", rels),
    );
    expect(td.decode(parts["xl/workbook.xml"])).toContain("<x:sheets>");
    const wb = FileWorkbook.load(zipSync(parts));
    const out = await generateOnPort(wb, { scheme: "pdd-10", month: "2026-10" });
    expect(out.ok).toBe(true);
    const saved = unzip(await wb.save());
    const xml = td.decode(saved["xl/workbook.xml"]);
    expect(xml).toMatch(/<x:sheet xmlns:r="[^"]+" name="评分表"/);
    expect(xml).toContain('<x:definedName name="_xlnm.Print_Titles"');
    expect(td.decode(saved["xl/styles.xml"])).toMatch(/<x:cellXfs count="\d+">[\s\S]*<x:alignment wrapText="1"/);
    const again = FileWorkbook.load(await wb.save());
    const [card] = await again.readSheets(["评分表"]);
    expect(card.cells.flat()).toContain("小王");
  });
});
