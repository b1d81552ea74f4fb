import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");

/** Well-formedness without a library: every element closes in order, attributes are quoted. */
function wellFormed(text: string): string | null {
  const body = text.replace(/<\?xml[^>]*\?>/, "").replace(/<!--[\s\S]*?-->/g, "");
  const stack: string[] = [];
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|<[^>]*>/g)) {
    if (!m[2]) return `malformed tag ${m[0]}`;
    if (m[1]) {
      if (stack.pop() !== m[2]) return `unexpected </${m[2]}>`;
    } else if (!m[4]) stack.push(m[2]);
  }
  return stack.length ? `unclosed <${stack.pop()}>` : null;
}

describe("manifest.xml, checked offline", () => {
  it("is well-formed XML", () => expect(wellFormed(xml)).toBeNull());

  it("is an Excel task pane add-in that may write the workbook", () => {
    expect(xml).toMatch(/xsi:type="TaskPaneApp"/);
    expect(xml).toMatch(/<Host Name="Workbook"\/>/);
    expect(xml).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(xml).toMatch(/<OfficeTab id="TabHome">/);
  });

  it("has a GUID id", () =>
    expect(xml.match(/<Id>([^<]+)<\/Id>/)?.[1]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    ));

  it("resolves every resid", () => {
    const ids = new Set([...xml.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
    const missing = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]).filter((r) => !ids.has(r));
    expect(missing).toEqual([]);
  });

  it("uses https for every URL", () => {
    const urls = [
      ...xml.matchAll(
        /(?:DefaultValue|Value)="(\w+:\/\/[^"]+)"|<AppDomain>([^<]+)<\/AppDomain>|<SourceLocation DefaultValue="([^"]+)"/g,
      ),
    ].map((m) => m[1] ?? m[2] ?? m[3]);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
  });

  it("has every icon it names, at the size it names", () => {
    const icons = [...xml.matchAll(/"https:\/\/localhost:3000\/(assets\/[^"]+\.png)"/g)].map((m) => m[1]);
    expect(icons.length).toBeGreaterThanOrEqual(4);
    for (const icon of icons) {
      const file = join(ROOT, icon);
      expect(existsSync(file), icon).toBe(true);
      const png = readFileSync(file);
      const size = Number(icon.match(/(\d+)\.png$/)![1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it("names itself in zh-CN, zh-TW and en-US", () => {
    expect(xml).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
    const display = xml.match(/<DisplayName[\s\S]*?<\/DisplayName>/)![0];
    expect(display).toContain('Locale="zh-TW"');
    expect(display).toContain('Locale="en-US"');
  });
});
