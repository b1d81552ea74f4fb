import { readFile, writeFile, mkdir } from "node:fs/promises";
import { dirname, resolve, basename } from "node:path";
import { ExcelJsWorkbook } from "../adapters/exceljs/port";
import { readAll } from "../adapters/port";
import { generateOnPort } from "../app/generateOnPort";
import { inspectWorkbook, toContract, RULES_SHEET_CHOICE } from "../engine/run";
import { BUILTIN_SCHEMES } from "../engine/schemes";
import { EVENT_LABELS } from "../engine/classify";
import { ROLE_LABELS, FIELD_LABELS } from "../engine/read/fields";
import { buildSampleWorkbook } from "../sample/sampleWorkbook";
import { table } from "./table";
import { allSheets, cellsBlock } from "./sheetCells";

class UsageError extends Error {}

const USAGE = `用法 / usage:
  npm run --silent inspect -- <file.xlsx> [--json]
  npm run --silent score -- <file.xlsx> [--month YYYY-MM] [--scheme ${BUILTIN_SCHEMES.map((s) => s.id).join("|")}|${RULES_SHEET_CHOICE}] [--out out.xlsx] [--json]
  npm run demo`;

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
        if (v === undefined || v.startsWith("--")) throw new UsageError(`--${k} needs a value`);
        opts[k] = v;
      } else throw new UsageError(`unknown option --${k}`);
    } else positional.push(a);
  }
  return { opts, positional };
}

async function load(file: string | undefined): Promise<ExcelJsWorkbook> {
  if (!file) throw new UsageError("missing the workbook file (.xlsx)");
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    throw new UsageError(`cannot read ${file}: no such file or not readable`);
  }
  try {
    return await ExcelJsWorkbook.load(data);
  } catch {
    throw new UsageError(`${file} is not a readable .xlsx workbook (an .xls or a damaged file? save it as .xlsx)`);
  }
}

async function inspect(argv: string[]) {
  const { opts, positional } = parseArgs(argv, ["json"], []);
  if (positional.length !== 1) throw new UsageError("inspect takes exactly one .xlsx file");
  const wb = await load(positional[0]);
  const read = inspectWorkbook(await readAll(wb));
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
  out.push(
    "工作表识别 / sheets",
    table(
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
    ),
  );
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

async function score(argv: string[]) {
  const { opts, positional } = parseArgs(argv, ["json"], ["month", "scheme", "out"]);
  if (positional.length !== 1) throw new UsageError("score takes exactly one .xlsx file");
  const scheme = (opts.scheme as string) ?? "pdd-10";
  if (scheme !== RULES_SHEET_CHOICE && !BUILTIN_SCHEMES.some((s) => s.id === scheme))
    throw new UsageError(
      `unknown scheme "${scheme}"; choose ${BUILTIN_SCHEMES.map((s) => s.id).join(", ")} or ${RULES_SHEET_CHOICE}`,
    );
  const month = opts.month as string | undefined;
  if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new UsageError(`--month must be YYYY-MM, got "${month}"`);
  const file = positional[0];
  const wb = await load(file);
  const outcome = await generateOnPort(wb, { scheme, month });
  if (!outcome.ok) {
    process.stderr.write(outcome.message + "\n" + outcome.issues.map((i) => `  ${i.message}\n`).join(""));
    process.exitCode = 1;
    return;
  }
  const out =
    (opts.out as string) ??
    resolve(dirname(file), basename(file).replace(/\.xlsx$/i, "") + `-考核-${outcome.month}.xlsx`);
  await mkdir(dirname(resolve(out)), { recursive: true });
  await writeFile(out, await wb.save());
  if (opts.json) {
    process.stdout.write(JSON.stringify({ ...toContract(outcome), out }, null, 2) + "\n");
    return;
  }
  process.stdout.write(summary(outcome, out) + "\n");
}

function summary(o: Extract<Awaited<ReturnType<typeof generateOnPort>>, { ok: true }>, out: string): string {
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
    `快递扣款：${r.courier.map((c) => `${c.courier} ${c.incidents}件 ${c.amount}元`).join("，") || "无"}（${r.courier[0]?.handOverDate ?? ""} 前交财务）`,
  );
  lines.push(`数据问题：${o.issues.length} 条（见“数据问题”表）`);
  for (const n of o.notices) lines.push(`注意：${n}`);
  lines.push(`已写入：${out}`);
  return lines.join("\n");
}

async function demo(argv: string[]) {
  const { opts } = parseArgs(argv, ["json"], ["dir", "month"]);
  const dir = resolve((opts.dir as string) ?? "samples");
  await mkdir(dir, { recursive: true });
  const sample = resolve(dir, "sample-shop.xlsx");
  await writeFile(sample, await buildSampleWorkbook());
  process.stdout.write(`示例工作簿 / sample workbook: ${sample}\n\n`);
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

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    if (cmd === "inspect") await inspect(rest);
    else if (cmd === "score") await score(rest);
    else if (cmd === "demo") await demo(rest);
    else throw new UsageError(cmd ? `unknown command "${cmd}"` : "missing command");
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`error: ${(e as Error).message ?? String(e)}\n`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
