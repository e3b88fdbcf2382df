/**
 * Find-in-article over text of any size (issue 13): the hits of a query in the ORIGINAL text with the
 * index's own rules (same folding, pipeline and stems), found a chunk at a time so a 30M-character
 * article never needs a whole-text fold (two typed arrays of twice its length) or one object per word.
 *
 * The text is cut at spaces or line breaks (never inside a token); each chunk is folded with a margin
 * of the next one so a phrase that starts before the cut is still matched whole, and only tokens that
 * start before the cut are tried. A token's match is decided once per spelling and remembered. The
 * result is exactly the whole-text scan's: sorted, non-overlapping ranges, a phrase as one range.
 */
import lunr from 'lunr';
import type { TextRange } from '../model';
import { foldArabic, foldText } from '../arabic/normalize';
import { scanTokens } from '../arabic/tokenize';
import { createArabicPipeline } from './pipeline';
import { parseQuery } from './query';
import { isStopOnly, planQuery, type TermPlan } from './plan';

/** Characters folded per chunk: small enough to keep a step short between frames. */
export const FIND_CHUNK = 256 * 1024;
/** Characters of the next chunk folded with each chunk, for phrases that cross the cut. */
const MARGIN = 16 * 1024;

const pipeline = createArabicPipeline();

/** One folded chunk's tokens; strings are cut only when a matcher asks for them. */
class Tokens {
  constructor(
    readonly folded: string,
    readonly b: number[],
  ) {}
  get count(): number {
    return this.b.length >> 1;
  }
  strict(k: number): string {
    return this.folded.slice(this.b[2 * k]!, this.b[2 * k + 1]!);
  }
}

/** Per-spelling memory shared by all chunks (an article repeats its words). */
class Spellings {
  private readonly loose = new Map<string, string>();
  private readonly terms = new Map<string, string[]>();
  looseOf(strict: string): string {
    let l = this.loose.get(strict);
    if (l === undefined) this.loose.set(strict, (l = foldText(strict)));
    return l;
  }
  termsOf(strict: string): string[] {
    let t = this.terms.get(strict);
    if (!t) this.terms.set(strict, (t = pipeline.run([new lunr.Token(strict, {})]).map((x) => x.toString())));
    return t;
  }
}

/** How many tokens match starting at token k (0 = no match). */
type Matcher = (tokens: Tokens, k: number) => number;

function matcherFor(t: TermPlan, strict: boolean, sp: Spellings): Matcher {
  if (t.kind === 'phrase' || isStopOnly(t)) {
    return (tokens, k) => {
      if (k + t.words.length > tokens.count) return 0;
      const ok = t.words.every((w, i) =>
        strict ? tokens.strict(k + i) === w.strict : sp.looseOf(tokens.strict(k + i)) === w.loose,
      );
      return ok ? t.words.length : 0;
    };
  }
  const w = t.words[0]!;
  const wanted = new Set(w.expansions.map((e) => e.term));
  const decided = new Map<string, number>();
  const test: (s: string) => boolean =
    t.kind === 'prefix'
      ? strict
        ? (s) => s.startsWith(w.strict)
        : (s) => sp.looseOf(s).startsWith(w.loose) || sp.termsOf(s).some((x) => x.startsWith(w.loose))
      : strict
        ? (s) => s === w.strict
        : (s) => wanted.has(sp.looseOf(s)) || sp.termsOf(s).some((x) => wanted.has(x));
  return (tokens, k) => {
    const s = tokens.strict(k);
    let d = decided.get(s);
    if (d === undefined) decided.set(s, (d = test(s) ? 1 : 0));
    return d;
  };
}

const isBreak = (c: number): boolean => c === 32 || c === 10;

/** The first space or line break at or after `i` (text.length when none). */
function breakAt(text: string, i: number): number {
  const n = text.length;
  while (i < n && !isBreak(text.charCodeAt(i))) i++;
  return i;
}

/**
 * The query's hits, a chunk at a time: each step yields how far (a text offset) the scan has come;
 * the hits found so far are in `out` (the last one may still grow). `chunk` is for tests.
 */
export function* findSteps(
  text: string,
  query: string,
  out: TextRange[],
  options: { strict?: boolean; chunk?: number } = {},
): Generator<number, void> {
  const strict = options.strict === true;
  const plan = planQuery(parseQuery(query), strict);
  const terms = plan.groups.flat();
  const useful = terms.some((t) => !isStopOnly(t)) ? terms.filter((t) => !isStopOnly(t)) : terms;
  if (useful.length === 0) return;
  const sp = new Spellings();
  const matchers = useful.map((t) => matcherFor(t, strict, sp));
  const size = Math.max(1, options.chunk ?? FIND_CHUNK);
  const n = text.length;
  // Tokens starting before the end of the last hit were part of it (a phrase), as in one whole scan.
  let lastEnd = 0;
  for (let s = 0; s < n;) {
    const cut = breakAt(text, Math.min(n, s + size));
    const until = breakAt(text, Math.min(n, cut + MARGIN));
    const { text: folded, map } = foldArabic(text.slice(s, until), { strict: true });
    const tokens = new Tokens(folded, scanTokens(folded));
    for (let k = 0; k < tokens.count; k++) {
      const start = s + map[tokens.b[2 * k]!]!;
      if (start >= cut) break;
      if (start < lastEnd) continue;
      let len = 0;
      for (const m of matchers) len = Math.max(len, m(tokens, k));
      if (len === 0) continue;
      const e = tokens.b[2 * (k + len - 1) + 1]!;
      const next = map[e]!;
      const prev = map[e - 1]!;
      const range = { start, end: s + (next > prev ? next : prev + 1) };
      const last = out[out.length - 1];
      if (last && range.start < last.end) last.end = Math.max(last.end, range.end);
      else out.push(range);
      lastEnd = range.end;
      k += len - 1;
    }
    s = cut;
    yield s;
  }
}

/**
 * Every hit of the query's positive terms in `text`, as sorted, non-overlapping ranges of the
 * original text (a phrase is one range). Excluded terms and filters are ignored; common words are
 * highlighted only where the query has nothing else. Empty when nothing matches; never throws.
 */
export function findAll(text: string, query: string, options: { strict?: boolean; chunk?: number } = {}): TextRange[] {
  const out: TextRange[] = [];
  for (const _ of findSteps(text, query, out, options));
  return out;
}
