import { Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { PaneHost } from "./host";
import type { Strings } from "./i18n";
import { usePane } from "./usePane";
import { FileStep, GenerateStep, MonthSchemeStep } from "./Steps";
import { SheetsTable } from "./SheetsTable";
import { Results } from "./Results";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", padding: "12px", fontFamily: tokens.fontFamilyBase },
  muted: { color: tokens.colorNeutralForeground3, display: "block", marginTop: "4px" },
  title: { display: "block", margin: 0 },
});

/** The pane, step by step: (the file,) month and scheme, generate, results, and the sheets as read. */
export function App({ host, t }: { host: PaneHost; t: Strings }) {
  const s = useStyles();
  const pane = usePane(host, t);
  return (
    <main className={s.root} aria-busy={!!pane.step}>
      <header>
        <Title3 as="h1" className={s.title}>
          {t.title}
        </Title3>
        <Text as="p" size={200} className={s.muted}>
          {t.subtitle}
        </Text>
      </header>
      {host.kind === "file" && <FileStep pane={pane} t={t} />}
      <MonthSchemeStep pane={pane} t={t} />
      <GenerateStep pane={pane} t={t} />
      {pane.result && <Results result={pane.result} host={host} t={t} fileName={pane.fileName} />}
      {pane.read && <SheetsTable read={pane.read} t={t} onCorrect={(sheet, c) => void pane.correct(sheet, c)} />}
    </main>
  );
}
