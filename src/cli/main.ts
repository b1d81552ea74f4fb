import { mkdir, writeFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { FileError } from "../adapters/file/errors";
import type { FileWorkbook } from "../adapters/file/port";
import { readAll } from "../adapters/port";
import { generateOnPort } from "../app/generateOnPort";
import { inspectWorkbook, RULES_SHEET_CHOICE } from "../engine/run";
import { toContract } from "./contract";
import { BUILTIN_SCHEMES } from "../engine/schemes";
import { EVENT_LABELS } from "../engine/classify";
import { ROLE_LABELS, FIELD_LABELS } from "../engine/read/fields";
import { table } from "./table";
import { allSheets, cellsBlock } from "./sheetCells";
import { defaultOutput, keepBackup, loadWorkbook, outputExtension, samePath, writeAtomically } from "./files";

/** Bad arguments or bad input: one line on stderr, exit 2. */
class UsageError extends Error {}

const SCHEMES = `${BUILTIN_SCHEMES.map((s) => s.id).join("|")}|${RULES_SHEET_CHOICE}`;
const HELP = `客服考核助手 / Kefu Scorecard

用法 / usage:
  kefu inspect <工作簿> [--json]
      每张表识别为什么、每人事件数、数据问题 / what each sheet was read as, counts per agent, data issues
  kefu score <工作簿> [--month YYYY-MM] [--scheme ${SCHEMES}] [--out 输出.xlsx] [--in-place] [--json]
      计分并写出一份加了考核表的副本 / score a month and write a copy with the generated tabs
  kefu demo [--dir samples] [--month 2026-10] [--json]
      生成示例工作簿并计分 / build a sample workbook and score it

工作簿 / workbook: .xlsx .xlsm .xls .ods .csv (UTF-8 or GBK)
  --out        输出文件；默认 <名称>-考核-<月份>.xlsx / output file (default <name>-考核-<month>.xlsx)
  --in-place   允许 --out 与输入相同；先保留 <名称>.bak.xlsx / allow --out to be the input, keeping <name>.bak.xlsx
  --json       结果（或错误）以 JSON 输出到 stdout / result (or error) as JSON on stdout
退出码 / exit codes: 0 成功 ok · 2 输入或参数有误 bad input or arguments · 1 程序错误 a bug
`;

function parseArgs(argv: string[], flags: string[], valued: string[]) {
  const opts: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--")) {
      const [k, inline] = a.slice(2).split("=", 2);
      if (flags.includes(k)) opts[k] = true;
      else if (valued.includes(k)) {
        const v = inline ?? argv[++i];
        if (v === undefined || v.startsWith("--")) throw new UsageError(`--${k} 需要一个值 (--${k} needs a value)`);
        opts[k] = v;
      } else throw new UsageError(`不认识的选项 --${k} (unknown option --${k}); kefu --help`);
    } else positional.push(a);
  }
  return { opts, positional };
}

/** Progress for large files, on stderr and only for a person watching a terminal. */
const progress = (step: string) => {
  if (process.stderr.isTTY)
    process.stderr.write(
      `${{ read: "读取中 reading", score: "计分中 scoring", write: "写入中 writing" }[step] ?? step}…\n`,
    );
};

async function load(file: string | undefined): Promise<FileWorkbook> {
  if (!file) throw new UsageError("缺少工作簿文件 (missing the workbook file); kefu --help");
  return loadWorkbook(file);
}

async function inspect(argv: string[]) {
  const { opts, positional } = parseArgs(argv, ["json"], []);
  if (positional.length !== 1) throw new UsageError("inspect 只接受一个工作簿文件 (inspect takes exactly one file)");
  const wb = await load(positional[0]);
  // A 赤兔 report names its month only in the file name: the reader is given it.
  const read = inspectWorkbook(await readAll(wb), [], undefined, basename(positional[0]));
  const counts = eventCounts(read);
  if (opts.json) {
    process.stdout.write(
      JSON.stringify(
        { sheets: allSheets(read), agents: read.agents, months: read.months, counts, issues: read.issues },
        null,
        2,
      ) + "\n",
    );
    return;
  }
  const out: string[] = [];
  out.push("工作表识别 / sheets", sheetsTable(read));
  out.push("", cellsBlock(read));
  for (const [month, agents] of Object.entries(counts).sort()) {
    const types = [...new Set(Object.values(agents).flatMap((a) => Object.keys(a)))].sort();
    out.push(
      "",
      `${month} 每人事件数 / events per agent`,
      table(
        ["姓名", ...types.map((t) => EVENT_LABELS[t] ?? t)],
        Object.entries(agents).map(([n, a]) => [n, ...types.map((t) => a[t] ?? "")]),
      ),
    );
  }
  out.push(
    "",
    `数据问题 / data issues: ${read.issues.length}`,
    table(
      ["位置", "级别", "问题"],
      read.issues.map((i) => [`${i.sheet}!${i.col ?? ""}${i.row}`, i.severity, i.message]),
    ),
  );
  process.stdout.write(out.join("\n") + "\n");
}

