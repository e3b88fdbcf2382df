/**
 * sortInSteps: a stable merge sort that pauses (issue 17). Its answer is exactly Array.prototype.sort's
 * for the same comparator, ties included, at every size around its run length; it pauses at all.
 */
import { describe, it, expect } from 'vitest';
import { runSteps, sortInSteps } from '../../../renderer/core/sort-steps';

function items(n: number, seed: number): Array<{ key: number; at: number }> {
  let s = seed;
  return Array.from({ length: n }, (_, at) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return { key: s % 97, at }; // many equal keys: ties must keep their input order
  });
}

const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;

describe('sortInSteps', () => {
  for (const n of [0, 1, 2, 15, 16, 17, 31, 33, 100, 1000, 5003])
    it(`sorts ${n} items as Array.prototype.sort does`, () => {
      const list = items(n, n + 7);
      const sorted = runSteps(sortInSteps(list, byKey, 16));
      expect(sorted).toEqual([...list].sort(byKey));
      expect(list).toEqual(items(n, n + 7)); // the input is left as it was
    });

  it('pauses between steps of about `step` comparisons', () => {
    const steps = sortInSteps(items(10_000, 3), byKey, 500);
    let pauses = 0;
    let r = steps.next();
    while (!r.done) {
      pauses++;
      r = steps.next();
    }
    // 20 runs, then log2(20) ≈ 5 merge passes of ~10,000 comparisons each.
    expect(pauses).toBeGreaterThan(20 + 5 * 15);
    expect(r.value).toEqual([...items(10_000, 3)].sort(byKey));
  });
});
