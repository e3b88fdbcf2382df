/**
 * Text → the detector's features: the article folded exactly as search folds it (core/arabic), cut into
 * word tokens, each token hashed to 32 bits, and word 5-grams ("shingles") hashed from those. Spelling
 * variants the folding removes (hamza forms, ى/ي, ة/ه, Farsi ی/ک, tashkeel, tatweel, either digit
 * system) are therefore not differences.
 */
import { foldText } from '../arabic/normalize';
import { scanTokens } from '../arabic/tokenize';

export const SHINGLE = 5;

/** The features of one article, compact enough to keep a whole library's in memory. */
export interface DocFeatures {
  /** Token hashes in reading order (title first). */
  tokens: Uint32Array;
  /** Title token count (the first `titleLen` tokens are the title). */
  titleLen: number;
  /** Shingle hashes, sorted and unique. */
  shingles: Uint32Array;
  /** Hashes of the number tokens, sorted and unique. */
  numbers: Uint32Array;
  /** The token hashes sorted and unique, made on first use by uniqueTokens() and kept. */
  uniq?: Uint32Array;
  /** The title's token hashes sorted and unique, made on first comparison and kept. */
  utitle?: Uint32Array;
}

/** `f.tokens` sorted and unique (computed once per article: every comparison of it needs them). */
export function uniqueTokens(f: DocFeatures): Uint32Array {
  return (f.uniq ??= sortedUnique(f.tokens));
}

/** FNV-1a over a slice of a string's code units. */
function hashSlice(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit mix (murmur3 finaliser). */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Folded token hashes of a text; `numbers` collects the hashes of number tokens. */
export function tokenHashes(text: string, numbers?: Set<number>): Uint32Array {
  const folded = foldText(text);
  const b = scanTokens(folded);
  const out = new Uint32Array(b.length / 2);
  for (let k = 0; k < b.length; k += 2) {
    const h = hashSlice(folded, b[k]!, b[k + 1]!);
    out[k / 2] = h;
    const c = folded.charCodeAt(b[k]!);
    if (numbers && c >= 48 && c <= 57) numbers.add(h);
  }
  return out;
}

/** Hashes of every run of SHINGLE consecutive tokens (in order, with repeats). */
export function shingleSeq(tokens: Uint32Array, k = SHINGLE): Uint32Array {
  const n = Math.max(0, tokens.length - k + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x9747b28c;
    for (let j = 0; j < k; j++) h = Math.imul(h ^ tokens[i + j]!, 0x5bd1e995) + j;
    out[i] = mix32(h);
  }
  return out;
}

function sortedUnique(a: Uint32Array | number[]): Uint32Array {
  return uniqueInPlace(Uint32Array.from(a));
}

/** Sorts `s` (which the caller gives up) and returns its unique values (a view when none repeat). */
function uniqueInPlace(s: Uint32Array): Uint32Array {
  s.sort();
  let w = 0;
  for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[i - 1]) s[w++] = s[i]!;
  return w === s.length ? s : s.slice(0, w);
}

/** The features of an article from its title and body (paragraphs joined by newlines). */
export function docFeatures(title: string, body: string): DocFeatures {
  const numbers = new Set<number>();
  const t = tokenHashes(title, numbers);
  const b = tokenHashes(body, numbers);
  const tokens = new Uint32Array(t.length + b.length);
  tokens.set(t);
  tokens.set(b, t.length);
  // Shingles span the title–body seam like the corpus judging does (title + "\n" + body).
  return {
    tokens,
    titleLen: t.length,
    shingles: uniqueInPlace(shingleSeq(tokens)),
    numbers: sortedUnique([...numbers]),
  };
}

/** Size of the intersection of two sorted unique arrays. */
export function intersectCount(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** True when sorted unique `a` holds `x` (binary search). */
export function has(a: Uint32Array, x: number): boolean {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = a[mid]!;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

export { sortedUnique };

/** Features → bytes for storage: [titleLen, tokens…, numbers…] with counts; shingles are recomputed. */
export function encodeFeatures(f: DocFeatures): Uint32Array {
  const out = new Uint32Array(3 + f.tokens.length + f.numbers.length);
  out[0] = f.titleLen;
  out[1] = f.tokens.length;
  out[2] = f.numbers.length;
  out.set(f.tokens, 3);
  out.set(f.numbers, 3 + f.tokens.length);
  return out;
}

/** The inverse of encodeFeatures; undefined for bytes it did not write. */
export function decodeFeatures(data: Uint32Array): DocFeatures | undefined {
  if (data.length < 3 || data.length !== 3 + data[1]! + data[2]!) return undefined;
  const tokens = data.slice(3, 3 + data[1]!);
  return { tokens, titleLen: data[0]!, shingles: uniqueInPlace(shingleSeq(tokens)), numbers: data.slice(3 + data[1]!) };
}
