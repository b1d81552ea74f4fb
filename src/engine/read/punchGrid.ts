import { fold, halfWidth } from "../text";
import {
  cellText,
  daysInMonth,
  formatYmd,
  isBlankCell,
  isErrorCell,
  parseMonthKey,
  parseNumber,
  type Ymd,
} from "../parse";
import { classifyText, EVENT_LABELS } from "../classify";
import { E } from "../events";
import type { SheetCursor } from "./context";
import type { Detection } from "./detect";
import { dateOnly, timesIn } from "../punch/cells";
import { personOf } from "../punch/personSheet";
import { checkFills, type MarkedDay } from "../punch/fills";
import { gridDays, type GridDay } from "../punch/gridHeader";
import { scorePunches, type Employment, type RawApproval, type RawPunch } from "../punch/agentDays";
import { DEFAULT_PUNCH_CONFIG, type PunchConfig } from "../punch/config";

const FOOTER = /^(合计|总计|小计|制表|审核|负责人|签字|主管|备注|说明|注|图例)/;
const NOTE = /^(.*?)[\s(（]*(?:(\d{1,2})\s*[月./-]\s*(\d{1,2})|(\d{2})(\d{2}))\s*日?\s*(离职|入职)[)）]?$/;

/** `某某3月15离职`, `某某0301入职`, `某某(3.15离职)` → the name and the employment the note gives. */
export function splitNameNote(raw: string, year: number): { name: string; note?: string; job?: Employment } {
  const s = halfWidth(raw).trim();
  const m = s.match(NOTE);
  if (!m || !m[1].trim()) return { name: s };
  const month = +(m[2] ?? m[4]),
    day = +(m[3] ?? m[5]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { name: s };
  const iso = formatYmd({ y: year, m: month, d: day });
  const note = s.slice(m[1].length).trim();
  // The leave date itself is not counted as a workday: a shop rarely expects a full day on it.
  return { name: m[1].trim(), note, job: m[6] === "入职" ? { from: iso } : { to: prevDay(iso) } };
}
const prevDay = (iso: string) => {
  const t = new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10) - 1));
  return t.toISOString().slice(0, 10);
};

/** The dates of a grid's days: from the header cells; a day number alone takes the title's month. */
function resolveDays(cur: SheetCursor, days: GridDay[], titleMonth: string | null, headerRow: number) {
  const full = days.filter((d) => d.date && !d.monthOnly);
  const year = full[0]?.date?.y ?? (titleMonth ? +titleMonth.slice(0, 4) : cur.ctx.defaultYear);
  const out: { day: GridDay; iso: string }[] = [];
  for (const d of days) {
    let date: Ymd | null = d.date ? { ...d.date, y: d.monthOnly ? year : d.date.y } : null;
    if (!date && titleMonth) {
      const ym = parseMonthKey(titleMonth);
      if (d.day <= daysInMonth(ym.y, ym.m)) date = { y: ym.y, m: ym.m, d: d.day };
    }
    if (date) out.push({ day: d, iso: formatYmd(date) });
  }
  const headerMonths = [...new Set(out.filter((o) => o.day.date).map((o) => o.iso.slice(0, 7)))];
  if (titleMonth && headerMonths.length && !headerMonths.includes(titleMonth))
    cur.issue(
      headerRow,
      "title-month-differs",
      `标题写的是 ${titleMonth}，但表头的日期是 ${headerMonths.join("、")}：按表头的日期计算。请核对标题。`,
      "warning",
    );
  return out;
}

/**
 * A punch-time grid: a row per person, a column (or a 上班 / 下班 pair) per day holding times. Merged
 * group cells (部门) fill down; a join / leave note glued to a name limits that person's workdays.
 */
