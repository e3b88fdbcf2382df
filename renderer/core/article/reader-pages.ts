/**
 * The reader's pages of a very long article (issue 13): its text cut into rows of about PAGE_CHARS,
 * each with the paragraph ranges that start in it packed in a Uint32Array. Reading a 50 MB text as one
 * IndexedDB value is one main-thread task of seconds (the value is deserialised at once, and a
 * million `{start, end}` objects with it); read page by page, each task is a few milliseconds.
 * Pages are derived data like heads (reader-head.ts): the `texts` row stays the source of truth, a
 * text never changes, and pages can always be made again from it.
 */
import type { ArticleText, TextRange } from '../model';
import { HEAD_MIN_CHARS } from './reader-head';

/** About this many characters (UTF-16 code units) of text per page. */
export const PAGE_CHARS = 256 * 1024;

export interface ReaderPage {
  /** The article's id. */
  id: string;
  /** 0-based page number. */
  n: number;
  /** How many pages the article has. */
  count: number;
  /** Offset of `text` in the whole text. */
  start: number;
  text: string;
  /** `start, end` pairs (whole-text offsets) of the paragraphs starting in this page. */
  paragraphs: Uint32Array;
  /** The whole text's length. */
  length: number;
}

/** Where the pages of `text` end (exclusive offsets), never splitting a surrogate pair. */
function pageEnds(text: string): number[] {
  const ends: number[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + PAGE_CHARS);
    if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
    ends.push(end);
    at = end;
  }
  return ends;
}

/** The pages of `t`, or undefined when the text is short enough to be read whole (no head either). */
export function readerPages(t: ArticleText): ReaderPage[] | undefined {
  if (t.text.length <= HEAD_MIN_CHARS) return undefined;
  const ends = pageEnds(t.text);
  const pages: ReaderPage[] = [];
  let p = 0;
  let start = 0;
  ends.forEach((end, n) => {
    const first = p;
    while (p < t.paragraphs.length && t.paragraphs[p]!.start < end) p++;
    const packed = new Uint32Array((p - first) * 2);
    for (let i = first; i < p; i++) {
      packed[(i - first) * 2] = t.paragraphs[i]!.start;
      packed[(i - first) * 2 + 1] = t.paragraphs[i]!.end;
    }
    pages.push({
      id: t.id,
      n,
      count: ends.length,
      start,
      text: t.text.slice(start, end),
      paragraphs: packed,
      length: t.text.length,
    });
    start = end;
  });
  return pages;
}

/** The pages of those of `texts` long enough to need them (a batch being stored). */
export function pagesOf(texts: readonly ArticleText[]): ReaderPage[] {
  return texts.flatMap((t) => readerPages(t) ?? []);
}

/**
 * Puts pages read one at a time, in order, back together. `add` refuses (returns false) a page that is
 * not the next one of the same article; `done` is true once the last page is in; `result` is the whole
 * text and its paragraphs then, undefined before (a missing or foreign page means: read the text whole).
 */
export class PageAssembler {
  private readonly parts: string[] = [];
  private readonly ranges: TextRange[] = [];
  private next = 0;
  private at = 0;
  private count = -1;
  private length = -1;

  constructor(private readonly id: string) {}

  add(page: ReaderPage | undefined): boolean {
    if (!page || page.id !== this.id || page.n !== this.next || page.start !== this.at) return false;
    if (this.next === 0) {
      this.count = page.count;
      this.length = page.length;
    } else if (page.count !== this.count || page.length !== this.length) return false;
    if (this.next >= this.count) return false;
    this.parts.push(page.text);
    const p = page.paragraphs;
    for (let i = 0; i + 1 < p.length; i += 2) this.ranges.push({ start: p[i]!, end: p[i + 1]! });
    this.next++;
    this.at += page.text.length;
    return true;
  }

  get done(): boolean {
    return this.next > 0 && this.next === this.count && this.at === this.length;
  }

  /** The next page number to read. */
  get wanted(): number {
    return this.next;
  }

  result(): { text: string; paragraphs: TextRange[] } | undefined {
    if (!this.done) return undefined;
    return { text: this.parts.join(''), paragraphs: this.ranges };
  }
}
