import { NO_OVERRIDES, type Overrides } from "./calendar";
import { DEFAULT_SHIFT, parseShiftText, shiftWorks, type Shift } from "./shifts";

/** What the 规则 tab says about punch data: shifts, calendar overrides, and what a workday without a punch is. */
export interface PunchConfig {
  shifts: Shift[];
  overrides: Overrides;
  /** The event type of a workday with no punch at all (RULES.md: default 旷工). */
  noPunchKind: string;
  /** True when the 规则 tab declared shifts; false: the default 09:00–18:00 is assumed, and said so. */
  declared: boolean;
}

export const DEFAULT_NO_PUNCH_KIND = "unauthorised";

export const DEFAULT_PUNCH_CONFIG: PunchConfig = {
  shifts: [DEFAULT_SHIFT],
  overrides: NO_OVERRIDES,
  noPunchKind: DEFAULT_NO_PUNCH_KIND,
  declared: false,
};

/** The shift the 规则 table gives everyone not otherwise assigned: `适用` 全部 / 默认 / blank, first such. */
export function defaultShift(cfg: PunchConfig): Shift {
  return (
    cfg.shifts.find((s) => s.appliesTo.some((a) => /^(全部|默认|所有人|all)$/i.test(a))) ??
    cfg.shifts.find((s) => !s.appliesTo.length) ??
    DEFAULT_SHIFT
  );
}

export interface ShiftChoice {
  shift: Shift;
  /** Why this shift: 花名册的班次, 打卡表的班次列, 规则表（组别）, 默认. */
  why: string;
}

/**
 * The shift of an agent on a day: the punch sheet's own 班次 cell first (the day's schedule), then the
 * roster's 班次 column, then a 规则 shift that names the agent, then one naming the agent's group, then
 * the default. A 班次 cell names a 规则 shift or carries its own times (`早班 09:00-18:00`).
 */
export function chooseShift(
  cfg: PunchConfig,
  who: { name: string; group?: string; rosterShift?: string },
  rowShift?: string,
): ShiftChoice | { unknown: string } {
  const byText = (text: string, where: string): Shift | null =>
    cfg.shifts.find((s) => s.name === text.trim()) ?? parseShiftText(text, where);
  if (rowShift) {
    const s = byText(rowShift, "打卡表的班次列");
    if (s) return { shift: s, why: "打卡表的班次列" };
  }
  if (who.rosterShift) {
    const s = byText(who.rosterShift, "花名册");
    if (s) return { shift: s, why: "花名册的班次" };
    return { unknown: who.rosterShift };
  }
  const named = cfg.shifts.find((s) => s.appliesTo.includes(who.name));
  if (named) return { shift: named, why: "规则表（按姓名）" };
  const grouped = who.group ? cfg.shifts.find((s) => s.appliesTo.includes(who.group!)) : undefined;
  if (grouped) return { shift: grouped, why: `规则表（组别 ${who.group}）` };
  return { shift: defaultShift(cfg), why: cfg.declared ? "规则表的默认班次" : "默认班次 09:00-18:00" };
}

/**
 * Is the day a workday for this person? The calendar, the shop's 【日历】 days and the person's shift
 * (a 周一至周六 shift works Saturdays). For matrix and export readers: a mark on a day that is not is
 * listed, not deducted.
 */
export function agentWorks(
  cfg: PunchConfig,
  who: { name: string; group?: string; rosterShift?: string },
  iso: string,
): { work: boolean; why: string } {
  const choice = chooseShift(cfg, who);
  return shiftWorks("shift" in choice ? choice.shift : defaultShift(cfg), iso, cfg.overrides);
}
