import { useCallback, useEffect, useMemo, useState } from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Text,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { PaneHost } from "./host";
import type { Strings } from "./i18n";
import { readAll } from "../adapters/port";
import { inspectWorkbook, ownedTabs, mergeOverrides, RULES_SHEET_CHOICE } from "../engine/run";
import { BUILTIN_SCHEMES } from "../engine/schemes";
import type { MappingOverride, ReadResult } from "../engine/read/model";
import { generateOnPort, writeRulesSheet, saveCorrections, type PortOutcome } from "../app/generateOnPort";
import { defaultMonth, withCorrection } from "./model";
import { SheetsTable } from "./SheetsTable";
import { Results } from "./Results";
import { explainError } from "./officeErrors";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", padding: "12px", fontFamily: tokens.fontFamilyBase },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "end" },
  muted: { color: tokens.colorNeutralForeground3, display: "block", marginTop: "4px" },
  title: { display: "block", margin: 0 },
});

type Done = Extract<PortOutcome, { ok: true }>;

export function App({ host, t }: { host: PaneHost; t: Strings }) {
  const s = useStyles();
  const [read, setRead] = useState<ReadResult | null>(null);
  const [overrides, setOverrides] = useState<MappingOverride[]>([]);
  const [scheme, setScheme] = useState("pdd-10");
  const [month, setMonth] = useState<string>("");
  const [step, setStep] = useState<string | null>(null);
  const [result, setResult] = useState<Done | null>(null);
  const [message, setMessage] = useState<{ intent: "error" | "success" | "info" | "warning"; text: string } | null>(
    null,
  );
  const [fileName, setFileName] = useState<string | null>(null);

  const inspect = useCallback(
    async (fresh: MappingOverride[] = overrides) => {
      const port = host.port();
      if (!port) return;
      const grids = await readAll(port);
      const { state } = ownedTabs(grids);
      const all = mergeOverrides(state.overrides, fresh);
      const r = inspectWorkbook(grids, all);
      setRead(r);
      setOverrides(all);
      if (state.scheme) setScheme(state.scheme);
      setMonth((m) => (m && r.months.includes(m) ? m : (defaultMonth(r, new Date()) ?? "")));
    },
    [host, overrides],
  );

  // Inside Excel the workbook is there from the start; outside, it comes with the file.
  // Runs once per host: re-inspecting on every new `inspect` or `t` would re-read the workbook.
  useEffect(() => {
    if (host.kind === "excel") inspect([]).catch((e) => setMessage({ intent: "error", text: explain(e, t) }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host]);

  const onFile = async (file: File | undefined) => {
    if (!file || !host.open) return;
    setResult(null);
    setMessage(null);
    setRead(null);
    try {
      await host.open(file);
      setFileName(file.name);
      await inspect([]);
    } catch {
      setMessage({ intent: "error", text: t.badFile });
    }
  };

  const correct = async (sheet: string, change: Partial<MappingOverride>) => {
    const next = withCorrection(overrides, sheet, change);
    setOverrides(next);
    try {
      const port = host.port();
      if (port) await saveCorrections(port, next);
      await inspect(next);
      setMessage({ intent: "info", text: t.correctionsSaved });
    } catch (e) {
      setMessage({ intent: "error", text: explain(e, t) });
    }
  };

  const generate = async () => {
    const port = host.port();
    if (!port) {
      setMessage({ intent: "warning", text: t.noFile });
      return;
    }
    setMessage(null);
    setResult(null);
    try {
      const out = await generateOnPort(port, { scheme, month: month || undefined, overrides }, (st) => setStep(st));
      if (!out.ok) {
        setMessage({
          intent: "error",
          text: `${out.message}${
            out.issues.length
              ? `\n${out.issues
                  .slice(0, 5)
                  .map((i) => i.message)
                  .join("\n")}`
              : ""
          }`,
        });
        return;
      }
      setResult(out);
      // A file written without Excel always lacks charts; only Excel's own limits are worth a message.
      const notes = [...out.notices, ...(host.kind === "excel" ? (out.report?.degraded ?? []) : [])];
      setMessage({ intent: notes.length ? "warning" : "success", text: [t.done(out.month), ...notes].join("\n") });
      // The run has just read everything: show what it read instead of reading the workbook again.
      setRead(out.read);
      setOverrides(out.state.overrides);
    } catch (e) {
      setMessage({ intent: "error", text: explain(e, t) });
    } finally {
      setStep(null);
    }
  };

  const writeRules = async () => {
    const port = host.port();
    if (!port) {
      setMessage({ intent: "warning", text: t.noFile });
      return;
    }
    const id = scheme === RULES_SHEET_CHOICE ? "pdd-10" : scheme;
    try {
      const r = await writeRulesSheet(port, id);
      if (r) setMessage({ intent: "success", text: [t.rulesWritten(r.name), ...r.notices].join("\n") });
    } catch (e) {
      setMessage({ intent: "error", text: explain(e, t) });
    }
  };

  const months = useMemo(() => [...(read?.months ?? [])].reverse(), [read]);
  return (
    <main className={s.root} aria-busy={!!step}>
      <header>
        <Title3 as="h1" className={s.title}>
          {t.title}
        </Title3>
        <Text as="p" size={200} className={s.muted}>
          {t.subtitle}
        </Text>
      </header>
      {host.kind === "file" && (
        <Field label={t.openFile} hint={t.fileNote}>
          <input
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="file-input"
            onChange={(e) => onFile(e.target.files?.[0])}
          />
        </Field>
      )}
      <div className={s.row}>
        <Field label={t.month} hint={t.monthHint}>
          <Select value={month} onChange={(_, d) => setMonth(d.value)} data-testid="month">
            {months.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.scheme}>
          <Select value={scheme} onChange={(_, d) => setScheme(d.value)} data-testid="scheme">
            {BUILTIN_SCHEMES.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
            <option value={RULES_SHEET_CHOICE}>{t.rulesSheet}</option>
          </Select>
        </Field>
      </div>
      <div className={s.row}>
        <Button
          appearance="primary"
          onClick={generate}
          disabled={!!step || (host.kind === "file" && !fileName)}
          data-testid="generate"
        >
          {t.generate}
        </Button>
        <Button onClick={writeRules} disabled={!!step || (host.kind === "file" && !fileName)}>
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
      {result && <Results result={result} host={host} t={t} fileName={fileName} />}
      {read && <SheetsTable read={read} t={t} onCorrect={correct} />}
    </main>
  );
}

const explain = explainError;
