import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { E, EVENTS, EVENT_IDS, eventIdOf, eventLabel, nearest } from "../../src/engine/events";
import { ATTENDANCE_TYPES, DEFAULT_KEYWORDS, EVENT_LABELS, NEVER_DEDUCTED } from "../../src/engine/classify";
import { ATTENDANCE_EVENTS, NEVER_DEDUCTED_EVENTS } from "../../src/engine/events";
import { BUILTIN_SCHEMES } from "../../src/engine/schemes";

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });

describe("the event vocabulary", () => {
  it("gives every type one id, one label, and a code name that spells the id", () => {
    expect(new Set(EVENT_IDS).size).toBe(Object.keys(EVENTS).length);
    expect(E.missedPunch).toBe("missed-punch");
    expect(eventLabel(E.greetingDelay)).toBe("未在30秒内招呼");
    expect(eventIdOf("迟到")).toBe("late");
    expect(nearest("lat", EVENT_IDS)).toBe("late");
  });

  it("is the one definition of the labels and attendance sets classify.ts re-exports", () => {
    expect(ATTENDANCE_TYPES).toBe(ATTENDANCE_EVENTS);
    expect(NEVER_DEDUCTED).toBe(NEVER_DEDUCTED_EVENTS);
    expect(Object.keys(EVENT_LABELS)).toEqual(EVENT_IDS);
    for (const [id, label] of Object.entries(EVENT_LABELS)) expect(eventLabel(id), id).toBe(label);
  });

  it("knows every type the built-in schemes and the default keyword table name", () => {
    const named = [
      ...BUILTIN_SCHEMES.flatMap((s) =>
        s.rules.flatMap((r) => [...r.events, ...(r.params.to ? [String(r.params.to)] : [])]),
      ),
      ...DEFAULT_KEYWORDS.map((k) => k.type),
    ];
    expect(named.filter((t) => !EVENT_IDS.includes(t))).toEqual([]);
  });

  it("is the only place an event type is spelled in the engine and the CLI", () => {
    const src = join(__dirname, "../../src/engine");
    // Every engine module but the vocabulary itself, and the command line.
    const scoped = [...files(src).filter((f) => !f.endsWith("/events.ts")), ...files(join(src, "../cli"))];
    const found = scoped.flatMap((f) =>
      eventLiterals(readFileSync(f, "utf8")).map((m) => `${f.slice(src.length + 1)}: ${m}`),
    );
    expect(found).toEqual([]);
  });

  it("finds an event type spelled as a string in each way code uses one", () => {
    const spelled = [
      'if (e.type === "late") n++;',
      'if ("fund-spend" !== t) skip();',
      'cur.event(r, { type: "present", agent });',
      'const rule = { events: ["praise", "complaint"] };',
      'if (ATTENDANCE.has("swap")) ok();',
      'ours.add("rest");',
      'for (const k of ["late", "early"]) check(k);',
      'const S = new Set([\n  E.praise,\n  "major-problem",\n]);',
      'const REFINES = {\n  "no-id-remark": [E.remarkUnclear],\n};',
      'export const DEFAULT_KIND = "unauthorised";',
      'const t = word === "缺卡" ? "missed-punch" : null;',
      'switch (t) { case "trip": return 0; }',
    ];
    for (const code of spelled) expect(eventLiterals(code), code).not.toEqual([]);
    // Not event types: a parameter's type, a fund-box row's kind, a rule's id, a label, a metric key.
    const other = [
      '{ key: "metric", label: "按指标", type: "metric" }',
      'row.kind === "fine" ? row.amount : null',
      '{ id: "late", kind: "perEvent", events: [E.late] }',
      'if (word === "迟到") x();',
      'textParam(rank, r, "metric")',
      'case "metric": return 1;',
      'type M = NonNullable<Band["metric"]>;',
    ];
    for (const code of other) expect(eventLiterals(code), code).toEqual([]);
  });
});

/**
 * Event-type ids written as string literals where code uses an event type: compared (except a ledger
 * row's `kind`), assigned, returned, chosen, given as `type`/`eventType`/`to`, switched on, passed to a
 * set or map, listed in an array literal, or used as an object key.
 */
function eventLiterals(code: string): string[] {
  const id = String.raw`"([a-z][a-z-]*)"`;
  const uses = [
    new RegExp(String.raw`(?<!\bkind\s*)(?<![=!<>])(?:[!=]==?|=(?!=))\s*` + id, "g"),
    new RegExp(id + String.raw`\s*[!=]==?`, "g"),
    new RegExp(String.raw`(?:\btype:|\beventType:|\bto:|\bcase|\breturn|\?)\s*` + id, "g"),
    new RegExp(String.raw`\.(?:has|includes|add|delete|get|set)\(\s*` + id, "g"),
    new RegExp(String.raw`(?<=(?<![\w\])])\[(?:\s*(?:"[^"\n]*"|[\w.]+)\s*,)*\s*)` + id, "g"),
    new RegExp(String.raw`(?<=[{,]\s*)` + id + String.raw`\s*:`, "g"),
  ];
  const paramTypes = new Set(["number", "text", "event", "metric", "list", "steps", "grades", "choice"]);
  const found = new Set<string>();
  for (const re of uses)
    for (const m of code.matchAll(re)) {
      if (/^(?:type:|case)/.test(m[0].trimStart()) && paramTypes.has(m[1])) continue;
      if (EVENT_IDS.includes(m[1])) found.add(m[0].trim());
    }
  return [...found];
}
