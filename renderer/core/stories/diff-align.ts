/**
 * Alignment of two token-id sequences: which tokens of `a` and `b` are the same, in order (a longest
 * common subsequence, or close to one). Myers' O((N+M)·D) greedy diff first, which is exact; where the
 * edit distance D is too large for the work budget, patience splits the range — tokens that occur
 * exactly once in both become anchors (longest increasing run of their positions) — and the gaps
 * between anchors recurse. A gap with neither is reported as replaced wholesale (`complete: false`),
 * so two unrelated 50,000-word texts cost tens of milliseconds, not minutes.
 */

export interface Alignment {
  /** Matched index pairs, flat: [a0, b0, a1, b1, …], increasing in both. */
  pairs: number[];
  /** False when a gap hit the work bound and was left unaligned. */
  complete: boolean;
}

interface State extends Alignment {
  /** Myers steps left for the whole alignment. */
  budget: number;
}

/** Myers steps (diagonals tried plus words compared) for one whole alignment: tens of ms. */
const BUDGET = 5_000_000;

/** Largest edit distance Myers explores in one gap (memory ≈ D² ints: 1,000 → 4 MB at worst). */
const MAX_D = 1000;

/** Aligns `a` and `b` (token ids); never throws. */
export function alignTokens(a: ArrayLike<number>, b: ArrayLike<number>, maxD = MAX_D): Alignment {
  const out: State = { pairs: [], complete: true, budget: BUDGET };
  solve(a, 0, a.length, b, 0, b.length, maxD, out);
  return { pairs: out.pairs, complete: out.complete };
}

function solve(
  a: ArrayLike<number>,
  aLo: number,
  aHi: number,
  b: ArrayLike<number>,
  bLo: number,
  bHi: number,
  maxD: number,
  out: State,
): void {
  // Common prefix and suffix cost nothing to align and shrink every later step.
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) out.pairs.push(aLo++, bLo++);
  let suffix = 0;
  while (aHi - suffix > aLo && bHi - suffix > bLo && a[aHi - 1 - suffix] === b[bHi - 1 - suffix]) suffix++;
  const aEnd = aHi - suffix;
  const bEnd = bHi - suffix;
  if (aLo < aEnd && bLo < bEnd && !myers(a, aLo, aEnd, b, bLo, bEnd, maxD, out)) {
    const anchors = patienceAnchors(a, aLo, aEnd, b, bLo, bEnd);
    if (anchors.length === 0) out.complete = false;
    else {
      let ai = aLo;
      let bi = bLo;
      for (let k = 0; k < anchors.length; k += 2) {
        solve(a, ai, anchors[k]!, b, bi, anchors[k + 1]!, maxD, out);
        out.pairs.push(anchors[k]!, anchors[k + 1]!);
        ai = anchors[k]! + 1;
        bi = anchors[k + 1]! + 1;
      }
      solve(a, ai, aEnd, b, bi, bEnd, maxD, out);
    }
  }
  for (let k = suffix; k > 0; k--) out.pairs.push(aHi - k, bHi - k);
}

/** Tokens unique in both ranges, as flat [a, b] pairs along the longest run increasing in both. */
function patienceAnchors(
  a: ArrayLike<number>,
  aLo: number,
  aHi: number,
  b: ArrayLike<number>,
  bLo: number,
  bHi: number,
): number[] {
  // count: how often in a (saturating at 2); position in a; same for b.
  const seen = new Map<number, { ca: number; pa: number; cb: number; pb: number }>();
  for (let i = aLo; i < aHi; i++) {
    const e = seen.get(a[i]!);
    if (e) e.ca = 2;
    else seen.set(a[i]!, { ca: 1, pa: i, cb: 0, pb: -1 });
  }
  for (let j = bLo; j < bHi; j++) {
    const e = seen.get(b[j]!);
    if (!e) continue;
    e.cb++;
    e.pb = j;
  }
  const candidates: number[] = []; // b positions in a order
  const aPos: number[] = [];
  for (let i = aLo; i < aHi; i++) {
    const e = seen.get(a[i]!)!;
    if (e.ca === 1 && e.cb === 1) {
      aPos.push(i);
      candidates.push(e.pb);
    }
  }
  if (candidates.length === 0) return [];
  // Longest increasing subsequence of b positions (patience sorting with back links).
  const tails: number[] = [];
  const prev = new Int32Array(candidates.length).fill(-1);
  for (let k = 0; k < candidates.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (candidates[tails[mid]!]! < candidates[k]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const chain: number[] = [];
  for (let k = tails[tails.length - 1]!; k >= 0; k = prev[k]!) chain.push(k);
  const result: number[] = [];
  for (let c = chain.length - 1; c >= 0; c--) result.push(aPos[chain[c]!]!, candidates[chain[c]!]!);
  return result;
}

/**
 * Myers' greedy diff on one gap: exact (a longest common subsequence). Pushes the matched pairs;
 * returns false, pushing nothing, past `maxD` edits or the remaining budget.
 */
function myers(
  a: ArrayLike<number>,
  aLo: number,
  aHi: number,
  b: ArrayLike<number>,
  bLo: number,
  bHi: number,
  maxD: number,
  out: State,
): boolean {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const max = Math.min(n + m, maxD);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = []; // trace[d][k + d] = furthest x on diagonal k after step d
  let steps = 0;
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      steps++;
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
        x++;
        y++;
        steps++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(off - d, off + d + 1));
        backtrack(trace, n, m, aLo, bLo, out.pairs);
        out.budget -= steps;
        return true;
      }
    }
    trace.push(v.slice(off - d, off + d + 1));
    if (steps > out.budget) break;
  }
  out.budget -= steps;
  return false;
}

function backtrack(trace: Int32Array[], n: number, m: number, aLo: number, bLo: number, pairs: number[]): void {
  const found: number[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const p = trace[d - 1]!; // p[k + d - 1]
    const k = x - y;
    const at = (kk: number): number => p[kk + d - 1]!;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      found.push(aLo + x, bLo + y);
    }
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    found.push(aLo + x, bLo + y);
  }
  for (let k = found.length - 2; k >= 0; k -= 2) pairs.push(found[k]!, found[k + 1]!);
}
