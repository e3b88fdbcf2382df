import { describe, it, expect } from 'vitest';
import {
  buildBlocks,
  blockSteps,
  heightSteps,
  windowAround,
  blockAtOffset,
  blockOfParagraph,
  estimateHeights,
  blockAtHeight,
  isWhole,
  BLOCK_CHARS,
  MAX_SCROLL_PX,
} from '../../../renderer/ui/reader/windowing';
import { DecorationIndex, segment } from '../../../renderer/ui/reader/decorate';

describe('reader windowing (issue 13)', () => {
  it('cuts a single 5 MB line into blocks at spaces, covering every character once', () => {
    const text = 'كلمة '.repeat(1_000_000);
    const b = buildBlocks(text, [{ start: 0, end: text.length }]);
    expect(b.count).toBeGreaterThan(2000);
    let at = 0;
    for (let i = 0; i < b.count; i++) {
      expect(b.start[i]).toBe(at);
      expect(b.end[i]! - b.start[i]!).toBeLessThanOrEqual(BLOCK_CHARS);
      if (i + 1 < b.count) expect(text[b.end[i]! - 1]).toBe(' ');
      at = b.end[i]!;
    }
    expect(at).toBe(text.length);
    expect(isWhole(b)).toBe(false);
    const w = windowAround(b, b.count - 1);
    expect(w.to).toBe(b.count);
    expect(w.to - w.from).toBeLessThan(200);
  });

  it('keeps a surrogate pair whole when a block has no space to cut at', () => {
    const text = '😀'.repeat(3000);
    const b = buildBlocks(text, [{ start: 0, end: text.length }]);
    for (let i = 0; i < b.count; i++) expect(b.start[i]! % 2).toBe(0);
  });

  it('a million paragraphs: lookups by offset, paragraph and height; scroll height capped', () => {
    const paragraphs = Array.from({ length: 1_000_000 }, (_, i) => ({ start: i * 10, end: i * 10 + 8 }));
    const b = buildBlocks('x'.repeat(10_000_000), paragraphs);
    expect(b.count).toBe(1_000_000);
    expect(blockAtOffset(b, 5_000_003)).toBe(500_000);
    expect(blockOfParagraph(b, 999_999)).toBe(999_999);
    const prefix = estimateHeights(b, 20, 1.9, 70);
    expect(prefix[b.count]).toBeLessThanOrEqual(MAX_SCROLL_PX + 1);
    expect(blockAtHeight(prefix, prefix[b.count]!)).toBe(999_999);
    expect(blockAtHeight(prefix, prefix[400_000]! + 0.01)).toBe(400_000);
  });

  it('blockSteps builds the same blocks as buildBlocks, pausing after each slice', () => {
    const line = 'كلمة '.repeat(100_000);
    const text = `${line}\n\n${'فقرة قصيرة\n\n'.repeat(30_000)}`;
    const paragraphs = [{ start: 0, end: line.length - 1 }];
    for (let at = line.length + 1; at + 10 <= text.length; at += 12) paragraphs.push({ start: at, end: at + 10 });
    const steps = blockSteps(text, paragraphs, 5000);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    const whole = buildBlocks(text, paragraphs);
    expect(r.value).toEqual(whole);
    // Every slice is at most 5,000 paragraphs (counting) or blocks (cutting).
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(paragraphs.length / 5000) + Math.floor(whole.count / 5000));
    // Heights in slices too, the same sums (scaled down here: 30,000 paragraphs at 200 px exceed the cap).
    const heights = heightSteps(whole, 200, 2, 70, 5000);
    let h = heights.next();
    for (pauses = 0; !h.done; h = heights.next()) pauses++;
    expect(h.value).toEqual(estimateHeights(whole, 200, 2, 70));
    expect(h.value[whole.count]).toBeCloseTo(MAX_SCROLL_PX);
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(whole.count / 5000) * 2);
  });

  it('a short article is one window with every paragraph', () => {
    const b = buildBlocks('abc def', [
      { start: 0, end: 3 },
      { start: 4, end: 7 },
    ]);
    expect(windowAround(b, 1)).toEqual({ from: 0, to: 2 });
  });

  it('DecorationIndex returns what segment() would find by scanning, for any block', () => {
    const decos = Array.from({ length: 500 }, (_, i) => ({
      start: (i * 37) % 5000,
      end: ((i * 37) % 5000) + (i % 7) * 40,
      kind: 'hit',
      id: String(i),
    }));
    const index = new DecorationIndex(decos);
    for (let s = 0; s < 5200; s += 97) {
      const range = { start: s, end: s + 150 };
      const ids = (list: { id?: string }[]) => list.map((d) => d.id).sort();
      expect(ids(index.within(range))).toEqual(
        ids(decos.filter((d) => d.end > range.start && d.start < range.end && d.end > d.start)),
      );
      expect(segment(range, index.within(range)).length).toBeGreaterThan(0);
    }
  });
});
