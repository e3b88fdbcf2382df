/**
 * Ranking with lunr's own scorer. lunr's `Index#search` runs unchanged over a small view of a
 * segment built per query: an inverted index holding only the query's terms and the candidate
 * documents, and field vectors holding only those terms. lunr scores a field as
 * dot(query, field vector) / |query|, so vectors restricted to the query's terms give exactly the
 * scores of full vectors. Weights are lunr's BM25 (k1 1.2, b 0.75) with a GLOBAL idf (document
 * frequencies summed over all segments), so scores from different segments compare.
 */
import lunr from 'lunr';
import { F, FIELDS, findSorted, prefixRange, type SegmentData } from './segment';
import { STEM_BOOST, type Expansion, type QueryPlan } from './plan';

const K1 = 1.2;
const B = 0.75;
/** Prefix expansions scored per term, most frequent first: a short prefix can reach thousands. */
const MAX_PREFIX_TERMS = 32;

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
      const [from, to] = prefixRange(seg.terms, t.words[0]!.loose);
      const ids: number[] = [];
      for (let i = from; i < to; i++) ids.push(i);
      ids.sort((a, b) => segmentDf(seg, b) - segmentDf(seg, a));
      for (const id of ids.slice(0, MAX_PREFIX_TERMS)) add(seg.terms[id]!, STEM_BOOST);
    }
  }
  return [...weights].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([term, boost]) => ({ term, boost }));
}

export interface ScoreContext {
  /** Global idf of a term. */
  idf: (term: string) => number;
}

interface Posting {
  termIndex: number;
  field: number;
  weight: number;
}

/** BM25 weight of every (candidate doc, field, term) posting. */
function collect(seg: SegmentData, terms: Expansion[], cands: Set<number>, ctx: ScoreContext): Map<number, Posting[]> {
  const byDoc = new Map<number, Posting[]>();
  terms.forEach((e, termIndex) => {
    const t = findSorted(seg.terms, e.term);
    if (t < 0) return;
    const termIdf = ctx.idf(e.term);
    for (let f = 0; f < F; f++) {
      const end = seg.fieldStart[t * F + f + 1]!;
      for (let k = seg.fieldStart[t * F + f]!; k < end; k++) {
        const d = seg.postDocs[k]!;
        if (!cands.has(d)) continue;
        const tf = seg.postTfs[k]!;
        const len = seg.fieldLen[d * F + f]!;
        const avg = seg.avgFieldLen[f] || 1;
        const weight = (termIdf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (len / avg)) + tf);
        let list = byDoc.get(d);
        if (!list) byDoc.set(d, (list = []));
        list.push({ termIndex, field: f, weight });
      }
    }
  });
  return byDoc;
}

/** Our own evaluation of lunr's formula, used to pre-select the top `k` before lunr runs. */
function quickScores(byDoc: Map<number, Posting[]>, terms: Expansion[]): Map<number, number> {
  const norm = Math.sqrt(terms.reduce((s, e) => s + e.boost * e.boost, 0)) || 1;
  const scores = new Map<number, number>();
  for (const [d, list] of byDoc) {
    let s = 0;
    for (const p of list) s += terms[p.termIndex]!.boost * p.weight;
    scores.set(d, s / norm);
  }
  return scores;
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

/** Builds the per-query lunr index over `docs` and returns lunr's ranked results. */
function lunrRank(terms: Expansion[], byDoc: Map<number, Posting[]>, docs: number[]): lunr.Index.Result[] {
  const inverted: Record<string, Record<string, unknown>> = {};
  terms.forEach((e, i) => {
    inverted[e.term] = { _index: i, title: {}, body: {} };
  });
  const vectors: Record<string, lunr.Vector> = {};
  for (const d of docs) {
    const perField: number[][] = FIELDS.map(() => []);
    for (const p of byDoc.get(d) ?? []) {
      (inverted[terms[p.termIndex]!.term]![FIELDS[p.field]!] as Record<string, object>)[d] = {};
      perField[p.field]!.push(p.termIndex, p.weight);
    }
    FIELDS.forEach((f, i) => (vectors[`${f}/${d}`] = new lunr.Vector(sortPairs(perField[i]!))));
  }
  const index = new lunr.Index({
    invertedIndex: inverted,
    fieldVectors: vectors,
    tokenSet: exactTokenSet(new Set(terms.map((e) => e.term))),
    fields: [...FIELDS],
    pipeline: new lunr.Pipeline(),
  } as unknown as lunr.Index.Attributes);
  return index.query((q) => {
    for (const e of terms) q.term(e.term, { usePipeline: false, boost: e.boost, wildcard: lunr.Query.wildcard.NONE });
  });
}

function sortPairs(pairs: number[]): number[] {
  const idx: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) idx.push(i);
  idx.sort((a, b) => pairs[a]! - pairs[b]!);
  return idx.flatMap((i) => [pairs[i]!, pairs[i + 1]!]);
}

/**
 * Scores candidates of one segment: quick BM25 for all, lunr for the best `k`. Returns a score for
 * every candidate (lunr's where it ran); candidates with no scoring term score 0.
 */
export function scoreSegment(seg: SegmentData, plan: QueryPlan, cands: number[], k: number, ctx: ScoreContext): Map<number, number> {
  const terms = scoringTerms(seg, plan);
  const byDoc = collect(seg, terms, new Set(cands), ctx);
  const scores = quickScores(byDoc, terms);
  const top = [...scores].sort((a, b) => b[1] - a[1]).slice(0, k).map(([d]) => d);
  for (const r of lunrRank(terms, byDoc, top)) scores.set(Number(r.ref), r.score);
  const out = new Map<number, number>();
  for (const d of cands) out.set(d, scores.get(d) ?? 0);
  return out;
}
