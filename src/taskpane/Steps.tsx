import { Button, Field, MessageBar, MessageBarBody, ProgressBar, Select, makeStyles } from "@fluentui/react-components";
import type { Strings } from "./i18n";
import { RULES_SHEET_CHOICE } from "../engine/run";
import { BUILTIN_SCHEMES } from "../engine/schemes";
import type { usePane } from "./usePane";

type Pane = ReturnType<typeof usePane>;

const useStyles = makeStyles({
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "end" },
});

/** Step 1 outside Excel: the workbook comes as a file. */
export function FileStep({ pane, t }: { pane: Pane; t: Strings }) {
  return (
    <Field label={t.openFile} hint={t.fileNote}>
      <input
        type="file"
        accept=".xlsx,.xlsm,.xls,.ods,.csv"
        data-testid="file-input"
        onChange={(e) => void pane.openFile(e.target.files?.[0])}
      />
    </Field>
  );
}

/** Step 2: the month and the scheme (a preset or this workbook's 规则 tab). */
export function MonthSchemeStep({ pane, t }: { pane: Pane; t: Strings }) {
  const s = useStyles();
  const months = [...(pane.read?.months ?? [])].reverse();
  return (
    <div className={s.row}>
      <Field label={t.month} hint={t.monthHint}>
        <Select value={pane.month} onChange={(_, d) => pane.setMonth(d.value)} data-testid="month">
          {months.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.scheme}>
        <Select value={pane.scheme} onChange={(_, d) => pane.setScheme(d.value)} data-testid="scheme">
          {BUILTIN_SCHEMES.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
          <option value={RULES_SHEET_CHOICE}>{t.rulesSheet}</option>
        </Select>
      </Field>
    </div>
  );
}

/** Step 3: generate (or write a preset into 规则), with progress and the outcome's message. */
export function GenerateStep({ pane, t }: { pane: Pane; t: Strings }) {
  const s = useStyles();
  const { message, step } = pane;
  return (
    <>
      <div className={s.row}>
        <Button appearance="primary" onClick={pane.generate} disabled={!pane.ready} data-testid="generate">
          {t.generate}
        </Button>
        <Button onClick={pane.writeRules} disabled={!pane.ready}>
          {t.writeRules}
        </Button>
      </div>
      {step && (
        <Field validationMessage={t.generating[step]} validationState="none">
          <ProgressBar />
        </Field>
      )}
      {message && (
        <MessageBar intent={message.intent} data-testid="message">
          <MessageBarBody style={{ whiteSpace: "pre-line" }}>
            {message.intent === "error" ? `${message.text}\n${t.errorWhatNext}` : message.text}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
