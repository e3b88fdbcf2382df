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
import lunr from 'lunr';
import { createArabicPipeline } from './pipeline';
import { scanTokens } from '../arabic/tokenize';
import { foldText } from '../arabic/normalize';
import { SortedStrings } from './sorted-strings';

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

interface Analysed {
  /** Id in the (unsorted) sequence vocabulary. */
  seqId: number;
  /** Ids of the index terms the pipeline makes of this spelling (empty for stop words). */
  termIds: number[];
}

/**
 * Memoises the pipeline per distinct spelling and numbers terms: a 4,000-article segment has
 * ~1.4 M tokens but only ~110,000 spellings, and the pipeline's output depends on the spelling
 * alone; numbered terms keep string hashing out of the per-token loop.
 */
class Analyser {
  private readonly pipeline = createArabicPipeline();
  private readonly seen = new Map<string, Analysed>();
  private readonly termIds = new Map<string, number>();
  readonly terms: string[] = [];
  readonly seqVocab: string[] = [];

  analyse(strict: string): Analysed {
    let a = this.seen.get(strict);
    if (!a) {
      const termIds = this.pipeline.run([new lunr.Token(strict, {})]).map((t) => this.termId(t.toString()));
      a = { seqId: this.seqVocab.length, termIds };
      this.seen.set(strict, a);
      this.seqVocab.push(strict);
    }
    return a;
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
    }
    return id;
  }
}

/** Postings being collected: per (term id, field), ascending docs and their term frequencies. */
class Postings {
  readonly docs: number[][] = [];
  readonly tfs: number[][] = [];
  private tf = new Uint32Array(1024);
  private touched: number[] = [];

  count(termId: number): void {
    if (termId >= this.tf.length) {
      const grown = new Uint32Array(Math.max(termId + 1, this.tf.length * 2));
      grown.set(this.tf);
      this.tf = grown;
    }
    if (this.tf[termId]!++ === 0) this.touched.push(termId);
  }

  /** Moves the counts of one (doc, field) into the postings. */
  flush(d: number, f: number): void {
    for (const t of this.touched) {
      const k = t * F + f;
      (this.docs[k] ??= []).push(d);
      (this.tfs[k] ??= []).push(Math.min(this.tf[t]!, 0xff));
      this.tf[t] = 0;
    }
    this.touched = [];
  }
}

/** Builds one segment from documents (at most MAX_SEGMENT_DOCS); throws RangeError beyond that. */
export function buildSegment(docs: readonly SearchDoc[]): BuiltSegment {
  if (docs.length > MAX_SEGMENT_DOCS) throw new RangeError(`segment holds at most ${MAX_SEGMENT_DOCS} docs`);
  const analyser = new Analyser();
  const postings = new Postings();
  const fieldLen = new Uint32Array(docs.length * F);
  const seq: number[] = [];
  const seqStart = new Uint32Array(docs.length + 1);
  docs.forEach((doc, d) => {
    seqStart[d] = seq.length;
    const texts = [doc.title, bodyOf(doc)];
    for (let f = 0; f < F; f++) {
      if (f > 0) seq.push(SEQ_BREAK);
      const text = foldText(texts[f]!, { strict: true });
      const bounds = scanTokens(text);
      let length = 0;
      for (let i = 0; i < bounds.length; i += 2) {
        const a = analyser.analyse(text.slice(bounds[i], bounds[i + 1]));
        seq.push(a.seqId);
        length += a.termIds.length;
        for (const t of a.termIds) postings.count(t);
      }
      fieldLen[d * F + f] = length;
      postings.flush(d, f);
    }
  });
  seqStart[docs.length] = seq.length;
  return {
    ...docMeta(docs),
    ...packPostings(analyser.terms, postings),
    fieldLen,
    avgFieldLen: averages(fieldLen, docs.length),
    ...packSequence(analyser.seqVocab, seq),
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

function packPostings(
  termList: string[],
  p: Postings,
): Pick<BuiltSegment, 'terms' | 'fieldStart' | 'postDocs' | 'postTfs'> {
  const order = sortedOrder(termList);
  const fieldStart = new Uint32Array(order.length * F + 1);
  let total = 0;
  for (const list of p.docs) total += list?.length ?? 0;
  const postDocs = new Uint16Array(total);
  const postTfs = new Uint8Array(total);
  let k = 0;
  order.forEach((id, t) => {
    for (let f = 0; f < F; f++) {
      fieldStart[t * F + f] = k;
      const docs = p.docs[id * F + f];
      if (!docs) continue;
      postDocs.set(docs, k);
      postTfs.set(p.tfs[id * F + f]!, k);
      k += docs.length;
    }
  });
  fieldStart[order.length * F] = k;
  return { terms: SortedStrings.fromSorted(order.map((id) => termList[id]!)), fieldStart, postDocs, postTfs };
}

/** Indexes of `list` in code-unit order of their strings. */
function sortedOrder(list: readonly string[]): number[] {
  return list.map((_, i) => i).sort((a, b) => (list[a]! < list[b]! ? -1 : list[a]! > list[b]! ? 1 : 0));
}

/** Renumbers the sequence vocabulary in sorted order and maps each entry to its folded form. */
function packSequence(
  vocab: string[],
  seq: number[],
): Pick<BuiltSegment, 'seqVocab' | 'seqFold' | 'foldVocab' | 'seq'> {
  const order = sortedOrder(vocab);
  const renum = new Uint32Array(vocab.length);
  order.forEach((old, i) => (renum[old] = i));
  const seqVocab = order.map((i) => vocab[i]!);
  const folded = seqVocab.map((s) => foldText(s));
  const foldVocab = [...new Set(folded)].sort();
  const foldIds = new Map(foldVocab.map((s, i) => [s, i]));
  const seqFold = Uint32Array.from(folded, (s) => foldIds.get(s)!);
  const out = new Uint32Array(seq.length);
  for (let i = 0; i < seq.length; i++) out[i] = seq[i] === SEQ_BREAK ? SEQ_BREAK : renum[seq[i]!]!;
  return {
    seqVocab: SortedStrings.fromSorted(seqVocab),
    seqFold,
    foldVocab: SortedStrings.fromSorted(foldVocab),
    seq: out,
  };
}
