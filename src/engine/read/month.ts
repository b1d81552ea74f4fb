import { halfWidth } from "../text";
import { monthKey } from "../parse";

/** Labels of the period a sheet covers, and of when it was made (which says nothing about the period). */
const PERIOD_LABEL = /(统计时间|统计日期|统计周期|统计月份|考勤月份|考勤时间|考勤日期|考勤周期|日期范围)[:：]?/;
const MADE_LABEL = /(制表时间|制表日期|导出时间|导出日期|打印时间|生成时间|报表生成时间)[:：]?[^\s]*(\s+[\d:]+)?/g;

/**
 * A month named in free text: `2026年2月考勤表`, `2026 年 2 月`, `2026-02`, `统计时间:2026-03-01 ～ 03-31`.
 * The period (统计时间 / 考勤月份) wins over anything else; a 制表 / 导出 time is never the month.
 */
export function monthFromText(text: string, defaultYear?: number): string | null {
  const s = halfWidth(text).replace(/\s+/g, " ");
  const at = s.search(PERIOD_LABEL);
  if (at >= 0) {
    const after = s.slice(at).replace(PERIOD_LABEL, "");
    const span = after.replace(MADE_LABEL, " ").split(/\s(?=[^\d\s~～至到-]+[:：])/)[0];
    const period = monthIn(span, defaultYear) ?? periodBeforeMade(span, s);
    if (period) return period;
  }
  return monthIn(s.replace(MADE_LABEL, " "), defaultYear);
}

/** `统计时间:03-01 ～ 03-31` names no year: the export was made in or after that month (制表时间 2026-04-01). */
function periodBeforeMade(span: string, text: string): string | null {
  const m = span.replace(/\s+/g, "").match(/^(\d{1,2})-\d{1,2}/);
  const made = [...text.matchAll(MADE_LABEL)].map((x) => x[0].match(/(20\d{2})[-/.年](\d{1,2})/)).find(Boolean);
  if (!m || !made || +m[1] < 1 || +m[1] > 12) return null;
  const y = +made[1] - (+m[1] > +made[2] ? 1 : 0);
  return monthKey({ y, m: +m[1] });
}

function monthIn(text: string, defaultYear?: number): string | null {
  const s = text.replace(/\s+/g, "");
  let m = s.match(/(20\d{2})年(\d{1,2})月/);
  if (m && +m[2] >= 1 && +m[2] <= 12) return monthKey({ y: +m[1], m: +m[2] });
  m = s.match(/(20\d{2})[-/.](\d{1,2})(?:[-/.]\d{1,2})?/);
  if (m && +m[2] >= 1 && +m[2] <= 12) return monthKey({ y: +m[1], m: +m[2] });
  m = s.match(/(?:^|[^\d])(\d{1,2})月/);
  if (m && defaultYear && +m[1] >= 1 && +m[1] <= 12) return monthKey({ y: defaultYear, m: +m[1] });
  m = s.match(/^(\d{1,2})-\d{1,2}/);
  if (m && defaultYear && +m[1] >= 1 && +m[1] <= 12) return monthKey({ y: defaultYear, m: +m[1] });
  return null;
}
