import { describe, expect, it } from 'vitest';
import { findAll, snippet } from '../../../../renderer/core/search/highlight';

const slices = (text: string, query: string, strict = false): string[] =>
  findAll(text, query, { strict }).map((r) => text.slice(r.start, r.end));

describe('findAll', () => {
  it('highlights folded matches on the original characters, tashkeel and all', () => {
    expect(slices('قال المُدَرِّسُ إن المدرس الأوَّل حضر', 'المدرس')).toEqual(['المُدَرِّسُ', 'المدرس']);
  });

  it('finds clitic forms and spelling variants', () => {
    expect(slices('رحب بالتحالف، والتحالف مستمر', 'التحالف')).toEqual(['بالتحالف', 'والتحالف']);
    expect(slices('أعلنت السیطرة على الحريق', 'السيطرة')).toEqual(['السیطرة']);
    expect(slices('بلغت ٣٤٬٥٠٢ ريال', '34502')).toEqual(['٣٤٬٥٠٢']);
  });

  it('highlights a phrase as one range', () => {
    expect(slices('افتتح المعرض الدولي للكتاب أبوابه', '"المعرض الدولي"')).toEqual(['المعرض الدولي']);
  });

  it('ignores excluded words and highlights prefixes', () => {
    expect(slices('مستودع ومستودعات هدنة', 'مستود* -هدنة')).toEqual(['مستودع', 'ومستودعات']);
  });

  it('strict mode highlights the exact spelling only', () => {
    expect(slices('آذار وأذار واذار', 'آذار', true)).toEqual(['آذار']);
  });

  it('returns nothing for no match or an empty query', () => {
    expect(findAll('نص عادي', 'غائب')).toEqual([]);
    expect(findAll('نص عادي', '')).toEqual([]);
  });
});

describe('snippet', () => {
  const text = `${'كلام تمهيدي طويل '.repeat(30)}ثم أعلن التحالف هدنة جديدة ${'وتفاصيل أخرى '.repeat(30)}`;

  it('is a window around the best hit with relative highlights', () => {
    const s = snippet(text, 'التحالف هدنة', { maxChars: 80 });
    expect(s.text.length).toBeLessThanOrEqual(80);
    expect(text.slice(s.offset, s.offset + s.text.length)).toBe(s.text);
    expect(s.highlights.map((h) => s.text.slice(h.start, h.end))).toEqual(['التحالف', 'هدنة']);
  });

  it('starts at `from` when nothing matches', () => {
    const s = snippet(text, 'غائب', { maxChars: 40, from: 5 });
    expect(s.offset).toBe(5);
    expect(s.highlights).toEqual([]);
  });
});
