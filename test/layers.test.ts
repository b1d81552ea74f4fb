import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(p) ? [p] : [];
  });
const importsOf = (f: string) => [...readFileSync(f, "utf8").matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);

describe("layers (CONTRIBUTING.md)", () => {
  it("the engine imports no host, UI, file or Node library", () => {
    const engine = join(__dirname, "../src/engine");
    const host = /^(react|react-dom|exceljs|fs|path|os|child_process)(\/|$)|^node:|^@fluentui|^@microsoft|office/;
    const found = files(engine).flatMap((f) =>
      importsOf(f)
        .filter((m) => host.test(m) || (m.startsWith(".") && !join(f, "..", m).startsWith(engine)))
        .map((m) => `${relative(engine, f)}: ${m}`),
    );
    expect(found).toEqual([]);
  });

  it("schemes are data: they import only the vocabulary and scoring types and settings", () => {
    const dir = join(__dirname, "../src/engine/schemes");
    const allowed = /^(\.\.\/events|\.\.\/score\/scheme|\.\.\/score\/policy|\.\/[\w]+)$/;
    const found = files(dir).flatMap((f) => importsOf(f).filter((m) => !allowed.test(m)));
    expect(found).toEqual([]);
  });
});
