/**
 * Ranking: lunr's scoring formula evaluated directly over the candidates' postings (no lunr index
 * is built per query). lunr scores a document as Σ over fields and query terms of
 * boost × weight / |query|, where weight is BM25 (k1 1.2, b 0.75) rounded to 3 decimals and |query|
 * the norm of the query's boosts; idf is GLOBAL (document frequencies summed over all segments),
 * so scores from different segments compare. test/unit/core/search/lunr-parity.test.ts holds us to
 * lunr's own results.
 */
import { F, postingCount, type CompactSegment } from './compact';
import { gallop, sequenceMatcher, slotsOf, type QueryCache } from './match';
import { PREFIX_BOOST, type Expansion, type QueryPlan } from './plan';

const K1 = 1.2;
const B = 0.75;
/** Prefix expansions scored per term, most frequent first: a short prefix can reach thousands. */
const MAX_PREFIX_TERMS = 32;
/** Candidates per segment checked for the typed sequence, best first. */
const sequenceChecks = (k: number): number => Math.max(300, 4 * k);

/** lunr.idf with a global document count and frequency. */
export function idf(df: number, docCount: number): number {
  return Math.log(1 + Math.abs((docCount - df + 0.5) / (df + 0.5)));
}

/** Document frequency of a term slot inside a segment as lunr counts it (summed over fields). */
export function segmentDf(seg: CompactSegment, slot: number): number {
  return postingCount(seg, slot);
}

/** The weighted terms a plan scores with, in one segment (prefixes expand to that segment's terms). */
export function scoringTerms(seg: CompactSegment, c: QueryCache, plan: QueryPlan): Expansion[] {
  const weights = new Map<string, number>();
  const add = (term: string, boost: number): void => {
    weights.set(term, (weights.get(term) ?? 0) + boost);
  };
  for (const g of plan.groups) {
    for (const t of g) {
      if (t.kind !== 'prefix') {
        for (const w of t.words) for (const e of w.expansions) add(e.term, e.boost);
        continue;
      }
      const slots = slotsOf(seg, c.lex.prefixIds(t.words[0]!.loose));
      const df = new Map(slots.map((s) => [s, segmentDf(seg, s)]));
      slots.sort((a, b) => df.get(b)! - df.get(a)! || seg.termIds[a]! - seg.termIds[b]!);
      for (const s of slots.slice(0, MAX_PREFIX_TERMS)) add(c.lex.get(seg.termIds[s]!), PREFIX_BOOST);
    }
  }
  return [...weights].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([term, boost]) => ({ term, boost }));
}

export interface ScoreContext {
  /** Global idf of a term. */
  idf: (term: string) => number;
  /** True when any segment holds the term (lunr leaves absent terms out of the query vector). */
  exists: (term: string) => boolean;
}

/** lunr's score of each candidate (ascending local docs), in candidate order. */
function score(
  seg: CompactSegment,
  c: QueryCache,
  plan: QueryPlan,
  cands: Int32Array,
  ctx: ScoreContext,
): Float64Array {
  const terms = scoringTerms(seg, c, plan).filter((e) => ctx.exists(e.term));
  const norm = Math.sqrt(terms.reduce((s, e) => s + e.boost * e.boost, 0)) || 1;
  const out = new Float64Array(cands.length);
  for (const e of terms) {
    const slot = c.slot(seg, e.term);
    if (slot < 0) continue;
    const termIdf = ctx.idf(e.term);
    for (let f = 0; f < F; f++) {
      const list = c.list(seg, slot, f);
      if (list.docs.length === 0) continue;
      const avg = seg.avgFieldLen[f] || 1;
      // Walk the shorter side, skipping ahead in the longer one.
      let j = 0;
      for (let i = 0; i < cands.length && j < list.docs.length; i++) {
        const d = cands[i]!;
        j = gallop(list.docs, d, j);
        if (list.docs[j] !== d) continue;
        const tf = list.tfs[j]!;
        const len = seg.fieldLen[d * F + f]!;
        const w = (termIdf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (len / avg)) + tf);
        out[i]! += (e.boost * (Math.round(w * 1000) / 1000)) / norm;
      }
    }
  }
  return out;
}

