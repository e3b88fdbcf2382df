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
import { has, intersectCount, shingleSeq, sortedUnique, uniqueTokens, type DocFeatures } from './shingles';

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

interface Run {
  a: number;
  b: number;
  len: number;
}

const NONE = new Uint32Array(0);

/** Shared passages as a monotone chain of 5-gram anchors merged into runs (token offsets). */
function alignRuns(a: DocFeatures, b: DocFeatures, k = 5): Run[] {
  const sa = shingleSeq(a.tokens, k);
  const sb = shingleSeq(b.tokens, k);
  const posB = new Map<number, number>();
  for (let j = sb.length - 1; j >= 0; j--) posB.set(sb[j]!, j);
  const anchors: [number, number][] = [];
  for (let i = 0; i < sa.length; i++) {
    const j = posB.get(sa[i]!);
    if (j !== undefined) anchors.push([i, j]);
  }
  // Longest increasing subsequence on the B offsets: the shared passages in reading order.
  const tails: number[] = [];
  const tailIdx: number[] = [];
  const prev = new Int32Array(anchors.length).fill(-1);
  anchors.forEach(([, j], n) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (tails[m]! < j) lo = m + 1;
      else hi = m;
    }
    tails[lo] = j;
    tailIdx[lo] = n;
    prev[n] = lo > 0 ? tailIdx[lo - 1]! : -1;
  });
  const chain: [number, number][] = [];
  for (let n = tailIdx[tails.length - 1] ?? -1; n >= 0; n = prev[n]!) chain.push(anchors[n]!);
  chain.reverse();
  const runs: Run[] = [];
  for (const [i, j] of chain) {
    const r = runs[runs.length - 1];
    if (r && i - r.a === j - r.b && i <= r.a + r.len - (k - 1)) r.len = i - r.a + k;
    else runs.push({ a: i, b: j, len: k });
  }
  return runs;
}

/** Share of `from`'s distinctive (non-number) words that occur in `inSet`; -1 when it has none. */
function rareShare(from: Uint32Array, numbers: Uint32Array, inSet: Uint32Array, f: Frequencies): number {
  const limit = Math.max(MIN_RARE_DF, f.size * RARE_SHARE);
  let n = 0;
  let hit = 0;
  for (const x of from) {
    if (f.tokenDf(x) >= limit || has(numbers, x)) continue;
    n++;
    if (has(inSet, x)) hit++;
  }
  return n ? hit / n : -1;
}

/** Both texts name something the other does not (a place, a person): different facts on one template. */
function conflicting(x: DocFeatures, y: DocFeatures, f: Frequencies): boolean {
  const ux = uniqueTokens(x);
  const uy = uniqueTokens(y);
  return rareShare(ux, x.numbers, uy, f) < 1 && rareShare(uy, y.numbers, ux, f) < 1;
}

/** The features of a pair; `a` and `b` in any order (the shorter is taken as A). */
export function pairFeatures(x: DocFeatures, y: DocFeatures, f: Frequencies): PairFeatures {
  const [a, b] = x.shingles.length <= y.shingles.length ? [x, y] : [y, x];
  const inter = intersectCount(a.shingles, b.shingles);
  const cont = inter / Math.max(1, a.shingles.length);
  const cover = inter / Math.max(1, b.shingles.length);
  const out: PairFeatures = { cont, cover, dfLo: 0, alignedB: 0, rareB: 0, titleB: 0 };
  if (cont < MIN_CONT) return out;
  const d: number[] = [];
  for (const h of a.shingles) if (has(b.shingles, h)) d.push(f.shingleDf(h));
  d.sort((p, q) => p - q);
  out.dfLo = Math.log2(Math.max(1, d[Math.floor(d.length * LOW_QUANTILE)] ?? 1));
  let aligned = 0;
  for (const r of alignRuns(a, b)) aligned += r.len;
  out.alignedB = aligned / Math.max(1, b.tokens.length);
  const ua = uniqueTokens(a);
  out.rareB = rareShare(uniqueTokens(b), b.numbers, ua, f);
  out.titleB = rareShare(sortedUnique(b.tokens.subarray(0, b.titleLen)), NONE, ua, f);
  return out;
}

/** The relation of two articles. */
export function compare(x: DocFeatures, y: DocFeatures, f: Frequencies): PairVerdict {
  const features = pairFeatures(x, y, f);
  const { cont } = features;
  if (cont < MIN_CONT) return { relation: 'different', score: cont, features };
  if (2 ** features.dfLo >= TEMPLATE_DF && (cont < VERBATIM_CONT || conflicting(x, y, f)))
    return { relation: 'different', score: cont, features };
  const z = W[0] * features.cover + W[1] * features.rareB + W[2] * features.alignedB + W[3] * features.titleB + W[4];
  return { relation: z >= 0 ? 'same' : 'partial', score: cont, features };
}
