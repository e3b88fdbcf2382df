/**
 * Is one article a republication of another? Pair features and the decision (see
 * docs/decisions/stories-detection.md for how they were chosen and measured).
 *
 * 1. Containment: the share of the shorter text's word 5-grams found in the longer (folded text).
 *    Below MIN_CONT the pair is `different` (independent reports share phrases, not passages).
 * 2. Templates: when the shared 5-grams are boilerplate — even the rarer tenth of them occur in
 *    TEMPLATE_DF or more articles of the library (royal cables, execution statements, weather
 *    bulletins) — and the pair is not a near-verbatim copy, the shared text says nothing about the
 *    facts: `different`.
 * 3. `same` or `partial`: a logistic score over how much of the LONGER text the shared passages
 *    cover (word 5-grams and aligned tokens), how many of its distinctive words the shorter one has,
 *    and how many of its distinctive title words. A roundup quoting a wire is mostly other material:
 *    `partial`; a trimmed or re-headlined copy is `same`.
 */
import { intersectCount, mix32, sortedUnique, uniqueTokens, type DocFeatures } from './shingles';

export type PairRelation = 'same' | 'partial' | 'different';

export const MIN_CONT = 0.15;
export const TEMPLATE_DF = 18;
/** Which low quantile of the shared 5-grams' frequencies must reach TEMPLATE_DF (a quarter may be facts). */
const LOW_QUANTILE = 0.25;
/** Near-verbatim copies are never templates (a wire carried by many outlets). */
export const VERBATIM_CONT = 0.8;
/** A word is distinctive when fewer than this share of the library's articles use it. */
const RARE_SHARE = 0.01;
/** …but in a small library any word in fewer than this many articles counts as distinctive. */
const MIN_RARE_DF = 10;
// same-vs-partial logistic weights: cover, rareB, alignedB, titleB, bias (fitted on the public pairs).
const W = [1.17, 1.721, 1.677, 1.937, -1.99] as const;

/** Document frequencies the comparison needs (the library's own counts). */
export interface Frequencies {
  /** Articles in the library. */
  readonly size: number;
  shingleDf(h: number): number;
  tokenDf(h: number): number;
}

export interface PairFeatures {
  cont: number;
  cover: number;
  /** log2 of the 10th-percentile document frequency of the shared 5-grams. */
  dfLo: number;
  alignedB: number;
  rareB: number;
  titleB: number;
}

export interface PairVerdict {
  relation: PairRelation;
  /** 0..1: containment for related pairs (how much of the shorter text is shared). */
  score: number;
  features: PairFeatures;
}

const NONE = new Uint32Array(0);

/**
 * Scratch buffers reused by every comparison (a detector compares hundreds of thousands of pairs:
 * per-pair arrays and maps were a quarter of its time in garbage collection). Grown on demand, never
 * shrunk; one comparison at a time (the detector runs on one thread).
 */
let seqA = new Uint32Array(1024);
let seqB = new Uint32Array(1024);
let tableKey = new Uint32Array(4096);
let tablePos = new Int32Array(4096);
let tableGen = new Uint32Array(4096);
let gen = 0;
let anchorI = new Int32Array(1024);
let anchorJ = new Int32Array(1024);
let tails = new Int32Array(1024);
let tailIdx = new Int32Array(1024);
let prev = new Int32Array(1024);
const dfCount = new Int32Array(256);

const atLeast = <T extends Uint32Array | Int32Array>(buf: T, n: number, make: (n: number) => T): T =>
  buf.length >= n ? buf : make(Math.max(n, buf.length * 2));

/** Writes the k-gram hashes of `tokens` into `out` (as shingleSeq does); returns their count. */
function seqInto(tokens: Uint32Array, out: Uint32Array, k: number): number {
  const n = Math.max(0, tokens.length - k + 1);
  for (let i = 0; i < n; i++) {
    let h = 0x9747b28c;
    for (let j = 0; j < k; j++) h = Math.imul(h ^ tokens[i + j]!, 0x5bd1e995) + j;
    out[i] = mix32(h);
  }
  return n;
}

