/* Test harness: the real pane in file mode, over a host whose file opens but whose sheets make the engine throw. */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { STRINGS } from "../../src/taskpane/i18n";
import { FileError } from "../../src/adapters/file/errors";
import type { WorkbookPort } from "../../src/adapters/port";
import type { SheetGrid } from "../../src/engine/types";
import type { PaneHost } from "../../src/taskpane/host";

// A grid the engine cannot walk (no rows array): reading it throws inside the engine, not in the file adapter.
const broken = { name: "考勤", cells: null } as unknown as SheetGrid;
const port: WorkbookPort = {
  listSheets: async () => [{ name: "考勤" }] as Awaited<ReturnType<WorkbookPort["listSheets"]>>,
  readSheets: async () => [broken],
  writeSheets: async () => ({ written: [], degraded: [] }),
};
let opened: WorkbookPort | null = null;
const host: PaneHost = {
  kind: "file",
  port: () => opened,
  open: async (file) => {
    if (file.name.startsWith("damaged")) throw new FileError("damaged");
    opened = port;
  },
  fileName: () => (opened ? "good.xlsx" : null),
};
createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={webLightTheme}>
    <App host={host} t={STRINGS["zh-CN"]} />
  </FluentProvider>,
);
