import { describe, expect, it } from 'vitest';
import { tokenize, numberWithoutSeparators, isNumberToken } from '../../../../renderer/core/arabic/tokenize';

const cases: Array<[string, string, string[]]> = [
  ['Arabic comma without space', 'الرياض،جدة', ['الرياض', 'جده']],
  ['semicolon and question mark', 'هل وصل؟ نعم؛ وصل', ['هل', 'وصل', 'نعم', 'وصل']],
  ['guillemets', '«رؤية ٢٠٣٠»', ['رويه', '2030']],
  ['thousands separator kept whole', 'بلغت 34,502 ريال', ['بلغت', '34,502', 'ريال']],
  ['decimal kept whole', 'نمو 1.5 بالمئة', ['نمو', '1.5', 'بالميه']],
  ['Arabic separators in numbers; letters and digits split', '٣٤٬٥٠٢ و١٫٥', ['34,502', 'و', '1.5']],
  ['full stop after a number', 'عام 2015.', ['عام', '2015']],
  ['Latin words, lower-cased', 'NEOM Smart-City', ['neom', 'smart', 'city']],
  ['tashkeel inside a word', 'المُدَرِّسُ', ['المدرس']],
  ['empty', ' ، . ', []],
];

describe('tokenize', () => {
  it.each(cases)('%s', (_label, input, expected) => {
    expect(tokenize(input).map((t) => t.text)).toEqual(expected);
  });

  it('gives original offsets that cover tashkeel', () => {
    const text = 'قال المُدَرِّسُ: ٣٤٬٥٠٢';
    const [, teacher, number] = tokenize(text);
    expect(text.slice(teacher!.start, teacher!.end)).toBe('المُدَرِّسُ');
    expect(text.slice(number!.start, number!.end)).toBe('٣٤٬٥٠٢');
  });

  it('strict mode keeps letters exactly', () => {
    expect(tokenize('آذار السیطرة', { strict: true }).map((t) => t.text)).toEqual(['آذار', 'السیطرة']);
  });
});

describe('number helpers', () => {
  it.each([
    ['34,502', '34502'],
    ['1.5', null],
    ['2,6', null],
    ['1,234,567', '1234567'],
    ['1300', null],
    ['كلمة', null],
  ])('%s → %s', (input, expected) => {
    expect(numberWithoutSeparators(input)).toBe(expected);
  });

  it('recognises number tokens', () => {
    expect(isNumberToken('2015')).toBe(true);
    expect(isNumberToken('عام')).toBe(false);
  });
});
