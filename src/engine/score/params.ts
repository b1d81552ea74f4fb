import { EVENT_IDS, METRICS, eventIdOf, isMetric, nearest } from "../events";
import { parseGradeMap, parseList, parseSteps, type ParamSpec } from "./kinds/kind";
import type { ParamValue } from "./scheme";

/**
 * The one validator of parameters, for rules and for scheme settings alike: the 规则 reader runs
 * every typed value through the spec its kind declares, and nothing downstream checks again.
 */
export interface ParamsRead {
  params: Record<string, ParamValue>;
  /** Each a sentence naming the parameter; the caller adds the cell. */
  errors: string[];
}

const spell = (s: ParamSpec) => `${s.key}（${s.label}）`;

/** `raw` as typed (key or Chinese label → text); values come back as numbers where the spec says number. */
export function readParams(
  specs: readonly ParamSpec[],
  raw: Record<string, string>,
  check?: (p: Record<string, ParamValue>) => string | null,
): ParamsRead {
  const out: ParamsRead = { params: {}, errors: [] };
  const byName = new Map<string, ParamSpec>();
  for (const s of specs) byName.set(s.key, s).set(s.label, s);
  for (const [name, text] of Object.entries(raw)) {
    const spec = byName.get(name);
    if (!spec) {
      out.errors.push(`不认识的参数“${name}”，是不是“${nearest(name, [...byName.keys()])}”？`);
      continue;
    }
    const v = valueOf(spec, text.trim());
    if (typeof v === "object") out.errors.push(v.error);
    else out.params[spec.key] = v;
  }
  for (const s of specs) {
    if (s.key in out.params) continue;
    // A left-out parameter with a declared default is explained beside the rule (describeParam).
    if (!s.default && !s.optional) out.errors.push(`缺少参数 ${spell(s)}。`);
  }
  if (!out.errors.length && check) {
    const e = check(out.params);
    if (e) out.errors.push(e);
  }
  return out;
}

function valueOf(s: ParamSpec, t: string): ParamValue | { error: string } {
  const bad = (why: string) => ({ error: `参数 ${spell(s)}=“${t}”${why}` });
  if (t === "") return bad("是空的。");
  switch (s.type) {
    case "number": {
      const n = Number(t);
      if (!Number.isFinite(n)) return bad("不是数字。");
      if (s.integer && !Number.isInteger(n)) return bad("应为整数。");
      if ((s.min !== undefined && n < s.min) || (s.max !== undefined && n > s.max))
        return bad(`超出范围 ${s.min ?? "…"}~${s.max ?? "…"}。`);
      return n;
    }
    case "event": {
      const id = eventIdOf(t);
      return id ?? bad(`不是认识的事件类型，是不是“${nearest(t, EVENT_IDS)}”？`);
    }
    case "metric":
      return isMetric(t) ? t : bad(`不是认识的指标，是不是“${nearest(t, Object.keys(METRICS))}”？`);
    case "choice":
      return s.choices!.includes(t) ? t : bad(`应为 ${s.choices!.join("、")} 之一。`);
    case "list":
      return parseList(t).every(Number.isFinite) ? t : bad("应写成用逗号分隔的数字，例如 5,3,1。");
    case "steps":
      return parseSteps(t).every((x) => Number.isFinite(x.at) && Number.isFinite(x.total)) && parseSteps(t).length
        ? t
        : bad("应写成 次数:总分, 次数:总分，例如 3:5,5:10。");
    case "grades": {
      const m = parseGradeMap(t);
      return m.size && [...m.values()].every(Number.isFinite) ? t : bad("应写成 优=20,良=15。");
    }
    default:
      return t;
  }
}

/** How the 规则 tab explains a parameter: its Chinese name, unit, range and what leaving it out means. */
export function describeParam(s: ParamSpec, unitWord: string): string {
  const unit = s.unit === "rule" ? unitWord : (s.unit ?? "");
  const { min, max } = s;
  const bounds =
    min !== undefined && max !== undefined
      ? `${min}~${max}`
      : min !== undefined
        ? `≥${min}`
        : max !== undefined
          ? `≤${max}`
          : "";
  const range = bounds ? `，${bounds}` : s.choices ? `，${s.choices.join("/")}` : "";
  const dflt = s.default ? `；${s.default.note}` : s.hint ? `；${s.hint}` : "";
  return `${s.key} ${s.label}${unit ? `(${unit})` : ""}${range}${dflt}`;
}
