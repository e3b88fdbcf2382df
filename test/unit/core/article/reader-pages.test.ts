import { describe, expect, it } from 'vitest';
import { HEAD_MIN_CHARS } from '../../../../renderer/core/article/reader-head';
import {
  PAGE_CHARS,
  PageAssembler,
  readerPages,
  type ReaderPage,
} from '../../../../renderer/core/article/reader-pages';
import { longText } from '../../support/long-text';

function assemble(pages: (ReaderPage | undefined)[], id = 'x') {
  const a = new PageAssembler(id);
  for (const p of pages) if (!a.add(p)) return undefined;
  return a.result();
}

describe('readerPages', () => {
  it('is undefined for an article short enough to be read whole', () => {
    expect(readerPages(longText(10, 10))).toBeUndefined();
  });

  it('cuts a single 1.2M-character line into pages that put back the exact text and paragraph', () => {
    const t = longText(1, HEAD_MIN_CHARS / 2);
    const pages = readerPages(t)!;
    expect(pages.length).toBe(Math.ceil(t.text.length / PAGE_CHARS));
    expect(pages.every((p) => p.count === pages.length && p.length === t.text.length)).toBe(true);
    expect(pages.slice(0, -1).every((p) => p.text.length === PAGE_CHARS)).toBe(true);
    // The one paragraph starts in page 0 and is stored there only, with its end far in the last page.
    expect([...pages[0]!.paragraphs]).toEqual([t.paragraphs[0]!.start, t.paragraphs[0]!.end]);
    expect(pages.slice(1).every((p) => p.paragraphs.length === 0)).toBe(true);
    const whole = assemble(pages)!;
    expect(whole.text).toBe(t.text);
    expect(whole.paragraphs).toEqual(t.paragraphs);
  });

  it('keeps every one of many short paragraphs, each in the page where it starts', () => {
    const t = longText(40_000, 2);
    const pages = readerPages(t)!;
    expect(pages.length).toBeGreaterThan(2);
    const outside = pages.flatMap((p) =>
      [...p.paragraphs].filter((x, i) => i % 2 === 0 && (x < p.start || x >= p.start + p.text.length)),
    );
    expect(outside).toEqual([]);
    const whole = assemble(pages)!;
    expect(whole.text).toBe(t.text);
    expect(whole.paragraphs).toEqual(t.paragraphs);
  });

  it('never splits a surrogate pair between pages', () => {
    // An astral character (two code units) at every odd offset puts one across each PAGE_CHARS boundary.
    const t = longText(1, HEAD_MIN_CHARS / 2, '𝐀');
    const pages = readerPages(t)!;
    expect(pages.some((p) => p.n < pages.length - 1 && p.text.length === PAGE_CHARS - 1)).toBe(true);
    for (const p of pages) {
      expect((p.text.charCodeAt(p.text.length - 1) & 0xfc00) === 0xd800).toBe(false);
      expect((p.text.charCodeAt(0) & 0xfc00) === 0xdc00).toBe(false);
    }
    expect(assemble(pages)!.text).toBe(t.text);
  });
});

describe('PageAssembler', () => {
  const pages = readerPages(longText(1, HEAD_MIN_CHARS / 2))!;

  it('refuses a missing, repeated, out-of-order or foreign page: no result then', () => {
    expect(assemble([pages[0], undefined])).toBeUndefined();
    expect(assemble([pages[0], pages[0]])).toBeUndefined();
    expect(assemble([pages[0], pages[2]])).toBeUndefined();
    expect(assemble(pages, 'other')).toBeUndefined();
    expect(assemble([{ ...pages[0]!, n: 1 }])).toBeUndefined();
  });

  it('has no result before the last page, nor when a page disagrees on the length or count', () => {
    const a = new PageAssembler('x');
    a.add(pages[0]);
    expect(a.done).toBe(false);
    expect(a.result()).toBeUndefined();
    expect(a.wanted).toBe(1);
    expect(assemble([pages[0], { ...pages[1]!, length: 7 }])).toBeUndefined();
    expect(assemble([pages[0], { ...pages[1]!, count: 99 }])).toBeUndefined();
    const short = pages.map((p) => ({ ...p, text: p.n === pages.length - 1 ? p.text.slice(1) : p.text }));
    expect(assemble(short)).toBeUndefined();
  });
});
