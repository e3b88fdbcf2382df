import { describe as group, expect, it } from 'vitest';
import { anchor, anchorAll, describe, paragraphNumber, quoteOf } from '../../../../renderer/core/anchoring';
import { foldArabic } from '../../../../renderer/core/arabic/normalize';
import type { Selector } from '../../../../renderer/core/model';

// Written for these tests: a casualty report with tashkeel, a Latin agency name, both digit systems,
// and one sentence that opens twice (the repeated-quote case).
const ARTICLE = [
  'بيروت - أعلنت وزارةُ الصحّةِ اللبنانية يوم الأربعاء أنّ حصيلة الضحايا ارتفعت إلى ٤٥ قتيلاً و١٢٣ جريحاً.',
  'وقال المتحدث باسم الوزارة لوكالة Reuters إن فرق الإنقاذ ما زالت تبحث تحت الأنقاض في منطقة الضاحية.',
  'وأضاف أن المستشفيات تعمل بطاقتها القصوى، وأن الحصيلة قد ترتفع في الساعات المقبلة.',
  'من جهته، قال المرصد السوري لحقوق الإنسان (SOHR) إن عدد القتلى بلغ 52 شخصاً حتى مساء الأربعاء.',
  'وأضاف أن المستشفيات تعمل بطاقتها القصوى في الجنوب أيضاً، ودعا إلى التبرع بالدم.',
].join('\n\n');

// The same article as another outlet printed it: tashkeel dropped or added elsewhere, hamza seats
// written plainly (أ→ا, إ→ا), ى for final ي, ه for ة, and a second paragraph reworded before the quote.
const REIMPORTED = [
  'بيروت - اعلنت وزارة الصحه اللبنانية يوم الاربعاء ان حصيلة الضَّحايا ارتفعت الى ٤٥ قتيلا و١٢٣ جريحاً.',
  'وقال متحدث باسم الوزارة لوكالة Reuters ان فِرَق الانقاذ ما زالت تبحث تحت الانقاض في منطقة الضاحيه.',
  'واضاف ان المستشفيات تعمل بطاقتها القصوى، وان الحصيلة قد ترتفع في الساعات المقبلة.',
  'من جهته، قال المرصد السوري لحقوق الانسان (SOHR) ان عدد القتلى بلغ 52 شخصاً حتى مساء الاربعاء.',
  'واضاف ان المستشفيات تعمل بطاقتها القصوى في الجنوب ايضاً، ودعا الى التبرع بالدم.',
].join('\n\n');

const at = (text: string, phrase: string, from = 0): [number, number] => {
  const i = text.indexOf(phrase, from);
  if (i < 0) throw new Error(`fixture lacks ${phrase}`);
  return [i, i + phrase.length];
};
const fold = (s: string) => foldArabic(s).text;

group('describe', () => {
  it('gives a position and a quote with 32 characters of context by default', () => {
    const [s, e] = at(ARTICLE, 'لوكالة Reuters');
    const sel = describe(ARTICLE, s, e);
    expect(sel[0]).toEqual({ type: 'TextPositionSelector', start: s, end: e });
    expect(sel[1]).toMatchObject({ type: 'TextQuoteSelector', exact: 'لوكالة Reuters' });
    const q = quoteOf(sel)!;
    expect(q.prefix).toBe(ARTICLE.slice(s - 32, s));
    expect(q.suffix).toBe(ARTICLE.slice(e, e + 32));
  });

  it('clamps reversed and out-of-range offsets instead of throwing', () => {
    expect(describe(ARTICLE, ARTICLE.length + 50, ARTICLE.length - 5)[0]).toEqual({
      type: 'TextPositionSelector',
      start: ARTICLE.length - 5,
      end: ARTICLE.length,
    });
    expect(quoteOf(describe('نص', -4, 1, { context: 0 }))).toEqual({
      type: 'TextQuoteSelector',
      exact: 'ن',
      prefix: '',
      suffix: '',
    });
  });
});

