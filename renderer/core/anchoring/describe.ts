/**
 * Describe a range of an article's stored text as W3C Web Annotation selectors
 * (https://www.w3.org/TR/annotation-model/#text-quote-selector), the way Hypothesis stores them:
 * a cheap position and a quote with context that survives a changed text.
 */
import type { Selector, TextPositionSelector, TextQuoteSelector, TextRange } from '../model';

export interface DescribeOptions {
  /** Characters of prefix and suffix kept around the quote. 32 is Hypothesis' figure: enough to tell
   *  apart a repeated phrase, small enough to stay stable when a nearby word changes. */
  context?: number;
}

/** Clamps a range into the text, swaps reversed ends and never splits a surrogate pair. */
export function clampRange(text: string, start: number, end: number): TextRange {
  const n = text.length;
  let s = Math.max(0, Math.min(n, Math.trunc(Number.isFinite(start) ? start : 0)));
  let e = Math.max(0, Math.min(n, Math.trunc(Number.isFinite(end) ? end : 0)));
  if (e < s) [s, e] = [e, s];
  if (isLowSurrogate(text, s)) s--;
  if (isLowSurrogate(text, e)) e++;
  return { start: s, end: e };
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return i > 0 && c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Returns `[TextPositionSelector, TextQuoteSelector]` for `[start, end)` of `text`.
 * Out-of-range or reversed offsets are clamped (never throws); an empty range gives `exact: ''`.
 */
export function describe(text: string, start: number, end: number, options: DescribeOptions = {}): Selector[] {
  const context = Math.max(0, options.context ?? 32);
  const r = clampRange(text, start, end);
  const pre = clampRange(text, r.start - context, r.start);
  const post = clampRange(text, r.end, r.end + context);
  const position: TextPositionSelector = { type: 'TextPositionSelector', start: r.start, end: r.end };
  const quote: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: text.slice(r.start, r.end),
    prefix: text.slice(pre.start, r.start),
    suffix: text.slice(r.end, post.end),
  };
  return [position, quote];
}

/** The position selector among `selectors`, or undefined. */
export function positionOf(selectors: readonly Selector[]): TextPositionSelector | undefined {
  return selectors.find((s): s is TextPositionSelector => s?.type === 'TextPositionSelector');
}

/** The quote selector among `selectors`, or undefined. */
export function quoteOf(selectors: readonly Selector[]): TextQuoteSelector | undefined {
  return selectors.find((s): s is TextQuoteSelector => s?.type === 'TextQuoteSelector');
}

/**
 * 1-based number of the paragraph holding `offset` (the citation locator). An offset in the gap
 * between two paragraphs counts for the next one; before the first paragraph (e.g. in the title) or
 * after the last it returns undefined. Binary search: paragraphs are in text order.
 */
export function paragraphNumber(paragraphs: readonly TextRange[], offset: number): number | undefined {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = paragraphs[mid]!;
    if (offset < p.start) hi = mid - 1;
    else if (offset >= p.end) lo = mid + 1;
    else return mid + 1;
  }
  return lo > 0 && lo < paragraphs.length ? lo + 1 : undefined;
}
