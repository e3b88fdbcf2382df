/**
 * Anchor W3C selectors back to offsets in an article's stored text, cheapest first (Hypothesis'
 * order): the position, verified against the quote; an exact quote search, disambiguated by prefix,
 * suffix and nearness to the old position; then a fuzzy match on Arabic-folded text. Never throws:
 * what cannot be placed comes back as an orphan that keeps its quote.
 */
import type { Selector, TextQuoteSelector } from '../model';
import { affixSimilarity, contextSimilarity, nearness, pickBest, round } from './distance';
import { positionOf, quoteOf } from './describe';
import { fuzzyQuote } from './fuzzy';

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface Anchored {
  orphan: false;
  start: number;
  end: number;
  method: AnchorMethod;
  /** Confidence 0..1: 1 for a verified position, 0.9–1 for an exact quote, lower for fuzzy. */
  score: number;
}

export interface Orphaned {
  orphan: true;
  /** The quote the annotation was made on ('' when it had none), shown in place of a highlight. */
  quote: string;
}

export type AnchorResult = Anchored | Orphaned;

export interface AnchorOptions {
  /** Largest share of the folded quote that may differ in a fuzzy match (default 0.25). */
  maxErrorRate?: number;
}

/**
 * Places `selectors` in `text`. Returns an `Anchored` range or, when neither the position nor the
 * quote can be found, `{orphan: true, quote}`. Never throws, whatever the input.
 */
export function anchor(text: string, selectors: readonly Selector[], options: AnchorOptions = {}): AnchorResult {
  let quote = '';
  try {
    const list = Array.isArray(selectors) ? selectors : [];
    const q = quoteOf(list);
    quote = typeof q?.exact === 'string' ? q.exact : '';
    const hint = byPosition(text, list, q);
    if (hint.anchored) return hint.anchored;
    if (!q || !quote) return { orphan: true, quote };
    return (
      exactQuote(text, q, hint.near) ??
      fuzzyQuote(text, q, hint.near, options.maxErrorRate ?? 0.25) ?? { orphan: true, quote }
    );
  } catch {
    return { orphan: true, quote };
  }
}

/** `anchor` for every selector list of one article; shares the folded text between them. */
export function anchorAll(
  text: string,
  selectorLists: readonly (readonly Selector[])[],
  options: AnchorOptions = {},
): AnchorResult[] {
  return selectorLists.map((s) => anchor(text, s, options));
}

interface PositionHint {
  anchored?: Anchored;
  /** Where the annotation used to start, to prefer the nearest of several matches. */
  near?: number;
}

function byPosition(text: string, selectors: readonly Selector[], q: TextQuoteSelector | undefined): PositionHint {
  const p = positionOf(selectors);
  if (!p || !Number.isInteger(p.start) || !Number.isInteger(p.end)) return {};
  const inBounds = p.start >= 0 && p.start <= p.end && p.end <= text.length;
  if (!inBounds) return { near: Math.max(0, Math.min(text.length, p.start)) };
  if (!q) return { anchored: { orphan: false, start: p.start, end: p.end, method: 'position', score: 0.5 } };
  if (text.slice(p.start, p.end) === q.exact) {
    return { anchored: { orphan: false, start: p.start, end: p.end, method: 'position', score: 1 } };
  }
  return { near: p.start };
}

/** Hits beyond this many are not scored: a quote repeated 1,000 times carries no information. */
const MAX_EXACT_HITS = 1000;

function exactQuote(text: string, q: TextQuoteSelector, near: number | undefined): Anchored | undefined {
  const hits: number[] = [];
  for (let i = text.indexOf(q.exact); i >= 0 && hits.length < MAX_EXACT_HITS; i = text.indexOf(q.exact, i + 1))
    hits.push(i);
  const len = q.exact.length;
  const rank = (ctx: (start: number) => number) => (start: number) =>
    0.9 * ctx(start) + 0.1 * nearness(text.length, start, near);
  const best = pickBest(
    hits,
    rank((s) => contextScore(text, q, s, s + len, true)),
    rank((s) => contextScore(text, q, s, s + len, false)),
  );
  if (!best) return undefined;
  const ctx = contextScore(text, q, best.item, best.item + len, false);
  return { orphan: false, start: best.item, end: best.item + len, method: 'quote', score: round(0.9 + 0.1 * ctx) };
}

function contextScore(text: string, q: TextQuoteSelector, start: number, end: number, cheap: boolean): number {
  const prefix = typeof q.prefix === 'string' ? q.prefix : '';
  const suffix = typeof q.suffix === 'string' ? q.suffix : '';
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  if (cheap) return (affixSimilarity(prefix, before, true) + affixSimilarity(suffix, after, false)) / 2;
  return (contextSimilarity(prefix, before) + contextSimilarity(suffix, after)) / 2;
}
