import { describe, expect, it } from 'vitest';
import { diffTexts, type EditionDiff } from '../../../../renderer/core/stories/diff';
import { tokenize } from '../../../../renderer/core/arabic/tokenize';
import { alignTokens } from '../../../../renderer/core/stories/diff-align';

const kinds = (d: EditionDiff, kind: string): string[] => d.parts.filter((p) => p.kind === kind).map((p) => p.text);

/** Reassembles `b` from the parts that belong to it: the comparison never loses or reorders b's text. */
const bText = (d: EditionDiff): string =>
  d.parts
    .filter((p) => p.kind !== 'removed')
    .map((p) => p.text)
    .join('');

const wire =
  'قالت وزارة الصحة إن عدد القتلى بلغ 1,300 شخص في مدينة حلب.\nوأضافت الوزارة أن فرق الإنقاذ تعمل منذ الصباح.';

describe('diffTexts', () => {
  it.each<[string, string, string, Partial<Record<'added' | 'removed' | 'spelling' | 'figures', number>>]>([
    ['verbatim', wire, wire, { added: 0, removed: 0, figures: 0 }],
    [
      'Farsi yeh and tashkeel fold away',
      wire,
      wire.replace('في', 'فی').replace('الصحة', 'الصِّحَّة'),
      { added: 0, removed: 0 },
    ],
    [
      'Arabic-Indic digits and separators are the same number',
      wire,
      wire.replace('1,300', '١٣٠٠'),
      { added: 0, removed: 0, figures: 0 },
    ],
    ['trimmed last paragraph', wire, wire.split('\n')[0]!, { added: 0, removed: 8 }],
    [
      'rewritten lead',
      wire,
      'أعلنت وزارة الصحة السورية أن عدد القتلى بلغ 1,300 شخص في مدينة حلب.\nوأضافت الوزارة أن فرق الإنقاذ تعمل منذ الصباح.',
      { added: 2, removed: 1 },
    ],
  ])('%s', (_label, a, b, expected) => {
    const d = diffTexts(a, b);
    if (expected.added !== undefined) expect(d.added).toBe(expected.added);
    if (expected.removed !== undefined) expect(d.removed).toBe(expected.removed);
    if (expected.figures !== undefined) expect(d.figures).toHaveLength(expected.figures);
    expect(bText(d)).toBe(b);
    expect(d.complete).toBe(true);
  });

  it('calls out a changed figure, across digit systems', () => {
    const d = diffTexts(wire, wire.replace('1,300', '١٬٢٠٠'));
    expect(d.figures).toEqual([
      {
        from: '1,300',
        to: '١٬٢٠٠',
        a: { start: wire.indexOf('1,300'), end: wire.indexOf('1,300') + 5 },
        b: expect.any(Object),
      },
    ]);
    expect(d.parts.filter((p) => p.figure).map((p) => [p.kind, p.text])).toEqual([
      ['removed', '1,300'],
      ['added', '١٬٢٠٠'],
    ]);
    expect(d.removed).toBe(1);
    expect(d.added).toBe(1);
  });

  it('marks removed and added passages with their original offsets', () => {
    const b = wire.replace(' في مدينة حلب', '').replace('منذ الصباح', 'منذ ساعات الصباح الأولى');
    const d = diffTexts(wire, b);
    expect(kinds(d, 'removed')).toEqual(['في مدينة حلب']);
    expect(kinds(d, 'added')).toEqual(['ساعات', 'الأولى']);
    for (const p of d.parts) {
      const source = p.kind === 'removed' ? wire : b;
      expect(source.slice(p.start, p.end)).toBe(p.text);
    }
  });

  it('spelling mode reports words that fold alike but are written differently', () => {
    const b = wire.replace('في', 'فی').replace('1,300', '١٬٣٠٠').replace('إن', 'ان');
    expect(diffTexts(wire, b).spelling).toBe(0);
    const d = diffTexts(wire, b, { spelling: true });
    expect(d.parts.filter((p) => p.kind === 'spelling').map((p) => [p.was, p.text])).toEqual([
      ['إن', 'ان'],
      ['1,300', '١٬٣٠٠'],
      ['في', 'فی'],
    ]);
    expect(d.added + d.removed).toBe(0);
    expect(bText(d)).toBe(b);
  });

  it('unrelated texts are all removed and added, nothing matched', () => {
    const d = diffTexts('ألف باء تاء', 'سين شين صاد');
    expect(d.same).toBe(0);
    expect(kinds(d, 'removed')).toEqual(['ألف باء تاء']);
    expect(kinds(d, 'added')).toEqual(['سين شين صاد']);
  });

  it('handles empty texts', () => {
    expect(diffTexts('', '').parts).toEqual([]);
    expect(diffTexts('', 'كلمة').added).toBe(1);
    expect(diffTexts('كلمة', '').removed).toBe(1);
  });

  it('stays bounded on long, very different texts', () => {
    const words = (seed: number, n: number): string =>
      Array.from({ length: n }, (_, k) => `ك${(k * seed) % 997}`).join(' ');
    const a = words(7, 20_000);
    const b = words(13, 20_000);
    const d = diffTexts(a, b);
    expect(bText(d)).toBe(b);
    expect(d.added + d.same).toBe(tokenize(b).length);
    expect(d.removed + d.same).toBe(tokenize(a).length);
  });
});

