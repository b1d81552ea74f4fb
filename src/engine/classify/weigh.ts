import {
  BUYER_ONLY,
  BUYER_WORDS,
  CHANNEL_TYPES,
  CLAUSE_BREAK,
  COLLEAGUE_WORDS,
  CONTEXT_TYPES,
  DENIALS,
  FALSE_FRIENDS,
  FAULT_MORPHEME,
  NEGATORS,
  NOT_NEGATION_AFTER,
  OMISSION_TYPES,
  POSITIVE_AFTER,
  REFINES,
  REVIEW_CAUSES_BEFORE,
  REVIEW_TYPES,
  REWARD_TYPES,
  SENTENCE_BREAK,
  SERVICE_CAUSES,
  TREATMENT_BEFORE,
  WEAK_KEYWORDS,
} from "./cues";
import { E } from "../events";

/** One keyword found in a folded text, as a span [start, end). */
export interface KeywordHit {
  type: string;
  keyword: string;
  start: number;
  end: number;
}

/**
 * Why a match was set aside: a longer phrase covers it, a negator denies it, a positive word
 * qualifies it (`态度好`), a colleague is the other party, it is the treatment a rule gives
 * (`按旷工处理`), it only sets the scene (`上班时`), it is a topic word outweighed, a more specific
 * kind refines it, or the complaint / review that carries a named cause.
 */
export type DropReason =
  "contained" | "negated" | "praised" | "colleague" | "treatment" | "context" | "weak" | "refined" | "cause" | "review";

export interface DroppedHit extends KeywordHit {
  why: DropReason;
}

/**
 * matched: one kind stands. none: no keyword at all. cancelled: keywords matched, all set aside.
 * tie: two or more kinds of the same polarity stand. contradiction: a reward and an offence stand.
 */
export type ClassOutcome = "matched" | "none" | "cancelled" | "tie" | "contradiction";

export interface Classification {
  /** The kind decided, null unless `outcome` is matched. */
  type: string | null;
  outcome: ClassOutcome;
  /** The kinds still standing: one when matched, two or more for a tie or a contradiction. */
  candidates: string[];
  hits: KeywordHit[];
  dropped: DroppedHit[];
}

export interface FoldedRow {
  type: string;
  keywords: string[];
}

export type Party = "buyer" | "colleague";

/** Keywords by their first character: a reason is scanned once, not once per keyword. */
const BY_FIRST = new WeakMap<FoldedRow[], Map<string, { type: string; keyword: string }[]>>();

function findHits(f: string, rows: FoldedRow[]): KeywordHit[] {
  let index = BY_FIRST.get(rows);
  if (!index) {
    index = new Map();
    for (const row of rows)
      for (const keyword of row.keywords) {
        const list = index.get(keyword[0]) ?? [];
        if (!list.some((k) => k.type === row.type && k.keyword === keyword)) list.push({ type: row.type, keyword });
        index.set(keyword[0], list);
      }
    BY_FIRST.set(rows, index);
  }
  const masked: [number, number][] = [];
  for (const w of FALSE_FRIENDS)
    for (let i = f.indexOf(w); i >= 0; i = f.indexOf(w, i + 1)) masked.push([i, i + w.length]);
  const hits: KeywordHit[] = [];
  for (let i = 0; i < f.length; i++)
    for (const { type, keyword } of index.get(f[i]) ?? []) {
      const end = i + keyword.length;
      if (f.startsWith(keyword, i) && !masked.some(([s, e]) => s <= i && end <= e))
        hits.push({ type, keyword, start: i, end });
    }
  return hits;
}

const polarity = (type: string) => (REWARD_TYPES.has(type) ? 1 : CONTEXT_TYPES.has(type) ? 0 : -1);
const covers = (h: KeywordHit, at: number) => h.start <= at && at < h.end;

/** The negator governing a hit: nearest, at most 3 characters before, same clause, nothing matched between. */
function negatorBefore(f: string, h: KeywordHit, others: KeywordHit[]): "denial" | "plain" | null {
  for (let e = h.start; e >= Math.max(0, h.start - 3); e--) {
    const gap = f.slice(e, h.start);
    if (CLAUSE_BREAK.test(gap)) return null;
    if (e < h.start && others.some((o) => o !== h && covers(o, e))) return null;
    for (const [kind, words] of [
      ["denial", DENIALS],
      ["plain", NEGATORS],
    ] as const)
      for (const n of words) {
        const s = e - n.length;
        if (s < 0 || f.slice(s, e) !== n) continue;
        if (n.length === 1 && NOT_NEGATION_AFTER.test(f.slice(e))) continue;
        if (others.some((o) => o !== h && covers(o, s))) continue;
        return kind;
      }
  }
  return null;
}

function lastParty(text: string): { at: number; party: Party } | null {
  let best: { at: number; party: Party } | null = null;
  for (const [party, words] of [
    ["buyer", BUYER_WORDS],
    ["colleague", COLLEAGUE_WORDS],
  ] as const)
    for (const w of words) {
      const at = text.lastIndexOf(w);
      if (at >= 0 && (!best || at + w.length > best.at)) best = { at: at + w.length, party };
    }
  return best;
}