/**
 * Tokens of B covered by the shared passages: a longest monotone chain of shared 5-gram anchors (each
 * A 5-gram matched to its first occurrence in B), merged into runs of consecutive tokens.
 */
export function alignedTokens(a: DocFeatures, b: DocFeatures, k = 5): number {
  seqA = atLeast(seqA, a.tokens.length, (n) => new Uint32Array(n));
  seqB = atLeast(seqB, b.tokens.length, (n) => new Uint32Array(n));
  const na = seqInto(a.tokens, seqA, k);
  const nb = seqInto(b.tokens, seqB, k);
  // First position of each B k-gram: an open-addressing table; `gen` marks this call's slots.
  let size = tableKey.length;
  if (size < nb * 2) {
    while (size < nb * 2) size *= 2;
    tableKey = new Uint32Array(size);
    tablePos = new Int32Array(size);
    tableGen = new Uint32Array(size);
    gen = 0;
  }
  if (++gen === 0xffffffff) {
    tableGen.fill(0);
    gen = 1;
  }
  const mask = size - 1;
  for (let j = 0; j < nb; j++) {
    const h = seqB[j]!;
    let s = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
    while (tableGen[s] === gen && tableKey[s] !== h) s = (s + 1) & mask;
    if (tableGen[s] !== gen) {
      tableGen[s] = gen;
      tableKey[s] = h;
      tablePos[s] = j;
    }
  }
  anchorI = atLeast(anchorI, na, (n) => new Int32Array(n));
  anchorJ = atLeast(anchorJ, na, (n) => new Int32Array(n));
  let m = 0;
  for (let i = 0; i < na; i++) {
    const h = seqA[i]!;
    let s = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
    while (tableGen[s] === gen && tableKey[s] !== h) s = (s + 1) & mask;
    if (tableGen[s] === gen) {
      anchorI[m] = i;
      anchorJ[m++] = tablePos[s]!;
    }
  }
  // Longest increasing subsequence on the B offsets: the shared passages in reading order.
  tails = atLeast(tails, m, (n) => new Int32Array(n));
  tailIdx = atLeast(tailIdx, m, (n) => new Int32Array(n));
  prev = atLeast(prev, m, (n) => new Int32Array(n));
  let len = 0;
  for (let n = 0; n < m; n++) {
    const j = anchorJ[n]!;
    let lo = 0;
    let hi = len;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < j) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = j;
    tailIdx[lo] = n;
    prev[n] = lo > 0 ? tailIdx[lo - 1]! : -1;
    if (lo === len) len++;
  }
  // Walk the chain back to front into `tails` (free now), then merge it front to back into runs.
  let c = 0;
  for (let n = len ? tailIdx[len - 1]! : -1; n >= 0; n = prev[n]!) tails[c++] = n;
  let aligned = 0;
  let ra = -1;
  let rb = 0;
  let rlen = 0;
  for (let q = c - 1; q >= 0; q--) {
    const i = anchorI[tails[q]!]!;
    const j = anchorJ[tails[q]!]!;
    if (ra >= 0 && i - ra === j - rb && i <= ra + rlen - (k - 1)) rlen = i - ra + k;
    else {
      aligned += rlen;
      ra = i;
      rb = j;
      rlen = k;
    }
  }
  return aligned + rlen;
}

