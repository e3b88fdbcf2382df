/**
 * The reader's head of a very long article (issue 13): the first stretch of its text and the
 * paragraphs in it, stored apart from the text, so the reader paints the start of a 50 MB article
 * without first reading 50 MB out of IndexedDB (which takes seconds whatever the value's form).
 * A head is derived data: the stored text never changes, so a head is written once (at import, or
 * when the reader first reads the whole text) and can always be made again from the text.
 */
import type { ArticleText, TextRange } from '../model';

/** Articles longer than this (UTF-16 code units) get a head. */
export const HEAD_MIN_CHARS = 512 * 1024;
/** About this many characters of text go into a head (cut at the next space or line break). */
export const HEAD_CHARS = 64 * 1024;

export interface ReaderHead {
  id: string;
  /** A prefix of the stored text. */
  text: string;
  titleRange?: TextRange;
  /** The body paragraphs that start in `text`, the last one cut at the head's end. */
  paragraphs: TextRange[];
  /** The whole text's length. */
  length: number;
}

/** The head of `t`, or undefined when the text is short enough to be read whole. */
export function readerHead(t: ArticleText): ReaderHead | undefined {
  if (t.text.length <= HEAD_MIN_CHARS) return undefined;
  let end = Math.max(HEAD_CHARS, t.titleRange?.end ?? 0);
  const limit = Math.min(t.text.length, end + 4096);
  while (end < limit && t.text.charCodeAt(end) !== 32 && t.text.charCodeAt(end) !== 10) end++;
  if ((t.text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--; // never split a surrogate pair
  const paragraphs: TextRange[] = [];
  for (const p of t.paragraphs) {
    if (p.start >= end) break;
    paragraphs.push({ start: p.start, end: Math.min(p.end, end) });
  }
  return {
    id: t.id,
    text: t.text.slice(0, end),
    ...(t.titleRange ? { titleRange: t.titleRange } : {}),
    paragraphs,
    length: t.text.length,
  };
}

/** The heads of those of `texts` long enough to need one (a batch being stored). */
export function headsOf(texts: readonly ArticleText[]): ReaderHead[] {
  return texts.flatMap((t) => readerHead(t) ?? []);
}

/** Whether `head` is the head of `text` (same length, same prefix): a stale or foreign head is not. */
export function isHeadOf(head: ReaderHead, text: string): boolean {
  return head.length === text.length && text.startsWith(head.text);
}
