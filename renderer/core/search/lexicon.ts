/**
 * The archive's shared vocabulary: every index term, strict spelling and folded spelling of every
 * segment, stored once and numbered. Segments refer to words by these numbers, so a word is not
 * repeated in every segment (the old format spent 39 % of a segment on its own three word lists).
 *
 * Ids are append-only (a word keeps its id for the life of a generation), so segments written
 * earlier stay valid as the vocabulary grows; `order` keeps the ids sorted by their strings for
 * lookups and prefix ranges. Ids are handed out in the order words are first interned, which a
 * builder does most frequent first: frequent words get small ids and one-byte codes in sequences.
 */
import { ByteReader, ByteWriter } from './varint';

/** foldOf entry of a word that is not a spelling (an index term only). */
export const NO_FOLD = 0xffffffff;
const SEP = '\n';

export class Lexicon {
  /** Entries in id order, each followed by "\n". */
  private joined = '';
  /** offsets[id] = start of entry id in `joined`; offsets[size] = joined.length. */
  private offsets = new Uint32Array(1025);
  /** Ids sorted by their strings (code-unit order). */
  private order = new Uint32Array(0);
  /** For a spelling, the id of its loosely folded form; NO_FOLD otherwise. */
  private folds = new Uint32Array(1024).fill(NO_FOLD);
  private spellings: { order: Uint32Array; start: Uint32Array } | null = null;
  size = 0;

  get(id: number): string {
    return this.joined.slice(this.offsets[id]!, this.offsets[id + 1]! - 1);
  }

  foldOf(id: number): number {
    return this.folds[id]!;
  }

  private compare(id: number, key: string, prefixOnly = false): number {
    const s = this.offsets[id]!;
    const len = this.offsets[id + 1]! - 1 - s;
    const n = Math.min(len, key.length);
    const j = this.joined;
    for (let k = 0; k < n; k++) {
      const diff = j.charCodeAt(s + k) - key.charCodeAt(k);
      if (diff !== 0) return diff;
    }
    return prefixOnly && len >= key.length ? 0 : len - key.length;
  }

  /** Position in `order` where `key` is or would be. */
  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(this.order[mid]!, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Id of `key`, or -1. */
  find(key: string): number {
    const at = this.lowerBound(key);
    return at < this.order.length && this.compare(this.order[at]!, key) === 0 ? this.order[at]! : -1;
  }

  /** Ids of the entries starting with `prefix`, in string order. */
  prefixIds(prefix: string): Uint32Array {
    const from = this.lowerBound(prefix);
    let to = from;
    while (to < this.order.length && this.compare(this.order[to]!, prefix, true) === 0) to++;
    return this.order.subarray(from, to);
  }

  /**
   * Ids for `words` (in the same order), adding the ones not known yet in the order given.
   * Costs one lookup per word plus one pass over the sorted ids when anything was added.
   */
  intern(words: readonly string[]): Uint32Array {
    const ids = new Uint32Array(words.length);
    const added: string[] = [];
    const fresh = new Map<string, number>();
    words.forEach((w, i) => {
      let id = this.find(w);
      if (id < 0) {
        id = fresh.get(w) ?? -1;
        if (id < 0) {
          id = this.size + added.length;
          fresh.set(w, id);
          added.push(w);
        }
      }
      ids[i] = id;
    });
    if (added.length) this.append(added);
    return ids;
  }

  /** Records that spelling `id` folds to `foldId`. */
  setFold(id: number, foldId: number): void {
    if (this.folds[id] !== foldId) this.spellings = null;
    this.folds[id] = foldId;
  }

  private append(words: string[]): void {
    const first = this.size;
    const n = first + words.length;
    if (n + 1 > this.offsets.length) {
      const grown = new Uint32Array(Math.max(n + 1, this.offsets.length * 2));
      grown.set(this.offsets.subarray(0, first + 1));
      this.offsets = grown;
      const folds = new Uint32Array(grown.length).fill(NO_FOLD);
      folds.set(this.folds.subarray(0, first));
      this.folds = folds;
    }
    let at = this.joined.length;
    for (let i = 0; i < words.length; i++) {
      at += words[i]!.length + 1;
      this.offsets[first + i + 1] = at;
    }
    this.joined = (this.joined + words.join(SEP) + SEP).slice(0); // flat string: compare() reads it often
    this.size = n;
    // Merge the new ids (sorted among themselves) into the sorted order.
    const added = Array.from({ length: words.length }, (_, i) => first + i);
    added.sort((a, b) => (words[a - first]! < words[b - first]! ? -1 : 1));
    const merged = new Uint32Array(n);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < this.order.length && j < added.length) {
      merged[k++] = this.compare(this.order[i]!, words[added[j]! - first]!) < 0 ? this.order[i++]! : added[j++]!;
    }
    while (i < this.order.length) merged[k++] = this.order[i++]!;
    while (j < added.length) merged[k++] = added[j++]!;
    this.order = merged;
    this.spellings = null;
  }

