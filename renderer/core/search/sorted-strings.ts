/**
 * A sorted list of strings stored as ONE string plus an offset table. A segment's vocabularies hold
 * ~100,000 words each; as separate JS strings they cost ~40 bytes of overhead apiece and most of
 * a cold load's time to re-create, so lookups compare in place instead.
 */
const SEP = '\n';

export class SortedStrings {
  private constructor(
    /** Entries joined by "\n" (entries never contain a newline: they are word tokens). */
    readonly joined: string,
    /** offsets[i] = start of entry i; offsets[length] = joined.length + 1. */
    readonly offsets: Uint32Array,
  ) {}

  /** From entries already in code-unit order (Array#sort's default). */
  static fromSorted(entries: readonly string[]): SortedStrings {
    const offsets = new Uint32Array(entries.length + 1);
    let at = 0;
    entries.forEach((e, i) => {
      offsets[i] = at;
      at += e.length + 1;
    });
    offsets[entries.length] = at;
    return new SortedStrings(entries.join(SEP), offsets);
  }

  /** From a persisted pair; throws Error('corrupt …') when they disagree. */
  static fromParts(joined: string, offsets: Uint32Array): SortedStrings {
    const n = offsets.length - 1;
    if (n < 0 || offsets[n] !== (n === 0 ? 0 : joined.length + 1)) throw new Error('corrupt vocabulary offsets');
    return new SortedStrings(joined, offsets);
  }

  get length(): number {
    return this.offsets.length - 1;
  }

  /** Entry i (a new string). */
  get(i: number): string {
    return this.joined.slice(this.offsets[i]!, this.offsets[i + 1]! - 1);
  }

  /** Code-unit comparison of entry i with `key` (<0, 0, >0), without slicing. */
  private compare(i: number, key: string, prefixOnly = false): number {
    const s = this.offsets[i]!;
    const len = this.offsets[i + 1]! - 1 - s;
    const n = Math.min(len, key.length);
    for (let k = 0; k < n; k++) {
      const diff = this.joined.charCodeAt(s + k) - key.charCodeAt(k);
      if (diff !== 0) return diff;
    }
    return prefixOnly && len >= key.length ? 0 : len - key.length;
  }

  /** Index of `key`, or -1. */
  find(key: string): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = this.compare(mid, key);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** [from, to) of the entries starting with `prefix`. */
  prefixRange(prefix: string): [number, number] {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(mid, prefix) < 0) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < this.length && this.compare(end, prefix, true) === 0) end++;
    return [lo, end];
  }
}
