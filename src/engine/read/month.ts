import { halfWidth } from "../text";
import { monthKey } from "../parse";

/** A month named in free text: `2026年2月考勤表`, `2026 年 2 月`, `2026-02`, `统计时间:2026-03-01 ～ 03-31`. */
export function monthFromText(text: string, defaultYear?: number): string | null {
  const s = halfWidth(text).replace(/\s+/g, "");
  let m = s.match(/(20\d{2})年(\d{1,2})月/);
  if (m && +m[2] >= 1 && +m[2] <= 12) return monthKey({ y: +m[1], m: +m[2] });
  m = s.match(/(20\d{2})[-/.](\d{1,2})(?:[-/.]\d{1,2})?/);
  if (m && +m[2] >= 1 && +m[2] <= 12) return monthKey({ y: +m[1], m: +m[2] });
  m = s.match(/(?:^|[^\d])(\d{1,2})月/);
  if (m && defaultYear && +m[1] >= 1 && +m[1] <= 12) return monthKey({ y: defaultYear, m: +m[1] });
  m = s.match(/统计时间:?(\d{1,2})-\d{1,2}/);
  if (m && defaultYear && +m[1] >= 1 && +m[1] <= 12) return monthKey({ y: defaultYear, m: +m[1] });
  return null;
}
