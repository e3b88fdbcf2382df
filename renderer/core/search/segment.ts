/**
 * A compact, immutable index segment: lunr's inverted index for a few thousand documents held in
 * typed arrays (SEARCH.md: one JS object per posting costs ~370 bytes; here a posting costs 4).
 *
 * - terms: sorted index terms (folded surfaces, stems, bare numbers);
 * - postings of term t in field f: docs/tfs in [fieldStart[t*F+f], fieldStart[t*F+f+1]),
 *   doc numbers ascending (local numbers < 65,536);
 * - token sequence of every document (strict spelling, stop words kept) for phrase and strict
 *   verification: seq[seqStart[d] .. seqStart[d+1]) holds ids into seqVocab; SEQ_BREAK separates
 *   title from body so a phrase never spans them; seqFold maps a strict id to its loosely folded id.
 */
import type { SearchDoc } from './api';
import { createArabicPipeline, arabicTokenizer } from './pipeline';
import { foldText } from '../arabic/normalize';

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

export interface SegmentData extends DocMeta {
  terms: string[];
  fieldStart: Uint32Array;
  postDocs: Uint16Array;
  postTfs: Uint16Array;
  /** Tokens after the pipeline per (doc, field), as lunr counts field length. */
  fieldLen: Uint32Array;
  avgFieldLen: Float64Array;
  seqVocab: string[];
  seqFold: Uint32Array;
  foldVocab: string[];
  seq: Uint32Array;
  seqStart: Uint32Array;
}

/** yyyymmdd of an ISO date string, 0 when it has none. */
export function dateKey(iso: string | undefined): number {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) : 0;
}

interface Acc {
  docs: number[][];
  tfs: number[][];
}

function bodyOf(doc: SearchDoc): string {
  if (doc.paragraphs.length === 0) return doc.text;
  return doc.paragraphs.map((p) => doc.text.slice(p.start, p.end)).join('\n');
}

/** Builds one segment from documents (at most MAX_SEGMENT_DOCS); throws RangeError beyond that. */
export function buildSegment(docs: readonly SearchDoc[]): SegmentData {
  if (docs.length > MAX_SEGMENT_DOCS) throw new RangeError(`segment holds at most ${MAX_SEGMENT_DOCS} docs`);
  const pipeline = createArabicPipeline();
  const acc = new Map<string, Acc>();
  const fieldLen = new Uint32Array(docs.length * F);
  const seqIds = new Map<string, number>();
  const seqVocab: string[] = [];
  const seq: number[] = [];
  const seqStart = new Uint32Array(docs.length + 1);
  docs.forEach((doc, d) => {
    seqStart[d] = seq.length;
    const texts = [doc.title, bodyOf(doc)];
    for (let f = 0; f < F; f++) {
      const tokens = arabicTokenizer(texts[f]);
      if (f > 0) seq.push(SEQ_BREAK);
      for (const t of tokens) {
        const s = t.toString();
        let id = seqIds.get(s);
        if (id === undefined) {
          id = seqVocab.length;
          seqIds.set(s, id);
          seqVocab.push(s);
        }
        seq.push(id);
      }
      const terms = pipeline.run(tokens);
      fieldLen[d * F + f] = terms.length;
      const tf = new Map<string, number>();
      for (const t of terms) {
        const s = t.toString();
        tf.set(s, (tf.get(s) ?? 0) + 1);
      }
      for (const [term, n] of tf) {
        let a = acc.get(term);
        if (!a) {
          a = { docs: FIELDS.map(() => []), tfs: FIELDS.map(() => []) };
          acc.set(term, a);
        }
        a.docs[f]!.push(d);
        a.tfs[f]!.push(Math.min(n, 0xffff));
      }
    }
  });
  seqStart[docs.length] = seq.length;
  return {
    ...docMeta(docs),
    ...packPostings(acc),
    fieldLen,
    avgFieldLen: averages(fieldLen, docs.length),
    ...packSequence(seqVocab, seq),
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

function packPostings(acc: Map<string, Acc>): Pick<SegmentData, 'terms' | 'fieldStart' | 'postDocs' | 'postTfs'> {
  const terms = [...acc.keys()].sort();
  const fieldStart = new Uint32Array(terms.length * F + 1);
  let total = 0;
  for (const a of acc.values()) for (let f = 0; f < F; f++) total += a.docs[f]!.length;
  const postDocs = new Uint16Array(total);
  const postTfs = new Uint16Array(total);
  let k = 0;
  terms.forEach((term, t) => {
    const a = acc.get(term)!;
    for (let f = 0; f < F; f++) {
      fieldStart[t * F + f] = k;
      postDocs.set(a.docs[f]!, k);
      postTfs.set(a.tfs[f]!, k);
      k += a.docs[f]!.length;
    }
  });
  fieldStart[terms.length * F] = k;
  return { terms, fieldStart, postDocs, postTfs };
}

/** Renumbers the sequence vocabulary in sorted order and maps each entry to its folded form. */
function packSequence(vocab: string[], seq: number[]): Pick<SegmentData, 'seqVocab' | 'seqFold' | 'foldVocab' | 'seq'> {
  const order = vocab.map((_, i) => i).sort((a, b) => (vocab[a]! < vocab[b]! ? -1 : vocab[a]! > vocab[b]! ? 1 : 0));
  const renum = new Uint32Array(vocab.length);
  order.forEach((old, i) => (renum[old] = i));
  const seqVocab = order.map((i) => vocab[i]!);
  const folded = seqVocab.map((s) => foldText(s));
  const foldVocab = [...new Set(folded)].sort();
  const foldIds = new Map(foldVocab.map((s, i) => [s, i]));
  const seqFold = Uint32Array.from(folded, (s) => foldIds.get(s)!);
  const out = new Uint32Array(seq.length);
  for (let i = 0; i < seq.length; i++) out[i] = seq[i] === SEQ_BREAK ? SEQ_BREAK : renum[seq[i]!]!;
  return { seqVocab, seqFold, foldVocab, seq: out };
}

/** Index of `key` in a sorted string array, or -1. */
export function findSorted(arr: readonly string[], key: string): number {
  let lo = 0;
  let hi = arr.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = arr[mid]!;
    if (v === key) return mid;
    if (v < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** [from, to) of the entries of a sorted string array that start with `prefix`. */
export function prefixRange(arr: readonly string[], prefix: string): [number, number] {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < arr.length && arr[end]!.startsWith(prefix)) end++;
  return [lo, end];
}
