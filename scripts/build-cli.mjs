/**
 * Builds the `kefu` command to plain JavaScript (dist-cli/kefu.cjs), so it runs with Node alone.
 * Runs on `npm install` / `npm ci` (the `prepare` script) and `npm run build`.
 * ExcelJS stays external: only `kefu demo` loads it (from node_modules) to build the sample workbook.
 */
import { build } from "esbuild";
import { chmodSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outfile = join(root, "dist-cli/kefu.cjs");
await build({
  entryPoints: [join(root, "src/cli/main.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external: ["exceljs"],
  banner: { js: "#!/usr/bin/env node" },
  legalComments: "none",
  logLevel: "warning",
});
chmodSync(outfile, 0o755);