/** Share of `from`'s distinctive (non-number) words that occur in `inSet`; -1 when it has none. */
function rareShare(from: Uint32Array, numbers: Uint32Array, inSet: Uint32Array, f: Frequencies): number {
  const limit = Math.max(MIN_RARE_DF, f.size * RARE_SHARE);
  let n = 0;
  let hit = 0;
  // All three are sorted and unique: one merge instead of two binary searches per word.
  let p = 0;
  let q = 0;
  for (let i = 0; i < from.length; i++) {
    const x = from[i]!;
    while (p < numbers.length && numbers[p]! < x) p++;
    if ((p < numbers.length && numbers[p] === x) || f.tokenDf(x) >= limit) continue;
    n++;
    while (q < inSet.length && inSet[q]! < x) q++;
    if (q < inSet.length && inSet[q] === x) hit++;
  }
  return n ? hit / n : -1;
}

/** log2 of the LOW_QUANTILE document frequency of the 5-grams `a` and `b` share. */
function lowDf(a: Uint32Array, b: Uint32Array, f: Frequencies): number {
  // Frequencies are saturating 8-bit counters: a histogram replaces sorting them.
  dfCount.fill(0);
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      dfCount[Math.min(255, f.shingleDf(x))]!++;
      inter++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const k = Math.floor(inter * LOW_QUANTILE);
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += dfCount[v]!;
    if (seen > k) return Math.log2(Math.max(1, v));
  }
  return 0;
}

/** The sorted unique title tokens (kept on the features: every comparison of the article needs them). */
function titleTokens(f: DocFeatures): Uint32Array {
  return (f.utitle ??= sortedUnique(f.tokens.subarray(0, f.titleLen)));
}

/** Both texts name something the other does not (a place, a person): different facts on one template. */
function conflicting(x: DocFeatures, y: DocFeatures, f: Frequencies): boolean {
  const ux = uniqueTokens(x);
  const uy = uniqueTokens(y);
  return rareShare(ux, x.numbers, uy, f) < 1 && rareShare(uy, y.numbers, ux, f) < 1;
}

/** What a pair's features owe to the two texts alone (not to the library's frequencies). */
export type PairGeometry = Pick<PairFeatures, 'cont' | 'cover' | 'alignedB'>;

/**
 * The features of a pair; `a` and `b` in any order (the shorter is taken as A). `known`: this pair's
 * geometry from an earlier comparison (it never changes), so only the frequency-based features are
 * computed again.
 */
export function pairFeatures(x: DocFeatures, y: DocFeatures, f: Frequencies, known?: PairGeometry): PairFeatures {
  const [a, b] = x.shingles.length <= y.shingles.length ? [x, y] : [y, x];
  let cont: number;
  let cover: number;
  if (known) ({ cont, cover } = known);
  else {
    const inter = intersectCount(a.shingles, b.shingles);
    cont = inter / Math.max(1, a.shingles.length);
    cover = inter / Math.max(1, b.shingles.length);
  }
  const out: PairFeatures = { cont, cover, dfLo: 0, alignedB: 0, rareB: 0, titleB: 0 };
  if (cont < MIN_CONT) return out;
  out.dfLo = lowDf(a.shingles, b.shingles, f);
  out.alignedB = known ? known.alignedB : alignedTokens(a, b) / Math.max(1, b.tokens.length);
  const ua = uniqueTokens(a);
  out.rareB = rareShare(uniqueTokens(b), b.numbers, ua, f);
  out.titleB = rareShare(titleTokens(b), NONE, ua, f);
  return out;
}

/** The relation of two articles. */
export function compare(x: DocFeatures, y: DocFeatures, f: Frequencies, known?: PairGeometry): PairVerdict {
  const features = pairFeatures(x, y, f, known);
  const { cont } = features;
  if (cont < MIN_CONT) return { relation: 'different', score: cont, features };
  if (2 ** features.dfLo >= TEMPLATE_DF && (cont < VERBATIM_CONT || conflicting(x, y, f)))
    return { relation: 'different', score: cont, features };
  const z = W[0] * features.cover + W[1] * features.rareB + W[2] * features.alignedB + W[3] * features.titleB + W[4];
  return { relation: z >= 0 ? 'same' : 'partial', score: cont, features };
}
