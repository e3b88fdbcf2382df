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
import type { SortedStrings } from './sorted-strings';

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
   * Ids for groups of words, each group in code-unit order, adding the words not known yet: new
   * ids are handed out group by group, in each group's `assign` order (default: its own order),
   * a word new to several groups taking the first id it got. Each group is looked up by one walk
   * of the sorted ids with galloping steps, so the cost grows with the words interned and only as
   * the logarithm of the gaps between them in the lexicon; the sorted ids are then merged with the
   * new ones by copying runs (their places are known from the walk).
   */
  internSorted(groups: ReadonlyArray<{ words: SortedStrings; assign?: ArrayLike<number> }>): Uint32Array[] {
    const NEW = 0xffffffff;
    const found = groups.map(({ words }) => {
      const ids = new Uint32Array(words.length);
      const at = new Uint32Array(words.length);
      const V = this.order.length;
      let p = 0;
      for (let i = 0; i < words.length; i++) {
        const key = words.get(i);
        if (p < V && this.compare(this.order[p]!, key) < 0) {
          let lo = p + 1; // order[lo - 1] < key
          let step = 1;
          while (lo + step - 1 < V && this.compare(this.order[lo + step - 1]!, key) < 0) {
            lo += step;
            step *= 2;
          }
          let hi = Math.min(V, lo + step - 1);
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (this.compare(this.order[mid]!, key) < 0) lo = mid + 1;
            else hi = mid;
          }
          p = lo;
        }
        if (p < V && this.compare(this.order[p]!, key) === 0) ids[i] = this.order[p]!;
        else {
          ids[i] = NEW;
          at[i] = p;
        }
      }
      return { ids, at };
    });
    const added: string[] = [];
    const addedAt: number[] = [];
    const fresh = new Map<string, number>();
    groups.forEach(({ words, assign }, g) => {
      const { ids, at } = found[g]!;
      for (let j = 0; j < words.length; j++) {
        const i = assign ? assign[j]! : j;
        if (ids[i] !== NEW) continue;
        const w = words.get(i);
        let id = fresh.get(w);
        if (id === undefined) {
          id = this.size + added.length;
          fresh.set(w, id);
          added.push(w);
          addedAt.push(at[i]!);
        }
        ids[i] = id;
      }
    });
    if (added.length) this.append(added, addedAt);
    return found.map((f) => f.ids);
  }

  /** Records that spelling `id` folds to `foldId`. */
  setFold(id: number, foldId: number): void {
    if (this.folds[id] !== foldId) this.spellings = null;
    this.folds[id] = foldId;
  }

  /** Adds `words`; `at[i]` is where words[i] goes among the sorted ids (a lower bound). */
  private append(words: string[], at: number[]): void {
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
    let end = this.joined.length;
    for (let i = 0; i < words.length; i++) {
      end += words[i]!.length + 1;
      this.offsets[first + i + 1] = end;
    }
    this.joined = (this.joined + words.join(SEP) + SEP).slice(0); // flat string: compare() reads it often
    this.size = n;
    // The new ids in sorted order (by place, then among themselves), then copied in between runs.
    const added = Array.from({ length: words.length }, (_, i) => i);
    added.sort((a, b) => at[a]! - at[b]! || (words[a]! < words[b]! ? -1 : 1));
    const merged = new Uint32Array(n);
    let from = 0;
    let k = 0;
    for (const i of added) {
      merged.set(this.order.subarray(from, at[i]!), k);
      k += at[i]! - from;
      from = at[i]!;
      merged[k++] = first + i;
    }
    merged.set(this.order.subarray(from), k);
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
