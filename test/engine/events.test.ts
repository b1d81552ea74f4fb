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

  it("agrees with the labels and attendance sets classify.ts still exports", () => {
    for (const [id, label] of Object.entries(EVENT_LABELS)) expect(eventLabel(id), id).toBe(label);
    expect([...ATTENDANCE_EVENTS].sort()).toEqual([...ATTENDANCE_TYPES].sort());
    expect([...NEVER_DEDUCTED_EVENTS].sort()).toEqual([...NEVER_DEDUCTED].sort());
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

  it("is the only place an event type is spelled in score, render, schemes and the rules sheet", () => {
    const src = join(__dirname, "../../src/engine");
    const scoped = [
      ...files(join(src, "score")),
      ...files(join(src, "render")),
      ...files(join(src, "schemes")),
      join(src, "rulesSheet.ts"),
    ];
    // Where an event type is used: compared, listed in a rule, converted to, looked up, or given to an event.
    const use =
      /(?:type\s*[!=]==?\s*|type:\s*|eventType:\s*|events:\s*\[[^\]]*?|to:\s*|\.has\(|\.includes\()"([a-z][a-z-]*)"/g;
    const paramTypes = new Set(["number", "text", "event", "metric", "list", "steps", "grades", "choice"]);
    const found: string[] = [];
    for (const f of scoped)
      for (const m of readFileSync(f, "utf8").matchAll(use)) {
        if (m[0].startsWith("type:") && paramTypes.has(m[1])) continue;
        if (EVENT_IDS.includes(m[1])) found.push(`${f.slice(src.length + 1)}: ${m[0]}`);
      }
    expect(found).toEqual([]);
  });
});
