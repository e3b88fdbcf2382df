import { describe, expect, it } from 'vitest';
import { lightStems, withTehMarbuta } from '../../../../renderer/core/arabic/stem';
import { foldText } from '../../../../renderer/core/arabic/normalize';

/** Stems of a word as the pipeline computes them (folded, ة kept where written). */
const stems = (word: string): string[] => lightStems(withTehMarbuta(word, foldText(word)));

const shared: Array<[string, string, string]> = [
  ['article', 'التحالف', 'تحالف'],
  ['wa + article', 'والتحالف', 'تحالف'],
  ['bi + article', 'بالتحالف', 'تحالف'],
  ['lil', 'للتحالف', 'تحالف'],
  ['single bi', 'بتحالف', 'تحالف'],
  ['plural -at + pronoun', 'وملبوساتهم', 'ملبوسات'],
  ['plural -in', 'المعلمين', 'معلم'],
  ['plural -un', 'يتعدون', 'يتعد'],
  ['teh marbuta before a pronoun', 'حكومتهم', 'حكومه'],
  ['pronoun -ha', 'بتجارتها', 'تجاره'],
  ['nisba', 'السعودية', 'سعودي'],
  ['root waw kept', 'الوزارة', 'وزاره'],
];

describe('lightStems: variants meet on a shared stem', () => {
  it.each(shared)('%s: %s ∋ %s', (_label, word, stem) => {
    expect([foldText(word), ...stems(word)]).toContain(stem);
  });
});

const untouched: Array<[string, string]> = [
  ['three letters', 'بيت'],
  ['name', 'علي'],
  ['short with waw', 'وقت'],
  ['Latin', 'neom'],
  ['number', '2015'],
];

describe('lightStems: short words and names survive', () => {
  it.each(untouched)('%s: %s has no stems', (_label, word) => {
    expect(stems(word)).toEqual([]);
  });

  it('does not strip teh marbuta or a bare yeh', () => {
    expect(stems('انتفاضة')).not.toContain('انتفاض');
    expect(stems('يتعدى')).not.toContain('يتعد');
  });

  it('keeps at least three letters after a single-letter proclitic', () => {
    for (const s of stems('وجد')) expect(s.length).toBeGreaterThanOrEqual(3);
  });
});

describe('withTehMarbuta', () => {
  it('puts ة back into the folded word', () => {
    expect(withTehMarbuta('مدرسة', 'مدرسه')).toBe('مدرسة');
    expect(withTehMarbuta('كتابه', 'كتابه')).toBe('كتابه');
  });
});
