/**
 * Boolean matching inside one compact segment: which local documents satisfy every required
 * group, none of the excluded terms and the filters. Work follows the query's terms, not the
 * segment: each term's posting list is decoded once per query (QueryCache), groups are intersected
 * from the rarest list with galloping skips, and phrase and strict checks run only on the
 * surviving candidates against their token sequences.
 */
import { F, postingCount, readPostings, termSlot, type CompactSegment, type PostingList } from './compact';
import { NO_FOLD, type Lexicon } from './lexicon';
import { isStopOnly, type QueryPlan, type TermPlan } from './plan';

const NONE = new Int32Array(0);

/** Per query: lexicon lookups, term slots and decoded posting lists, each computed once. */
export class QueryCache {
  private words = new Map<string, number>();
  private lists = new Map<CompactSegment, Map<number, PostingList>>();
  constructor(readonly lex: Lexicon) {}

  /** Lexicon id of a word, or -1. */
  id(word: string): number {
    let id = this.words.get(word);
    if (id === undefined) this.words.set(word, (id = this.lex.find(word)));
    return id;
  }

  /** The segment's slot of a word's term, or -1. */
  slot(seg: CompactSegment, word: string): number {
    const id = this.id(word);
    return id < 0 ? -1 : termSlot(seg, id);
  }

  list(seg: CompactSegment, slot: number, f: number): PostingList {
    let m = this.lists.get(seg);
    if (!m) this.lists.set(seg, (m = new Map()));
    const key = slot * F + f;
    let l = m.get(key);
    if (!l) m.set(key, (l = readPostings(seg, slot, f)));
    return l;
  }

  /** Ascending documents holding any of the slots (title only, or both fields). */
  docsOf(seg: CompactSegment, slots: readonly number[], titleOnly: boolean): Int32Array {
    const lists: Int32Array[] = [];
    for (const s of slots) for (let f = 0; f < (titleOnly ? 1 : F); f++) {
      const l = this.list(seg, s, f).docs;
      if (l.length) lists.push(l);
    }
    return union(lists);
  }
}

/** Union of ascending lists. */
export function union(lists: readonly Int32Array[]): Int32Array {
  if (lists.length === 0) return NONE;
  if (lists.length === 1) return lists[0]!;
  let n = 0;
  for (const l of lists) n += l.length;
  const all = new Int32Array(n);
  let at = 0;
  for (const l of lists) {
    all.set(l, at);
    at += l.length;
  }
  all.sort();
  let k = 0;
  for (let i = 0; i < n; i++) if (i === 0 || all[i] !== all[i - 1]) all[k++] = all[i]!;
  return all.subarray(0, k);
}

/** First index i ≥ from with list[i] ≥ x (galloping, then binary search). */
export function gallop(list: Int32Array, x: number, from: number): number {
  let step = 1;
  let hi = from;
  while (hi < list.length && list[hi]! < x) {
    from = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, list.length);
  while (from < hi) {
    const mid = (from + hi) >> 1;
    if (list[mid]! < x) from = mid + 1;
    else hi = mid;
  }
  return from;
}

/** Intersection of ascending lists, from the shortest, skipping ahead in the longer ones. */
export function intersect(lists: Int32Array[]): Int32Array {
  if (lists.length === 0) return NONE;
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let out = sorted[0]!;
  for (let k = 1; k < sorted.length && out.length > 0; k++) {
    const other = sorted[k]!;
    const next = new Int32Array(out.length);
    let n = 0;
    let j = 0;
    for (let i = 0; i < out.length && j < other.length; i++) {
      j = gallop(other, out[i]!, j);
      if (other[j] === out[i]) next[n++] = out[i]!;
    }
    out = next.subarray(0, n);
  }
  return out;
}

/** 0 … n-1: filters alone (source:, date:) and common words alone have no postings to start from. */
function allDocs(n: number): Int32Array {
  const docs = new Int32Array(n);
  for (let d = 0; d < n; d++) docs[d] = d;
  return docs;
}

function has(list: Int32Array, d: number): boolean {
  const i = gallop(list, d, 0);
  return list[i] === d;
}

/** A term prepared for one segment: its unverified documents and a verifier. */
export interface PreparedTerm {
  docs: Int32Array;
  verify: ((d: number) => boolean) | null;
}

const BREAK = 0xffffffff;
let scratch = new Uint32Array(4096);

/** Decodes document d's token sequence (spelling ids, BREAK between title and body) into `scratch`. */
function decodeDoc(seg: CompactSegment, d: number, titleOnly: boolean): number {
  const buf = seg.seq;
  let pos = seg.seqStart[d]!;
  const end = seg.seqStart[d + 1]!;
  if (end - pos > scratch.length) scratch = new Uint32Array(Math.max(end - pos, scratch.length * 2));
  const out = scratch;
  let n = 0;
  while (pos < end) {
    let byte = buf[pos++]!;
    let v = byte & 0x7f;
    // Ids stay below 2^28 (four bytes), so shifts are exact.
    for (let shift = 7; byte >= 0x80; shift += 7) {
      byte = buf[pos++]!;
      v |= (byte & 0x7f) << shift;
    }
    if (v === 0) {
      if (titleOnly) break;
      out[n++] = BREAK;
    } else out[n++] = v - 1;
  }
  return n;
}

function hasToken(seg: CompactSegment, d: number, titleOnly: boolean, ok: (spelling: number) => boolean): boolean {
  const n = decodeDoc(seg, d, titleOnly);
  for (let i = 0; i < n; i++) if (scratch[i] !== BREAK && ok(scratch[i]!)) return true;
  return false;
}

