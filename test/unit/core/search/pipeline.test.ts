import { describe, expect, it } from 'vitest';
import lunr from 'lunr';
import {
  analyze,
  arabicTokenizer,
  createArabicPipeline,
  warraqFold,
  warraqNumber,
  warraqStem,
  warraqStopWord,
} from '../../../../renderer/core/search/pipeline';

const run = (fn: lunr.PipelineFunction, word: string): string[] => {
  const out = fn(new lunr.Token(word, {}), 0, []);
  if (out === null || out === undefined) return [];
  return (Array.isArray(out) ? out : [out]).map((t) => t.toString());
};

describe('warraqStopWord', () => {
  it.each([
    ['في', []],
    ['على', []],
    ['علي', ['علي']],
    ['the', []],
    ['الرياض', ['الرياض']],
  ])('%s → %j', (word, expected) => expect(run(warraqStopWord, word)).toEqual(expected));
});

describe('warraqFold', () => {
  it.each([
    ['السیطرة', 'السيطره'],
    ['آذار', 'اذار'],
    ['المؤيدة', 'المويده'],
    ['١٣٠٠', '1300'],
    ['مکتبة', 'مكتبه'],
  ])('%s → %s', (word, expected) => expect(run(warraqFold, word)).toEqual([expected]));
});

describe('warraqNumber', () => {
  it.each([
    ['34,502', ['34,502', '34502']],
    ['1.5', ['1.5']],
    ['2015', ['2015']],
  ])('%s → %j', (word, expected) => expect(run(warraqNumber, word)).toEqual(expected));
});

describe('warraqStem', () => {
  it.each([
    ['والتحالف', ['والتحالف', 'تحالف']],
    ['بيت', ['بيت']],
    ['neom', ['neom']],
  ])('%s → %j', (word, expected) => expect(run(warraqStem, word)).toEqual(expected));
});

describe('the whole pipeline', () => {
  it('never uses lunr defaults that delete Arabic', () => {
    const p = createArabicPipeline();
    const labels = p.toJSON() as unknown as string[];
    expect(labels).toEqual(['warraqStopWord', 'warraqFold', 'warraqNumber', 'warraqStem']);
  });

  it('analyses a sentence into surfaces and stems, without stop words', () => {
    expect(analyze('أعلن التحالف في الرياض، عن ٣٤٬٥٠٢ ريال')).toEqual([
      'اعلن',
      'التحالف',
      'تحالف',
      'الرياض',
      'رياض',
      '34,502',
      '34502',
      'ريال',
    ]);
  });

  it('tokenizes strictly, keeping the spelling', () => {
    expect(arabicTokenizer('آذارُ، ١٣٠٠').map(String)).toEqual(['آذار', '١٣٠٠']);
  });
});
