/* Test harness: the real pane over the strict fake Excel, bundled by the test with esbuild. */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { STRINGS } from "../../src/taskpane/i18n";
import { OfficeWorkbook, selectCell } from "../../src/adapters/office/officeWorkbook";
import { StrictExcel } from "../fakes/strictExcel";
import type { PaneHost } from "../../src/taskpane/host";

declare global {
  interface Window {
    __SEED__: Record<string, (string | number | boolean)[][]>;
    __FAKE__: StrictExcel;
    __SELECTED__: string[];
  }
}

const fake = new StrictExcel(window.__SEED__);
window.__FAKE__ = fake;
window.__SELECTED__ = [];
const port = new OfficeWorkbook(fake.run, () => true);
const host: PaneHost = {
  kind: "excel",
  port: () => port,
  select: async (sheet, address) => {
    await selectCell(fake.run, sheet, address);
    window.__SELECTED__.push(`${sheet}!${address}`);
  },
};
createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={webLightTheme}>
    <App host={host} t={STRINGS["zh-CN"]} />
  </FluentProvider>,
);