group('anchor: round trips on the same text', () => {
  const phrases = ['وزارةُ الصحّةِ', 'لوكالة Reuters إن', '٤٥ قتيلاً و١٢٣', '(SOHR) إن عدد', 'بلغ 52 شخصاً', 'بيروت'];
  it.each(phrases)('%s anchors by position to the same range', (phrase) => {
    const [s, e] = at(ARTICLE, phrase);
    expect(anchor(ARTICLE, describe(ARTICLE, s, e))).toEqual({
      orphan: false,
      start: s,
      end: e,
      method: 'position',
      score: 1,
    });
  });

  it('falls back to the exact quote when the position no longer holds it', () => {
    const [s, e] = at(ARTICLE, 'فرق الإنقاذ');
    const moved = 'تحديث: ' + ARTICLE;
    const r = anchor(moved, describe(ARTICLE, s, e));
    expect(r).toMatchObject({ orphan: false, method: 'quote', start: s + 7, end: e + 7 });
  });
});

group('anchor: repeated quotes', () => {
  const phrase = 'وأضاف أن المستشفيات تعمل بطاقتها القصوى';
  const first = at(ARTICLE, phrase);
  const second = at(ARTICLE, phrase, first[1]);

  it.each([
    ['first', first],
    ['second', second],
  ] as const)('prefix and suffix pick the %s occurrence', (_n, [s, e]) => {
    const quote = describe(ARTICLE, s, e).filter((x) => x.type === 'TextQuoteSelector');
    expect(anchor(ARTICLE, quote)).toMatchObject({ method: 'quote', start: s, end: e });
  });

  it('with no context, the occurrence nearest the old position wins', () => {
    const sel: Selector[] = [
      { type: 'TextPositionSelector', start: second[0] + 3, end: second[1] + 3 },
      { type: 'TextQuoteSelector', exact: phrase, prefix: '', suffix: '' },
    ];
    expect(anchor(ARTICLE, sel)).toMatchObject({ method: 'quote', start: second[0] });
  });
});

group('anchor: the article re-imported with other tashkeel and hamza', () => {
  const cases: [string, string][] = [
    ['tashkeel and shadda dropped', 'وزارةُ الصحّةِ اللبنانية'],
    ['hamza on alef dropped, ى/ي', 'ارتفعت إلى ٤٥ قتيلاً'],
    ['tashkeel added in the new text', 'فرق الإنقاذ ما زالت'],
    ['ة written as ه', 'في منطقة الضاحية'],
    ['Latin run and digits kept', '(SOHR) إن عدد القتلى بلغ 52'],
  ];
  it.each(cases)('%s', (_why, phrase) => {
    const [s, e] = at(ARTICLE, phrase);
    const r = anchor(REIMPORTED, describe(ARTICLE, s, e));
    expect(r.orphan).toBe(false);
    if (r.orphan) return;
    expect(r.method).toBe('fuzzy');
    expect(fold(REIMPORTED.slice(r.start, r.end))).toBe(fold(phrase));
    expect(r.score).toBeGreaterThan(0.8);
  });

  it('repeated sentence: the fuzzy match still follows the suffix to the second occurrence', () => {
    const phrase = 'وأضاف أن المستشفيات تعمل بطاقتها القصوى';
    const [s, e] = at(ARTICLE, phrase, at(ARTICLE, phrase)[1]);
    const r = anchor(REIMPORTED, describe(ARTICLE, s, e));
    const expected = REIMPORTED.lastIndexOf('واضاف ان المستشفيات');
    expect(r).toMatchObject({ orphan: false, method: 'fuzzy', start: expected });
  });

  it('a small edit inside the quote (a word changed) is still found', () => {
    const [s, e] = at(ARTICLE, 'وقال المتحدث باسم الوزارة لوكالة');
    const r = anchor(REIMPORTED, describe(ARTICLE, s, e));
    expect(r).toMatchObject({ orphan: false, method: 'fuzzy' });
    if (!r.orphan) expect(REIMPORTED.slice(r.start, r.end)).toBe('وقال متحدث باسم الوزارة لوكالة');
  });
});

