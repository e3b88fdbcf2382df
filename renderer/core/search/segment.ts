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
import { Spellings, grow } from './spellings';

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
        const to = spellings.termStart[id + 1]!;
        for (let k = spellings.termStart[id]!; k < to; k++) postings.count(spellings.termIds[k]!);
        length += to - spellings.termStart[id]!;
      }
      fieldLen[d * F + f] = length;
      postings.flush(d, f);
    }
  }
  seqStart[docs.length] = n;
  return {
    ...docMeta(docs),
    ...packPostings(spellings, postings),
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

function packPostings(sp: Spellings, p: Postings): Pick<BuiltSegment, 'terms' | 'fieldStart' | 'postDocs' | 'postTfs'> {
  const sorted = sp.terms.slice().sort(); // code-unit order
  const nKeys = sorted.length * F;
  const count = new Uint32Array(nKeys);
  for (let i = 0; i < p.n; i++) count[p.key[i]!]!++;
  const fieldStart = new Uint32Array(nKeys + 1);
  const next = new Uint32Array(nKeys);
  let k = 0;
  for (let t = 0; t < sorted.length; t++) {
    const id = sp.termId(sorted[t]!);
    for (let f = 0; f < F; f++) {
      fieldStart[t * F + f] = k;
      next[id * F + f] = k;
      k += count[id * F + f]!;
    }
  }
  fieldStart[nKeys] = k;
  const postDocs = new Uint16Array(p.n);
  const postTfs = new Uint8Array(p.n);
  for (let i = 0; i < p.n; i++) {
    const at = next[p.key[i]!]!++;
    postDocs[at] = p.doc[i]!;
    postTfs[at] = p.tfs[i]!;
  }
  return { terms: SortedStrings.fromSorted(sorted), fieldStart, postDocs, postTfs };
}

/** Renumbers the spellings in sorted order (in `seq`, in place) and maps each to its folded form. */
function packSequence(
  sp: Spellings,
  seq: Uint32Array,
): Pick<BuiltSegment, 'seqVocab' | 'seqFold' | 'foldVocab' | 'seq'> {
  const seqVocab = sp.list.slice().sort();
  const renum = new Uint32Array(seqVocab.length);
  const folded = seqVocab.map((s, i) => {
    const id = sp.find(s);
    renum[id] = i;
    return sp.folds[id]!;
  });
  const foldVocab = [...new Set(folded)].sort();
  const foldIds = new Map(foldVocab.map((s, i) => [s, i]));
  const seqFold = Uint32Array.from(folded, (s) => foldIds.get(s)!);
  for (let i = 0; i < seq.length; i++) if (seq[i] !== SEQ_BREAK) seq[i] = renum[seq[i]!]!;
  return {
    seqVocab: SortedStrings.fromSorted(seqVocab),
    seqFold,
    foldVocab: SortedStrings.fromSorted(foldVocab),
    seq: seq.slice(),
  };
}
