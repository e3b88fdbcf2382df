/**
 * Query words → what the engine looks up: for each word its strict spelling, its loose (folded)
 * surface and the weighted index terms it expands to, produced by the same lunr pipeline stages
 * the index was built with.
 */
import lunr from 'lunr';
import { createArabicPipeline, arabicTokenizer, STEM_META, SUFFIX_META, SUFFIX_MARK } from './pipeline';
import { foldText } from '../arabic/normalize';
import { isStopWord } from '../arabic/stopwords';
import type { ParsedQuery, QueryTerm } from './query';

/** Weight of prefix expansions (a prefix says less than a whole word). */
export const PREFIX_BOOST = 0.5;

/**
 * A surface match outranks a stem match, and a stem that kept more of the word outranks a shorter
 * one: محاسبتها (8 of 9 letters of ومحاسبتها) says more than محاسبه (6 of 9), which many unrelated
 * articles share. Weight = (stem length / word length)², at most 0.8 and at least 0.2.
 */
export function stemBoost(stem: string, surface: string): number {
  const r = stem.length / Math.max(1, surface.length);
  return Math.min(0.8, Math.max(0.2, r * r));
}

export interface Expansion {
  term: string;
  boost: number;
}

export interface WordPlan {
  strict: string;
  loose: string;
  stop: boolean;
  /** Index terms (surface, bare number, stems) with boosts; empty for stop words. */
  expansions: Expansion[];
}

export interface TermPlan {
  kind: 'word' | 'prefix' | 'phrase';
  field?: 'title';
  /** One word for `word`, the sequence for `phrase`, the prefix (folded) for `prefix`. */
  words: WordPlan[];
}

export interface QueryPlan {
  groups: TermPlan[][];
  excluded: TermPlan[];
  strict: boolean;
  /**
   * For a query of plain words only (no OR, phrase, prefix or field): the words in order.
   * Documents holding exactly them, as one sequence, rank first (users type a remembered passage;
   * for one word, its exact form outranks clitic and suffix variants).
   */
  sequence: WordPlan[] | null;
}

const pipeline = createArabicPipeline();

/** A match only through the text's own suffix stripping weighs half a clitic-free match. */
const SUFFIX_FACTOR = 0.5;

function planWord(strict: string): WordPlan {
  const stop = isStopWord(strict);
  const loose = foldText(strict);
  const expansions: Expansion[] = [];
  if (!stop) {
    for (const t of pipeline.run([new lunr.Token(strict, {})])) {
      const meta = (t as unknown as { metadata: unknown }).metadata;
      const form = meta === SUFFIX_META ? t.toString().slice(SUFFIX_MARK.length) : t.toString();
      const plain = meta === STEM_META || meta === SUFFIX_META ? stemBoost(form, loose) : 1;
      // Every form of the query meets the text's surfaces and clitic-free forms (plain) and its
      // suffix-free forms (marked); surfaces of numbers and Latin words have no marked twin.
      expansions.push({ term: form, boost: plain });
      if (/^[\u0620-\u06ff]/.test(form)) expansions.push({ term: SUFFIX_MARK + form, boost: plain * SUFFIX_FACTOR });
    }
  }
  return { strict, loose, stop, expansions };
}

function planTerm(term: QueryTerm, strictMode: boolean): TermPlan | null {
  const field = term.field ? { field: term.field } : {};
  if (term.kind === 'prefix') {
    const strict = foldText(term.text, { strict: true }).trim();
    if (!strict) return null;
    return { kind: 'prefix', ...field, words: [{ strict, loose: foldText(strict), stop: false, expansions: [] }] };
  }
  const words = arabicTokenizer(term.text).map((t) => planWord(t.toString()));
  if (words.length === 0) return null;
  const kind = term.kind === 'phrase' || words.length > 1 ? 'phrase' : 'word';
  // In strict mode a word matches its exact spelling only: keep the surface, drop the stems.
  if (strictMode) for (const w of words) w.expansions = w.expansions.filter((e) => e.boost === 1);
  return { kind, ...field, words };
}

/** Turns a parsed query into lookups; stop-word-only words are kept (the engine decides). */
export function planQuery(q: ParsedQuery, strict: boolean): QueryPlan {
  const groups: TermPlan[][] = [];
  for (const g of q.groups) {
    const alts = g.map((t) => planTerm(t, strict)).filter((t): t is TermPlan => t !== null);
    if (alts.length > 0) groups.push(alts);
  }
  const excluded = q.excluded.map((t) => planTerm(t, strict)).filter((t): t is TermPlan => t !== null);
  const plain = groups.length >= 1 && groups.every((g) => g.length === 1 && g[0]!.kind === 'word' && !g[0]!.field);
  const sequence = plain ? groups.map((g) => g[0]!.words[0]!) : null;
  // Common words only (في ان): no postings to rank by, so they mean the passage itself.
  if (sequence && sequence.length > 1 && sequence.every((w) => w.stop)) {
    return { groups: [[{ kind: 'phrase', words: sequence }]], excluded, strict, sequence: null };
  }
  return { groups, excluded, strict, sequence };
}

/** True when a term can only be found by scanning token sequences (stop words only). */
export function isStopOnly(t: TermPlan): boolean {
  return t.kind !== 'prefix' && t.words.every((w) => w.stop);
}
