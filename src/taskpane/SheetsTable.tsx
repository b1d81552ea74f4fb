import { Fragment, useState } from "react";
import { Button, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { MappingOverride, ReadResult, SheetMapping } from "../engine/read/model";
import type { Role } from "../engine/types";
import { FIELD_LABELS } from "../engine/read/fields";
import type { Strings } from "./i18n";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "4px",
    verticalAlign: "top",
    textAlign: "left",
  },
  reason: { color: tokens.colorNeutralForeground3 },
});

const ROLES: Role[] = ["attendance", "complaints", "express", "fines", "roster", "performance", "none"];
const FIELDS = Object.keys(FIELD_LABELS).filter((f) => f !== "day");

type Correct = (sheet: string, change: Partial<MappingOverride>) => void;

/** What each sheet was read as, with the controls to correct a role or a field. */
export function SheetsTable({ read, t, onCorrect }: { read: ReadResult; t: Strings; onCorrect: Correct }) {
  const s = useStyles();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section aria-label={t.recognised}>
      <Text weight="semibold" as="h2" size={300}>
        {t.recognised}
      </Text>
      <table className={s.table} data-testid="sheets">
        <thead>
          <tr>
            {[t.sheet, t.role, t.months, t.confidence, t.cellsHead].map((h) => (
              <th key={h} className={s.cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {read.sheets.map((sh) => (
            <Fragment key={sh.sheet}>
              <SheetRow
                sh={sh}
                t={t}
                onCorrect={onCorrect}
                open={open === sh.sheet}
                toggle={() => setOpen(open === sh.sheet ? null : sh.sheet)}
              />
              {open === sh.sheet && <FieldRows sh={sh} t={t} onCorrect={onCorrect} />}
            </Fragment>
          ))}
          {(read.ownTabs ?? []).map((sh) => (
            <OwnTabRow key={sh.sheet} sh={sh} t={t} />
          ))}
        </tbody>
      </table>
      <Text size={200} className={s.reason} as="p">
        {t.cellsHint}
      </Text>
    </section>
  );
}

/** A tab this add-in wrote (or keeps): listed with its cells, all structural, never a role to correct. */
function OwnTabRow({ sh, t }: { sh: SheetMapping; t: Strings }) {
  const s = useStyles();
  return (
    <tr>
      <td className={s.cell}>
        {sh.sheet}
        {sh.hidden ? t.hiddenSheet : ""}
      </td>
      <td className={s.cell} colSpan={3}>
        <Text size={200} className={s.reason}>
          {t.ownTab} · {sh.reason}
        </Text>
      </td>
      <CellsCell sheet={sh} t={t} />
    </tr>
  );
}

/** The sheet's cells split: every non-empty cell used, structural or reported. */
function CellsCell({ sheet, t }: { sheet: SheetMapping; t: Strings }) {
  const s = useStyles();
  return (
    <td className={s.cell} data-testid={`cells-${sheet.sheet}`}>
      {sheet.cells ? t.cells(sheet.cells) : ""}
    </td>
  );
}

/** A summary a detailed sheet of the same month supersedes: read, but only to cross-check (the CLI's `(仅核对)`). */
const crossCheckOnly = (sh: SheetMapping) => !sh.used && sh.role !== "none";

type RowProps = { sh: SheetMapping; t: Strings; onCorrect: Correct };

/** A sheet, the role it was read as (a dropdown to correct it), its months and how sure the reader was. */
function SheetRow({ sh, t, onCorrect, open, toggle }: RowProps & { open: boolean; toggle: () => void }) {
  const s = useStyles();
  return (
    <tr>
      <td className={s.cell}>
        <Button
          size="small"
          appearance="transparent"
          style={{ justifyContent: "flex-start", paddingLeft: 0 }}
          aria-expanded={open}
          onClick={toggle}
        >
          {sh.sheet}
          {sh.hidden ? t.hiddenSheet : ""}
          {crossCheckOnly(sh) ? t.checkedOnly : ""}
        </Button>
      </td>
      <td className={s.cell}>
        <Select
          size="small"
          aria-label={`${sh.sheet} ${t.role}`}
          value={sh.role}
          onChange={(_, d) => onCorrect(sh.sheet, { role: d.value as Role })}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t.roles[r]}
            </option>
          ))}
        </Select>
      </td>
      <td className={s.cell}>{sh.months.join(", ")}</td>
      <td className={s.cell}>
        {crossCheckOnly(sh) ? `${t.checkedOnlyHint} · ` : ""}
        {t.conf[sh.confidence]}
        {sh.corrected ? ` · ${t.corrected}` : ""}
      </td>
      <CellsCell sheet={sh} t={t} />
    </tr>
  );
}

/** An opened sheet: why it was read so, and each column's field with a dropdown to correct it. */
function FieldRows({ sh, t, onCorrect }: RowProps) {
  const s = useStyles();
  return (
    <tr>
      <td className={s.cell} colSpan={5}>
        <Text size={200} className={s.reason} as="p">
          {sh.reason}
        </Text>
        {sh.structure && Object.keys(sh.structure).length > 0 && (
          <Text size={200} className={s.reason} as="p">
            {t.cellsHead}：
            {Object.entries(sh.structure)
              .map(([why, n]) => `${why} ${n}`)
              .join(" · ")}
          </Text>
        )}
        <table className={s.table}>
          <thead>
            <tr>
              <th className={s.cell}>{t.column}</th>
              <th className={s.cell}>
                {t.headerRow} {sh.headerRow}
              </th>
              <th className={s.cell}>{t.field}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(sh.labels)
              .filter(([c]) => sh.fields[c] !== "day")
              .map(([col, label]) => (
                <tr key={col}>
                  <td className={s.cell}>{col}</td>
                  <td className={s.cell}>{label}</td>
                  <td className={s.cell}>
                    <Select
                      size="small"
                      aria-label={`${sh.sheet} ${col}`}
                      value={sh.fields[col] ?? ""}
                      onChange={(_, d) => onCorrect(sh.sheet, { fields: { [col]: d.value || null } })}
                    >
                      <option value="">{t.notMapped}</option>
                      {FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {FIELD_LABELS[f]}
                        </option>
                      ))}
                    </Select>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </td>
    </tr>
  );
}
