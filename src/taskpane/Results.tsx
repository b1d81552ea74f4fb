import type React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { PortOutcome } from "../app/generateOnPort";
import { courierTotal } from "../engine/render/ledgers";
import type { PaneHost } from "./host";
import type { Strings } from "./i18n";

type Done = Extract<PortOutcome, { ok: true }>;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", alignItems: "flex-start" },
  heading: { display: "block", marginTop: "8px" },
  item: { fontSize: tokens.fontSizeBase200, padding: "2px 0" },
  list: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: "2px" },
  figures: { display: "flex", gap: "16px", flexWrap: "wrap" },
  figure: { display: "flex", flexDirection: "column" },
  big: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** After generating: fund box and courier figures, flagged agents, data issues; a click goes to the cell. */
export function Results({
  result,
  host,
  t,
  fileName,
}: {
  result: Done;
  host: PaneHost;
  t: Strings;
  fileName: string | null;
}) {
  const s = useStyles();
  const courier = courierTotal(result.result);
  return (
    <section aria-label={t.flagged} data-testid="results" className={s.root}>
      <div className={s.figures}>
        <div className={s.figure}>
          <Text size={200}>{t.fundBox}</Text>
          <Text className={s.big} data-testid="fund-box">
            {result.result.fundBox.closing} {t.yuan}
          </Text>
        </div>
        <div className={s.figure}>
          <Text size={200}>{t.courierTotal}</Text>
          <Text className={s.big} data-testid="courier-total">
            {courier.amount} {t.yuan} · {courier.incidents} {t.incidents}
          </Text>
        </div>
      </div>
      {host.download && (
        <Button
          appearance="primary"
          data-testid="download"
          onClick={() =>
            host.download!(`${(fileName ?? "workbook").replace(/\.xlsx$/i, "")}-考核-${result.month}.xlsx`)
          }
        >
          {t.download}
        </Button>
      )}
      <Flagged result={result} host={host} t={t} />
      <Issues result={result} host={host} t={t} />
    </section>
  );
}

type Part = { result: Done; host: PaneHost; t: Strings };

/** Agents at level 1 or worse; a click selects the agent's row on 评分表. */
function Flagged({ result, host, t }: Part) {
  const s = useStyles();
  const scorecard = result.outputs.find((o) => o.key === "scorecard")!;
  const rowOf = (name: string) =>
    scorecard.values.findIndex(
      (row) => typeof row[0] === "string" && (row[0] === name || row[0].startsWith(`${name}（`)),
    ) + 1;
  const flagged = result.result.agents.filter((a) => a.level > 0);
  return (
    <>
      <Text weight="semibold" as="h2" size={300} className={s.heading}>
        {t.flagged}
      </Text>
      {host.select && flagged.length > 0 && (
        <Text size={200} className={s.hint}>
          {t.agentHint}
        </Text>
      )}
      {flagged.length === 0 ? (
        <Text>{t.noneFlagged}</Text>
      ) : (
        <ul className={s.list} data-testid="flagged">
          {flagged.map((a) => (
            <li key={a.name}>
              <Pick
                onClick={
                  host.select && (() => void host.select!(scorecard.name, `A${rowOf(a.name)}`).catch(() => undefined))
                }
                className={s.item}
              >
                {a.name} · {a.score !== null ? `${t.score} ${a.score} · ` : `${a.fineYuan} ${t.yuan} · `}
                {a.label}
                {a.actions.length ? ` · ${a.actions.join("、")}` : ""}
              </Pick>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The run's data issues (the first 200); a click selects the source cell. */
function Issues({ result, host, t }: Part) {
  const s = useStyles();
  return (
    <>
      <Text weight="semibold" as="h2" size={300} className={s.heading}>
        {t.issues} ({result.issues.length})
      </Text>
      {host.select && result.issues.length > 0 && (
        <Text size={200} className={s.hint}>
          {t.issueHint}
        </Text>
      )}
      {result.issues.length === 0 ? (
        <Text>{t.noIssues}</Text>
      ) : (
        <ul className={s.list} data-testid="issues">
          {result.issues.slice(0, 200).map((i, k) => (
            <li key={k}>
              <Pick
                onClick={
                  host.select && (() => void host.select!(i.sheet, `${i.col ?? "A"}${i.row}`).catch(() => undefined))
                }
                className={s.item}
              >
                {i.row > 0 ? `${i.sheet}!${i.col ?? ""}${i.row}：` : ""}
                {i.message}
              </Pick>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A button where a click can go to the cell (inside Excel); plain text where it cannot (a file in a browser). */
function Pick({
  onClick,
  className,
  children,
}: {
  onClick?: () => void;
  className: string;
  children: React.ReactNode;
}) {
  if (!onClick) return <Text className={className}>{children}</Text>;
  return (
    <Button
      size="small"
      appearance="subtle"
      onClick={onClick}
      style={{ textAlign: "left", justifyContent: "flex-start", height: "auto" }}
    >
      {children}
    </Button>
  );
}
