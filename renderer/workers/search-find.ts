/**
 * Hits inside one article's text and a snippet around the best one, with the engine's own folding,
 * query parser, planner and pipeline stages, so a highlight lands where the index matched — on the
 * ORIGINAL characters (tashkeel, Farsi yeh, Arabic-Indic digits and all).
 *
 * Adapter: the engine's `findAll`/`snippet` (core/search) had not landed when this was written; this
 * is a thin version over what core exports (tokenize, parseQuery, planQuery, analyze). Pure.
 */
import type { TextRange } from '../core/model';
import type { Snippet } from '../core/search/api';
import { tokenize, type WordToken } from '../core/arabic/tokenize';
import { parseQuery } from '../core/search/query';
import { planQuery, type TermPlan, type WordPlan } from '../core/search/plan';
import { analyze } from '../core/search/pipeline';
import { foldText } from '../core/arabic/normalize';

interface Tok extends WordToken {
  strict: string;
  terms: Set<string>;
}

/** Tokens of `text` with their strict spelling and index terms (surface, bare number, stems). */
function tokens(text: string): Tok[] {
  const loose = tokenize(text);
  const cache = new Map<string, Set<string>>();
  return loose.map((t) => {
    const strict = foldText(text.slice(t.start, t.end), { strict: true });
    let terms = cache.get(strict);
    if (!terms) {
      terms = new Set(analyze(strict));
      cache.set(strict, terms);
    }
    return { ...t, strict, terms };
  });
}

function wordMatches(tok: Tok, w: WordPlan, strict: boolean): boolean {
  if (strict) return tok.strict === w.strict;
  if (tok.text === w.loose) return true;
  return w.expansions.some((e) => tok.terms.has(e.term));
}

function termHits(toks: Tok[], t: TermPlan, strict: boolean, titleEnd: number): TextRange[] {
  const out: TextRange[] = [];
  const ok = (tok: Tok) => t.field !== 'title' || tok.end <= titleEnd;
  if (t.kind === 'prefix') {
    const w = t.words[0]!;
    for (const tok of toks) {
      const hit = strict ? tok.strict.startsWith(w.strict) : tok.text.startsWith(w.loose) || [...tok.terms].some((x) => x.startsWith(w.loose));
      if (hit && ok(tok)) out.push({ start: tok.start, end: tok.end });
    }
    return out;
  }
  if (t.kind === 'word') {
    for (const tok of toks) if (ok(tok) && wordMatches(tok, t.words[0]!, strict)) out.push({ start: tok.start, end: tok.end });
    return out;
  }
  // Phrase: consecutive tokens, each equal to the query word's folded (or strict) spelling.
  const n = t.words.length;
  for (let i = 0; i + n <= toks.length; i++) {
    let k = 0;
    while (k < n && (strict ? toks[i + k]!.strict === t.words[k]!.strict : toks[i + k]!.text === t.words[k]!.loose)) k++;
    if (k === n && ok(toks[i]!)) out.push({ start: toks[i]!.start, end: toks[i + n - 1]!.end });
  }
  return out;
}

/**
 * Every range of `text` the query's positive terms match (excluded terms and filters ignored),
 * sorted and non-overlapping, in offsets of `text`; empty when nothing matches. `titleEnd` bounds
 * `title:` terms. Never throws.
 */
export function findHits(text: string, query: string, options: { strict?: boolean; titleEnd?: number } = {}): TextRange[] {
  const strict = options.strict === true;
  const plan = planQuery(parseQuery(query), strict);
  const terms = plan.groups.flat();
  if (terms.length === 0) return [];
  const toks = tokens(text);
  const all = terms.flatMap((t) => termHits(toks, t, strict, options.titleEnd ?? 0));
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TextRange[] = [];
  for (const r of all) {
    const last = out[out.length - 1];
    if (last && r.start < last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

const SNIPPET_CHARS = 220;

/**
 * A slice of about 220 characters of the body around its densest run of hits, cut at word
 * boundaries, with the hits inside it; the body's opening when the query matches no body word.
 */
export function makeSnippet(text: string, body: TextRange, hits: readonly TextRange[]): Snippet {
  const inBody = hits.filter((h) => h.start >= body.start && h.end <= body.end);
  let best = inBody[0];
  let bestCount = 0;
  for (const h of inBody) {
    const count = inBody.filter((o) => o.start >= h.start && o.end <= h.start + SNIPPET_CHARS * 0.6).length;
    if (count > bestCount) [best, bestCount] = [h, count];
  }
  let start = best ? Math.max(body.start, best.start - SNIPPET_CHARS / 3) : body.start;
  let end = Math.min(body.end, start + SNIPPET_CHARS);
  start = Math.max(body.start, Math.min(start, end - SNIPPET_CHARS));
  if (start > body.start) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < (best?.start ?? end)) start = space + 1;
  }
  if (end < body.end) {
    const space = text.lastIndexOf(' ', end);
    if (space > (best?.end ?? start)) end = space;
  }
  const highlights = inBody.filter((h) => h.start >= start && h.end <= end).map((h) => ({ start: h.start - start, end: h.end - start }));
  return { text: text.slice(start, end), offset: start, highlights };
}
