/**
 * Ranking with lunr's own scorer. lunr's `Index#search` runs unchanged over a small view of a
 * segment built per query: an inverted index holding only the query's terms and the candidate
 * documents, and field vectors holding only those terms. lunr scores a field as
 * dot(query, field vector) / |query|, so vectors restricted to the query's terms give exactly the
 * scores of full vectors. Weights are lunr's BM25 (k1 1.2, b 0.75) with a GLOBAL idf (document
 * frequencies summed over all segments), so scores from different segments compare.
 */
import lunr from 'lunr';
import { F, FIELDS, type SegmentData } from './segment';
import { PREFIX_BOOST, type Expansion, type QueryPlan } from './plan';
import { sequenceMatcher } from './match';

const K1 = 1.2;
const B = 0.75;
/** Prefix expansions scored per term, most frequent first: a short prefix can reach thousands. */
const MAX_PREFIX_TERMS = 32;
/**
 * Candidates per segment checked for that sequence, best first (each check scans one document,
 * ~300 tokens): four times the hits wanted, at least 100 and at most 500.
 */
const sequenceChecks = (k: number): number => Math.max(300, 4 * k);

/** lunr.idf with a global document count and frequency. */
export function idf(df: number, docCount: number): number {
  return Math.log(1 + Math.abs((docCount - df + 0.5) / (df + 0.5)));
}

/** Document frequency of a term inside a segment as lunr counts it (summed over fields). */
export function segmentDf(seg: SegmentData, termId: number): number {
  return seg.fieldStart[termId * F + F]! - seg.fieldStart[termId * F]!;
}

/** The weighted terms a plan scores with, in one segment (prefixes expand to that segment's terms). */
export function scoringTerms(seg: SegmentData, plan: QueryPlan): Expansion[] {
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
      const [from, to] = seg.terms.prefixRange(t.words[0]!.loose);
      const ids: number[] = [];
      for (let i = from; i < to; i++) ids.push(i);
      ids.sort((a, b) => segmentDf(seg, b) - segmentDf(seg, a));
      for (const id of ids.slice(0, MAX_PREFIX_TERMS)) add(seg.terms.get(id), PREFIX_BOOST);
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

interface Resolved {
  terms: Expansion[];
  ids: number[];
  idfs: number[];
}

function resolve(seg: SegmentData, plan: QueryPlan, ctx: ScoreContext): Resolved {
  const terms = scoringTerms(seg, plan).filter((e) => ctx.exists(e.term));
  return { terms, ids: terms.map((e) => seg.terms.find(e.term)), idfs: terms.map((e) => ctx.idf(e.term)) };
}

/** Calls `fn` for every posting of the resolved terms whose document is marked in `docs`. */
function eachPosting(seg: SegmentData, r: Resolved, docs: Uint8Array, fn: (termIndex: number, f: number, d: number, weight: number) => void): void {
  r.ids.forEach((t, termIndex) => {
    if (t < 0) return;
    for (let f = 0; f < F; f++) {
      const avg = seg.avgFieldLen[f] || 1;
      const end = seg.fieldStart[t * F + f + 1]!;
      for (let k = seg.fieldStart[t * F + f]!; k < end; k++) {
        const d = seg.postDocs[k]!;
        if (docs[d] !== 1) continue;
        const tf = seg.postTfs[k]!;
        const len = seg.fieldLen[d * F + f]!;
        fn(termIndex, f, d, (r.idfs[termIndex]! * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (len / avg)) + tf));
      }
    }
  });
}

/** A token set that knows exactly the given terms (lunr intersects every clause with it). */
function exactTokenSet(known: ReadonlySet<string>): lunr.TokenSet {
  const intersect = (other: lunr.TokenSet): { toArray(): string[] } => {
    let node = other as unknown as { edges: Record<string, unknown>; final: boolean };
    let word = '';
    for (;;) {
      const keys = Object.keys(node.edges);
      if (keys.length !== 1) break;
      word += keys[0];
      node = node.edges[keys[0]!] as typeof node;
    }
    return { toArray: () => (node.final && known.has(word) ? [word] : []) };
  };
  return { intersect } as unknown as lunr.TokenSet;
}

