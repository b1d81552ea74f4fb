import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";

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

/** webpack.config.js's helpers (plain JavaScript, loaded by path so TypeScript takes the types given here). */
interface BuildHelpers {
  addinUrl(value: string | undefined, selftest?: boolean): { url?: string; error?: string };
  manifestFor(xml: string, url: string): string;
}
const CONFIG = join(ROOT, "webpack.config.js");
const helpers = async () => (await import(CONFIG)) as BuildHelpers;

describe("the production build's manifest", () => {
  it("is named in Hong Kong's Traditional Chinese too", () => {
    for (const block of xml.match(/<(DisplayName|Description|bt:String)\b[\s\S]*?<\/\1>/g)!)
      expect(block, block.slice(0, 60)).toContain('Locale="zh-HK"');
  });

  it("takes ADDIN_URL as https only, with exactly one trailing slash", async () => {
    const { addinUrl } = await helpers();
    expect(addinUrl("https://example.com/addin").url).toBe("https://example.com/addin/");
    expect(addinUrl("https://example.com/addin//").url).toBe("https://example.com/addin/");
    expect(addinUrl("https://example.com").url).toBe("https://example.com/");
    expect(addinUrl("http://example.com/addin").error).toMatch(/https/);
    expect(addinUrl(undefined).error).toMatch(/ADDIN_URL is not set/);
    expect(addinUrl("example.com/addin").error).toMatch(/not a URL/);
    expect(addinUrl(undefined, true).url).toBe("https://localhost:3000/");
  });

  it("points every URL at the host and the AppDomain at its origin", async () => {
    const { manifestFor } = await helpers();
    const out = manifestFor(xml, "https://example.com/addin/");
    expect(out).not.toContain("localhost");
    expect(out).toContain("<AppDomain>https://example.com</AppDomain>");
    expect(out).toContain('<SourceLocation DefaultValue="https://example.com/addin/taskpane.html"/>');
    expect(out).toContain('DefaultValue="https://example.com/addin/assets/icon-32.png"');
  });

  it("npm run build without an https ADDIN_URL refuses in one line, exit 2", () => {
    for (const value of [undefined, "http://example.com/addin/"]) {
      const env = { ...process.env };
      delete env.ADDIN_URL;
      if (value) env.ADDIN_URL = value;
      const r = spawnSync(join(ROOT, "node_modules/.bin/webpack"), ["--mode", "production"], {
        cwd: ROOT,
        env,
        encoding: "utf8",
        timeout: 60000,
      });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/ADDIN_URL/);
    }
  });
});
