/**
 * A built segment: lunr's inverted index for a few thousand documents held in typed arrays, with
 * its own word lists. Builder workers make these and send them (codec.ts) to the search worker,
 * which turns them into compact segments over the shared vocabulary (compact.ts, lexicon.ts).
 *
 * - terms: sorted index terms (folded surfaces, stems, bare numbers);
 * - postings of term t in field f: docs/tfs in [fieldStart[t*F+f], fieldStart[t*F+f+1]),
 *   doc numbers ascending (local numbers < 65,536);
 * - token sequence of every document (strict spelling, stop words kept) for phrase and strict
 *   verification: seq[seqStart[d] .. seqStart[d+1]) holds ids into seqVocab; SEQ_BREAK separates
 *   title from body so a phrase never spans them; seqFold maps a strict id to its loosely folded id.
 */
import type { SearchDoc } from './api';
import { scanTokens } from '../arabic/tokenize';
import { foldText } from '../arabic/normalize';
import { SortedStrings } from './sorted-strings';
import { Spellings, grow, type Shared } from './spellings';

export const FIELDS = ['title', 'body'] as const;
export type FieldName = (typeof FIELDS)[number];
export const F = FIELDS.length;
export const SEQ_BREAK = 0xffffffff;
/** Segment size cap: local doc numbers are stored as Uint16. */
export const MAX_SEGMENT_DOCS = 65_535;

export interface DocMeta {
  ids: string[];
  titles: string[];
  outlets: string[];
  published: string[];
  /** yyyymmdd, 0 when unknown. */
  dates: Int32Array;
}

export interface BuiltSegment extends DocMeta {
  terms: SortedStrings;
  fieldStart: Uint32Array;
  postDocs: Uint16Array;
  /** Term frequency, capped at 255 (BM25 saturates long before; none in the corpus exceeds it). */
  postTfs: Uint8Array;
  /** Tokens after the pipeline per (doc, field), as lunr counts field length. */
  fieldLen: Uint32Array;
  avgFieldLen: Float64Array;
  seqVocab: SortedStrings;
  seqFold: Uint32Array;
  foldVocab: SortedStrings;
  seq: Uint32Array;
  seqStart: Uint32Array;
}

/** yyyymmdd of an ISO date string, 0 when it has none. */
export function dateKey(iso: string | undefined): number {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) : 0;
}

function bodyOf(doc: SearchDoc): string {
  if (doc.paragraphs.length === 0) return doc.text;
  return doc.paragraphs.map((p) => doc.text.slice(p.start, p.end)).join('\n');
}

/**
 * Postings being collected as flat columns (key = term id · F + field, doc, tf), appended in
 * document order; packPostings sorts them by term with one counting pass.
 */
class Postings {
  key = new Uint32Array(1 << 16);
  doc = new Uint16Array(1 << 16);
  tfs = new Uint8Array(1 << 16);
  n = 0;
  private tf = new Uint32Array(1024);
  private touched = new Uint32Array(1024);
  private nTouched = 0;

  count(termId: number): void {
    if (termId >= this.tf.length) this.tf = grow(this.tf, termId + 1);
    if (this.tf[termId]!++ === 0) {
      if (this.nTouched === this.touched.length) this.touched = grow(this.touched, this.nTouched + 1);
      this.touched[this.nTouched++] = termId;
    }
  }

  /** Moves the counts of one (doc, field) into the postings. */
  flush(d: number, f: number): void {
    const m = this.nTouched;
    if (this.n + m > this.key.length) {
      this.key = grow(this.key, this.n + m);
      this.doc = grow(this.doc, this.n + m);
      this.tfs = grow(this.tfs, this.n + m);
    }
    for (let j = 0; j < m; j++) {
      const t = this.touched[j]!;
      this.key[this.n] = t * F + f;
      this.doc[this.n] = d;
      this.tfs[this.n++] = Math.min(this.tf[t]!, 0xff);
      this.tf[t] = 0;
    }
    this.nTouched = 0;
  }
}

/** Builds one segment from documents (at most MAX_SEGMENT_DOCS); throws RangeError beyond that. */
export function buildSegment(docs: readonly SearchDoc[]): BuiltSegment {
  if (docs.length > MAX_SEGMENT_DOCS) throw new RangeError(`segment holds at most ${MAX_SEGMENT_DOCS} docs`);
  const spellings = new Spellings();
  const shared = spellings.shared;
  const postings = new Postings();
  const fieldLen = new Uint32Array(docs.length * F);
  let seq = new Uint32Array(1 << 16);
  let n = 0;
  const seqStart = new Uint32Array(docs.length + 1);
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d]!;
    seqStart[d] = n;
    for (let f = 0; f < F; f++) {
      const text = foldText(f === 0 ? doc.title : bodyOf(doc), { strict: true });
      const bounds = scanTokens(text);
      if (n + bounds.length / 2 + 1 > seq.length) seq = grow(seq, n + bounds.length / 2 + 1);
      if (f > 0) seq[n++] = SEQ_BREAK;
      let length = 0;
      for (let i = 0; i < bounds.length; i += 2) {
        const id = spellings.id(text, bounds[i]!, bounds[i + 1]!);
        seq[n++] = id;
        const g = spellings.global[id]!;
        const from = shared.termStart[g]!;
        const to = shared.termStart[g + 1]!;
        for (let k = from; k < to; k++) postings.count(shared.termNums[k]!);
        length += to - from;
      }
      fieldLen[d * F + f] = length;
      postings.flush(d, f);
    }
  }
  seqStart[docs.length] = n;
  shared.update();
  return {
    ...docMeta(docs),
    ...packPostings(shared, postings),
    fieldLen,
    avgFieldLen: averages(fieldLen, docs.length),
    ...packSequence(spellings, seq.subarray(0, n)),
    seqStart,
  };
}