export function readPunchGrid(cur: SheetCursor, det: Detection, cfg: PunchConfig = DEFAULT_PUNCH_CONFIG) {
  const header = det.header!;
  if (header.fields.includes("punchDate")) return readPersonSheet(cur, det, cfg);
  const titleMonth = det.titleMonth;
  const grid = cur.grid;
  const dateRow = header.groupRow ?? header.fieldRow;
  const days = resolveDays(cur, gridDays(grid, dateRow).days, titleMonth, dateRow);
  const year = days[0] ? +days[0].iso.slice(0, 4) : cur.ctx.defaultYear;
  const nameCol = cur.col.name ?? cur.col.account ?? cur.col.empId;
  const groupCol = cur.col.dept ?? cur.col.group;
  const punches: RawPunch[] = [];
  const approvals: RawApproval[] = [];
  const employment = new Map<string, Employment>();
  const groups = new Map<string, string>();
  const marked: MarkedDay[] = [];
  let group = "";
  for (let r = header.dataStart; r < grid.cells.length; r++) {
    if (cur.rowBlank(r)) continue;
    const first = fold(cellText(grid.cells[r]?.[0] ?? null) + cellText(grid.cells[r]?.[nameCol] ?? null));
    if (FOOTER.test(first)) {
      cur.structural.add(r);
      continue;
    }
    if (groupCol !== undefined && !isBlankCell(grid.cells[r]?.[groupCol] ?? null)) {
      group = cellText(grid.cells[r][groupCol]);
      cur.touch(r, groupCol);
    }
    if (!days.length) {
      cur.issue(r, "no-month", "打卡表看不出是哪一个月：表头只有日号，标题也没有写月份（例如“2026年10月”）。");
      continue;
    }
    const who = gridAgent(cur, r, nameCol, year);
    if (!who) continue;
    const { agent, job } = who;
    if (group) groups.set(agent, group);
    employment.set(agent, { ...employment.get(agent), ...job });
    cur.used.add(r);
    readRowCells(cur, r, agent, days, punches, approvals);
    for (const { day, iso } of days) marked.push({ agent, iso, row: r, cols: day.cols });
  }
  const offDays = new Set<string>();
  const shifts = scorePunches(
    cur,
    cfg,
    { punches, approvals, employment, groups, headerRow: header.fieldRow },
    offDays,
  );
  det.reason += `；班次：${shifts.join("、") || "无"}`;
  checkFills(cur, marked, offDays);
}

/** The person of a grid row, a join / leave note split off and listed; null (and an issue) when unknown. */
function gridAgent(cur: SheetCursor, r: number, nameCol: number, year: number) {
  const written = cellText(cur.grid.cells[r]?.[nameCol] ?? null);
  cur.touch(r, nameCol);
  const { name, note, job } = splitNameNote(written, year);
  const res = name ? cur.ctx.resolver.resolve(name) : null;
  if (!res?.ok) {
    const near = res && res.near.length ? `，相近的名字：${res.near.join("、")}` : "";
    if (res) cur.issue(r, "unknown-name", `“${name}”不在花名册里${near}。`, "error", nameCol);
    else cur.issue(r, "no-name", "这一行没有姓名，无法计入任何人。", "error", nameCol);
    return null;
  }
  if (note) {
    const span = job?.from ? `${job.from} 之前` : `${job?.to} 之后`;
    const msg = `姓名“${written}”带有备注“${note}”：按 ${res.name} 读取，${span}不算此人的工作日。`;
    cur.issue(r, "name-note", msg, "info", nameCol);
  }
  return { agent: res.name, job };
}

/** Words in a day cell that cover the day instead of a punch: leave, a trip, a rest day. */
const DAY_COVERING = new Set<string>([E.leave, E.swap, E.statutory, E.trip, E.rest]);

/** One person's day cells: times become punches; a leave or rest word covers the day; anything else is listed. */
function readRowCells(
  cur: SheetCursor,
  r: number,
  agent: string,
  days: { day: GridDay; iso: string }[],
  punches: RawPunch[],
  approvals: RawApproval[],
) {
  for (const { day, iso } of days)
    for (const c of day.cols) {
      const v = cur.grid.cells[r]?.[c] ?? null;
      if (isBlankCell(v)) continue;
      cur.touch(r, c); // a time, a leave word or a listed mark: the grid's day cells are all read
      const times = isErrorCell(v) ? null : timesIn(v);
      if (times) {
        for (const t of times) punches.push({ agent, date: iso, second: t, row: r, col: c, workday: true });
        continue;
      }
      const text = cellText(v);
      const type = classifyText(text, cur.ctx.attendance);
      if (type && DAY_COVERING.has(type)) {
        approvals.push({
          agent,
          date: iso,
          row: r,
          approval: { type, detail: text, from: null, to: null, makeup: false },
        });
        continue;
      }
      cur.cellIssue(
        r,
        c,
        "unknown-punch-cell",
        `${iso} 的“${text}”不是打卡时刻，也不是请假/休息：没有计入${type ? `（像是${EVENT_LABELS[type] ?? type}）` : ""}。`,
      );
    }
}

