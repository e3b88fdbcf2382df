/**
 * The detector's incremental index over a library: per-article features, document frequencies of
 * 5-grams and words (hashed counters: fixed memory whatever the library's size), and an inverted
 * index of a 1-in-SAMPLE sample of 5-grams for candidates. Adding an article compares it only with
 * the articles that share sampled 5-grams with it — never a rebuild.
 */
import { compare, type Frequencies, type PairGeometry, type PairVerdict } from './compare';
import { uniqueTokens, type DocFeatures } from './shingles';

const SHINGLE_BITS = 24;
const TOKEN_BITS = 22;
/** One 5-gram in SAMPLE is indexed (by hash), so a shared paragraph is found with near certainty. */
const SAMPLE = 4;
/** 5-grams in more articles than this are boilerplate: they find no candidates. */
const MAX_POSTING_DF = 60;
/** Candidates must share at least this many sampled 5-grams. */
const MIN_HITS = 2;

export interface Related {
  /** The other article's key. */
  id: string;
  verdict: PairVerdict;
}

class Postings {
  private keys = new Uint32Array(1 << 16);
  private heads = new Int32Array(1 << 16).fill(-1);
  private used = 0;
  private doc = new Int32Array(1 << 16);
  private next = new Int32Array(1 << 16);
  private count = 0;

  /** 32 − log2(table size): slots come from the product's HIGH bits (Fibonacci hashing). */
  private shift = 16;

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    // The low bits of key × odd depend only on the key's low bits, and sampled keys all end in 00:
    // taking them used a quarter of the slots and made long probe runs.
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.heads[i] !== -1 && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  add(key: number, d: number): void {
    if ((this.used + 1) * 2 > this.keys.length) this.grow();
    const i = this.slot(key);
    if (this.heads[i] === -1) {
      this.keys[i] = key;
      this.used++;
    }
    if (this.count === this.doc.length) {
      const doc = new Int32Array(this.doc.length * 2);
      doc.set(this.doc);
      this.doc = doc;
      const next = new Int32Array(this.next.length * 2);
      next.set(this.next);
      this.next = next;
    }
    this.doc[this.count] = d;
    this.next[this.count] = this.heads[i]!;
    this.heads[i] = this.count++;
  }

  forEach(key: number, fn: (d: number) => void): void {
    for (let p = this.heads[this.slot(key)]!; p !== -1; p = this.next[p]!) fn(this.doc[p]!);
  }

  private grow(): void {
    const keys = this.keys;
    const heads = this.heads;
    this.keys = new Uint32Array(keys.length * 2);
    this.heads = new Int32Array(keys.length * 2).fill(-1);
    this.shift--;
    for (let i = 0; i < keys.length; i++) {
      if (heads[i] === -1) continue;
      const j = this.slot(keys[i]!);
      this.keys[j] = keys[i]!;
      this.heads[j] = heads[i]!;
    }
  }

  get bytes(): number {
    return this.keys.byteLength + this.heads.byteLength + this.doc.byteLength + this.next.byteLength;
  }
}

export class StoryIndex implements Frequencies {
  private readonly sdf = new Uint8Array(1 << SHINGLE_BITS);
  private readonly tdf = new Uint16Array(1 << TOKEN_BITS);
  private readonly postings = new Postings();
  private readonly ids: string[] = [];
  private readonly feats: (DocFeatures | undefined)[] = [];
  private readonly at = new Map<string, number>();
  /** Scratch for candidates(): sampled-5-gram hits per article, and the articles hit. */
  private hits = new Uint16Array(1024);
  private touched = new Int32Array(1024);
  /** The geometry of each related pair found (by article numbers), so a recheck does not align again. */
  private readonly geometry = new Map<number, PairGeometry>();

  get size(): number {
    return this.at.size;
  }

  has(id: string): boolean {
    return this.at.has(id);
  }

  features(id: string): DocFeatures | undefined {
    const i = this.at.get(id);
    return i === undefined ? undefined : this.feats[i];
  }

  shingleDf(h: number): number {
    return Math.max(1, this.sdf[h & ((1 << SHINGLE_BITS) - 1)]!);
  }

  tokenDf(h: number): number {
    return Math.max(1, this.tdf[h & ((1 << TOKEN_BITS) - 1)]!);
  }