function docMeta(docs: readonly SearchDoc[]): DocMeta {
  return {
    ids: docs.map((d) => d.id),
    titles: docs.map((d) => d.title),
    outlets: docs.map((d) => d.outlet),
    published: docs.map((d) => d.published ?? ''),
    dates: Int32Array.from(docs, (d) => dateKey(d.published)),
  };
}

function averages(fieldLen: Uint32Array, n: number): Float64Array {
  const avg = new Float64Array(F);
  for (let d = 0; d < n; d++) for (let f = 0; f < F; f++) avg[f]! += fieldLen[d * F + f]!;
  for (let f = 0; f < F; f++) avg[f] = n > 0 ? avg[f]! / n : 0;
  return avg;
}

/** Postings by term in code-unit order (the shared ranks sort the segment's terms as integers). */
function packPostings(
  shared: Shared,
  p: Postings,
): Pick<BuiltSegment, 'terms' | 'fieldStart' | 'postDocs' | 'postTfs'> {
  const { terms } = shared;
  const G = terms.size;
  const count = new Uint32Array(G * F);
  for (let i = 0; i < p.n; i++) count[p.key[i]!]!++;
  const ranks = new Uint32Array(G);
  let m = 0;
  for (let g = 0; g < G; g++) if (count[g * F]! + count[g * F + 1]! > 0) ranks[m++] = terms.rank[g]!;
  const byRank = ranks.subarray(0, m).sort();
  const sorted = new Array<string>(m);
  const fieldStart = new Uint32Array(m * F + 1);
  const next = new Uint32Array(G * F);
  let k = 0;
  for (let t = 0; t < m; t++) {
    const g = terms.sorted[byRank[t]!]!;
    sorted[t] = terms.words[g]!;
    for (let f = 0; f < F; f++) {
      fieldStart[t * F + f] = k;
      next[g * F + f] = k;
      k += count[g * F + f]!;
    }
  }
  fieldStart[m * F] = k;
  const postDocs = new Uint16Array(p.n);
  const postTfs = new Uint8Array(p.n);
  for (let i = 0; i < p.n; i++) {
    const at = next[p.key[i]!]!++;
    postDocs[at] = p.doc[i]!;
    postTfs[at] = p.tfs[i]!;
  }
  return { terms: SortedStrings.fromSorted(sorted), fieldStart, postDocs, postTfs };
}

/** Local ids fit below this in a sort key `rank · LOCAL + id` (exact in a double: rank < 2^31). */
const LOCAL = 2 ** 22;

/** Renumbers the spellings in sorted order (in `seq`, in place) and maps each to its folded form. */
function packSequence(
  sp: Spellings,
  seq: Uint32Array,
): Pick<BuiltSegment, 'seqVocab' | 'seqFold' | 'foldVocab' | 'seq'> {
  const { spellings, folds, foldOf } = sp.shared;
  const N = sp.size;
  if (N >= LOCAL) throw new RangeError('too many spellings in one segment');
  const keys = new Float64Array(N);
  for (let i = 0; i < N; i++) keys[i] = spellings.rank[sp.global[i]!]! * LOCAL + i;
  keys.sort();
  const renum = new Uint32Array(N);
  const seqVocab = new Array<string>(N);
  const order = new Uint32Array(N);
  const seen = new Uint8Array(folds.size);
  const foldRanks = new Uint32Array(N);
  let m = 0;
  for (let j = 0; j < N; j++) {
    const i = keys[j]! % LOCAL;
    renum[i] = j;
    order[j] = i;
    seqVocab[j] = sp.list[i]!;
    const fo = foldOf[sp.global[i]!]!;
    if (!seen[fo]) {
      seen[fo] = 1;
      foldRanks[m++] = folds.rank[fo]!;
    }
  }
  const byRank = foldRanks.subarray(0, m).sort();
  const foldVocab = new Array<string>(m);
  const foldLocal = new Uint32Array(folds.size);
  for (let t = 0; t < m; t++) {
    const fo = folds.sorted[byRank[t]!]!;
    foldVocab[t] = folds.words[fo]!;
    foldLocal[fo] = t;
  }
  const seqFold = Uint32Array.from(order, (i) => foldLocal[foldOf[sp.global[i]!]!]!);
  for (let i = 0; i < seq.length; i++) if (seq[i] !== SEQ_BREAK) seq[i] = renum[seq[i]!]!;
  return {
    seqVocab: SortedStrings.fromSorted(seqVocab),
    seqFold,
    foldVocab: SortedStrings.fromSorted(foldVocab),
    seq: seq.slice(),
  };
}
