import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const ROOT = resolve(import.meta.dirname, "../..");
const OFFICE_JS_DIR = join(ROOT, "node_modules/@microsoft/office-js/dist");
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".css": "text/css",
};

/** Serves a folder on loopback: the production build, as a shop's browser would load it. */
export async function serve(dir: string, extra: Record<string, string> = {}): Promise<{ url: string; server: Server }> {
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- a test server: a rejected handler fails the test
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0]);
    if (extra[path] !== undefined) {
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "text/plain" });
      res.end(extra[path]);
      return;
    }
    const file = normalize(join(dir, path === "/" ? "taskpane.html" : path));
    if (!file.startsWith(dir)) {
      res.writeHead(403);
      res.end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, server };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Production pages load office.js from Microsoft's CDN; here the npm package's copy answers for it. */
export async function routeOfficeCdn(page: Page) {
  await page.route("https://appsforoffice.microsoft.com/**", async (route) => {
    const rel = new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, "");
    try {
      await route.fulfill({ body: await readFile(join(OFFICE_JS_DIR, rel)), contentType: "text/javascript" });
    } catch {
      await route.fulfill({ status: 404, body: "" });
    }
  });
}
