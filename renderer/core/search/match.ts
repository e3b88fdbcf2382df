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

  /** The non-empty posting lists (documents) of the slots (title only, or both fields). */
  listsOf(seg: CompactSegment, slots: readonly number[], titleOnly: boolean): Int32Array[] {
    const lists: Int32Array[] = [];
    for (const s of slots)
      for (let f = 0; f < (titleOnly ? 1 : F); f++) {
        const l = this.list(seg, s, f).docs;
        if (l.length) lists.push(l);
      }
    return lists;
  }

  /** Ascending documents holding any of the slots (title only, or both fields). */
  docsOf(seg: CompactSegment, slots: readonly number[], titleOnly: boolean): Int32Array {
    return union(this.listsOf(seg, slots, titleOnly));
  }
}

/** Union of two ascending lists (linear merge). */
function union2(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x <= y) {
      out[n++] = x;
      i++;
      if (x === y) j++;
    } else {
      out[n++] = y;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
  return out.subarray(0, n);
}

/** Union of ascending lists (pairwise linear merges, shortest first). */
export function union(lists: readonly Int32Array[]): Int32Array {
  if (lists.length === 0) return NONE;
  if (lists.length === 1) return lists[0]!;
  const queue = [...lists].sort((a, b) => a.length - b.length);
  while (queue.length > 1) {
    const merged = union2(queue.shift()!, queue.shift()!);
    let at = 0;
    while (at < queue.length && queue[at]!.length < merged.length) at++;
    queue.splice(at, 0, merged);
  }
  return queue[0]!;
}

/**
 * Documents in every group, where a group is a set of lists (any of them will do): the group with
 * the fewest postings is merged, and each of its documents is looked up in the other groups'
 * lists with galloping skips, so long lists are never read whole.
 */
