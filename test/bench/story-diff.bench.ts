/**
 * The reader's comparison of two editions (core/stories/diff.ts): time per pair on the labelled story
 * pairs of the corpus (../shared/corpus/stories-public.jsonl beside the corpus), folded and with the
 * spelling pass, and the bounded worst case (two unrelated long texts). Skips the corpus rows with a
 * line when the corpus or the pairs file is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { diffTexts } from '../../renderer/core/stories/diff';
import { readCorpus } from './lib/corpus';
import { median, percentile, timeMedian, type BenchContext, type BenchRow } from './lib/context';

export const name = 'story-diff';

function longText(seed: number, words: number): string {
  const out: string[] = [];
  let s = seed;
  for (let i = 0; i < words; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    out.push(
      `${String.fromCharCode(0x628 + (s % 26))}${String.fromCharCode(0x628 + ((s >> 8) % 26))}${String.fromCharCode(0x628 + ((s >> 16) % 26))}`,
    );
    if (i % 60 === 59) out.push('\n\n');
  }
  return out.join(' ');
}

async function pairRows(ctx: BenchContext): Promise<BenchRow[]> {
  const pairsFile = ctx.corpus ? join(dirname(ctx.corpus), 'stories-public.jsonl') : '';
  if (!ctx.corpus || !existsSync(ctx.corpus) || !existsSync(pairsFile)) {
    console.error('story-diff: no --corpus with stories-public.jsonl beside it; labelled-pair rows skipped');
    return [];
  }
  const pairs = readFileSync(pairsFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { a: number; b: number });
  const wanted = new Set(pairs.flatMap((p) => [p.a, p.b]));
  const max = Math.max(...wanted);
  const texts = new Map<number, string>();
  let i = 0;
  for await (const r of readCorpus(ctx.corpus, max + 1)) {
    if (wanted.has(i)) texts.set(i, r.content);
    i++;
  }
  const folded: number[] = [];
  const spelling: number[] = [];
  let figures = 0;
  let words = 0;
  for (const p of pairs) {
    const a = texts.get(p.a) ?? '';
    const b = texts.get(p.b) ?? '';
    let t = performance.now();
    const d = diffTexts(a, b);
    folded.push(performance.now() - t);
    t = performance.now();
    diffTexts(a, b, { spelling: true });
    spelling.push(performance.now() - t);
    figures += d.figures.length;
    words = Math.max(words, d.same + d.added, d.same + d.removed);
  }
  const note = `${pairs.length} pairs; longest ${words} words; ${figures} figure changes called out`;
  return [
    { metric: 'compare a labelled pair, folded: p50', value: median(folded), unit: 'ms', n: pairs.length, note },
    {
      metric: 'compare a labelled pair, folded: p95 / max',
      value: percentile(folded, 95),
      unit: 'ms',
      n: pairs.length,
      note: `max ${Math.max(...folded).toFixed(1)} ms`,
    },
    { metric: 'compare a labelled pair, with spelling: p50', value: median(spelling), unit: 'ms', n: pairs.length },
  ];
}

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const a = longText(1, 20_000);
  const b = longText(2, 20_000);
  const edited = a.replace(/ب/g, 'ت');
  const unrelated = await timeMedian(3, () => diffTexts(a, b));
  const rewritten = await timeMedian(3, () => diffTexts(a, edited));
  return [
    ...(await pairRows(ctx)),
    {
      metric: 'two unrelated 20,000-word texts (bounded)',
      value: unrelated,
      unit: 'ms',
      n: 3,
      note: `complete: ${diffTexts(a, b).complete}`,
    },
    { metric: '20,000 words, a letter changed throughout', value: rewritten, unit: 'ms', n: 3 },
  ];
}
