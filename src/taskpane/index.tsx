import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { STRINGS, pickLang } from "./i18n";
import { excelHost, fileHost, type PaneHost } from "./host";

/** Office.js comes from Microsoft's CDN; outside Office (or offline) it may never arrive. */
function officeReady(timeoutMs: number): Promise<{ host: string | null } | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    const go = () => {
      if (typeof Office === "undefined") {
        clearTimeout(timer);
        resolve(null);
        return;
      }
      void Office.onReady((info) => {
        clearTimeout(timer);
        resolve({ host: info.host ? String(info.host) : null });
      });
    };
    const tag = document.getElementById("office-js") as HTMLScriptElement | null;
    if (typeof Office !== "undefined" || !tag) go();
    else {
      tag.addEventListener("load", go);
      tag.addEventListener("error", () => {
        clearTimeout(timer);
        resolve(null);
      });
    }
  });
}

function isDark(): boolean {
  const bg = typeof Office !== "undefined" ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
  if (!bg) return window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
  const n = parseInt(bg.replace("#", ""), 16);
  return ((n >> 16) & 255) * 0.299 + ((n >> 8) & 255) * 0.587 + (n & 255) * 0.114 < 128;
}

async function boot() {
  const info = await officeReady(8000);
  const inExcel = info?.host === "Excel" && typeof Excel !== "undefined";
  const lang = pickLang(inExcel ? Office.context.displayLanguage : navigator.language);
  document.documentElement.lang = lang;
  const host: PaneHost = inExcel ? await excelHost() : await fileHost();
  const t = STRINGS[lang];
  document.title = t.title;
  createRoot(document.getElementById("root")!).render(
    <FluentProvider theme={isDark() ? webDarkTheme : webLightTheme}>
      <App host={host} t={t} />
    </FluentProvider>,
  );
}

void boot();