  /** Counts the article's 5-grams and words and indexes its sampled 5-grams (no comparison). */
  insert(id: string, f: DocFeatures): void {
    if (this.at.has(id)) return;
    const d = this.ids.length;
    this.ids.push(id);
    this.feats.push(f);
    this.at.set(id, d);
    const smask = (1 << SHINGLE_BITS) - 1;
    for (const h of f.shingles) {
      const k = h & smask;
      if (this.sdf[k]! < 255) this.sdf[k]!++;
      if (h % SAMPLE === 0) this.postings.add(h, d);
    }
    const tmask = (1 << TOKEN_BITS) - 1;
    for (const h of uniqueTokens(f)) {
      const k = h & tmask;
      if (this.tdf[k]! < 65535) this.tdf[k]!++;
    }
  }

  /** Forgets an article for candidates (its counts stay: frequencies only guide the comparison). */
  remove(id: string): void {
    const d = this.at.get(id);
    if (d === undefined) return;
    this.feats[d] = undefined;
    this.at.delete(id);
  }

  /** Articles sharing at least MIN_HITS sampled 5-grams with `f` (not counting `self`). */
  candidates(f: DocFeatures, self?: string): string[] {
    // Hit counts per article in a reused typed array; `touched` lists the articles hit, in first-hit order.
    if (this.hits.length < this.ids.length) {
      this.hits = new Uint16Array(Math.max(this.ids.length, this.hits.length * 2));
      this.touched = new Int32Array(this.hits.length);
    }
    const hits = this.hits;
    const touched = this.touched;
    let t = 0;
    const selfAt = self === undefined ? -1 : (this.at.get(self) ?? -1);
    for (const h of f.shingles) {
      if (h % SAMPLE !== 0 || this.shingleDf(h) > MAX_POSTING_DF) continue;
      this.postings.forEach(h, (d) => {
        if (d === selfAt) return;
        if (hits[d] === 0) touched[t++] = d;
        if (hits[d]! < 65535) hits[d]!++;
      });
    }
    const need = f.shingles.length < 40 ? 1 : MIN_HITS;
    const out: string[] = [];
    for (let i = 0; i < t; i++) {
      const d = touched[i]!;
      if (hits[d]! >= need && this.feats[d]) out.push(this.ids[d]!);
      hits[d] = 0;
    }
    return out;
  }

  /** Inserts the article and returns its relations to the articles already indexed. */
  add(id: string, f: DocFeatures): Related[] {
    const known = this.at.has(id);
    if (!known) this.insert(id, f);
    const out: Related[] = [];
    for (const other of this.candidates(f, id)) {
      const g = this.features(other)!;
      const verdict = compare(f, g, this);
      if (verdict.relation === 'different') continue;
      out.push({ id: other, verdict });
      // Kept when the texts' lengths tell which is the shorter (as a tie leaves it to argument order).
      if (f.shingles.length === g.shingles.length) continue;
      const { cont, cover, alignedB } = verdict.features;
      this.geometry.set(this.pairKey(id, other), { cont, cover, alignedB });
    }
    return out;
  }

  /**
   * Compares known pairs again with today's frequencies (boilerplate is only known as such once the
   * library holds enough of it). Returns the pairs whose relation changed.
   */
  recheck(pairs: ReadonlyArray<readonly [string, string, string]>): { a: string; b: string; verdict: PairVerdict }[] {
    const out: { a: string; b: string; verdict: PairVerdict }[] = [];
    for (const [a, b, relation] of pairs) {
      const fa = this.features(a);
      const fb = this.features(b);
      if (!fa || !fb) continue;
      const verdict = compare(fa, fb, this, this.geometry.get(this.pairKey(a, b)));
      if (verdict.relation !== relation) out.push({ a, b, verdict });
    }
    return out;
  }

  /** A number naming the pair of two indexed articles (either order). */
  private pairKey(a: string, b: string): number {
    const x = this.at.get(a)!;
    const y = this.at.get(b)!;
    return x < y ? x * 2 ** 26 + y : y * 2 ** 26 + x;
  }

  /** Approximate bytes held (counters, postings, features, the related pairs' geometry). */
  get bytes(): number {
    let feats = 0;
    for (const f of this.feats)
      if (f)
        feats +=
          f.tokens.byteLength +
          f.shingles.byteLength +
          f.numbers.byteLength +
          (f.uniq?.byteLength ?? 0) +
          (f.utitle?.byteLength ?? 0) +
          64;
    const geometry = this.geometry.size * 80;
    return (
      this.sdf.byteLength + this.tdf.byteLength + this.postings.bytes + feats + geometry + this.hits.byteLength * 3
    );
  }
}
