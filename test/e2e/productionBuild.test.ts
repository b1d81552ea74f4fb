import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./browser";

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

describe("npm run build with ADDIN_URL", () => {
  it("leaves no localhost anywhere in the build, and the manifest names the host", () => {
    const out = mkdtempSync(join(tmpdir(), "kefu-dist-"));
    try {
      const r = spawnSync(join(ROOT, "node_modules/.bin/webpack"), ["--mode", "production", "--output-path", out], {
        cwd: ROOT,
        env: { ...process.env, ADDIN_URL: "https://example.com/addin" },
        encoding: "utf8",
        timeout: 300000,
      });
      expect(r.status, r.stderr).toBe(0);
      const all = files(out);
      expect(all.map((f) => f.slice(out.length + 1))).toEqual(
        expect.arrayContaining(["manifest.xml", "taskpane.html"]),
      );
      expect(all.filter((f) => readFileSync(f).toString("latin1").includes("localhost"))).toEqual([]);
      const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
      expect(manifest).toContain("<AppDomain>https://example.com</AppDomain>");
      expect(manifest).toContain('<SourceLocation DefaultValue="https://example.com/addin/taskpane.html"/>');
      expect(manifest).not.toMatch(/example\.com\/addin[a-z]/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 300000);
});
