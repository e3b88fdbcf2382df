/**
 * A stable sort that can pause: a generator that yields every `step` comparisons or so and returns the
 * sorted copy, so a caller on the page's thread can sort 30,000 rows across short tasks (issue 17: no
 * main-thread task over 50 ms). Runs of `step` items are sorted with Array.prototype.sort (stable),
 * then merged pairwise, left first on ties: the result is exactly what `[...items].sort(cmp)` gives.
 */
export function* sortInSteps<T>(
  items: readonly T[],
  cmp: (a: T, b: T) => number,
  step = 2048,
): Generator<void, T[], void> {
  const n = items.length;
  let src: T[] = new Array<T>(n);
  for (let i = 0; i < n; i += step) {
    const run = items.slice(i, i + step).sort(cmp);
    for (let k = 0; k < run.length; k++) src[i + k] = run[k]!;
    yield;
  }
  let dst: T[] = new Array<T>(n);
  let budget = 0;
  for (let width = step; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        dst[k++] = cmp(src[j]!, src[i]!) < 0 ? src[j++]! : src[i++]!;
        if (++budget >= step) {
          budget = 0;
          yield;
        }
      }
      while (i < mid) dst[k++] = src[i++]!;
      while (j < hi) dst[k++] = src[j++]!;
    }
    [src, dst] = [dst, src];
  }
  return src;
}

/** Runs a step generator to its end at once (for callers that need no pauses, and tests). */
export function runSteps<R>(steps: Generator<void, R, void>): R {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
