/**
 * The stored and searched form of a segment (format 6, docs/decisions/search-index-format.md):
 * words are ids into the archive's shared Lexicon, postings and token sequences are delta +
 * variable-byte coded, and nothing is kept per term that a query does not read.
 *
 * - termIds: ascending lexicon ids of the segment's index terms; term i's postings are the bytes
 *   post[termStart[i] .. termStart[i+1]): varint title count, varint body count, varint byte length
 *   of the title part, then per posting varint(gap << 1 | tf > 1) [varint(tf - 2)];
 * - seq: per document (bytes seq[seqStart[d] .. seqStart[d+1])) varint(spelling id + 1) per token,
 *   0 between title and body: the positions phrases and strict spelling are checked against.
 * Built segments (segment.ts, per-segment word lists) arrive from builder workers and become
 * compact ones with `compactSegment`.
 */
import { F, SEQ_BREAK, dateKey, type BuiltSegment, type DocMeta } from './segment';
import { Lexicon } from './lexicon';
import { ByteReader, ByteWriter, readAscending, writeAscending } from './varint';

export interface CompactSegment extends DocMeta {
  termIds: Uint32Array;
  termStart: Uint32Array;
  post: Uint8Array;
  fieldLen: Uint32Array;
  avgFieldLen: Float64Array;
  seq: Uint8Array;
  seqStart: Uint32Array;
  /** Largest lexicon id referenced (+1): the lexicon must be at least this big. */
  words: number;
}

/** A posting list: ascending local documents and their term frequencies. */
export interface PostingList {
  docs: Int32Array;
  tfs: Uint16Array;
}

/** Local index of a lexicon id among the segment's terms, or -1. */
export function termSlot(seg: CompactSegment, id: number): number {
  const ids = seg.termIds;
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid]!;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const reader = new ByteReader(new Uint8Array(0));

/** Number of postings of slot `t` in field `f` (-1: both fields). */
export function postingCount(seg: CompactSegment, t: number, f = -1): number {
  reader.pos = seg.termStart[t]!;
  reader.buf = seg.post;
  const title = reader.uint();
  const body = reader.uint();
  return f < 0 ? title + body : f === 0 ? title : body;
}

const EMPTY: PostingList = { docs: new Int32Array(0), tfs: new Uint16Array(0) };

/** Decodes the postings of slot `t` in field `f` (allocates only the list itself). */
export function readPostings(seg: CompactSegment, t: number, f: number): PostingList {
  const r = new ByteReader(seg.post, seg.termStart[t]!);
  const title = r.uint();
  const body = r.uint();
  const titleBytes = r.uint();
  const n = f === 0 ? title : body;
  if (n === 0) return EMPTY;
  if (f !== 0) r.pos += titleBytes;
  const docs = new Int32Array(n);
  const tfs = new Uint16Array(n);
  let d = 0;
  for (let i = 0; i < n; i++) {
    const v = r.uint();
    d += Math.floor(v / 2);
    docs[i] = d;
    tfs[i] = v & 1 ? Math.min(0xffff, r.uint() + 2) : 1;
  }
  return { docs, tfs };
}

function writeList(w: ByteWriter, docs: ArrayLike<number>, tfs: ArrayLike<number>, from: number, to: number): void {
  let prev = 0;
  for (let k = from; k < to; k++) {
    const tf = tfs[k]!;
    w.uint((docs[k]! - prev) * 2 + (tf > 1 ? 1 : 0));
    if (tf > 1) w.uint(tf - 2);
    prev = docs[k]!;
  }
}

/** Appends one term's block (title and body lists, each ascending). */
export function writeTermBlock(
  w: ByteWriter,
  scratch: ByteWriter,
  title: [ArrayLike<number>, ArrayLike<number>, number],
  body: [ArrayLike<number>, ArrayLike<number>, number],
): void {
  scratch.length = 0;
  writeList(scratch, title[0], title[1], 0, title[2]);
  w.uint(title[2]);
  w.uint(body[2]);
  w.uint(scratch.length);
  w.bytes(scratch.view());
  writeList(w, body[0], body[1], 0, body[2]);
}

