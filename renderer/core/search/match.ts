/**
 * Boolean matching inside one segment: which local documents satisfy every required group, none of
 * the excluded terms and the filters. Postings are intersected first (cheap array marks over the
 * compact postings); phrase and strict checks then run only on the surviving candidates, against
 * the stored token sequences.
 */
import { F, SEQ_BREAK, type SegmentData } from './segment';
import { isStopOnly, type QueryPlan, type TermPlan } from './plan';

/** Marks (1) the documents whose postings hold any of `termIds` in the allowed fields. */
function markPostings(seg: SegmentData, termIds: Iterable<number>, titleOnly: boolean, out: Uint8Array): void {
  for (const t of termIds) {
    for (let f = 0; f < (titleOnly ? 1 : F); f++) {
      const end = seg.fieldStart[t * F + f + 1]!;
      for (let k = seg.fieldStart[t * F + f]!; k < end; k++) out[seg.postDocs[k]!] = 1;
    }
  }
}

function termIds(seg: SegmentData, terms: readonly string[]): number[] {
  const ids: number[] = [];
  for (const t of terms) {
    const id = seg.terms.find(t);
    if (id >= 0) ids.push(id);
  }
  return ids;
}

/** A term prepared for one segment: its unverified document marks and a verifier. */
export interface PreparedTerm {
  marks: Uint8Array;
  verify: ((d: number) => boolean) | null;
}

function prepareWord(seg: SegmentData, t: TermPlan, strict: boolean): PreparedTerm {
  const marks = new Uint8Array(seg.ids.length);
  const w = t.words[0]!;
  markPostings(seg, termIds(seg, w.expansions.map((e) => e.term)), t.field === 'title', marks);
  if (!strict) return { marks, verify: null };
  const id = seg.seqVocab.find(w.strict);
  return { marks, verify: (d) => id >= 0 && hasToken(seg, d, t.field === 'title', (s) => s === id) };
}

function preparePrefix(seg: SegmentData, t: TermPlan, strict: boolean): PreparedTerm {
  const marks = new Uint8Array(seg.ids.length);
  const w = t.words[0]!;
  const [from, to] = seg.terms.prefixRange(w.loose);
  const ids: number[] = [];
  for (let i = from; i < to; i++) ids.push(i);
  markPostings(seg, ids, t.field === 'title', marks);
  if (!strict) return { marks, verify: null };
  const [a, b] = seg.seqVocab.prefixRange(w.strict);
  return { marks, verify: (d) => hasToken(seg, d, t.field === 'title', (s) => s >= a && s < b) };
}

function preparePhrase(seg: SegmentData, t: TermPlan, strict: boolean): PreparedTerm {
  const n = seg.ids.length;
  const marks = new Uint8Array(n);
  const vocab = strict ? seg.seqVocab : seg.foldVocab;
  const ids = t.words.map((w) => vocab.find(strict ? w.strict : w.loose));
  if (ids.some((id) => id < 0)) return { marks, verify: null };
  const required = t.words.filter((w) => !w.stop);
  if (required.length === 0) {
    // Only common words: they have no postings, so intersect their (cached) occurrence marks.
    marks.fill(1);
    for (const id of new Set(ids)) {
      const occ = occurrences(seg, id, strict);
      for (let d = 0; d < n; d++) marks[d]! &= occ[d]!;
    }
    if (t.words.length === 1 && !t.field) return { marks, verify: null };
  } else {
    // Intersect the surfaces of the non-stop words: a doc must hold each one.
    const count = new Uint8Array(n);
    for (const w of required) {
      const m = new Uint8Array(n);
      markPostings(seg, termIds(seg, [w.loose]), t.field === 'title', m);
      for (let d = 0; d < n; d++) count[d]! += m[d]!;
    }
    for (let d = 0; d < n; d++) marks[d] = count[d] === required.length ? 1 : 0;
    // Common words of the phrase narrow the candidates before any sequence scan (cached marks).
    for (const id of new Set(t.words.map((w, k) => (w.stop ? ids[k]! : -1)).filter((id) => id >= 0))) {
      const occ = occurrences(seg, id, strict);
      for (let d = 0; d < n; d++) marks[d]! &= occ[d]!;
    }
  }
  const verify = sequenceMatcher(seg, ids, strict ? null : seg.seqFold, t.words.map((w) => w.stop), t.field === 'title');
  return { marks, verify };
}

function hasToken(seg: SegmentData, d: number, titleOnly: boolean, ok: (strictId: number) => boolean): boolean {
  for (let i = seg.seqStart[d]!, end = seg.seqStart[d + 1]!; i < end; i++) {
    const s = seg.seq[i]!;
    if (s === SEQ_BREAK) {
      if (titleOnly) return false;
      continue;
    }
    if (ok(s)) return true;
  }
  return false;
}

/** Occurrence marks of one sequence id per segment, built on first use (~15 ms for 31,000 docs). */
const occurrenceCache = new WeakMap<SegmentData, Map<string, Uint8Array>>();
const OCCURRENCE_CACHE_SIZE = 64;

