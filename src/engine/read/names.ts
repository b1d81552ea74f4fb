import { editDistance, halfWidth, toSimplified } from "../text";

export interface Person {
  name: string;
  empId?: string;
  accounts: string[];
  group?: string;
  position?: string;
  shift?: string;
  hireDate?: string;
  leaveDate?: string;
  resigned?: boolean;
  source?: { sheet: string; row: number };
}

const RESIGNED = /[(（[]\s*(已?离职|已?離職|已退出|停用)\s*[)）\]]|[-_ ](已?离职|已?離職)$/;

/** A name as written → the name to match on, and whether it carries a resigned marker. */
export function cleanName(raw: string): { name: string; resigned: boolean } {
  let s = halfWidth(raw)
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
  const resigned = RESIGNED.test(s);
  s = s.replace(RESIGNED, "").trim();
  // Qianniu sub-accounts are `shop:name`; the part after the last colon is the person.
  const colon = s.lastIndexOf(":");
  if (colon >= 0 && colon < s.length - 1) s = s.slice(colon + 1).trim();
  return { name: s, resigned };
}

const digitsKey = (s: string) => {
  const d = halfWidth(s).replace(/\D/g, "").replace(/^0+/, "");
  return d || null;
};

export type Resolution = { ok: true; name: string; resigned: boolean } | { ok: false; written: string; near: string[] };

/** Resolves names through a roster's names, ids and sub-accounts; without a roster, cleaning is the only merge. */
export class NameResolver {
  private byKey = new Map<string, string>();
  private byDigits = new Map<string, string | null>();
  readonly people = new Map<string, Person>();
  readonly resigned = new Set<string>();

  constructor(roster: Person[]) {
    for (const p of roster) {
      // Matching folds Traditional to Simplified; the roster's own spelling is what gets shown.
      const { name, resigned } = cleanName(p.name);
      const key = toSimplified(name);
      this.people.set(name, { ...p, name, resigned: p.resigned || resigned });
      if (p.resigned || resigned) this.resigned.add(name);
      this.byKey.set(key, name);
      this.byKey.set(name, name);
      for (const a of p.accounts) {
        this.byKey.set(toSimplified(halfWidth(a).trim()), name);
        this.byKey.set(toSimplified(cleanName(a).name), name);
      }
      if (p.empId) {
        this.byKey.set(halfWidth(p.empId).trim().toUpperCase(), name);
        const dk = digitsKey(p.empId);
        if (dk) this.byDigits.set(dk, this.byDigits.has(dk) && this.byDigits.get(dk) !== name ? null : name);
      }
    }
  }

  get hasRoster() {
    return this.people.size > 0;
  }

  private readonly seen = new Map<string | number, Resolution>();

  /** Names repeat on every row of a month: each distinct spelling is resolved once. */
  resolve(raw: string | number): Resolution {
    let r = this.seen.get(raw);
    if (!r) {
      r = this.resolveOnce(raw);
      this.seen.set(raw, r);
    }
    if (r.ok && r.resigned) this.resigned.add(r.name);
    return r;
  }

  private resolveOnce(raw: string | number): Resolution {
    const written = typeof raw === "number" ? String(raw) : halfWidth(raw).trim();
    const { name, resigned } = cleanName(written);
    if (!this.hasRoster) {
      if (resigned) this.resigned.add(name);
      return { ok: true, name, resigned };
    }
    const key = toSimplified(name);
    const hit = this.byKey.get(key) ?? this.byKey.get(toSimplified(written)) ?? this.byKey.get(key.toUpperCase());
    if (hit && resigned) this.resigned.add(hit);
    if (hit) return { ok: true, name: hit, resigned: resigned || this.resigned.has(hit) };
    // `007` whose zeros Excel dropped, or `KF007` against a roster id of `007`.
    if (/^[A-Za-z]{0,4}\d+$/.test(name)) {
      const dk = digitsKey(name);
      const byId = dk ? this.byDigits.get(dk) : undefined;
      if (byId) return { ok: true, name: byId, resigned: this.resigned.has(byId) };
    }
    return { ok: false, written, near: this.near(name) };
  }

  near(name: string): string[] {
    const out: [string, number][] = [];
    const key = toSimplified(name);
    for (const n of this.people.keys()) {
      const d = editDistance(key, toSimplified(n));
      if (d <= Math.max(1, Math.floor(n.length / 2)) || n.includes(key) || key.includes(n)) out.push([n, d]);
    }
    return out
      .sort((a, b) => a[1] - b[1])
      .slice(0, 3)
      .map((x) => x[0]);
  }
}
