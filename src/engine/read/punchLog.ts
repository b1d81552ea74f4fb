import { fold } from "../text";
import { formatYmd, isBlankCell } from "../parse";
import type { SheetCursor } from "./context";
import type { Detection } from "./detect";
import { dateOnly, stampOf, timeOf } from "../punch/cells";
import { parseApproval } from "../punch/approvals";
import { REST_SHIFT, scorePunches, type RawApproval, type RawPunch } from "../punch/agentDays";
import { DEFAULT_PUNCH_CONFIG, type PunchConfig } from "../punch/config";

const INVALID = /^(否|无效|n|no|false|0|×|打卡无效)$/i;

/** A row's punch: one date-time cell, or a date cell and a time cell; the row's date either way. */
function rowStamp(cur: SheetCursor, r: number, year: number) {
  let stamp = cur.has("punchTime") ? stampOf(cur.cell(r, "punchTime"), year) : null;
  const day = cur.has("punchDate") ? dateOnly(cur.cell(r, "punchDate"), year) : stamp?.date;
  if (!stamp && day && cur.has("punchClock")) {
    const t = timeOf(cur.cell(r, "punchClock"));
    if (t !== null) stamp = { date: day, second: t };
  }
  return { stamp, day };
}

/**
 * A raw punch log (DingTalk 原始记录, WeCom 打卡明细, a ZKTeco export, an app's log): one row per punch.
 * Every row ends as a punch that was evaluated, or a listed issue (invalid, duplicate, rest day, no time).
 */
export function readPunchLog(cur: SheetCursor, det: Detection, cfg: PunchConfig = DEFAULT_PUNCH_CONFIG) {
  const header = det.header!;
  const punches: RawPunch[] = [];
  const approvals: RawApproval[] = [];
  const restShifts = new Set<string>();
  const groups = new Map<string, string>();
  const groupField = cur.has("dept") ? "dept" : cur.has("group") ? "group" : null;
  const year = cur.ctx.defaultYear;
  for (let r = header.dataStart; r < cur.grid.cells.length; r++) {
    if (cur.rowBlank(r)) continue;
    const agent = cur.agent(r);
    if (!agent) continue;
    const result = cur.text(r, "punchResult");
    const approvalText = [cur.text(r, "approval"), /补卡/.test(result) ? result : ""].filter(Boolean).join(" ");
    const { stamp, day } = rowStamp(cur, r, year);
    const a = approvalText && day ? parseApproval(approvalText, day.y, cur.ctx.attendance) : null;
    if (a) approvals.push({ agent, date: formatYmd(day!), approval: a, row: r });
    // An approved 补卡 stands for a punch nobody made: a forgotten registration, not a punch.
    if (a?.makeup) {
      cur.used.add(r);
      continue;
    }
    if (!stamp && day && REST_SHIFT.test(cur.text(r, "shift"))) {
      restShifts.add(`${agent}|${formatYmd(day)}`);
      cur.used.add(r);
      continue;
    }
    if (!stamp) {
      noStamp(cur, r, { agent, result, approved: !!a });
      continue;
    }
    const valid = cur.text(r, "punchValid");
    if ((valid && INVALID.test(fold(valid))) || /无效/.test(result)) {
      cur.issue(
        r,
        "invalid-punch",
        `${agent} ${formatYmd(stamp.date)} 的这次打卡标为无效（${valid || result}），已列出，不计入。`,
        "info",
      );
      continue;
    }
    // The row's 部门 / 组别 picks the group's shift when the roster gives none (as in a punch grid).
    const group = groupField ? cur.text(r, groupField) : "";
    if (group && !groups.has(agent)) groups.set(agent, group);
    punches.push({
      agent,
      date: formatYmd(stamp.date),
      second: stamp.second,
      row: r,
      rowShift: cur.text(r, "shift") || undefined,
      result: result || undefined,
    });
  }
  const shifts = scorePunches(cur, cfg, { punches, approvals, restShifts, groups, headerRow: header.fieldRow });
  det.reason += `；班次：${shifts.join("、") || "无"}`;
}

/**
 * A row with no punch time: used when an approval on it was read, else listed (a blank time is not a punch;
 * an unreadable one is reported).
 */
function noStamp(cur: SheetCursor, r: number, row: { agent: string; result: string; approved: boolean }) {
  const { agent, result } = row;
  const timeCell = cur.cell(r, cur.has("punchTime") ? "punchTime" : "punchClock");
  if (row.approved) cur.used.add(r);
  else if (isBlankCell(timeCell))
    cur.issue(
      r,
      "no-punch-time",
      `这一行没有打卡时间${result ? `（打卡结果“${result}”）` : ""}，不是一次打卡；${agent} 这一天按其余打卡判断。`,
      "info",
    );
  else
    cur.issue(
      r,
      "bad-punch-time",
      `打卡时间“${cur.text(r, cur.has("punchTime") ? "punchTime" : "punchClock")}”无法识别，这次打卡没有计入。`,
    );
}
