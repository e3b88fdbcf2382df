/**
 * Hits inside one article, on the ORIGINAL text (tashkeel and all): every hit for opening a result
 * or find-in-article (Ctrl+F), and a snippet around the best hit for the result list. Matching uses
 * the index's own rules (same folding, pipeline and stems), so whatever the index found is shown.
 */
import lunr from 'lunr';
import type { TextRange } from '../model';
import type { Snippet } from './api';
import { foldArabic, foldText } from '../arabic/normalize';
import { scanTokens } from '../arabic/tokenize';
import { createArabicPipeline } from './pipeline';
import { parseQuery } from './query';
import { isStopOnly, planQuery, type TermPlan } from './plan';

interface ArticleToken {
  strict: string;
  loose: string;
  start: number;
  end: number;
}

const pipeline = createArabicPipeline();

function articleTokens(text: string): ArticleToken[] {
  const { text: folded, map } = foldArabic(text, { strict: true });
  const b = scanTokens(folded);
  const out: ArticleToken[] = [];
  for (let i = 0; i < b.length; i += 2) {
    const s = b[i]!;
    const e = b[i + 1]!;
    const strict = folded.slice(s, e);
    const next = map[e]!;
    const prev = map[e - 1]!;
    out.push({ strict, loose: foldText(strict), start: map[s]!, end: next > prev ? next : prev + 1 });
  }
  return out;
}

/** Index terms of one token (surface, bare number, stems), cached per spelling. */
function termsOf(token: ArticleToken, cache: Map<string, string[]>): string[] {
  let terms = cache.get(token.strict);
  if (!terms) {
    terms = pipeline.run([new lunr.Token(token.strict, {})]).map((t) => t.toString());
    cache.set(token.strict, terms);
  }
  return terms;
}

type Matcher = (tokens: ArticleToken[], i: number) => number;

/** A matcher returns how many tokens match starting at i (0 = no match). */
function matcherFor(t: TermPlan, strict: boolean, cache: Map<string, string[]>): Matcher {
  if (t.kind === 'prefix') {
    const w = t.words[0]!;
    return (tokens, i) => {
      const tok = tokens[i]!;
      if (strict) return tok.strict.startsWith(w.strict) ? 1 : 0;
      return tok.loose.startsWith(w.loose) || termsOf(tok, cache).some((x) => x.startsWith(w.loose)) ? 1 : 0;
    };
  }
  if (t.kind === 'phrase' || isStopOnly(t)) {
    return (tokens, i) => {
      if (i + t.words.length > tokens.length) return 0;
      const ok = t.words.every((w, k) =>
        strict ? tokens[i + k]!.strict === w.strict : tokens[i + k]!.loose === w.loose,
      );
      return ok ? t.words.length : 0;
    };
  }
  const w = t.words[0]!;
  const wanted = new Set(w.expansions.map((e) => e.term));
  return (tokens, i) => {
    const tok = tokens[i]!;
    if (strict) return tok.strict === w.strict ? 1 : 0;
    return wanted.has(tok.loose) || termsOf(tok, cache).some((x) => wanted.has(x)) ? 1 : 0;
  };
}

/**
 * Every hit of the query's positive terms in `text`, as sorted, non-overlapping ranges of the
 * original text (a phrase is one range). Excluded terms and filters are ignored; common words are
 * highlighted only where the query has nothing else. Empty when nothing matches; never throws.
 */
export function findAll(text: string, query: string, options: { strict?: boolean } = {}): TextRange[] {
  const strict = options.strict === true;
  const plan = planQuery(parseQuery(query), strict);
  const terms = plan.groups.flat();
  const useful = terms.some((t) => !isStopOnly(t)) ? terms.filter((t) => !isStopOnly(t)) : terms;
  if (useful.length === 0) return [];
  const cache = new Map<string, string[]>();
  const matchers = useful.map((t) => matcherFor(t, strict, cache));
  const tokens = articleTokens(text);
  const out: TextRange[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let len = 0;
    for (const m of matchers) len = Math.max(len, m(tokens, i));
    if (len === 0) continue;
    const range = { start: tokens[i]!.start, end: tokens[i + len - 1]!.end };
    const last = out[out.length - 1];
    if (last && range.start < last.end) last.end = Math.max(last.end, range.end);
    else out.push(range);
    i += len - 1;
  }
  return out;
}

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