export interface SegmentTop {
  /** 1 for documents holding the typed words exactly as written, in order (they rank first). */
  tiers: number[];
  /** Best local docs, in order (relevance, or date then relevance). */
  docs: number[];
  scores: number[];
}

/**
 * Ranks the candidates of one segment and returns the best `k` (with `byDate`, the newest `k`).
 * Cost: the candidates plus the query terms' postings, never the whole segment.
 */
export function rankSegment(
  seg: CompactSegment,
  c: QueryCache,
  plan: QueryPlan,
  cands: Int32Array,
  k: number,
  byDate: boolean,
  ctx: ScoreContext,
): SegmentTop {
  const scores = score(seg, c, plan, cands, ctx);
  const items = Array.from({ length: cands.length }, (_, i) => i);
  const inSequence = sequenceItems(seg, c, plan, cands, scores, k);
  const tier = (i: number): number => (inSequence.has(i) ? 1 : 0);
  let top: number[];
  if (byDate) {
    const order = (a: number, b: number): number =>
      seg.dates[cands[b]!]! - seg.dates[cands[a]!]! || scores[b]! - scores[a]! || a - b;
    top = selectTop(items, k, order);
  } else {
    const first = bestByScore([...inSequence], scores, k);
    top =
      first.length >= k
        ? first
        : first.concat(
            bestByScore(
              items.filter((i) => !inSequence.has(i)),
              scores,
              k - first.length,
            ),
          );
  }
  return { docs: top.map((i) => cands[i]!), scores: top.map((i) => scores[i]!), tiers: top.map(tier) };
}

/** Candidates (indexes; the best few hundred by score) that hold the plan's word sequence. */
function sequenceItems(
  seg: CompactSegment,
  c: QueryCache,
  plan: QueryPlan,
  cands: Int32Array,
  scores: Float64Array,
  k: number,
): Set<number> {
  const out = new Set<number>();
  const words = plan.sequence;
  if (!words) return out;
  const ids = words.map((w) => c.id(plan.strict ? w.strict : w.loose));
  if (ids.some((id) => id < 0)) return out;
  const limit = sequenceChecks(k);
  const items = Array.from({ length: cands.length }, (_, i) => i);
  const checked = cands.length > limit ? bestByScore(items, scores, limit) : items;
  if (!plan.strict && words.length === 1 && !words[0]!.stop) {
    // One word: its folded surface is an index term, so its postings answer without the sequences.
    const slot = c.slot(seg, words[0]!.loose);
    if (slot < 0) return out;
    const lists = [c.list(seg, slot, 0).docs, c.list(seg, slot, 1).docs];
    for (const i of checked) {
      const d = cands[i]!;
      if (lists.some((l) => l[gallop(l, d, 0)] === d)) out.add(i);
    }
    return out;
  }
  const test = sequenceMatcher(
    seg,
    c.lex,
    ids,
    plan.strict,
    words.map((w) => w.stop),
    false,
  );
  for (const i of checked) if (test(cands[i]!)) out.add(i);
  return out;
}

/** The `k` items with the highest scores, best first (ties: lower item first). */
function bestByScore(items: number[], scores: Float64Array, k: number): number[] {
  const byScore = (a: number, b: number): number => scores[b]! - scores[a]! || a - b;
  if (items.length <= k) return items.sort(byScore);
  const values = Float64Array.from(items, (i) => scores[i]!).sort();
  const cut = values[items.length - k]!;
  const out = items.filter((i) => scores[i]! > cut);
  for (const i of items) {
    if (out.length >= k) break;
    if (scores[i] === cut) out.push(i);
  }
  return out.sort(byScore);
}

/** The first `k` of `items` under `order`; insertion into a short list when k is small. */
function selectTop(items: number[], k: number, order: (a: number, b: number) => number): number[] {
  if (k > 32 || k * 8 >= items.length) return [...items].sort(order).slice(0, k);
  const top: number[] = [];
  for (const x of items) {
    if (top.length < k) {
      top.push(x);
      if (top.length === k) top.sort(order);
    } else if (order(x, top[k - 1]!) < 0) {
      let i = k - 1;
      while (i > 0 && order(x, top[i - 1]!) < 0) i--;
      top.splice(i, 0, x);
      top.pop();
    }
  }
  return top;
}