/** Local ids (spellings, terms of a segment) stay below this in the sort keys of compactSegment. */
const ID_SPAN = 2 ** 22;

/** Interns a built segment's words in the lexicon and re-encodes it (spellings most frequent first). */
export function compactSegment(built: BuiltSegment, lex: Lexicon): CompactSegment {
  const nSpell = built.seqVocab.length;
  const freq = new Uint32Array(nSpell);
  for (const s of built.seq) if (s !== SEQ_BREAK) freq[s]!++;
  // Most frequent first, ties by id: sorted as keys (2^30 − freq)·2^22 + id, exact in a double.
  const keys = new Float64Array(nSpell);
  for (let s = 0; s < nSpell; s++) keys[s] = (2 ** 30 - freq[s]!) * ID_SPAN + s;
  const byFreq = Uint32Array.from(keys.sort(), (k) => k % ID_SPAN);
  const nTerm = built.terms.length;
  const [spell, foldIds, termGlobal] = lex.internSorted([
    { words: built.seqVocab, assign: byFreq },
    { words: built.foldVocab },
    { words: built.terms },
  ]) as [Uint32Array, Uint32Array, Uint32Array];
  for (let s = 0; s < nSpell; s++) lex.setFold(spell[s]!, foldIds[built.seqFold[s]!]!);
  // Terms in id order (keys lexicon id·2^22 + slot).
  const termKeys = new Float64Array(nTerm);
  for (let t = 0; t < nTerm; t++) termKeys[t] = termGlobal[t]! * ID_SPAN + t;
  const order = Uint32Array.from(termKeys.sort(), (k) => k % ID_SPAN);
  const w = new ByteWriter(built.postDocs.length * 2);
  const scratch = new ByteWriter();
  const termStart = new Uint32Array(nTerm + 1);
  const { fieldStart: fs, postDocs, postTfs } = built;
  for (let i = 0; i < nTerm; i++) {
    const t = order[i]!;
    termStart[i] = w.length;
    const a = fs[t * F]!;
    const b = fs[t * F + 1]!;
    const c = fs[t * F + 2]!;
    scratch.length = 0;
    writeList(scratch, postDocs, postTfs, a, b);
    w.uint(b - a);
    w.uint(c - b);
    w.uint(scratch.length);
    w.bytes(scratch.view());
    writeList(w, postDocs, postTfs, b, c);
  }
  termStart[nTerm] = w.length;
  const n = built.ids.length;
  const sw = new ByteWriter(built.seq.length * 2);
  const seqStart = new Uint32Array(n + 1);
  for (let d = 0; d < n; d++) {
    seqStart[d] = sw.length;
    for (let i = built.seqStart[d]!; i < built.seqStart[d + 1]!; i++) {
      const s = built.seq[i]!;
      sw.uint(s === SEQ_BREAK ? 0 : spell[s]! + 1);
    }
  }
  seqStart[n] = sw.length;
  return {
    ids: built.ids,
    titles: built.titles,
    outlets: built.outlets,
    published: built.published,
    dates: built.dates,
    termIds: Uint32Array.from(order, (t) => termGlobal[t]!),
    termStart,
    post: w.finish(),
    fieldLen: built.fieldLen,
    avgFieldLen: built.avgFieldLen,
    seq: sw.finish(),
    seqStart,
    words: lex.size,
  };
}

/** Mean field lengths over every document of the segment (lunr's averageFieldLength). */
export function averages(fieldLen: Uint32Array, n: number): Float64Array {
  const avg = new Float64Array(F);
  for (let d = 0; d < n; d++) for (let f = 0; f < F; f++) avg[f]! += fieldLen[d * F + f]!;
  for (let f = 0; f < F; f++) avg[f] = n > 0 ? avg[f]! / n : 0;
  return avg;
}

/** A segment plus its tombstones (1 = deleted) and key, as persisted. */
export interface StoredCompact {
  data: CompactSegment;
  dead: Uint8Array;
  key?: string;
}

/** Bump when the layout or the analysis (pipeline, stems, stop words) changes. */
export const FORMAT = 6;
const MAGIC = 0x36515257; // "WRQ6"

