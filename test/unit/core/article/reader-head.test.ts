import { describe, expect, it } from 'vitest';
import { HEAD_CHARS, HEAD_MIN_CHARS, isHeadOf, readerHead } from '../../../../renderer/core/article/reader-head';
import { longText } from '../../support/long-text';

describe('readerHead', () => {
  it('is undefined for an article short enough to be read whole', () => {
    expect(readerHead(longText(10, 10))).toBeUndefined();
  });

  it('is a prefix of the text cut at a space, with the paragraphs that start in it', () => {
    const t = longText(1, HEAD_MIN_CHARS / 4); // one paragraph of ~1.25M characters
    const h = readerHead(t)!;
    expect(h.length).toBe(t.text.length);
    expect(t.text.startsWith(h.text)).toBe(true);
    expect(h.text.length).toBeGreaterThanOrEqual(HEAD_CHARS);
    expect(h.text.length).toBeLessThan(HEAD_CHARS + 4096);
    expect(t.text[h.text.length]).toBe(' ');
    expect(h.paragraphs).toEqual([{ start: t.paragraphs[0]!.start, end: h.text.length }]);
    expect(isHeadOf(h, t.text)).toBe(true);
    expect(isHeadOf(h, t.text.slice(1))).toBe(false);
  });

  it('keeps whole paragraphs whole and cuts only the last one', () => {
    const t = longText(40_000, 3);
    const h = readerHead(t)!;
    const n = h.paragraphs.length;
    expect(n).toBeGreaterThan(100);
    expect(h.paragraphs.slice(0, n - 1)).toEqual(t.paragraphs.slice(0, n - 1));
    expect(h.paragraphs[n - 1]!.start).toBe(t.paragraphs[n - 1]!.start);
    expect(h.paragraphs[n - 1]!.end).toBeLessThanOrEqual(h.text.length);
  });
});
