#!/usr/bin/env node
// Before `npm test`: the browser and printing tests need a few Debian packages. Find them; when some
// are missing and we are root on a Debian-like machine, install them with apt-get; otherwise stop
// with one line naming the packages. Nothing else in the test run installs anything.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
const ok = (cmd, args) => spawnSync(cmd, args, { stdio: "ignore" }).status === 0;

const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

/** Each package and how to tell it is there. */
const NEEDS = [
  ["chromium", () => existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")],
  ["libreoffice-calc", () => has("soffice")],
  ["poppler-utils", () => has("pdftotext")],
  [
    "fonts-wqy-zenhei",
    () => has("fc-list") && /wenquanyi|wqy|noto sans cjk/i.test(execFileSync("fc-list", { encoding: "utf8" })),
  ],
  // Debian's python3 (where apt installs these), whatever python3 comes first on PATH (pyenv).
  ["python3-openpyxl", () => ok(PYTHON, ["-c", "import openpyxl"])],
  ["python3-xlsxwriter", () => ok(PYTHON, ["-c", "import xlsxwriter"])],
  // The file-adapter corpus puts an image in a workbook through openpyxl, which needs Pillow.
  ["python3-pil", () => ok(PYTHON, ["-c", "import PIL"])],
];

const missing = () => NEEDS.filter(([, there]) => !there()).map(([pkg]) => pkg);

let need = missing();
const root = typeof process.getuid === "function" && process.getuid() === 0;
if (need.length && root && has("apt-get")) {
  process.stderr.write(`installing test tools: ${need.join(" ")}\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const run = (args) => spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env }).status === 0;
  if (run(["update", "-qq"])) run(["install", "-y", "-qq", "--no-install-recommends", ...need]);
  need = missing();
}
if (need.length) {
  process.stderr.write(
    `npm test needs these Debian packages for the browser and printing tests: ${need.join(" ")} ` +
      `(as root: apt-get install ${need.join(" ")}; or run npm run test:unit without them)\n`,
  );
  process.exit(1);
}
