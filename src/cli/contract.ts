import type { GenerateOutcome } from "../engine/run";

/** The fixed JSON contract of `score --json`. */
export function toContract(o: Extract<GenerateOutcome, { ok: true }>) {
  const r = o.result;
  return {
    month: o.month,
    monthChosenAutomatically: o.monthChosen,
    scheme: o.scheme.id,
    agents: r.agents.map((a) => ({
      name: a.name,
      score: a.score,
      level: a.level,
      label: a.label,
      fineYuan: a.fineYuan,
      bonusCutPercent: a.bonusCutPercent,
      actions: a.actions,
      group: a.group ?? null,
      rewardYuan: a.rewardYuan,
    })),
    fundBox: { opening: r.fundBox.opening, fines: r.fundBox.fines, spent: r.fundBox.spent, closing: r.fundBox.closing },
    courier: r.courier.map((c) => ({
      courier: c.courier,
      incidents: c.incidents,
      amount: c.amount,
      handOverDate: c.handOverDate,
    })),
    issues: o.issues.map((i) => ({
      sheet: i.sheet,
      row: i.row,
      col: i.col ?? null,
      severity: i.severity,
      message: i.message,
    })),
    notices: o.notices,
  };
}
