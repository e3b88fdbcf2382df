/**
 * The last anchoring step: find the quote in Arabic-folded text (tashkeel dropped, hamza forms,
 * ى/ي and ة/ه unified), allowing a few edits, and map the match back to raw offsets through the
 * fold map. Exact hits of the folded quote come first; failing those, candidates are seeded by exact
 * hits of quote pieces (pigeonhole: with fewer edits than pieces, one piece survives intact) and
 * aligned with a windowed Levenshtein.
 */
import { foldArabic, toOriginalRange, type Folded } from '../arabic/normalize';
import type { TextQuoteSelector } from '../model';
import type { Anchored } from './anchor';
import {
  affixSimilarity,
  bestInWindow,
  contextSimilarity,
  nearness,
  pickBest,
  round,
  type WindowMatch,
} from './distance';

/** Pieces shorter than this hit everywhere in Arabic prose ("في ال") and seed nothing useful. */
const MIN_PIECE = 8;
/** At most this many pieces: edits that survive folding are few (a changed word or two). */
const MAX_PIECES = 6;
/** Occurrences aligned per quote, best supported first. */
const MAX_WINDOWS = 12;
/** Exact folded hits scored per quote. */
const MAX_EXACT_HITS = 1000;
/** Hits kept per piece; a piece seen more often than this is too common to locate the quote. */
const MAX_HITS_PER_PIECE = 64;
/**
 * When no piece hits, a short quote (too short to cut into enough pieces) is aligned against the
 * whole folded text if quote × text stays under this many cells (~2 ms): a 20-character quote on a
 * 50,000-character article. Longer quotes rely on their pieces, so 1,000 orphans stay cheap.
 */
const FULL_SCAN_BUDGET = 1_000_000;
/** Weights of the final score: the quote itself counts most, its context breaks ties. */
const W_QUOTE = 0.5,
  W_PREFIX = 0.2,
  W_SUFFIX = 0.2,
  W_NEAR = 0.1;
/** Below this the match is more likely a different passage than an edited one. */
const MIN_SCORE = 0.6;

let cache: { raw: string; folded: Folded } | undefined;

/** Folds the article text once and reuses it while the same text is anchored (1,000 annotations). */
function foldedText(raw: string): Folded {
  if (cache?.raw !== raw) cache = { raw, folded: foldArabic(raw) };
  return cache.folded;
}

/** Returns the best fuzzy match of `q` in `text`, or undefined when none scores well enough. */
export function fuzzyQuote(
  text: string,
  q: TextQuoteSelector,
  near: number | undefined,
  maxErrorRate: number,
): Anchored | undefined {
  const ft = foldedText(text);
  const fq = foldArabic(q.exact).text;
  if (!fq.trim().length) return undefined;
  const k = Math.floor(fq.length * Math.max(0, Math.min(0.5, maxErrorRate)));
  const fp = foldArabic(typeof q.prefix === 'string' ? q.prefix : '').text;
  const fs = foldArabic(typeof q.suffix === 'string' ? q.suffix : '').text;
  const score =
    (cheap: boolean) =>
    (m: WindowMatch): number => {
      const before = ft.text.slice(Math.max(0, m.start - fp.length), m.start);
      const after = ft.text.slice(m.end, m.end + fs.length);
      const pre = cheap ? affixSimilarity(fp, before, true) : contextSimilarity(fp, before);
      const suf = cheap ? affixSimilarity(fs, after, false) : contextSimilarity(fs, after);
      const closeness = nearness(text.length, ft.map[m.start] ?? 0, near);
      return W_QUOTE * (1 - m.distance / fq.length) + W_PREFIX * pre + W_SUFFIX * suf + W_NEAR * closeness;
    };
  const best = pickBest(candidates(ft.text, fq, k), score(true), score(false));
  if (!best || best.score < MIN_SCORE) return undefined;
  const { start, end } = toRaw(text, ft.map, best.item);
  return end > start ? { orphan: false, start, end, method: 'fuzzy', score: round(best.score) } : undefined;
}

/** Exact hits of the folded quote first (the usual re-import case); aligned seed windows only if none. */
function candidates(ft: string, fq: string, k: number): WindowMatch[] {
  const exact: WindowMatch[] = [];
  for (let i = ft.indexOf(fq); i >= 0 && exact.length < MAX_EXACT_HITS; i = ft.indexOf(fq, i + 1)) {
    exact.push({ start: i, end: i + fq.length, distance: 0 });
  }
  if (exact.length || k === 0) return exact;
  const out: WindowMatch[] = [];
  for (const [lo, hi] of windows(ft, fq, k)) {
    const m = bestInWindow(ft, lo, hi, fq, k);
    if (m) out.push(m);
  }
  if (!out.length && fq.length * ft.length <= FULL_SCAN_BUDGET) {
    const m = bestInWindow(ft, 0, ft.length, fq, k);
    if (m) out.push(m);
  }
  return out;
}

/**
 * Windows [seed − k, seed + m + k] where exact pieces of the quote put its start. Seeds within k
 * of each other are one occurrence seen through different pieces; they vote, and only the
 * MAX_WINDOWS best-supported occurrences are aligned (each alignment costs m·(m + 2k) cells).
 */
function windows(ft: string, fq: string, k: number): [number, number][] {
  const pieces = Math.max(1, Math.min(k + 1, MAX_PIECES, Math.floor(fq.length / MIN_PIECE)));
  const len = Math.floor(fq.length / pieces);
  const seeds: number[] = [];
  for (let p = 0; p < pieces; p++) {
    const off = p * len;
    const piece = fq.slice(off, p === pieces - 1 ? fq.length : off + len);
    let hits = 0;
    for (let i = ft.indexOf(piece); i >= 0 && hits < MAX_HITS_PER_PIECE; i = ft.indexOf(piece, i + 1), hits++)
      seeds.push(i - off);
  }
  seeds.sort((a, b) => a - b);
  const groups: { lo: number; hi: number; votes: number }[] = [];
  for (const s of seeds) {
    const g = groups[groups.length - 1];
    if (g && s - g.hi <= k) {
      g.hi = s;
      g.votes++;
    } else groups.push({ lo: s, hi: s, votes: 1 });
  }
  groups.sort((a, b) => b.votes - a.votes);
  return groups.slice(0, MAX_WINDOWS).map((g) => [g.lo - k, g.hi + fq.length + k]);
}

/** Folded match → raw offsets (the end keeps the last letter's tashkeel); trailing spaces trimmed. */
function toRaw(raw: string, map: Int32Array, m: WindowMatch): { start: number; end: number } {
  const r = toOriginalRange(map, m.start, m.end);
  let end = r.end;
  while (end > r.start && /\s/.test(raw[end - 1]!)) end--;
  return { start: r.start, end };
}
