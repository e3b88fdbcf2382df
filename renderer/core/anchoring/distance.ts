/**
 * Edit distances for the fuzzy anchoring path. Plain arrays of numbers: a quote is at most a few
 * hundred characters and a search window a little more, so O(m·w) dynamic programming is cheap.
 */

export interface WindowMatch {
  start: number;
  end: number;
  /** Levenshtein distance between the pattern and `text.slice(start, end)`. */
  distance: number;
}

/**
 * Best approximate occurrence of `pattern` inside `text.slice(lo, hi)` (Sellers' semi-global
 * Levenshtein: the whole pattern, any substring of the window). Returns undefined for an empty
 * pattern or when the best distance exceeds `maxDistance`. Ties go to the match nearest `lo`.
 */
export function bestInWindow(
  text: string,
  lo: number,
  hi: number,
  pattern: string,
  maxDistance: number,
): WindowMatch | undefined {
  const m = pattern.length;
  lo = Math.max(0, lo);
  hi = Math.min(text.length, hi);
  if (m === 0 || hi <= lo) return undefined;
  const w = hi - lo;
  // Row i holds, for every window column j, the distance of pattern[0..i) ending at lo+j and the
  // column where that alignment started (so no backtracking matrix is needed).
  let dist = new Int32Array(w + 1);
  let from = new Int32Array(w + 1);
  let nextDist = new Int32Array(w + 1);
  let nextFrom = new Int32Array(w + 1);
  for (let j = 0; j <= w; j++) from[j] = j;
  for (let i = 1; i <= m; i++) {
    const pc = pattern.charCodeAt(i - 1);
    nextDist[0] = i;
    nextFrom[0] = 0;
    for (let j = 1; j <= w; j++) {
      let d = dist[j - 1]! + (text.charCodeAt(lo + j - 1) === pc ? 0 : 1);
      let f = from[j - 1]!;
      const up = dist[j]! + 1;
      if (up < d) {
        d = up;
        f = from[j]!;
      }
      const left = nextDist[j - 1]! + 1;
      if (left < d) {
        d = left;
        f = nextFrom[j - 1]!;
      }
      nextDist[j] = d;
      nextFrom[j] = f;
    }
    [dist, nextDist] = [nextDist, dist];
    [from, nextFrom] = [nextFrom, from];
  }
  let best = -1;
  for (let j = 1; j <= w; j++) if (best < 0 || dist[j]! < dist[best]!) best = j;
  if (best < 0 || dist[best]! > maxDistance) return undefined;
  return { start: lo + from[best]!, end: lo + best, distance: dist[best]! };
}

/** Levenshtein distance of two short strings (prefix and suffix contexts). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length || !b.length) return a.length + b.length;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ac = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j - 1]! + (b.charCodeAt(j - 1) === ac ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * Similarity 0..1 of an expected context with the text actually found there; 1 when nothing was
 * expected (an annotation at the very start or end of an article has no prefix or suffix).
 */
export function contextSimilarity(expected: string, found: string): number {
  if (!expected.length) return 1;
  return 1 - Math.min(1, levenshtein(expected, found) / expected.length);
}

/** 1 at the old position, falling linearly to 0 a whole text length away; 0.5 with no old position. */
export function nearness(length: number, at: number, near: number | undefined): number {
  if (near === undefined) return 0.5;
  return 1 - Math.min(1, Math.abs(at - near) / Math.max(1, length));
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Cheap stand-in for `contextSimilarity`: the share of the expected prefix (`fromEnd`) or suffix
 * that matches character for character next to the quote. O(context), used to shortlist many hits.
 */
export function affixSimilarity(expected: string, found: string, fromEnd: boolean): number {
  if (!expected.length) return 1;
  let n = 0;
  const a = expected.length;
  const b = found.length;
  while (
    n < a &&
    n < b &&
    (fromEnd
      ? expected.charCodeAt(a - 1 - n) === found.charCodeAt(b - 1 - n)
      : expected.charCodeAt(n) === found.charCodeAt(n))
  )
    n++;
  return n / a;
}

/**
 * The best of many candidates: `cheap` ranks all of them, `full` scores the best `keep`.
 * Returns undefined for no candidates. Keeps a quote repeated 100 times from costing 100 alignments.
 */
export function pickBest<T>(
  items: readonly T[],
  cheap: (x: T) => number,
  full: (x: T) => number,
  keep = 4,
): { item: T; score: number } | undefined {
  const shortlist =
    items.length <= keep
      ? items
      : items
          .map((item) => ({ item, c: cheap(item) }))
          .sort((x, y) => y.c - x.c)
          .slice(0, keep)
          .map((x) => x.item);
  let best: { item: T; score: number } | undefined;
  for (const item of shortlist) {
    const score = full(item);
    if (!best || score > best.score) best = { item, score };
  }
  return best;
}
