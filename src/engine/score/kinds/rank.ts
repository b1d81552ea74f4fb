import { E, METRICS, isMetric } from "../../events";
import type { AgentEvent } from "../../read/model";
import { parseList, textParam, type RuleKindDef } from "./kind";

/** Competition ranking: ties share the better place (1, 1, 3); only agents with a figure take part. */
export function rankAwards(
  values: { agent: string; value: number }[],
  awards: number[],
  better: "high" | "low" = "high",
): Map<string, { place: number; points: number }> {
  const sorted = values
    .filter((v) => Number.isFinite(v.value) && (better === "low" || v.value > 0))
    .sort((a, b) => (better === "high" ? b.value - a.value : a.value - b.value));
  const out = new Map<string, { place: number; points: number }>();
  sorted.forEach((v, i) => {
    const place = i > 0 && v.value === sorted[i - 1].value ? out.get(sorted[i - 1].agent)!.place : i + 1;
    out.set(v.agent, { place, points: place <= awards.length ? awards[place - 1] : 0 });
  });
  return out;
}

const direction = (metric: string, better: string): "high" | "low" =>
  better === "high" || better === "low" ? better : isMetric(metric) ? METRICS[metric].better : "high";

/** The top places by a performance figure earn fixed points; place 1 may carry a title (金牌客服). */
export const rank: RuleKindDef = {
  id: "rank",
  label: "排名",
  stage: "rank",
  params: [
    { key: "metric", label: "按指标", type: "metric" },
    { key: "awards", label: "各名次加分", type: "list", unit: "rule" },
    { key: "titles", label: "名次称号", type: "text", optional: true, hint: "不写：没有称号" },
    {
      key: "better",
      label: "越高越好/越低越好",
      type: "choice",
      choices: ["auto", "high", "low"],
      default: { value: "auto", note: "不写：按指标本身，销售额、转化率越高越好，流失率、响应时间越低越好" },
    },
  ],
  describe: (r) => {
    const m = textParam(rank, r, "metric");
    return `按${isMetric(m) ? METRICS[m].label : m}排名（${direction(m, textParam(rank, r, "better")) === "high" ? "越高越好" : "越低越好"}），第1名起依次${textParam(rank, r, "awards")}`;
  },
  apply(r, ctx) {
    const metric = textParam(rank, r, "metric");
    const titles = textParam(rank, r, "titles")
      .split(/[,，、]/)
      .map((t) => t.trim());
    const figure = new Map<string, { value: number; event: AgentEvent }>();
    for (const agent of ctx.agents) {
      for (const e of ctx.events(agent)) {
        const v = e.type === E.metric ? Number(e.meta?.[metric] ?? NaN) : NaN;
        if (Number.isFinite(v)) {
          figure.set(agent, { value: v, event: e });
          break;
        }
      }
    }
    const values = [...figure].map(([agent, f]) => ({ agent, value: f.value }));
    const awards = rankAwards(
      values,
      parseList(textParam(rank, r, "awards")),
      direction(metric, textParam(rank, r, "better")),
    );
    for (const [agent, a] of awards) {
      if (!a.points) continue;
      const title = titles[a.place - 1];
      ctx.charge(agent, r, {
        event: figure.get(agent)!.event,
        value: a.points,
        note: `第${a.place}名${title ? `（${title}）` : ""}`,
      });
    }
  },
};
