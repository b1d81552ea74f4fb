import { describe, expect, it } from "vitest";
import { explainError } from "../../src/taskpane/officeErrors";
import { STRINGS, pickLang, type Lang } from "../../src/taskpane/i18n";
import { FakeOfficeError, StrictExcel } from "../fakes/strictExcel";
import { OfficeWorkbook } from "../../src/adapters/office/officeWorkbook";
import { generateOnPort } from "../../src/app/generateOnPort";
import { generateShop, gridValues } from "../../bench/generate";

const CODES = [
  "InvalidOperationInCellEditMode",
  "AccessDenied",
  "WorkbookStructureProtected",
  "WorkbookReadOnly",
  "InvalidOperation",
  "ItemNotFound",
  "ItemAlreadyExists",
  "RequestPayloadSizeLimitExceeded",
  "GeneralException",
];
const LANGS: Lang[] = ["zh-CN", "zh-TW", "en-US"];

async function failure(options: ConstructorParameters<typeof StrictExcel>[1], prepare?: (f: StrictExcel) => void) {
  const fake = new StrictExcel({}, options);
  for (const g of generateShop({ agents: 3, months: 1 })) fake.addSheet(g.name, gridValues(g));
  prepare?.(fake);
  return generateOnPort(new OfficeWorkbook(fake.run, () => true), { scheme: "pdd-10", month: "2026-01" }).then(
    () => null,
    (e: unknown) => e,
  );
}

describe("Office errors in the pane's language", () => {
  it("every code has its own message in each language, none of them the generic one", () => {
    for (const lang of LANGS) {
      const t = STRINGS[lang];
      const texts = CODES.map((code) => explainError(new FakeOfficeError(code, "x"), t));
      expect(new Set(texts).size, lang).toBe(CODES.length);
      for (const text of texts) expect(text.startsWith(t.errorGeneric), text).toBe(false);
    }
    expect(explainError(new Error("disk full"), STRINGS["zh-CN"])).toBe("出错了：disk full");
  });

  it("a protected workbook or a read-only file is named as such, before anything is written", async () => {
    const locked = await failure({ protectedStructure: true });
    expect(explainError(locked, STRINGS["zh-CN"])).toContain("保护工作簿");
    expect(explainError(locked, STRINGS["en-US"])).toContain("Protect Workbook");
    expect(explainError(await failure({ readOnly: true }), STRINGS["zh-TW"])).toContain("唯讀");
  });

  it("a request Excel refuses for its size is explained, whatever the message's shape", () => {
    const e = new Error("RichApi.Error: RequestPayloadSizeLimitExceeded");
    expect(explainError(e, STRINGS["en-US"])).toMatch(/5 MB/);
  });
});

describe("the pane's language", () => {
  it("follows Office's display language; languages other than Chinese get English", () => {
    const cases: Record<string, Lang> = {
      "zh-CN": "zh-CN",
      "zh-SG": "zh-CN",
      zh: "zh-CN",
      "zh-TW": "zh-TW",
      "zh-HK": "zh-TW",
      "zh-Hant-HK": "zh-TW",
      "en-GB": "en-US",
      "ja-JP": "en-US",
      "de-DE": "en-US",
      "fr-FR": "en-US",
    };
    for (const [display, lang] of Object.entries(cases)) expect(pickLang(display), display).toBe(lang);
    expect(pickLang(undefined)).toBe("zh-CN");
  });
});
