// `npm start` / `npm stop`: sideload the add-in into desktop Excel with office-addin-debugging,
// which is an optional dependency (its native module needs libsecret-1-dev to build on Linux).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const action = process.argv[2] === "stop" ? "stop" : "start";
const require = createRequire(import.meta.url);
let cli;
try {
  cli = require.resolve("office-addin-debugging/cli.js");
} catch {
  console.error(
    "office-addin-debugging is not installed (it is optional, and its native module failed to build or was skipped).\n" +
      "To sideload into Excel: install it with `npm install office-addin-debugging` (on Linux first `apt-get install libsecret-1-dev`),\n" +
      "or run `npm run dev-server` and upload manifest.xml in Excel (Home → Add-ins → Upload my add-in).",
  );
  process.exit(2);
}
const res = spawnSync(process.execPath, [cli, action, "manifest.xml", ...process.argv.slice(3)], { stdio: "inherit" });
process.exit(res.status ?? 1);