/** Builds the per-query lunr index over the marked `docs` and returns lunr's ranked results. */
function lunrRank(seg: SegmentData, r: Resolved, docs: Uint8Array, list: number[]): lunr.Index.Result[] {
  const inverted: Record<string, Record<string, Record<string, object>> & { _index?: number }> = {};
  r.terms.forEach((e, i) => {
    inverted[e.term] = { _index: i, title: {}, body: {} } as unknown as (typeof inverted)[string];
  });
  const pairs = new Map<string, number[]>();
  eachPosting(seg, r, docs, (termIndex, f, d, weight) => {
    inverted[r.terms[termIndex]!.term]![FIELDS[f]!]![d] = {};
    const key = `${FIELDS[f]}/${d}`;
    const p = pairs.get(key);
    if (p) p.push(termIndex, weight);
    else pairs.set(key, [termIndex, weight]);
  });
  const vectors: Record<string, lunr.Vector> = {};
  for (const d of list) for (const f of FIELDS) vectors[`${f}/${d}`] = new lunr.Vector(sortPairs(pairs.get(`${f}/${d}`) ?? []));
  const index = new lunr.Index({
    invertedIndex: inverted,
    fieldVectors: vectors,
    tokenSet: exactTokenSet(new Set(r.terms.map((e) => e.term))),
    fields: [...FIELDS],
    pipeline: new lunr.Pipeline(),
  } as unknown as lunr.Index.Attributes);
  return index.query((q) => {
    for (const e of r.terms) q.term(e.term, { usePipeline: false, boost: e.boost, wildcard: lunr.Query.wildcard.NONE });
  });
}

function sortPairs(pairs: number[]): number[] {
  const idx: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) idx.push(i);
  idx.sort((a, b) => pairs[a]! - pairs[b]!);
  return idx.flatMap((i) => [pairs[i]!, pairs[i + 1]!]);
}

export interface SegmentTop {
  /** 1 for documents holding the typed words exactly as written, in order (they rank first). */
  tiers: number[];
  /** Best local docs, in order (relevance, or date then relevance). */
  docs: number[];
  scores: number[];
}

/**
 * Ranks the candidates of one segment and returns the best `k`: our own evaluation of lunr's
 * formula over all candidates picks them (cheap typed-array sums), then lunr's Index#search scores
 * and orders exactly those. With `byDate`, the newest `k` are taken instead and lunr scores them.
 */
export function rankSegment(seg: SegmentData, plan: QueryPlan, cands: number[], k: number, byDate: boolean, ctx: ScoreContext): SegmentTop {
  const n = seg.ids.length;
  const r = resolve(seg, plan, ctx);
  const norm = Math.sqrt(r.terms.reduce((s, e) => s + e.boost * e.boost, 0)) || 1;
  const mark = new Uint8Array(n);
  for (const d of cands) mark[d] = 1;
  const quick = new Float64Array(n);
  eachPosting(seg, r, mark, (termIndex, _f, d, weight) => {
    quick[d]! += (r.terms[termIndex]!.boost * weight) / norm;
  });
  const inSequence = sequenceDocs(seg, plan, cands, quick, k);
  const tier = (d: number): number => (inSequence.has(d) ? 1 : 0);
  const order = byDate
    ? (a: number, b: number): number => seg.dates[b]! - seg.dates[a]! || quick[b]! - quick[a]!
    : (a: number, b: number): number => tier(b) - tier(a) || quick[b]! - quick[a]!;
  let top: number[];
  if (byDate) top = cands.length > k ? selectTop(cands, k, order) : [...cands].sort(order);
  else {
    // Exact-sequence documents first, then the best of the rest by score.
    const first = bestByScore([...inSequence], quick, k);
    top = first.length >= k ? first : first.concat(bestByScore(cands.filter((d) => !inSequence.has(d)), quick, k - first.length));
  }
  const topMark = new Uint8Array(n);
  for (const d of top) topMark[d] = 1;
  for (const res of lunrRank(seg, r, topMark, top)) {
    const d = Number(res.ref);
    quick[d] = res.score;
  }
  top.sort(order);
  return { docs: top, scores: top.map((d) => quick[d]!), tiers: top.map(tier) };
}

/** Candidates (the best SEQUENCE_CHECKS by score) that hold the plan's word sequence. */
function sequenceDocs(seg: SegmentData, plan: QueryPlan, cands: number[], quick: Float64Array, k: number): Set<number> {
  const out = new Set<number>();
  if (!plan.sequence) return out;
  const vocab = plan.strict ? seg.seqVocab : seg.foldVocab;
  const ids = plan.sequence.map((w) => vocab.find(plan.strict ? w.strict : w.loose));
  if (ids.some((id) => id < 0)) return out;
  const limit = sequenceChecks(k);
  const checked = cands.length > limit ? bestByScore(cands, quick, limit) : cands;
  const test = sequenceMatcher(seg, ids, plan.strict ? null : seg.seqFold, plan.sequence.map((w) => w.stop), false);
  for (const d of checked) if (test(d)) out.add(d);
  return out;
}

/**
 * The `k` items with the highest scores, best first: a native numeric sort of the scores finds the
 * cut-off, so thousands of candidates cost no comparator calls.
 */
function bestByScore(items: number[], scores: Float64Array, k: number): number[] {
  const byScore = (a: number, b: number): number => scores[b]! - scores[a]!;
  if (items.length <= k) return items.sort(byScore);
  const values = Float64Array.from(items, (d) => scores[d]!).sort();
  const cut = values[items.length - k]!;
  const out = items.filter((d) => scores[d]! > cut);
  for (const d of items) {
    if (out.length >= k) break;
    if (scores[d] === cut) out.push(d);
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