function occurrences(seg: SegmentData, id: number, strict: boolean): Uint8Array {
  let cache = occurrenceCache.get(seg);
  if (!cache) occurrenceCache.set(seg, (cache = new Map()));
  const key = `${strict ? 's' : 'f'}${id}`;
  let marks = cache.get(key);
  if (marks) return marks;
  marks = new Uint8Array(seg.ids.length);
  const fold = strict ? null : seg.seqFold;
  for (let d = 0; d < seg.ids.length; d++) {
    for (let i = seg.seqStart[d]!, end = seg.seqStart[d + 1]!; i < end; i++) {
      const s = seg.seq[i]!;
      if (s !== SEQ_BREAK && (fold ? fold[s] : s) === id) {
        marks[d] = 1;
        break;
      }
    }
  }
  if (cache.size >= OCCURRENCE_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, marks);
  return marks;
}

/** Per segment, spellings grouped by folded form (CSR arrays), built on first use. */
const spellingIndex = new WeakMap<SegmentData, { order: Uint32Array; start: Uint32Array }>();

/** The strict spelling ids whose folded form is `foldId`. */
function spellingsOf(seg: SegmentData, foldId: number): Uint32Array {
  let ix = spellingIndex.get(seg);
  if (!ix) {
    const start = new Uint32Array(seg.foldVocab.length + 1);
    for (const f of seg.seqFold) start[f + 1]!++;
    for (let i = 0; i < seg.foldVocab.length; i++) start[i + 1]! += start[i]!;
    const order = new Uint32Array(seg.seqFold.length);
    const fill = start.slice(0, -1);
    seg.seqFold.forEach((f, s) => (order[fill[f]!++] = s));
    spellingIndex.set(seg, (ix = { order, start }));
  }
  return ix.order.subarray(ix.start[foldId]!, ix.start[foldId + 1]!);
}

/**
 * Tests documents for a run of token ids (fold maps strict ids to folded ones). It scans for an
 * anchor word — the first that is not a common word — by its strict ids, so the hot loop compares
 * integers instead of following the fold table, then checks the whole window around each hit.
 */
export function sequenceMatcher(seg: SegmentData, ids: number[], fold: Uint32Array | null, stops: boolean[], titleOnly: boolean): (d: number) => boolean {
  const m = ids.length;
  const k = Math.max(0, stops.findIndex((stop) => !stop));
  // One byte per spelling (~110 KB, cache-resident) instead of the 4-byte fold table per token.
  const anchor = new Uint8Array(seg.seqVocab.length);
  if (fold) for (const s of spellingsOf(seg, ids[k]!)) anchor[s] = 1;
  else anchor[ids[k]!] = 1;
  const seq = seg.seq;
  const at = (i: number): number => {
    const s = seq[i]!;
    return s === SEQ_BREAK ? -1 : fold ? fold[s]! : s;
  };
  return (d) => {
    const start = seg.seqStart[d]!;
    let end = seg.seqStart[d + 1]!;
    if (titleOnly) {
      const b = seq.subarray(start, end).indexOf(SEQ_BREAK);
      if (b >= 0) end = start + b;
    }
    for (let i = start + k; i + m - k <= end; i++) {
      const s = seq[i]!;
      // SEQ_BREAK is past the table: test the bound so the load never goes out of range (slow path).
      if (s >= anchor.length || anchor[s] !== 1) continue;
      let j = 0;
      while (j < m && at(i - k + j) === ids[j]) j++;
      if (j === m) return true;
    }
    return false;
  };
}

/** Prepares a term of a plan for one segment. */
export function prepareTerm(seg: SegmentData, t: TermPlan, strict: boolean): PreparedTerm {
  if (t.kind === 'prefix') return preparePrefix(seg, t, strict);
  if (t.kind === 'phrase' || isStopOnly(t)) return preparePhrase(seg, { ...t, kind: 'phrase' }, strict);
  return prepareWord(seg, t, strict);
}

const passes = (p: PreparedTerm, d: number): boolean => p.marks[d] === 1 && (p.verify === null || p.verify(d));

/**
 * Local document numbers matching the plan, ascending; `keep(d)` applies tombstones and filters.
 * Groups made only of stop words are ignored when any other group exists.
 */
export function matchSegment(seg: SegmentData, plan: QueryPlan, keep: (d: number) => boolean): number[] {
  const meaningful = plan.groups.filter((g) => !g.every(isStopOnly));
  const groups = (meaningful.length > 0 ? meaningful : plan.groups).map((g) => g.map((t) => prepareTerm(seg, t, plan.strict)));
  const excluded = plan.excluded.map((t) => prepareTerm(seg, t, plan.strict));
  const n = seg.ids.length;
  // Cheapest filter first: AND the groups' unverified marks in tight loops over typed arrays.
  const all = new Uint8Array(n).fill(1);
  for (const g of groups) {
    if (g.length === 1) {
      const m = g[0]!.marks;
      for (let d = 0; d < n; d++) all[d]! &= m[d]!;
    } else {
      for (let d = 0; d < n; d++) {
        let any = 0;
        for (const p of g) any |= p.marks[d]!;
        all[d]! &= any;
      }
    }
  }
  const out: number[] = [];
  outer: for (let d = 0; d < n; d++) {
    if (all[d] === 0 || !keep(d)) continue;
    for (const g of groups) if (!g.some((p) => passes(p, d))) continue outer;
    for (const x of excluded) if (passes(x, d)) continue outer;
    out.push(d);
  }
  return out;
}
