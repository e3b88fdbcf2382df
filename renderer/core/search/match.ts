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
  if (required.length === 0) marks.fill(1);
  else {
    // Intersect the surfaces of the non-stop words: a doc must hold each one.
    const count = new Uint8Array(n);
    for (const w of required) {
      const m = new Uint8Array(n);
      markPostings(seg, termIds(seg, [w.loose]), t.field === 'title', m);
      for (let d = 0; d < n; d++) count[d]! += m[d]!;
    }
    for (let d = 0; d < n; d++) marks[d] = count[d] === required.length ? 1 : 0;
  }
  const fold = strict ? null : seg.seqFold;
  return { marks, verify: (d) => hasSequence(seg, d, t.field === 'title', ids, fold) };
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

/** True when document d holds the token ids as one run (fold maps strict ids to folded ones). */
export function hasSequence(seg: SegmentData, d: number, titleOnly: boolean, ids: number[], fold: Uint32Array | null): boolean {
  const end = seg.seqStart[d + 1]!;
  const m = ids.length;
  const at = (i: number): number => {
    const s = seg.seq[i]!;
    return s === SEQ_BREAK ? -1 : fold ? fold[s]! : s;
  };
  for (let i = seg.seqStart[d]!; i + m <= end; i++) {
    if (seg.seq[i] === SEQ_BREAK && titleOnly) return false;
    let k = 0;
    while (k < m && at(i + k) === ids[k]) k++;
    if (k === m) return true;
  }
  return false;
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
  const out: number[] = [];
  // Cheapest filter first: a doc must be marked in every group before any verification runs.
  outer: for (let d = 0; d < n; d++) {
    for (const g of groups) if (!g.some((p) => p.marks[d] === 1)) continue outer;
    if (!keep(d)) continue;
    for (const g of groups) if (!g.some((p) => passes(p, d))) continue outer;
    for (const x of excluded) if (passes(x, d)) continue outer;
    out.push(d);
  }
  return out;
}
