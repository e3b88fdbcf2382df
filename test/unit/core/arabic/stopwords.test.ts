import { describe, expect, it } from 'vitest';
import { isStopWord } from '../../../../renderer/core/arabic/stopwords';

describe('isStopWord', () => {
  it.each(['في', 'من', 'على', 'إلى', 'الى', 'أن', 'التی', 'فِي', 'the', 'and'])('%s is a stop word', (w) => {
    expect(isStopWord(w)).toBe(true);
  });
  it.each(['علي', 'الرياض', 'السيطرة', 'neom', '2015'])('%s is not', (w) => {
    expect(isStopWord(w)).toBe(false);
  });
});