describe('alignTokens', () => {
  const lcs = (a: number[], b: number[]): number => {
    const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        t[i]![j] = a[i - 1] === b[j - 1] ? t[i - 1]![j - 1]! + 1 : Math.max(t[i - 1]![j]!, t[i]![j - 1]!);
    return t[a.length]![b.length]!;
  };

  it('gives valid increasing matches close to the longest common subsequence', () => {
    let seed = 42;
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let round = 0; round < 200; round++) {
      const alphabet = round < 100 ? 8 : 40; // few symbols: repeats everywhere; many: word-like text
      const a = Array.from({ length: rnd(40) }, () => rnd(alphabet));
      const b = a.filter(() => rnd(5) > 0).map((x) => (rnd(6) === 0 ? rnd(alphabet) : x));
      const { pairs, complete } = alignTokens(a, b);
      expect(complete).toBe(true);
      for (let k = 0; k < pairs.length; k += 2) {
        expect(a[pairs[k]!]).toBe(b[pairs[k + 1]!]);
        if (k > 0) {
          expect(pairs[k]!).toBeGreaterThan(pairs[k - 2]!);
          expect(pairs[k + 1]!).toBeGreaterThan(pairs[k - 1]!);
        }
      }
      // Patience anchoring may trade a little optimality for speed; Myers alone is exact.
      if (alphabet > 8) expect(pairs.length / 2).toBeGreaterThanOrEqual(Math.floor(lcs(a, b) * 0.9));
    }
  });

  it('Myers alone finds the longest common subsequence', () => {
    const a = [1, 2, 3, 1, 2, 2, 1];
    const b = [3, 2, 1, 2, 1, 3];
    expect(alignTokens(a, b).pairs.length / 2).toBe(lcs(a, b));
  });

  it('reports an incomplete alignment past the work bound', () => {
    const a = Array.from({ length: 50 }, (_, k) => k % 2);
    const b = Array.from({ length: 50 }, (_, k) => (k % 2) + 2);
    const r = alignTokens([...a, 9, ...a], [...b, 9, ...b], 10);
    expect(r.complete).toBe(false);
    expect(r.pairs).toEqual([50, 50]);
  });
});

describe('diffTexts paragraphs', () => {
  it('a dropped paragraph keeps its line break', () => {
    const a = 'الفقرة الأولى هنا.\n\nالفقرة الثانية هناك.';
    const b = 'الفقرة الأولى هنا.';
    const d = diffTexts(a, b);
    const removed = d.parts.find((p) => p.kind === 'removed')!;
    expect(removed.text).toBe('\n\nالفقرة الثانية هناك');
    expect(a.slice(removed.start, removed.end)).toBe(removed.text);
  });
});
