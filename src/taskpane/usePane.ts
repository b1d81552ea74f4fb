import { useCallback, useEffect, useState } from "react";
import type { PaneHost } from "./host";
import type { Strings } from "./i18n";
import { readAll } from "../adapters/port";
import { inspectWithState, RULES_SHEET_CHOICE } from "../engine/run";
import type { MappingOverride, ReadResult } from "../engine/read/model";
import { generateOnPort, writeRulesSheet, saveCorrections, type PortOutcome } from "../app/generateOnPort";
import { defaultMonth, withCorrection } from "./model";
import { explainError } from "./officeErrors";

export type Done = Extract<PortOutcome, { ok: true }>;
export type Message = { intent: "error" | "success" | "info" | "warning"; text: string };

/** An exception as a sentence a shop manager can act on (each Office error code its own, src/taskpane/officeErrors.ts). */
export const explain = (e: unknown, t: Strings): string => explainError(e, t);

const failure = (out: Extract<PortOutcome, { ok: false }>) =>
  `${out.message}${
    out.issues.length
      ? `\n${out.issues
          .slice(0, 5)
          .map((i) => i.message)
          .join("\n")}`
      : ""
  }`;

type Say = (m: Message | null) => void;

/** The workbook as read: sheets and corrections, month and scheme, and the file opened outside Excel. */
function useWorkbook(host: PaneHost, t: Strings, say: Say) {
  const [read, setRead] = useState<ReadResult | null>(null);
  const [overrides, setOverrides] = useState<MappingOverride[]>([]);
  const [scheme, setScheme] = useState("pdd-10");
  const [month, setMonth] = useState<string>("");
  const [fileName, setFileName] = useState<string | null>(null);

  const inspect = useCallback(
    async (fresh: MappingOverride[]) => {
      const port = host.port();
      if (!port) return;
      const seen = inspectWithState(await readAll(port), fresh, undefined, host.fileName?.() ?? undefined);
      setRead(seen.read);
      setOverrides(seen.overrides);
      if (seen.scheme) setScheme(seen.scheme);
      setMonth((m) => (m && seen.read.months.includes(m) ? m : (defaultMonth(seen.read, new Date()) ?? "")));
    },
    [host],
  );

  // Inside Excel the workbook is there from the start; outside, it comes with the file. Once per host.
  useEffect(() => {
    if (host.kind === "excel") inspect([]).catch((e) => say({ intent: "error", text: explain(e, t) }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host]);

  const openFile = async (file: File | undefined) => {
    if (!file || !host.open) return;
    setRead(null);
    try {
      await host.open(file);
      setFileName(file.name);
      await inspect([]);
    } catch (e) {
      // The file adapter's errors say why in one line (password, empty, damaged …); others get the general text.
      const why = (e as { problem?: string }).problem ? (e as Error).message : null;
      say({ intent: "error", text: why ? `${t.badFile}（${why}）` : t.badFile });
    }
  };

  const correct = async (sheet: string, change: Partial<MappingOverride>) => {
    const next = withCorrection(overrides, sheet, change);
    setOverrides(next);
    try {
      const port = host.port();
      if (port) await saveCorrections(port, next);
      await inspect(next);
      say({ intent: "info", text: t.correctionsSaved });
    } catch (e) {
      say({ intent: "error", text: explain(e, t) });
    }
  };

  /** What a run has just read replaces the pane's read (no second read of the workbook). */
  const adopt = (out: Done) => {
    setRead(out.read);
    setOverrides(out.state.overrides);
  };
  return { read, overrides, scheme, setScheme, month, setMonth, fileName, openFile, correct, adopt };
}

/** Generating, and writing a preset into 规则. */
function useRun(host: PaneHost, t: Strings, say: Say, wb: ReturnType<typeof useWorkbook>) {
  const [step, setStep] = useState<string | null>(null);
  const [result, setResult] = useState<Done | null>(null);

  const generate = async () => {
    const port = host.port();
    if (!port) return say({ intent: "warning", text: t.noFile });
    say(null);
    setResult(null);
    try {
      const sourceName = host.fileName?.() ?? undefined; // a 赤兔 report names its month only in the file name
      const input = { scheme: wb.scheme, month: wb.month || undefined, overrides: wb.overrides, sourceName };
      const out = await generateOnPort(port, input, setStep);
      if (!out.ok) return say({ intent: "error", text: failure(out) });
      setResult(out);
      // A file written without Excel always lacks charts; only Excel's own limits are worth a message.
      const notes = [...out.notices, ...(host.kind === "excel" ? (out.report?.degraded ?? []) : [])];
      say({ intent: notes.length ? "warning" : "success", text: [t.done(out.month), ...notes].join("\n") });
      wb.adopt(out);
    } catch (e) {
      say({ intent: "error", text: explain(e, t) });
    } finally {
      setStep(null);
    }
  };

  const writeRules = async () => {
    const port = host.port();
    if (!port) return say({ intent: "warning", text: t.noFile });
    try {
      const r = await writeRulesSheet(port, wb.scheme === RULES_SHEET_CHOICE ? "pdd-10" : wb.scheme);
      if (r) say({ intent: "success", text: [t.rulesWritten(r.name), ...r.notices].join("\n") });
    } catch (e) {
      say({ intent: "error", text: explain(e, t) });
    }
  };
  return { step, result, setResult, generate, writeRules };
}

/** The pane's state and what its steps do. */
export function usePane(host: PaneHost, t: Strings) {
  const [message, setMessage] = useState<Message | null>(null);
  const wb = useWorkbook(host, t, setMessage);
  const run = useRun(host, t, setMessage, wb);
  const openFile = async (file: File | undefined) => {
    run.setResult(null);
    setMessage(null);
    await wb.openFile(file);
  };
  const ready = !run.step && (host.kind !== "file" || !!wb.fileName);
  return { ...wb, ...run, openFile, message, ready };
}
