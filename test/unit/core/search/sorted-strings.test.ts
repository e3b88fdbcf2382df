import { describe, expect, it } from 'vitest';
import { SortedStrings } from '../../../../renderer/core/search/sorted-strings';

const words = ['اذار', 'التحالف', 'تحالف', 'تحالفات', 'تحرير', 'جده'].sort();
const s = SortedStrings.fromSorted(words);

describe('SortedStrings', () => {
  it('finds entries and misses absent ones', () => {
    words.forEach((w, i) => expect(s.find(w)).toBe(i));
    expect(s.find('تحال')).toBe(-1);
    expect(s.find('zzz')).toBe(-1);
  });

  it('returns prefix ranges', () => {
    const [a, b] = s.prefixRange('تحال');
    expect(words.slice(a, b)).toEqual(['تحالف', 'تحالفات']);
    expect(s.prefixRange('غ')).toEqual([words.length, words.length]);
  });

  it('round-trips through its parts and rejects bad offsets', () => {
    const copy = SortedStrings.fromParts(s.joined, s.offsets);
    expect(copy.get(2)).toBe(words[2]);
    expect(() => SortedStrings.fromParts(s.joined, new Uint32Array([0, 3]))).toThrow(/corrupt/);
  });

  it('handles an empty list', () => {
    const e = SortedStrings.fromSorted([]);
    expect(e.length).toBe(0);
    expect(e.find('ا')).toBe(-1);
    expect(SortedStrings.fromParts(e.joined, e.offsets).length).toBe(0);
  });
});
