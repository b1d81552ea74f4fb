import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { STRINGS, pickLang } from "./i18n";
import { excelHost, fileHost, type PaneHost } from "./host";

/**
 * Office.js comes from Microsoft's CDN; outside Office (or offline) it may never arrive. Resolves
 * with the host Office reports, whenever it does, or null when Office.js is missing. The script tag
 * is async: it may have failed (offline) before this bundle ran, so its own `error` event is not
 * enough; the page's `load` (which waits for async scripts) or a page already loaded settles it at once.
 */
function officeReady(): Promise<{ host: string | null } | null> {
  return new Promise((resolve) => {
    let settled = false;
    const go = () => {
      if (settled) return;
      settled = true;
      if (typeof Office === "undefined") return resolve(null);
      void Office.onReady((info) => resolve({ host: info.host ? String(info.host) : null }));
    };
    const tag = document.getElementById("office-js") as HTMLScriptElement | null;
    if (typeof Office !== "undefined" || !tag || document.readyState === "complete") return go();
    tag.addEventListener("load", go);
    tag.addEventListener("error", go);
    window.addEventListener("load", go);
  });
}

/** How long the pane waits for Office before it offers file mode; a later ready signal from Excel still switches. */
const OFFICE_WAIT_MS = 8000;

function isDark(): boolean {
  const bg = typeof Office !== "undefined" ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
  if (!bg) return window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
  const n = parseInt(bg.replace("#", ""), 16);
  return ((n >> 16) & 255) * 0.299 + ((n >> 8) & 255) * 0.587 + (n & 255) * 0.114 < 128;
}

const inExcel = (info: { host: string | null } | null | "late") =>
  info !== "late" && info?.host === "Excel" && typeof Excel !== "undefined";

async function boot() {
  const root = createRoot(document.getElementById("root")!);
  const show = (host: PaneHost, displayLanguage: string | undefined) => {
    const lang = pickLang(displayLanguage);
    document.documentElement.lang = lang;
    const t = STRINGS[lang];
    document.title = t.title;
    root.render(
      <FluentProvider theme={isDark() ? webDarkTheme : webLightTheme}>
        <App key={host.kind} host={host} t={t} />
      </FluentProvider>,
    );
  };
  const ready = officeReady();
  const first = await Promise.race([ready, new Promise<"late">((r) => setTimeout(() => r("late"), OFFICE_WAIT_MS))]);
  if (inExcel(first)) return show(await excelHost(), Office.context.displayLanguage);
  show(await fileHost(), navigator.language);
  // Excel can be slow to report ready (a cold start, a slow network): when it does, the pane switches to it.
  if (first === "late") {
    const info = await ready;
    if (inExcel(info)) show(await excelHost(), Office.context.displayLanguage);
  }
}

void boot();