  /** The spellings whose folded form is `foldId` (an index built on first use after a change). */
  spellingsOf(foldId: number): Uint32Array {
    if (!this.spellings) {
      const start = new Uint32Array(this.size + 1);
      for (let id = 0; id < this.size; id++) if (this.folds[id] !== NO_FOLD) start[this.folds[id]! + 1]!++;
      for (let i = 0; i < this.size; i++) start[i + 1]! += start[i]!;
      const order = new Uint32Array(start[this.size]!);
      const fill = start.slice(0, this.size);
      for (let id = 0; id < this.size; id++) if (this.folds[id] !== NO_FOLD) order[fill[this.folds[id]!]!++] = id;
      this.spellings = { order, start };
    }
    return this.spellings.order.subarray(this.spellings.start[foldId]!, this.spellings.start[foldId + 1]!);
  }

  /** Bytes: "WRL6", size, UTF-8 entries, the sorted order (varint), folds (varint, 0 = none). */
  encode(): Uint8Array {
    const text = new g.TextEncoder().encode(this.joined);
    const w = new ByteWriter(text.length + this.size * 4 + 16);
    w.uint(LEXICON_MAGIC);
    w.uint(this.size);
    w.uint(text.length);
    w.bytes(text);
    for (let i = 0; i < this.size; i++) w.uint(this.order[i]!);
    for (let id = 0; id < this.size; id++) w.uint(this.folds[id] === NO_FOLD ? 0 : this.folds[id]! + 1);
    return w.finish();
  }

  /** Reads bytes written by encode(); throws Error('corrupt lexicon …'). */
  static decode(bytes: Uint8Array): Lexicon {
    const r = new ByteReader(bytes);
    const fail = (why: string): never => {
      throw new Error(`corrupt lexicon: ${why}`);
    };
    if (bytes.length < 4 || r.uint() !== LEXICON_MAGIC) fail('bad magic');
    const size = r.uint();
    const textLength = r.uint();
    if (r.pos + textLength > bytes.length) fail('truncated');
    const joined = new g.TextDecoder().decode(bytes.subarray(r.pos, r.pos + textLength));
    r.pos += textLength;
    const lex = new Lexicon();
    lex.joined = joined;
    lex.offsets = new Uint32Array(size + 1);
    let id = 0;
    for (let i = 0; i < joined.length && id < size; i++) if (joined.charCodeAt(i) === 10) lex.offsets[++id] = i + 1;
    if (id !== size || lex.offsets[size] !== joined.length) fail('entries');
    lex.order = new Uint32Array(size);
    lex.folds = new Uint32Array(size + 1).fill(NO_FOLD);
    for (let i = 0; i < size; i++) {
      if (r.done) fail('truncated order');
      const v = r.uint();
      if (v >= size) fail('order');
      lex.order[i] = v;
    }
    for (let i = 0; i < size; i++) {
      if (r.done) fail('truncated folds');
      const v = r.uint();
      if (v > size) fail('folds');
      lex.folds[i] = v === 0 ? NO_FOLD : v - 1;
    }
    lex.size = size;
    return lex;
  }
}

const LEXICON_MAGIC = 0x364c5257; // "WRL6"

// TextEncoder/TextDecoder exist in browsers, workers and Node; core is typed without DOM or Node.
const g = globalThis as unknown as {
  TextEncoder: new () => { encode(s: string): Uint8Array };
  TextDecoder: new (label?: string) => { decode(b: ArrayBufferView): string };
};
