/**
 * The comparison's allocation-free paths (scratch buffers, a histogram for the low-quantile frequency,
 * merges for the distinctive-word shares) against the plain definitions they replaced, on random token
 * sequences that share passages, repeat words and differ in length. The index's candidates are checked
 * for keys that all end in the same bits (the sampled 5-grams do).
 */
import { describe, it, expect } from 'vitest';
import { alignedTokens, compare, pairFeatures, type Frequencies } from '../../../../renderer/core/stories/compare';
import { StoryIndex } from '../../../../renderer/core/stories/index';
import { has, shingleSeq, sortedUnique, type DocFeatures } from '../../../../renderer/core/stories/shingles';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function doc(tokens: number[], titleLen = 3): DocFeatures {
  const t = Uint32Array.from(tokens);
  return {
    tokens: t,
    titleLen: Math.min(titleLen, t.length),
    shingles: sortedUnique(shingleSeq(t)),
    numbers: sortedUnique(tokens.filter((x) => x % 97 === 0)),
  };
}

/** A pair sharing some passages (in order, with edits), drawn from a small vocabulary so words repeat. */
function pair(r: () => number): [DocFeatures, DocFeatures] {
  const word = () => 1 + Math.floor(r() * 400);
  const a = Array.from({ length: 5 + Math.floor(r() * 300) }, word);
  const b: number[] = [];
  let i = 0;
  while (i < a.length) {
    const x = r();
    if (x < 0.5) {
      const n = 1 + Math.floor(r() * 40);
      b.push(...a.slice(i, i + n));
      i += n;
    } else if (x < 0.75) i += 1 + Math.floor(r() * 10);
    else b.push(...Array.from({ length: 1 + Math.floor(r() * 20) }, word));
  }
  if (r() < 0.2) b.push(...a.slice(0, 30)); // a repeated passage
  return r() < 0.5 ? [doc(a), doc(b)] : [doc(b), doc(a)];
}

/** The run alignment as first written (maps and arrays per call). */
function alignedReference(a: DocFeatures, b: DocFeatures, k = 5): number {
  const sa = shingleSeq(a.tokens, k);
  const sb = shingleSeq(b.tokens, k);
  const posB = new Map<number, number>();
  for (let j = sb.length - 1; j >= 0; j--) posB.set(sb[j]!, j);
  const anchors: [number, number][] = [];
  for (let i = 0; i < sa.length; i++) {
    const j = posB.get(sa[i]!);
    if (j !== undefined) anchors.push([i, j]);
  }
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
  const runs: { a: number; b: number; len: number }[] = [];
  for (const [i, j] of chain) {
    const r = runs[runs.length - 1];
    if (r && i - r.a === j - r.b && i <= r.a + r.len - (k - 1)) r.len = i - r.a + k;
    else runs.push({ a: i, b: j, len: k });
  }
  return runs.reduce((s, r) => s + r.len, 0);
}

const freq = (size: number): Frequencies => ({
  size,
  shingleDf: (h) => 1 + (h % 300 > 255 ? 254 : h % 40),
  tokenDf: (h) => 1 + (h % 23),
});

function rareReference(from: Uint32Array, numbers: Uint32Array, inSet: Uint32Array, f: Frequencies): number {
  const limit = Math.max(10, f.size * 0.01);
  let n = 0;
  let hit = 0;
  for (const x of from) {
    if (f.tokenDf(x) >= limit || has(numbers, x)) continue;
    n++;
    if (has(inSet, x)) hit++;
  }
  return n ? hit / n : -1;
}

describe('comparison scratch paths', () => {
  it('align, low-quantile frequency and distinctive shares equal their plain definitions', () => {
    const r = rng(7);
    const f = freq(1500);
    let related = 0;
    for (let n = 0; n < 300; n++) {
      const [x, y] = pair(r);
      const [a, b] = x.shingles.length <= y.shingles.length ? [x, y] : [y, x];
      expect(alignedTokens(a, b)).toBe(alignedReference(a, b));
      const got = pairFeatures(x, y, f);
      if (got.cont < 0.15) continue;
      related++;
      const d = [...a.shingles].filter((h) => has(b.shingles, h)).map((h) => f.shingleDf(h));
      d.sort((p, q) => p - q);
      expect(got.dfLo).toBe(Math.log2(Math.max(1, d[Math.floor(d.length * 0.25)] ?? 1)));
      expect(got.alignedB).toBe(alignedReference(a, b) / Math.max(1, b.tokens.length));
      const ua = sortedUnique(a.tokens);
      expect(got.rareB).toBe(rareReference(sortedUnique(b.tokens), b.numbers, ua, f));
      expect(got.titleB).toBe(rareReference(sortedUnique(b.tokens.subarray(0, b.titleLen)), new Uint32Array(0), ua, f));
    }
    expect(related).toBeGreaterThan(100);
  });

  it('a pair compared again from its known geometry gets the verdict of a full comparison', () => {
    const r = rng(5);
    let n = 0;
    for (let k = 0; k < 200; k++) {
      const [x, y] = pair(r);
      const first = compare(x, y, freq(100));
      if (first.relation === 'different') continue;
      n++;
      const { cont, cover, alignedB } = first.features;
      if (x.shingles.length === y.shingles.length) continue; // a tie: A is the first argument
      for (const size of [100, 3000, 40000])
        expect(compare(y, x, freq(size), { cont, cover, alignedB })).toEqual(compare(x, y, freq(size)));
    }
    expect(n).toBeGreaterThan(50);
  });

  it('a long text after a short one reuses grown buffers correctly', () => {
    const r = rng(11);
    const long = Array.from({ length: 5000 }, () => 1 + Math.floor(r() * 3000));
    const [sa, sb] = [doc(long.slice(0, 40)), doc(long.slice(10, 45))];
    expect(alignedTokens(sa, sb)).toBe(alignedReference(sa, sb));
    const [la, lb] = [doc(long), doc([...long.slice(2000), ...long.slice(0, 1500)])];
    expect(alignedTokens(la, lb)).toBe(alignedReference(la, lb));
    expect(alignedTokens(sa, sb)).toBe(alignedReference(sa, sb));
  });

  it('finds candidates among many articles whose sampled keys share their low bits', () => {
    const idx = new StoryIndex();
    const r = rng(3);
    const docs = Array.from({ length: 2000 }, () => doc(Array.from({ length: 120 }, () => Math.floor(r() * 2 ** 32))));
    docs.forEach((d, i) => idx.insert(`d${i}`, d));
    for (const i of [0, 777, 1999]) expect(idx.candidates(docs[i]!)).toEqual([`d${i}`]);
    expect(idx.candidates(docs[5]!, 'd5')).toEqual([]);
  });
});
