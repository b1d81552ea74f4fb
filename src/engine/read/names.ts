import { editDistance, halfWidth, toSimplified } from "../text";

export interface Person {
  name: string;
  empId?: string;
  accounts: string[];
  group?: string;
  dept?: string;
  position?: string;
  shift?: string;
  hireDate?: string;
  leaveDate?: string;
  resigned?: boolean;
  source?: { sheet: string; row: number };
}

const RESIGNED = /[(（[]\s*(已?离职|已?離職|已退出|停用)\s*[)）\]]|[-_ ](已?离职|已?離職)$/;

/**
 * `shop:name`, a Taobao / Qianniu sub-account, split at its first colon; null for anything else with a colon: a
 * formula's text, a URL, a time, a note (`备注：…`), a long sentence.
 */
export function subAccount(raw: string): { prefix: string; rest: string } | null {
  const s = halfWidth(raw).trim();
  if (/^[=+@]|:\/\/|^https?|^www\./i.test(s)) return null;
  const colon = s.indexOf(":");
  if (colon <= 0 || colon === s.length - 1) return null;
  const prefix = s.slice(0, colon).trim();
  const rest = s.slice(colon + 1).trim();
  if (!prefix || !rest || /\s/.test(prefix) || prefix.length > 30 || rest.length > 20) return null;
  if (/^\d+$/.test(prefix) || /^(注|备注|说明|附注|note|remark)$/i.test(prefix) || rest.includes(":")) return null;
  return { prefix, rest };
}

/**
 * A name as written → the name to match on, and whether it carries a resigned marker. The `shop:` prefix is cut
 * only when `strip` accepts it (it is the sheet's one prefix, or a roster sub-account's).
 */
export function cleanName(
  raw: string,
  strip: (prefix: string) => boolean = () => false,
): { name: string; resigned: boolean } {
  let s = halfWidth(raw)
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
  const resigned = RESIGNED.test(s);
  s = s.replace(RESIGNED, "").trim();
  const sub = subAccount(s);
  if (sub && strip(sub.prefix)) s = sub.rest;
  return { name: s, resigned };
}

/** The one sub-account prefix a column of names uses, or null when its colon names share none (or disagree). */
export function columnPrefix(values: string[]): string | null {
  let prefix: string | null = null;
  for (const v of values) {
    if (!v.includes(":") && !v.includes("：")) continue;
    const sub = subAccount(v);
    if (!sub) continue;
    if (prefix !== null && prefix !== sub.prefix) return null;
    prefix = sub.prefix;
  }
  return prefix;
}

const digitsKey = (s: string) => {
  const d = halfWidth(s).replace(/\D/g, "").replace(/^0+/, "");
  return d || null;
};

/** `cleaned`: the written name after trimming, width folding and cutting a sub-account prefix or a resigned mark. */
export type Resolution =
  { ok: true; name: string; resigned: boolean; cleaned: string } | { ok: false; written: string; near: string[] };

/** Resolves names through a roster's names, ids and sub-accounts; without a roster, cleaning is the only merge. */
export class NameResolver {
  private byKey = new Map<string, string>();
  private byDigits = new Map<string, string | null>();
  readonly people = new Map<string, Person>();
  readonly resigned = new Set<string>();

  /** Prefixes of the roster's own sub-accounts (`旗舰店:小王`): cut wherever they appear. */
  private readonly rosterPrefixes = new Set<string>();

  constructor(roster: Person[]) {
    for (const p of roster)
      for (const a of p.accounts) {
        const sub = subAccount(a);
        if (sub) this.rosterPrefixes.add(sub.prefix);
      }
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
        this.byKey.set(toSimplified(cleanName(a, () => true).name), name);
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

  private readonly seen = new Map<string, Map<string | number, Resolution>>();

  /**
   * Names repeat on every row of a month: each distinct spelling is resolved once per sheet prefix.
   * `sheetPrefix` is the one `shop:` prefix the sheet's names share (see columnPrefix).
   */
  resolve(raw: string | number, sheetPrefix: string | null = null): Resolution {
    const key = sheetPrefix ?? "";
    let byRaw = this.seen.get(key);
    if (!byRaw) this.seen.set(key, (byRaw = new Map()));
    let r = byRaw.get(raw);
    if (!r) {
      r = this.resolveOnce(raw, sheetPrefix);
      byRaw.set(raw, r);
    }
    if (r.ok && r.resigned) this.resigned.add(r.name);
    return r;
  }

  private resolveOnce(raw: string | number, sheetPrefix: string | null): Resolution {
    const written = typeof raw === "number" ? String(raw) : halfWidth(raw).trim();
    const { name, resigned } = cleanName(written, (p) => p === sheetPrefix || this.rosterPrefixes.has(p));
    if (!this.hasRoster) {
      if (resigned) this.resigned.add(name);
      return { ok: true, name, resigned, cleaned: name };
    }
    const key = toSimplified(name);
    const hit = this.byKey.get(key) ?? this.byKey.get(toSimplified(written)) ?? this.byKey.get(key.toUpperCase());
    if (hit && resigned) this.resigned.add(hit);
    if (hit) return { ok: true, name: hit, resigned: resigned || this.resigned.has(hit), cleaned: name };
    // `007` whose zeros Excel dropped, or `KF007` against a roster id of `007`.
    if (/^[A-Za-z]{0,4}\d+$/.test(name)) {
      const dk = digitsKey(name);
      const byId = dk ? this.byDigits.get(dk) : undefined;
      if (byId) return { ok: true, name: byId, resigned: this.resigned.has(byId), cleaned: name };
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