group('anchor: edges', () => {
  it('a quote across two paragraphs survives a changed paragraph break and tashkeel', () => {
    const phrase = 'منطقة الضاحية.\n\nوأضاف أن المستشفيات';
    const [s, e] = at(ARTICLE, phrase);
    const squeezed = REIMPORTED.replace(/\n\n/g, '\n');
    const r = anchor(squeezed, describe(ARTICLE, s, e));
    expect(r).toMatchObject({ orphan: false, method: 'fuzzy' });
    if (!r.orphan) expect(squeezed.slice(r.start, r.end)).toBe('منطقة الضاحيه.\nواضاف ان المستشفيات');
  });

  it('the very first and last words (no prefix, no suffix) re-anchor', () => {
    for (const [s, e] of [
      [0, 5],
      [ARTICLE.length - 9, ARTICLE.length],
    ] as const) {
      const r = anchor(REIMPORTED, describe(ARTICLE, s, e));
      expect(r.orphan).toBe(false);
      if (!r.orphan) expect(fold(REIMPORTED.slice(r.start, r.end))).toBe(fold(ARTICLE.slice(s, e)));
    }
  });

  it('a highlight ending in a letter with tashkeel keeps the tashkeel inside the range', () => {
    const text = 'قال المتحدثُ إنّ الوضعَ خطيرٌ جداً';
    const r = anchor(text, [
      { type: 'TextQuoteSelector', exact: 'ان الوضع خطير', prefix: 'قال المتحدث ', suffix: ' جدا' },
    ]);
    expect(r).toMatchObject({ orphan: false, method: 'fuzzy' });
    if (!r.orphan) expect(text.slice(r.start, r.end)).toBe('إنّ الوضعَ خطيرٌ');
  });
});

group('anchor: orphans and bad input', () => {
  it('an orphan keeps its quote when the passage is gone', () => {
    const [s, e] = at(ARTICLE, 'ودعا إلى التبرع بالدم');
    const without = ARTICLE.slice(0, ARTICLE.lastIndexOf('، ودعا'));
    expect(anchor(without, describe(ARTICLE, s, e))).toEqual({ orphan: true, quote: 'ودعا إلى التبرع بالدم' });
  });

  it('an unrelated passage of the same length does not pass for the quote', () => {
    const sel = describe('اجتماع وزراء الخارجية العرب في القاهرة', 0, 38);
    expect(anchor(ARTICLE, sel)).toMatchObject({ orphan: true });
  });

  it.each([
    ['no selectors', []],
    ['null entries', [null, undefined]],
    ['NaN position', [{ type: 'TextPositionSelector', start: NaN, end: 4 }]],
    ['quote that is not a string', [{ type: 'TextQuoteSelector', exact: 42 }]],
    ['not an array', 'بيروت'],
  ])('never throws on %s', (_n, sel) => {
    expect(() => anchor(ARTICLE, sel as unknown as Selector[])).not.toThrow();
    expect(anchor(ARTICLE, sel as unknown as Selector[]).orphan).toBe(true);
  });

  it('a position alone anchors when in bounds, at half confidence', () => {
    expect(anchor(ARTICLE, [{ type: 'TextPositionSelector', start: 0, end: 5 }])).toMatchObject({
      method: 'position',
      score: 0.5,
    });
  });
});

group('anchorAll and paragraphNumber', () => {
  it('anchors a list in order', () => {
    const lists = ['بيروت', 'SOHR'].map((p) => describe(ARTICLE, ...at(ARTICLE, p)));
    expect(anchorAll(REIMPORTED, lists).map((r) => r.orphan)).toEqual([false, false]);
  });

  it('numbers paragraphs from 1; a gap counts for the next paragraph', () => {
    const paras = [
      { start: 10, end: 20 },
      { start: 22, end: 40 },
      { start: 42, end: 50 },
    ];
    expect([5, 10, 19, 20, 21, 22, 49, 50].map((o) => paragraphNumber(paras, o))).toEqual([
      undefined,
      1,
      1,
      2,
      2,
      2,
      3,
      undefined,
    ]);
  });
});