type Inspected = ReturnType<typeof inspectWorkbook>;

/** Month → agent → event type → how many events; `present` is the agent's present days. */
function eventCounts(read: Inspected): Record<string, Record<string, Record<string, number>>> {
  const counts: Record<string, Record<string, Record<string, number>>> = {};
  for (const e of read.events) {
    if (!e.agent) continue;
    const m = (counts[e.month] ??= {});
    const a = (m[e.agent] ??= {});
    a[e.type] = (a[e.type] ?? 0) + 1;
  }
  for (const [month, byAgent] of Object.entries(read.presentDays)) {
    for (const [agent, days] of Object.entries(byAgent)) ((counts[month] ??= {})[agent] ??= {}).present = days;
  }
  return counts;
}

/** What each sheet was read as: role, layout, months, header row, confidence, fields and the reason. */
function sheetsTable(read: Inspected): string {
  return table(
    ["工作表", "识别为", "版式", "月份", "表头行", "可信度", "字段", "依据"],
    read.sheets.map((s) => [
      s.sheet,
      ROLE_LABELS[s.role] + (s.used ? "" : "(仅核对)"),
      s.layout ?? "",
      s.months.join(","),
      s.headerRow || "",
      s.confidence,
      Object.entries(s.fields)
        .filter(([, f]) => f !== "day")
        .map(([c, f]) => `${c}=${FIELD_LABELS[f] ?? f}`)
        .join(" ") +
        (Object.values(s.fields).includes("day")
          ? ` +${Object.values(s.fields).filter((f) => f === "day").length}日`
          : ""),
      s.reason,
    ]),
  );
}

async function score(argv: string[]) {
  const { opts, positional } = parseArgs(argv, ["json", "in-place"], ["month", "scheme", "out"]);
  if (positional.length !== 1) throw new UsageError("score 只接受一个工作簿文件 (score takes exactly one file)");
  const scheme = (opts.scheme as string) ?? "pdd-10";
  if (scheme !== RULES_SHEET_CHOICE && !BUILTIN_SCHEMES.some((s) => s.id === scheme))
    throw new UsageError(`不认识的考核方案 "${scheme}" (unknown scheme); 可选 choose ${SCHEMES.replace(/\|/g, ", ")}`);
  const month = opts.month as string | undefined;
  if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new UsageError(`--month 应写成 YYYY-MM (--month must be YYYY-MM), got "${month}"`);
  const file = positional[0];
  const outArg = opts.out as string | undefined;
  if (outArg && samePath(outArg, file) && !opts["in-place"])
    throw new UsageError(
      `--out 与输入文件相同；要覆盖请加 --in-place (--out is the input file; add --in-place to overwrite it)`,
    );
  const wb = await load(file);
  if (opts["in-place"] && wb.converted)
    throw new UsageError(
      `--in-place 只用于 .xlsx/.xlsm；这个文件会另存为 .xlsx (--in-place needs an .xlsx/.xlsm input)`,
    );
  if (outArg && !outArg.toLowerCase().endsWith(outputExtension(wb)))
    throw new UsageError(`输出文件应以 ${outputExtension(wb)} 结尾 (--out must end in ${outputExtension(wb)})`);
  const outcome = await generateOnPort(wb, { scheme, month, sourceName: basename(file) }, progress);
  if (!outcome.ok) {
    const detail = outcome.issues.length ? `（${outcome.issues.length} 处，见 --json）` : "";
    throw new InputError(`${outcome.message}${detail} (cannot score)`, { issues: outcome.issues });
  }
  const out = outArg ? resolve(outArg) : defaultOutput(file, wb, outcome.month);
  const inPlace = samePath(out, file);
  const backup = inPlace ? await keepBackup(file) : undefined;
  await writeAtomically(out, await wb.save());
  const converted = wb.converted ? `${file} 不是 .xlsx，已另存为新的 .xlsx (converted to .xlsx)` : undefined;
  if (opts.json) {
    process.stdout.write(
      JSON.stringify(
        {
          ...toContract(outcome),
          out,
          converted: !!converted,
          backup: backup?.path ?? null,
          backupExisted: backup?.existed ?? false,
        },
        null,
        2,
      ) + "\n",
    );
    return;
  }
  process.stdout.write(summary(outcome, out, [converted, backup && backupLine(backup)]) + "\n");
}

