/**
 * Hits inside one article, on the ORIGINAL text (tashkeel and all): every hit for opening a result
 * or find-in-article (Ctrl+F), and a snippet around the best hit for the result list. Matching uses
 * the index's own rules (same folding, pipeline and stems), so whatever the index found is shown.
 */
import type { Snippet } from './api';
import { findAll } from './find-text';

export { findAll };

export interface SnippetOptions {
  strict?: boolean;
  /** Snippet length in characters (default 180). */
  maxChars?: number;
  /** Start of the searchable part (e.g. after the title); default 0. */
  from?: number;
}

/**
 * A window of `text` around the best hit (the one with most hits after it within the window),
 * snapped to word boundaries, with highlight ranges relative to the snippet. Without hits, the
 * start of the text. Never throws.
 */
export function snippet(text: string, query: string, options: SnippetOptions = {}): Snippet {
  const max = options.maxChars ?? 180;
  const from = Math.max(0, Math.min(options.from ?? 0, text.length));
  const hits = findAll(text, query, options).filter((h) => h.start >= from);
  let anchor = from;
  let best = -1;
  for (let i = 0; i < hits.length; i++) {
    let n = 0;
    while (i + n < hits.length && hits[i + n]!.end <= hits[i]!.start + max) n++;
    if (n > best) {
      best = n;
      anchor = hits[i]!.start;
    }
  }
  // Some context before the hit, but never more than a quarter of the window.
  let start = hits.length > 0 ? Math.max(from, anchor - Math.floor(max / 4)) : from;
  if (start > from) {
    const space = nextSpace(text, start);
    if (space < anchor) start = space + 1;
  }
  let end = Math.min(text.length, start + max);
  if (end < text.length) {
    const space = previousSpace(text, end);
    if (space > anchor) end = space;
  }
  const highlights = hits
    .filter((h) => h.start >= start && h.end <= end)
    .map((h) => ({ start: h.start - start, end: h.end - start }));
  return { text: text.slice(start, end), offset: start, highlights };
}

const isSpace = (c: string): boolean => c === ' ' || c === '\n' || c === '\t';

function nextSpace(text: string, i: number): number {
  while (i < text.length && !isSpace(text[i]!)) i++;
  return i;
}

function previousSpace(text: string, i: number): number {
  while (i > 0 && !isSpace(text[i]!)) i--;
  return i;
}