interface Header {
  v: number;
  key: string;
  ids: string[];
  titles: string[];
  outlets: string[];
  published: string[];
  terms: number;
  words: number;
  postBytes: number;
  seqBytes: number;
}

const g = globalThis as unknown as {
  TextEncoder: new () => { encode(s: string): Uint8Array };
  TextDecoder: new (label?: string) => { decode(b: ArrayBufferView): string };
};

/** Serializes a compact segment and its tombstones. */
export function encodeCompact({ data, dead, key = '' }: StoredCompact): Uint8Array {
  const n = data.ids.length;
  const header: Header = {
    v: FORMAT,
    key,
    ids: data.ids,
    titles: data.titles,
    outlets: data.outlets,
    published: data.published,
    terms: data.termIds.length,
    words: data.words,
    postBytes: data.post.length,
    seqBytes: data.seq.length,
  };
  const head = new g.TextEncoder().encode(JSON.stringify(header));
  const w = new ByteWriter(data.post.length + data.seq.length + head.length + n * 8 + data.termIds.length * 4);
  w.uint(MAGIC);
  w.uint(head.length);
  w.bytes(head);
  for (let d = 0; d < n; d++) w.uint(data.dates[d]!);
  for (let i = 0; i < n * F; i++) w.uint(data.fieldLen[i]!);
  writeAscending(w, data.termIds);
  writeAscending(w, data.termStart.subarray(0, data.termIds.length));
  writeAscending(w, data.seqStart.subarray(0, n));
  w.bytes(data.post);
  w.bytes(data.seq);
  w.bytes(dead);
  return w.finish();
}

/**
 * Reads bytes written by encodeCompact; throws Error('corrupt segment …') on anything else.
 * Postings and sequences stay views into `bytes` (do not modify it afterwards).
 */
export function decodeCompact(bytes: Uint8Array): StoredCompact {
  const fail = (why: string): never => {
    throw new Error(`corrupt segment: ${why}`);
  };
  const r = new ByteReader(bytes);
  if (bytes.length < 8 || r.uint() !== MAGIC) fail('bad magic');
  const headLength = r.uint();
  if (r.pos + headLength > bytes.length) fail('truncated header');
  let h: Header;
  try {
    h = JSON.parse(new g.TextDecoder().decode(bytes.subarray(r.pos, r.pos + headLength))) as Header;
  } catch {
    return fail('unreadable header');
  }
  r.pos += headLength;
  if (h.v !== FORMAT) fail(`version ${h.v}`);
  const n = h.ids.length;
  const guard = (): void => {
    if (r.pos > bytes.length) fail('truncated tables');
  };
  const dates = new Int32Array(n);
  for (let d = 0; d < n; d++) dates[d] = r.uint();
  const fieldLen = new Uint32Array(n * F);
  for (let i = 0; i < n * F; i++) fieldLen[i] = r.uint();
  guard();
  const termIds = readAscending(r, h.terms);
  const termStart = new Uint32Array(h.terms + 1);
  termStart.set(readAscending(r, h.terms));
  termStart[h.terms] = h.postBytes;
  const seqStart = new Uint32Array(n + 1);
  seqStart.set(readAscending(r, n));
  seqStart[n] = h.seqBytes;
  guard();
  if (r.pos + h.postBytes + h.seqBytes + n !== bytes.length) fail('sizes');
  const post = bytes.subarray(r.pos, r.pos + h.postBytes);
  const seq = bytes.subarray(r.pos + h.postBytes, r.pos + h.postBytes + h.seqBytes);
  const deadAt = r.pos + h.postBytes + h.seqBytes;
  if ((h.terms > 0 && termStart[h.terms - 1]! > h.postBytes) || (n > 0 && seqStart[n - 1]! > h.seqBytes))
    fail('offsets');
  const data: CompactSegment = {
    ids: h.ids,
    titles: h.titles,
    outlets: h.outlets,
    published: h.published,
    dates,
    termIds,
    termStart,
    post,
    fieldLen,
    avgFieldLen: averages(fieldLen, n),
    seq,
    seqStart,
    words: h.words,
  };
  return { data, dead: bytes.slice(deadAt, deadAt + n), key: typeof h.key === 'string' ? h.key : '' };
}

export { dateKey, F };