const YES = /^(是|旷工|√|y|yes|1)$/i;

/**
 * One sheet per person: each row a day, its time columns read like a grid's day cells. The clock's own
 * 迟到 / 早退 / 是否旷工 columns are compared with the result, each disagreement listed, never copied.
 */
export function readPersonSheet(cur: SheetCursor, det: Detection, cfg: PunchConfig) {
  const header = det.header!;
  const written = personOf(cur.grid, det.titleText) ?? "";
  const res = cur.ctx.resolver.resolve(written);
  if (!res.ok) {
    cur.issue(header.fieldRow, "unknown-name", `表头上方的姓名“${written}”不在花名册里，这张表没有计入。`);
    return;
  }
  const agent = res.name;
  const timeCols = header.fields.flatMap((f, c) => (f === "punchClock" ? [c] : []));
  const punches: RawPunch[] = [];
  const approvals: RawApproval[] = [];
  const dayRows = new Map<string, number>();
  for (let r = header.dataStart; r < cur.grid.cells.length; r++) {
    if (cur.rowBlank(r)) continue;
    const d = dateOnly(cur.cell(r, "punchDate"), cur.ctx.defaultYear);
    if (!d) {
      if (FOOTER.test(fold(cellText(cur.grid.cells[r]?.[0] ?? null)))) cur.structural.add(r);
      else cur.badDate(r, "这一行");
      continue;
    }
    const iso = formatYmd(d);
    dayRows.set(iso, r);
    cur.used.add(r);
    readRowCells(cur, r, agent, [{ day: { day: d.d, cols: timeCols, sides: [] }, iso }], punches, approvals);
  }
  const shifts = scorePunches(cur, cfg, { punches, approvals, headerRow: header.fieldRow });
  det.reason += `；班次：${shifts.join("、") || "无"}`;
  checkClockColumns(cur, agent, dayRows);
}

/** The clock's 迟到 / 早退 / 是否旷工 against the events this sheet produced. */
function checkClockColumns(cur: SheetCursor, agent: string, dayRows: Map<string, number>) {
  const mine = cur.ctx.events.filter((e) => e.agent === agent && e.sources[0]?.sheet === cur.name);
  const checks: [string, string][] = [
    ["clockLate", E.late],
    ["clockEarly", E.early],
    ["clockAbsent", E.unauthorised],
  ];
  for (const [iso, r] of dayRows)
    for (const [field, type] of checks) {
      if (!cur.has(field)) continue;
      const t = cur.text(r, field);
      const n = parseNumber(cur.cell(r, field));
      const clock =
        field === "clockAbsent" ? YES.test(t) : (n ?? 0) > 0 || (n === null && !!t && !/^(否|无|0)$/.test(t));
      const ours = mine.find((e) => e.date === iso && e.type === type);
      if (clock === !!ours && (!clock || n === null || ours?.measure === undefined || ours.measure === n)) continue;
      const said = clock ? `记为${EVENT_LABELS[type]}${n ? ` ${n} 分钟` : ""}` : `没有记${EVENT_LABELS[type]}`;
      const found = ours
        ? `是${EVENT_LABELS[type]}${ours.measure ? ` ${ours.measure} 分钟` : ""}`
        : `不是${EVENT_LABELS[type]}`;
      cur.issue(
        r,
        "clock-disagrees",
        `${agent} ${iso}：打卡机${said}，按班次计算${found}。以计算为准（打卡机的结果只作核对）。`,
        "warning",
        cur.col[field],
      );
    }
}
