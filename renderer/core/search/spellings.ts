/**
 * The per-token half of building a segment, kept free of per-token allocation: a segment has
 * ~1.4 M tokens but only ~110,000 distinct spellings, and the analysis pipeline's output depends
 * on the spelling alone.
 *
 * - `Spellings` numbers a segment's spellings in a hash table keyed by the characters of the
 *   folded text itself (no substring is made for a spelling already seen), and keeps each
 *   spelling's index-term ids in flat arrays;
 * - `analyseSpelling` memoises the pipeline (index terms and loose fold) across segments, bounded:
 *   frequent words recur in every segment (Zipf), so many of a new segment's spellings are known.
 */
import lunr from 'lunr';
import { createArabicPipeline } from './pipeline';
import { foldText } from '../arabic/normalize';

/** What the pipeline makes of a strict spelling: its index terms (empty for stop words) and loose fold. */
export interface Analysis {
  terms: readonly string[];
  fold: string;
}

/**
 * Entries kept across segments, in two generations of at most MEMO_LIMIT (~15 MB each): when the
 * young one is full the old one is dropped, and an old entry used again moves to the young one, so
 * the words that recur stay while one-off words age out.
 */
const MEMO_LIMIT = 100_000;
let young = new Map<string, Analysis>();
let old = new Map<string, Analysis>();
let pipeline: lunr.Pipeline | null = null;

export function analyseSpelling(strict: string): Analysis {
  let a = young.get(strict);
  if (a) return a;
  a = old.get(strict);
  if (!a) {
    pipeline ??= createArabicPipeline();
    const terms = pipeline.run([new lunr.Token(strict, {})]).map((t) => t.toString());
    a = { terms, fold: foldText(strict) };
  }
  if (young.size >= MEMO_LIMIT) {
    old = young;
    young = new Map();
  }
  young.set(strict, a);
  return a;
}

/** FNV-1a over the UTF-16 code units of text[s, e). */
function hashOf(text: string, s: number, e: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = s; i < e; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** One segment's spellings (ids in order of first appearance) and their index terms. */
export class Spellings {
  /** Open addressing: slot → spelling id + 1 (0 = empty). */
  private slots = new Int32Array(1 << 15);
  private hashes = new Int32Array(1 << 14);
  /** Strict spellings by id. */
  readonly list: string[] = [];
  /** Loose folds by spelling id. */
  readonly folds: string[] = [];
  /** Index-term ids of spelling i: termIds[termStart[i] .. termStart[i + 1]). */
  termStart = new Uint32Array(1 << 14);
  termIds = new Uint32Array(1 << 16);
  /** Index terms by id (in order of first appearance). */
  readonly terms: string[] = [];
  private readonly termIndex = new Map<string, number>();

  get size(): number {
    return this.list.length;
  }

  /** Id of the spelling text[s, e), analysed and added when new. */
  id(text: string, s: number, e: number): number {
    const h = hashOf(text, s, e);
    const mask = this.slots.length - 1;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const v = this.slots[at]!;
      if (v === 0) return this.add(text.slice(s, e), h, at);
      if (this.hashes[v - 1] === h && this.equals(v - 1, text, s, e)) return v - 1;
    }
  }

  /** Id of a known spelling, or -1. */
  find(word: string): number {
    const h = hashOf(word, 0, word.length);
    const mask = this.slots.length - 1;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const v = this.slots[at]!;
      if (v === 0) return -1;
      if (this.hashes[v - 1] === h && this.list[v - 1] === word) return v - 1;
    }
  }

  /** Id of an index term (numbered on first sight). */
  termId(term: string): number {
    let id = this.termIndex.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIndex.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  private equals(id: number, text: string, s: number, e: number): boolean {
    const w = this.list[id]!;
    if (w.length !== e - s) return false;
    for (let k = 0; k < w.length; k++) if (w.charCodeAt(k) !== text.charCodeAt(s + k)) return false;
    return true;
  }

  private add(word: string, h: number, at: number): number {
    const id = this.list.length;
    const a = analyseSpelling(word);
    this.list.push(word);
    this.folds.push(a.fold);
    if (id + 2 > this.termStart.length) {
      this.termStart = grow(this.termStart, id + 2);
      const hashes = new Int32Array(this.termStart.length);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    const from = this.termStart[id]!;
    if (from + a.terms.length > this.termIds.length) this.termIds = grow(this.termIds, from + a.terms.length);
    for (let k = 0; k < a.terms.length; k++) this.termIds[from + k] = this.termId(a.terms[k]!);
    this.termStart[id + 1] = from + a.terms.length;
    this.hashes[id] = h;
    this.slots[at] = id + 1;
    if (this.list.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.list.length; id++) {
      let at = this.hashes[id]! & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = id + 1;
    }
    this.slots = slots;
  }
}

/** A copy of `a` with room for at least `n` entries (doubling). */
export function grow<T extends Uint32Array | Uint16Array | Uint8Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}
