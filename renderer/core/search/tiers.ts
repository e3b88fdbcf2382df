/**
 * The tiered merge policy: segments are grouped by size class (≤ 500 live articles, then ×4 per
 * class) and four segments of one class merge into one, while the result stays ≤ 65,536 articles.
 * Import batches, undos and the builders' 4,000-article chunks thus end as a few large segments
 * (31,000 articles: 2; 500,000: about 10), and a segment is rewritten about log₄ times in its life.
 */
export const SMALL_PART = 500;
export const MERGE_FACTOR = 4;
export const MAX_MERGED = 65_536;

export function sizeClass(live: number): number {
  return live <= SMALL_PART ? 0 : Math.ceil(Math.log(live / SMALL_PART) / Math.log(MERGE_FACTOR));
}

/** Indexes of the segments to merge next (the first four of a full class), or null. */
export function nextMerge(liveCounts: readonly number[]): number[] | null {
  const byClass = new Map<number, number[]>();
  liveCounts.forEach((live, i) => {
    const c = sizeClass(live);
    byClass.set(c, [...(byClass.get(c) ?? []), i]);
  });
  for (const members of byClass.values()) {
    const group = members.slice(0, MERGE_FACTOR);
    if (group.length === MERGE_FACTOR && group.reduce((n, i) => n + liveCounts[i]!, 0) <= MAX_MERGED) return group;
  }
  return null;
}