/** The other party of a buyer-only match: named inside it, else nearest before it in its sentence, else after it in its clause. */
export function partyOf(f: string, h: KeywordHit): Party | null {
  const inside = lastParty(f.slice(h.start, h.end));
  if (inside) return inside.party;
  let s = h.start;
  while (s > 0 && !SENTENCE_BREAK.test(f[s - 1])) s--;
  const before = lastParty(f.slice(s, h.start));
  if (before) return before.party;
  let e = h.end;
  while (e < f.length && !CLAUSE_BREAK.test(f.slice(h.end, e + 1))) e++;
  const tail = f.slice(h.end, e);
  let first: { at: number; party: Party } | null = null;
  for (const [party, words] of [
    ["buyer", BUYER_WORDS],
    ["colleague", COLLEAGUE_WORDS],
  ] as const)
    for (const w of words) {
      const at = tail.indexOf(w);
      if (at >= 0 && (!first || at < first.at)) first = { at, party };
    }
  return first?.party ?? null;
}

/** Match-level weighing: specificity, negation, positive qualifiers, the other party, treatments. */
function weighHits(f: string, all: KeywordHit[], source: Party | null, dropped: DroppedHit[]): KeywordHit[] {
  const drop = (h: KeywordHit, why: DropReason) => dropped.push({ ...h, why });
  let hits = all.filter((h) => {
    const longer = all.some((g) => g.start <= h.start && g.end >= h.end && g.end - g.start > h.end - h.start);
    if (longer) drop(h, "contained");
    return !longer;
  });
  const omission = new Set<KeywordHit>();
  hits = hits.filter((h) => {
    const neg = negatorBefore(f, h, hits);
    if (!neg) return true;
    const duty =
      OMISSION_TYPES.has(h.type) && !FAULT_MORPHEME.test(h.keyword) && !/^(没|未|不|无|忘|漏)/.test(h.keyword);
    if (neg === "plain" && duty) {
      omission.add(h);
      return true;
    }
    drop(h, "negated");
    return false;
  });
  hits = hits.filter((h) => {
    const offence = polarity(h.type) < 0 && !omission.has(h);
    if (offence && POSITIVE_AFTER.test(f.slice(h.end))) return (drop(h, "praised"), false);
    if (BUYER_ONLY.has(h.type) && (partyOf(f, h) ?? source) === "colleague") return (drop(h, "colleague"), false);
    return true;
  });
  const isTreatment = (h: KeywordHit) => TREATMENT_BEFORE.test(f.slice(0, h.start));
  const incident = hits.filter((h) => !isTreatment(h) && !CONTEXT_TYPES.has(h.type));
  hits = hits.filter((h) => {
    if (!isTreatment(h) || !incident.some((o) => o.type !== h.type)) return true;
    return (drop(h, "treatment"), false);
  });
  const strong = hits.filter((h) => !WEAK_KEYWORDS.has(h.keyword) && !CONTEXT_TYPES.has(h.type));
  return hits.filter((h) => {
    if (!WEAK_KEYWORDS.has(h.keyword)) return true;
    const outweighed = strong.some((o) => o.type !== h.type && !CHANNEL_TYPES.has(o.type));
    if (outweighed) drop(h, "weak");
    return !outweighed;
  });
}

/** Kind-level weighing: scene words yield, the specific kind wins, a complaint or review takes its place. */
function weighKinds(hits: KeywordHit[], dropped: DroppedHit[]): KeywordHit[] {
  const has = (pred: (t: string) => boolean) => hits.some((h) => pred(h.type));
  const setAside = (pred: (t: string) => boolean, why: DropReason) => {
    hits = hits.filter((h) => (pred(h.type) ? (dropped.push({ ...h, why }), false) : true));
  };
  if (has((t) => !CONTEXT_TYPES.has(t))) setAside((t) => CONTEXT_TYPES.has(t), "context");
  // `正常（休息）`: the normal day was a rest day.
  if (has((t) => t !== E.present)) setAside((t) => t === E.present, "context");
  for (const [specific, general] of Object.entries(REFINES))
    if (has((t) => t === specific)) setAside((t) => general.includes(t), "refined");
  const review = hits.find((h) => REVIEW_TYPES.has(h.type));
  if (review) {
    const cause = (h: KeywordHit) =>
      CHANNEL_TYPES.has(h.type) ||
      SERVICE_CAUSES.has(h.type) ||
      (REVIEW_CAUSES_BEFORE.has(h.type) && h.end <= review.start);
    hits = hits.filter((h) => (cause(h) ? (dropped.push({ ...h, why: "review" }), false) : true));
  }
  if (has((t) => SERVICE_CAUSES.has(t))) setAside((t) => CHANNEL_TYPES.has(t), "cause");
  return hits;
}

/** Weigh every keyword match of a folded text (see the rules in `classify.ts`). */
export function weigh(f: string, rows: FoldedRow[], source: Party | null = null): Classification {
  const all = findHits(f, rows);
  const dropped: DroppedHit[] = [];
  const hits = weighKinds(weighHits(f, all, source, dropped), dropped);
  // In the order the text names them, whatever the order of the keyword table.
  const candidates = [...new Set([...hits].sort((a, b) => a.start - b.start || b.end - a.end).map((h) => h.type))];
  const base = { candidates, hits, dropped };
  if (candidates.length === 1) return { type: candidates[0], outcome: "matched", ...base };
  if (!candidates.length) return { type: null, outcome: all.length ? "cancelled" : "none", ...base };
  const signs = new Set(candidates.map(polarity).filter((p) => p !== 0));
  return { type: null, outcome: signs.size > 1 ? "contradiction" : "tie", ...base };
}