/**
 * Tests documents for a run of words: `ids` are spelling ids (strict) or folded ids. It looks for
 * the first word that is not a common word, then checks the whole window around each hit.
 */
export function sequenceMatcher(seg: CompactSegment, lex: Lexicon, ids: number[], strict: boolean, stops: boolean[], titleOnly: boolean): (d: number) => boolean {
  const m = ids.length;
  const k = Math.max(0, stops.findIndex((stop) => !stop));
  const at = (s: number): number => (s === BREAK ? -1 : strict ? s : lex.foldOf(s));
  const anchor = ids[k]!;
  return (d) => {
    const n = decodeDoc(seg, d, titleOnly);
    for (let i = k; i + m - k <= n; i++) {
      if (at(scratch[i]!) !== anchor) continue;
      let j = 0;
      while (j < m && at(scratch[i - k + j]!) === ids[j]) j++;
      if (j === m) return true;
    }
    return false;
  };
}

/** Slots of the segment's terms whose lexicon ids are `ids` (cheaper of lookups or a merge walk). */
export function slotsOf(seg: CompactSegment, ids: Uint32Array): number[] {
  const out: number[] = [];
  const T = seg.termIds.length;
  if (ids.length * 17 < T) {
    for (const id of ids) {
      const s = termSlot(seg, id);
      if (s >= 0) out.push(s);
    }
    return out;
  }
  const sorted = Uint32Array.from(ids).sort();
  let j = 0;
  for (const id of sorted) {
    while (j < T && seg.termIds[j]! < id) j++;
    if (j < T && seg.termIds[j] === id) out.push(j);
  }
  return out;
}

function prepareWord(seg: CompactSegment, c: QueryCache, t: TermPlan, strict: boolean): PreparedTerm {
  const w = t.words[0]!;
  const slots = w.expansions.map((e) => c.slot(seg, e.term)).filter((s) => s >= 0);
  const docs = c.docsOf(seg, slots, t.field === 'title');
  if (!strict) return { docs, verify: null };
  const id = c.id(w.strict);
  return { docs, verify: (d) => id >= 0 && hasToken(seg, d, t.field === 'title', (s) => s === id) };
}

function preparePrefix(seg: CompactSegment, c: QueryCache, t: TermPlan, strict: boolean): PreparedTerm {
  const w = t.words[0]!;
  const docs = c.docsOf(seg, slotsOf(seg, c.lex.prefixIds(w.loose)), t.field === 'title');
  if (!strict) return { docs, verify: null };
  const spellings = new Set(c.lex.prefixIds(w.strict));
  return { docs, verify: (d) => hasToken(seg, d, t.field === 'title', (s) => spellings.has(s)) };
}

function preparePhrase(seg: CompactSegment, c: QueryCache, t: TermPlan, strict: boolean): PreparedTerm {
  const ids = t.words.map((w) => c.id(strict ? w.strict : w.loose));
  if (ids.some((id) => id < 0 || (strict && c.lex.foldOf(id) === NO_FOLD))) return { docs: NONE, verify: null };
  const required = t.words.filter((w) => !w.stop);
  let docs: Int32Array;
  if (required.length === 0) {
    // Only common words: they have no postings, so every document is a candidate.
    docs = allDocs(seg.ids.length);
  } else {
    // A document must hold each non-common word's surface.
    const lists = required.map((w) => {
      const s = c.slot(seg, w.loose);
      return s < 0 ? NONE : c.docsOf(seg, [s], t.field === 'title');
    });
    docs = intersect(lists);
  }
  return { docs, verify: sequenceMatcher(seg, c.lex, ids, strict, t.words.map((w) => w.stop), t.field === 'title') };
}

/** Prepares a term of a plan for one segment. */
export function prepareTerm(seg: CompactSegment, c: QueryCache, t: TermPlan, strict: boolean): PreparedTerm {
  if (t.kind === 'prefix') return preparePrefix(seg, c, t, strict);
  if (t.kind === 'phrase' || isStopOnly(t)) return preparePhrase(seg, c, { ...t, kind: 'phrase' }, strict);
  return prepareWord(seg, c, t, strict);
}

const passes = (p: PreparedTerm, d: number): boolean => has(p.docs, d) && (p.verify === null || p.verify(d));

/**
 * Local document numbers matching the plan, ascending; `keep(d)` applies tombstones and filters.
 * Groups made only of stop words are ignored when any other group exists.
 */
export function matchSegment(seg: CompactSegment, c: QueryCache, plan: QueryPlan, keep: (d: number) => boolean): Int32Array {
  const meaningful = plan.groups.filter((g) => !g.every(isStopOnly));
  const groups = (meaningful.length > 0 ? meaningful : plan.groups).map((g) => g.map((t) => prepareTerm(seg, c, t, plan.strict)));
  const cands = groups.length ? intersect(groups.map((g) => union(g.map((p) => p.docs)))) : allDocs(seg.ids.length);
  if (cands.length === 0) return NONE;
  const checked = groups.filter((g) => g.length > 1 || g[0]!.verify !== null);
  const excluded = plan.excluded.map((t) => prepareTerm(seg, c, t, plan.strict));
  const out = new Int32Array(cands.length);
  let n = 0;
  outer: for (const d of cands) {
    if (!keep(d)) continue;
    for (const g of checked) if (!g.some((p) => passes(p, d))) continue outer;
    for (const x of excluded) if (passes(x, d)) continue outer;
    out[n++] = d;
  }
  return out.subarray(0, n);
}

export { postingCount };
