/**
 * The per-token half of building a segment, kept free of per-token allocation and of per-segment
 * sorting of words: a segment has ~1.4 M tokens but only ~110,000 distinct spellings and ~150,000
 * index terms, and most of them recur in the next segment (Zipf).
 *
 * - `Shared` numbers spellings, index terms and folds across segments (`Vocab`), runs the analysis
 *   pipeline once per spelling, and keeps each vocabulary's code-unit order up to date by merging in
 *   only the words added since (so a segment's word lists come out sorted by sorting integers). It
 *   starts afresh between segments once it holds SHARED_LIMIT spellings (~40 MB at most);
 * - `Spellings` numbers one segment's spellings in a hash table keyed by the characters of the
 *   folded text itself, so no substring is made for a spelling already seen.
 */
import lunr from 'lunr';
import { createArabicPipeline } from './pipeline';
import { foldText } from '../arabic/normalize';

/** Words numbered in order of arrival, with their ranks in code-unit order. */
export class Vocab {
  readonly words: string[] = [];
  private readonly index = new Map<string, number>();
  /** Numbers in code-unit order of their words (after update()). */
  sorted = new Uint32Array(0);
  /** rank[n] = place of word n in `sorted` (after update()). */
  rank = new Uint32Array(0);
  private ranked = 0;

  get size(): number {
    return this.words.length;
  }

  lookup(word: string): number | undefined {
    return this.index.get(word);
  }

  num(word: string): number {
    let n = this.index.get(word);
    if (n === undefined) {
      n = this.words.length;
      this.index.set(word, n);
      this.words.push(word);
    }
    return n;
  }

  /** Ranks every word: the ones added since the last call are sorted and merged in by runs. */
  update(): void {
    const G = this.words.length;
    const R = this.ranked;
    if (R === G) return;
    const words = this.words;
    const fresh = Array.from({ length: G - R }, (_, i) => R + i).sort((a, b) => (words[a]! < words[b]! ? -1 : 1));
    const old = this.sorted;
    const merged = new Uint32Array(G);
    let from = 0;
    let k = 0;
    for (const n of fresh) {
      const w = words[n]!;
      let lo = from;
      let hi = R;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (words[old[mid]!]! < w) lo = mid + 1;
        else hi = mid;
      }
      merged.set(old.subarray(from, lo), k);
      k += lo - from;
      from = lo;
      merged[k++] = n;
    }
    merged.set(old.subarray(from, R), k);
    this.sorted = merged;
    this.rank = new Uint32Array(G);
    for (let r = 0; r < G; r++) this.rank[merged[r]!] = r;
    this.ranked = G;
  }
}

/** Spellings, index terms and folds numbered across segments, each spelling analysed once. */
export class Shared {
  readonly spellings = new Vocab();
  readonly terms = new Vocab();
  readonly folds = new Vocab();
  /** Term numbers of spelling n: termNums[termStart[n] .. termStart[n + 1]). */
  termStart = new Uint32Array(1 << 14);
  termNums = new Uint32Array(1 << 16);
  /** Fold number of spelling n. */
  foldOf = new Uint32Array(1 << 14);
  private readonly pipeline = createArabicPipeline();

  /** Number of a strict spelling, analysed on first sight. */
  spelling(strict: string): number {
    const known = this.spellings.lookup(strict);
    if (known !== undefined) return known;
    const n = this.spellings.num(strict);
    const terms = this.pipeline.run([new lunr.Token(strict, {})]);
    if (n + 2 > this.termStart.length) {
      this.termStart = grow(this.termStart, n + 2);
      this.foldOf = grow(this.foldOf, n + 2);
    }
    const from = this.termStart[n]!;
    if (from + terms.length > this.termNums.length) this.termNums = grow(this.termNums, from + terms.length);
    for (let k = 0; k < terms.length; k++) this.termNums[from + k] = this.terms.num(terms[k]!.toString());
    this.termStart[n + 1] = from + terms.length;
    this.foldOf[n] = this.folds.num(foldText(strict));
    return n;
  }

  update(): void {
    this.spellings.update();
    this.terms.update();
    this.folds.update();
  }
}

const SHARED_LIMIT = 250_000;
let shared: Shared | null = null;

/** The shared analysis for a new segment (a fresh one once it holds SHARED_LIMIT spellings). */
export function sharedAnalysis(): Shared {
  if (!shared || shared.spellings.size > SHARED_LIMIT) shared = new Shared();
  return shared;
}

/** Lets the shared analysis be collected (a builder worker calls this once idle). */
export function releaseSharedAnalysis(): void {
  shared = null;
}

/** FNV-1a over the UTF-16 code units of text[s, e). */
function hashOf(text: string, s: number, e: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = s; i < e; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** One segment's spellings (ids in order of first appearance) and their shared numbers. */
export class Spellings {
  /** Open addressing: slot → spelling id + 1 (0 = empty). */
  private slots = new Int32Array(1 << 15);
  private hashes = new Int32Array(1 << 14);
  /** Strict spellings by id. */
  readonly list: string[] = [];
  /** Shared number of spelling id. */
  global = new Uint32Array(1 << 14);

  constructor(readonly shared: Shared = sharedAnalysis()) {}

  get size(): number {
    return this.list.length;
  }

  /** Id of the spelling text[s, e), added when new. */
  id(text: string, s: number, e: number): number {
    const h = hashOf(text, s, e);
    const mask = this.slots.length - 1;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const v = this.slots[at]!;
      if (v === 0) return this.add(text.slice(s, e), h, at);
      if (this.hashes[v - 1] === h && this.equals(v - 1, text, s, e)) return v - 1;
    }
  }

  private equals(id: number, text: string, s: number, e: number): boolean {
    const w = this.list[id]!;
    if (w.length !== e - s) return false;
    for (let k = 0; k < w.length; k++) if (w.charCodeAt(k) !== text.charCodeAt(s + k)) return false;
    return true;
  }

  private add(word: string, h: number, at: number): number {
    const id = this.list.length;
    this.list.push(word);
    if (id + 1 > this.global.length) {
      this.global = grow(this.global, id + 1);
      const hashes = new Int32Array(this.global.length);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.global[id] = this.shared.spelling(word);
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
