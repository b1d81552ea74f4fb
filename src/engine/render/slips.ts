import { compareText } from "../text";
import type { MonthResult } from "../score/result";
import type { Scheme } from "../score/scheme";
import { eventLabel } from "../events";
import { UNIT_WORD } from "../score/kinds";
import { refText } from "../types";
import { OUTPUT_NAMES, SheetBuilder, type OutputSheet } from "./model";

/** 个人考核单: one printable page per agent, every deduction with date and source, signature lines. */
export function renderSlips(r: MonthResult, scheme: Scheme): OutputSheet {
  const b = new SheetBuilder(5, "slips");
  r.agents.forEach((a, i) => {
    if (i > 0) b.rowBreaks.push(b.row);
    b.line(`${r.month.replace("-", "年")}月 客服个人考核单`, "title");
    b.line(
      `姓名：${a.name}${a.resigned ? "（已离职）" : ""}    组别：${a.group ?? "—"}    考核方案：${scheme.name}`,
      "subtitle",
    );
    b.push(["日期", "项目", "说明", "分/元", "来源"], "header");
    const shown = a.lines
      .filter((l) => l.value !== 0 || l.note)
      .sort((x, y) => compareText(x.date ?? "9999", y.date ?? "9999"));
    for (const l of shown) {
      b.push([
        l.date ?? "本月",
        l.ruleLabel,
        [l.text ?? eventLabel(l.eventType), l.note].filter(Boolean).join("；"),
        l.value === 0 ? "0" : `${l.value > 0 ? "+" : ""}${l.value}${UNIT_WORD[l.unit]}`,
        l.sources.map(refText).join(", "),
      ]);
    }
    if (!shown.length) b.push(["", "本月无扣分、罚款或奖励记录", "", "", ""]);
    const unscored = Object.entries(a.unscored)
      .map(([t, n]) => `${eventLabel(t)}${n}次`)
      .join("、");
    if (unscored) b.push(["", "计数未计分", unscored, "", ""], "muted");
    const total =
      scheme.unit === "yuan"
        ? `罚款合计 ${a.fineYuan} 元${a.rewardYuan ? `，奖励 ${a.rewardYuan} 元` : ""}`
        : `${scheme.unit === "vouchers" ? "激励券" : "得分"} ${a.score}${scheme.base ? `（基础 ${scheme.base}）` : ""}${a.fineYuan ? `，罚款 ${a.fineYuan} 元` : ""}`;
    b.line(
      `合计：${total}    等级：${a.level}（${a.label}）${a.bonusCutPercent ? `    奖金调整：${-a.bonusCutPercent}%` : ""}${a.actions.length ? `    处理：${a.actions.join("、")}` : ""}`,
      "total",
    );
    b.blank();
    b.line("员工签字：______________        主管签字：______________        日期：______________", "signature");
    b.blank();
  });
  if (!r.agents.length) b.line(`${r.month} 没有需要考核的客服。`, "subtitle");
  return b.build("slips", OUTPUT_NAMES.slips, {
    columnWidths: [11, 18, 40, 9, 16],
    print: { orientation: "portrait", paper: "A4", fitToWidth: true, rowBreaks: b.rowBreaks },
  });
}
