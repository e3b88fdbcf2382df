import { describe, expect, it } from 'vitest';
import { foldArabic, foldText, toOriginalRange } from '../../../../renderer/core/arabic/normalize';

const loose: Array<[string, string, string]> = [
  ['Farsi yeh', 'السیطرة', 'السيطره'],
  ['alef madda', 'آذار', 'اذار'],
  ['alef hamza above', 'أذار', 'اذار'],
  ['alef hamza below', 'إعلان', 'اعلان'],
  ['alef wasla', 'ٱلرحمن', 'الرحمن'],
  ['tanween + Farsi yeh', 'تقییماً', 'تقييما'],
  ['hamza on waw', 'المؤيدة', 'المويده'],
  ['hamza on yeh', 'رئيس', 'رييس'],
  ['alef maqsura', 'مستشفى', 'مستشفي'],
  ['teh marbuta', 'مدرسة', 'مدرسه'],
  ['keheh', 'کتاب', 'كتاب'],
  ['tashkeel and shadda', 'مُدَرِّسَةٌ', 'مدرسه'],
  ['tatweel', 'الســـلام', 'السلام'],
  ['Arabic-Indic digits', '١٣٠٠', '1300'],
  ['extended digits', '۱۳۰۰', '1300'],
  ['Arabic separators', '٣٤٬٥٠٢ و١٫٥', '34,502 و1.5'],
  ['Latin case', 'NEOM Project', 'neom project'],
  ['zero-width and bidi marks', 'جدة\u200c\u200f', 'جده'],
  ['lam-alef ligature', '\ufefb', 'لا'],
];

describe('foldArabic (loose)', () => {
  it.each(loose)('%s: %s → %s', (_label, input, expected) => {
    const folded = foldArabic(input);
    expect(folded.text).toBe(expected);
    expect(foldText(input)).toBe(expected);
    expect(folded.map.length).toBe(folded.text.length + 1);
    expect(folded.map[folded.text.length]).toBe(input.length);
  });
});

const strict: Array<[string, string, string]> = [
  ['keeps alef madda', 'آذار', 'آذار'],
  ['keeps Farsi yeh', 'السیطرة', 'السیطرة'],
  ['drops tashkeel only', 'آذَارُ', 'آذار'],
  ['keeps Arabic digits', '١٣٠٠', '١٣٠٠'],
  ['lower-cases Latin', 'NEOM', 'neom'],
  ['drops tatweel', 'رمـــضان', 'رمضان'],
];

describe('foldArabic (strict)', () => {
  it.each(strict)('%s: %s → %s', (_label, input, expected) => {
    expect(foldArabic(input, { strict: true }).text).toBe(expected);
    expect(foldText(input, { strict: true })).toBe(expected);
  });
});

describe('offset map', () => {
  it('maps a folded word back over its tashkeel', () => {
    const original = 'قال المُدَرِّسُ كلمة';
    const { text, map } = foldArabic(original);
    const start = text.indexOf('المدرس');
    const range = toOriginalRange(map, start, start + 'المدرس'.length);
    expect(original.slice(range.start, range.end)).toBe('المُدَرِّسُ');
  });

  it('maps every folded char to an original position of the same letter family', () => {
    const original = 'أذار ١٣٠٠';
    const { text, map } = foldArabic(original);
    expect(text).toBe('اذار 1300');
    expect(Array.from(map)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('keeps a ligature whole when the range ends inside its expansion', () => {
    const original = 'a\ufefbb';
    const { text, map } = foldArabic(original);
    expect(text).toBe('aلاb');
    expect(toOriginalRange(map, 1, 2)).toEqual({ start: 1, end: 2 });
  });

  it('clamps out-of-range input', () => {
    const { map } = foldArabic('سلام');
    expect(toOriginalRange(map, -5, 99)).toEqual({ start: 0, end: 4 });
    expect(toOriginalRange(map, 3, 1)).toEqual({ start: 3, end: 3 });
  });
});