/** The backup line: a backup from an earlier run is kept as it is (it holds the true original), and said so. */
const backupLine = (b: { path: string; existed: boolean }) =>
  b.existed
    ? `备份 ${b.path} 已存在，保留不覆盖（它是更早的原文件）(existing backup kept, not overwritten)`
    : `原文件已备份为 ${b.path} (backup kept)`;

/** Input that cannot be scored (no data for the month, a broken rules tab): exit 2, with details for --json. */
class InputError extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
  }
}

function summary(
  o: Extract<Awaited<ReturnType<typeof generateOnPort>>, { ok: true }>,
  out: string,
  extra: (string | undefined)[],
): string {
  const r = o.result;
  const lines = [
    `${o.month}${o.monthChosen ? "（未指定 --month，取数据里最新的月份）" : ""} · ${o.scheme.name} · ${r.agents.length} 人`,
  ];
  lines.push(
    table(
      ["姓名", "得分", "等级", "结论", "罚款(元)", "处理"],
      r.agents.map((a) => [a.name, a.score ?? "—", a.level, a.label, a.fineYuan, a.actions.join("、")]),
    ),
  );
  const flagged = r.agents.filter((a) => a.level > 0);
  lines.push(
    "",
    flagged.length ? `需关注：${flagged.map((a) => `${a.name}（${a.label}）`).join("，")}` : "本月没有需要关注的客服。",
  );
  lines.push(
    `基金箱：期初 ${r.fundBox.opening} + 罚款 ${r.fundBox.fines} − 支出 ${r.fundBox.spent} = 结余 ${r.fundBox.closing} 元`,
  );
  lines.push(
    r.courier.length
      ? `快递扣款：${r.courier.map((c) => `${c.courier} ${c.incidents}件 ${c.amount}元`).join("，")}（${r.courier[0].handOverDate} 前交财务）`
      : "快递扣款：无",
  );
  lines.push(`数据问题：${o.issues.length} 条（见“数据问题”表）`);
  for (const n of o.notices) lines.push(`注意：${n}`);
  for (const e of extra) if (e) lines.push(e);
  lines.push(`已写入：${out}`);
  return lines.join("\n");
}

async function demo(argv: string[]) {
  const { opts } = parseArgs(argv, ["json"], ["dir", "month"]);
  const dir = resolve((opts.dir as string) ?? "samples");
  await mkdir(dir, { recursive: true });
  const sample = resolve(dir, "sample-shop.xlsx");
  // The sample is built with ExcelJS, loaded only here: the other commands start without it.
  const { buildSampleWorkbook } = await import("../sample/sampleWorkbook");
  await writeFile(sample, await buildSampleWorkbook());
  if (!opts.json) process.stdout.write(`示例工作簿 / sample workbook: ${sample}\n\n`);
  await score([
    sample,
    "--scheme",
    "pdd-10",
    "--month",
    (opts.month as string) ?? "2026-10",
    "--out",
    resolve(dir, "sample-shop-考核-2026-10.xlsx"),
    ...(opts.json ? ["--json"] : []),
  ]);
}

/** One line on stderr (and, with --json, a JSON object on stdout); exit 2 for bad input, 1 for a bug. */
function fail(e: unknown, json: boolean): number {
  const known = e instanceof UsageError || e instanceof FileError || e instanceof InputError;
  const message = known
    ? (e as Error).message
    : `内部错误，请报告 (internal error): ${String((e as Error)?.message ?? e)}`;
  process.stderr.write(`error: ${message.replace(/\s*\n\s*/g, " ")}\n`);
  if (json) {
    const code =
      e instanceof FileError
        ? e.problem
        : e instanceof UsageError
          ? "usage"
          : e instanceof InputError
            ? "input"
            : "internal";
    const details = e instanceof InputError ? e.details : {};
    process.stdout.write(JSON.stringify({ error: { code, message, ...details } }, null, 2) + "\n");
  }
  return known ? 2 : 1;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  const json = rest.includes("--json");
  try {
    if (!cmd) throw new UsageError("缺少命令 (missing command); kefu --help");
    if (cmd === "--help" || cmd === "-h" || cmd === "help" || rest.includes("--help") || rest.includes("-h")) {
      process.stdout.write(HELP);
      return 0;
    }
    if (cmd === "inspect") await inspect(rest);
    else if (cmd === "score") await score(rest);
    else if (cmd === "demo") await demo(rest);
    else throw new UsageError(`不认识的命令 "${cmd}" (unknown command); kefu --help`);
    return Number(process.exitCode ?? 0);
  } catch (e) {
    return fail(e, json);
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
