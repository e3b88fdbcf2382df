/** Story pairs for the stories bench: the app's answer for a pair, and P/R/F1 with the confusion matrix. */
import type { ArticleMeta } from '../../../renderer/core/model';
import type { BenchRow } from './context';

export interface Pair {
  a: number;
  b: number;
  label?: 'same' | 'partial' | 'different';
  cont?: number;
}

export type Relation = 'same' | 'partial' | 'different';

/** One text (editions of one article) or one story: same; a link across stories: its relation; else different. */
export function relationOf(
  a: string | undefined,
  b: string | undefined,
  metas: Map<string, ArticleMeta>,
  links: Map<string, string>,
): Relation {
  if (!a || !b) return 'different';
  if (a === b) return 'same';
  const sa = metas.get(a)?.storyId ?? a;
  const sb = metas.get(b)?.storyId ?? b;
  if (sa === sb) return 'same';
  const l = links.get(a < b ? `${a}|${b}` : `${b}|${a}`);
  return l === 'partial' || l === 'same' ? 'partial' : 'different';
}

function prf(tp: number, fp: number, fn: number): [number, number, number] {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return [p, r, p + r ? (2 * p * r) / (p + r) : 0];
}

/** Rows for labelled pairs: same and related P/R/F1, related F1 where containment < 0.5, the matrix. */
export function pairMetrics(pairs: Pair[], got: Relation[]): BenchRow[] {
  const labelled = pairs.map((p, i) => ({ p, g: got[i]! })).filter((x) => x.p.label);
  if (!labelled.length) return [];
  const rows: BenchRow[] = [];
  const score = (xs: typeof labelled, pos: (r: Relation) => boolean) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { p, g } of xs) {
      const t = pos(p.label!);
      const o = pos(g);
      if (t && o) tp++;
      else if (o) fp++;
      else if (t) fn++;
    }
    return prf(tp, fp, fn);
  };
  const add = (what: string, [p, r, f]: [number, number, number], n: number) =>
    rows.push(
      { metric: `${what} precision`, value: p, unit: '', n },
      { metric: `${what} recall`, value: r, unit: '', n },
      { metric: `${what} F1`, value: f, unit: '', n },
    );
  add(
    'same',
    score(labelled, (r) => r === 'same'),
    labelled.length,
  );
  add(
    'related',
    score(labelled, (r) => r !== 'different'),
    labelled.length,
  );
  const low = labelled.filter((x) => x.p.cont !== undefined && x.p.cont < 0.5);
  if (low.length)
    rows.push({
      metric: 'related F1, containment < 0.5',
      value: score(low, (r) => r !== 'different')[2],
      unit: '',
      n: low.length,
    });
  const kinds: Relation[] = ['same', 'partial', 'different'];
  for (const t of kinds) {
    const cells = kinds.map((o) => `${o} ${labelled.filter((x) => x.p.label === t && x.g === o).length}`);
    rows.push({
      metric: `confusion: labelled ${t}`,
      value: labelled.filter((x) => x.p.label === t).length,
      unit: 'pairs',
      note: `detected → ${cells.join(', ')}`,
    });
  }
  return rows;
}