export function intersectGroups(groups: Int32Array[][]): Int32Array {
  if (groups.length === 0) return NONE;
  const size = (g: Int32Array[]): number => g.reduce((n, l) => n + l.length, 0);
  const order = [...groups].sort((a, b) => size(a) - size(b));
  let out = union(order[0]!);
  for (let k = 1; k < order.length && out.length > 0; k++) {
    const lists = order[k]!;
    const cursors = new Int32Array(lists.length);
    const next = new Int32Array(out.length);
    let n = 0;
    for (const d of out) {
      for (let i = 0; i < lists.length; i++) {
        const l = lists[i]!;
        const at = (cursors[i] = gallop(l, d, cursors[i]!));
        if (l[at] === d) {
          next[n++] = d;
          break;
        }
      }
    }
    out = next.subarray(0, n);
  }
  return out;
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
  return intersectGroups(lists.map((l) => [l]));
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

/** A term prepared for one segment: its unverified documents (any of the lists) and a verifier. */
export interface PreparedTerm {
  lists: Int32Array[];
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

/** The variable-byte code of one token (spelling id + 1). */
function tokenBytes(spelling: number): number[] {
  const out: number[] = [];
  let v = spelling + 1;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return out;
}

/** Decodes the token that starts at byte `p`; sets `tokenEnd`. */
let tokenEnd = 0;
function tokenAt(seq: Uint8Array, p: number): number {
  let byte = seq[p++]!;
  let v = byte & 0x7f;
  for (let shift = 7; byte >= 0x80; shift += 7) {
    byte = seq[p++]!;
    v |= (byte & 0x7f) << shift;
  }
  tokenEnd = p;
  return v === 0 ? BREAK : v - 1;
}

/**
 * Tests documents for a run of words: `ids` are spelling ids (strict) or folded ids. The first
 * word that is not a common word is the anchor: its spellings' byte codes are searched in the
 * document's encoded tokens (a native byte scan, no decoding), and only around a hit are the
 * neighbouring tokens decoded and compared.
 */
export function sequenceMatcher(
  seg: CompactSegment,
  lex: Lexicon,
  ids: number[],
  strict: boolean,
  stops: boolean[],
  titleOnly: boolean,
): (d: number) => boolean {
  const m = ids.length;
  const k = Math.max(
    0,
    stops.findIndex((stop) => !stop),
  );
  const at = (s: number): number => (s === BREAK ? -1 : strict ? s : lex.foldOf(s));
  const patterns = (strict ? [ids[k]!] : Array.from(lex.spellingsOf(ids[k]!))).map(tokenBytes);
  const seq = seg.seq;
  /** Whether the words around the anchor token at [p, q) match. */
  const window = (p: number, q: number, start: number, end: number): boolean => {
    // Backwards: a token's last byte is the only one below 0x80.
    let from = p;
    for (let j = k - 1; j >= 0; j--) {
      if (from <= start) return false;
      let r = from - 1;
      while (r > start && seq[r - 1]! >= 0x80) r--;
      if (at(tokenAt(seq, r)) !== ids[j]) return false;
      from = r;
    }
    let to = q;
    for (let j = k + 1; j < m; j++) {
      if (to >= end) return false;
      if (at(tokenAt(seq, to)) !== ids[j]) return false;
      to = tokenEnd;
    }
    return true;
  };
  return (d) => {
    const start = seg.seqStart[d]!;
    let end = seg.seqStart[d + 1]!;
    const doc = seq.subarray(start, end);
    if (titleOnly) {
      const b = doc.indexOf(0);
      if (b >= 0) end = start + b;
    }
    for (const pat of patterns) {
      const first = pat[0]!;
      for (let i = doc.indexOf(first); i >= 0 && start + i < end; i = doc.indexOf(first, i + 1)) {
        const p = start + i;
        if (p > start && seq[p - 1]! >= 0x80) continue; // inside another token
        let ok = p + pat.length <= end;
        for (let j = 1; ok && j < pat.length; j++) ok = seq[p + j] === pat[j];
        if (ok && window(p, p + pat.length, start, end)) return true;
      }
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
  const lists = c.listsOf(seg, slots, t.field === 'title');
  if (!strict) return { lists, verify: null };
  const id = c.id(w.strict);
  return { lists, verify: (d) => id >= 0 && hasToken(seg, d, t.field === 'title', (s) => s === id) };
}

function preparePrefix(seg: CompactSegment, c: QueryCache, t: TermPlan, strict: boolean): PreparedTerm {
  const w = t.words[0]!;
  const lists = [c.docsOf(seg, slotsOf(seg, c.lex.prefixIds(w.loose)), t.field === 'title')];
  if (!strict) return { lists, verify: null };
  const spellings = new Set(c.lex.prefixIds(w.strict));
  return { lists, verify: (d) => hasToken(seg, d, t.field === 'title', (s) => spellings.has(s)) };
}

function preparePhrase(seg: CompactSegment, c: QueryCache, t: TermPlan, strict: boolean): PreparedTerm {
  const ids = t.words.map((w) => c.id(strict ? w.strict : w.loose));
  if (ids.some((id) => id < 0 || (strict && c.lex.foldOf(id) === NO_FOLD))) return { lists: [], verify: null };
  const required = t.words.filter((w) => !w.stop);
  let docs: Int32Array;
  if (required.length === 0) {
    // Only common words: they have no postings, so every document is a candidate.
    docs = allDocs(seg.ids.length);
  } else {
    // A document must hold each non-common word's surface.
    docs = intersectGroups(
      required.map((w) => {
        const s = c.slot(seg, w.loose);
        return s < 0 ? [] : c.listsOf(seg, [s], t.field === 'title');
      }),
    );
  }
  return {
    lists: [docs],
    verify: sequenceMatcher(
      seg,
      c.lex,
      ids,
      strict,
      t.words.map((w) => w.stop),
      t.field === 'title',
    ),
  };
}

/** Prepares a term of a plan for one segment. */
export function prepareTerm(seg: CompactSegment, c: QueryCache, t: TermPlan, strict: boolean): PreparedTerm {
  if (t.kind === 'prefix') return preparePrefix(seg, c, t, strict);
  if (t.kind === 'phrase' || isStopOnly(t)) return preparePhrase(seg, c, { ...t, kind: 'phrase' }, strict);
  return prepareWord(seg, c, t, strict);
}

const passes = (p: PreparedTerm, d: number): boolean =>
  p.lists.some((l) => has(l, d)) && (p.verify === null || p.verify(d));

/**
 * Local document numbers matching the plan, ascending; `keep(d)` applies tombstones and filters.
 * Groups made only of stop words are ignored when any other group exists.
 */
export function matchSegment(
  seg: CompactSegment,
  c: QueryCache,
  plan: QueryPlan,
  keep: (d: number) => boolean,
): Int32Array {
  const meaningful = plan.groups.filter((g) => !g.every(isStopOnly));
  const groups = (meaningful.length > 0 ? meaningful : plan.groups).map((g) =>
    g.map((t) => prepareTerm(seg, c, t, plan.strict)),
  );
  const cands = groups.length ? intersectGroups(groups.map((g) => g.flatMap((p) => p.lists))) : allDocs(seg.ids.length);
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
