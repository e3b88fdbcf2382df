/**
 * An article's identity: the hex SHA-256 of its normalised title and body, so the same article is stored
 * once whatever file, encoding or layout it came in (re-importing a folder adds nothing; the same text
 * under two file names is one article).
 */
import { cleanMeta } from './controls';
import { leadOf } from './lead';
import type { ArticleMeta, ArticleText, ParsedArticle } from '../model';
import { sha256Hex } from './env';

// What normaliseForHash folds (presentation only; spelling is identity):
//  - Unicode composition: NFC.
//  - Tashkeel U+064B–U+065F, superscript alef U+0670, Quranic marks U+06D6–U+06ED: removed, so the
//    same text with or without harakat is one article.
//  - Tatweel U+0640: removed.
//  - Invisible format characters (soft hyphen, ZWSP/ZWNJ/ZWJ, LRM/RLM, bidi embeddings/isolates,
//    word joiner, BOM): removed.
//  - Every whitespace run (spaces, tabs, NBSP, CR/LF/CRLF line breaks, blank lines): one space; trimmed.
// Not folded: hamza seats, alef forms, ى/ي, ة/ه, digits, Latin case — those are different spellings,
// and two articles that differ only there are kept apart.
const MARKS =
  /[\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** The hash input for a body: see the fold table above. Never throws. */
export function normaliseForHash(body: string): string {
  return body
    .normalize('NFC')
    .replace(MARKS, '')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();
}

/** The title followed by each paragraph, one per line: what identity hashes and what length/words count. */
export function bodyOf(parsed: Pick<ParsedArticle, 'text' | 'paragraphs'>): string {
  return parsed.paragraphs.map((r) => parsed.text.slice(r.start, r.end)).join('\n');
}

/**
 * The article id: hex SHA-256 of normaliseForHash(title + "\n" + body). The title is in, so two
 * title-only records (empty bodies) stay apart; the outlet, byline and date are not, so the same article
 * saved by two outlets' layouts is one article. Rejects only when the runtime lacks crypto.subtle.
 */
export async function contentId(parsed: Pick<ParsedArticle, 'title' | 'text' | 'paragraphs'>): Promise<string> {
  return sha256Hex(normaliseForHash(parsed.title + '\n' + bodyOf(parsed)));
}

/** Number of whitespace-separated words in the paragraphs, counted without splitting strings. */
export function countWords(text: string, paragraphs: ParsedArticle['paragraphs']): number {
  let words = 0;
  for (const r of paragraphs) {
    let inWord = false;
    for (let i = r.start; i < r.end; i++) {
      const c = text.charCodeAt(i);
      const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
      if (!space && !inWord) words++;
      inWord = !space;
    }
  }
  return words;
}

/**
 * Splits a parsed article into the stored halves. `length` is the body's characters (paragraphs only,
 * no header lines), `words` its words; optional fields are present only when known. Never throws.
 */
export function toArticle(
  parsed: ParsedArticle,
  id: string,
  importedAt: number,
): { meta: ArticleMeta; text: ArticleText } {
  let length = 0;
  for (const r of parsed.paragraphs) length += r.end - r.start;
  const meta: ArticleMeta = {
    id,
    title: parsed.title,
    outlet: parsed.outlet,
    length,
    words: countWords(parsed.text, parsed.paragraphs),
    importedAt,
    source: { ...parsed.source },
    tags: [],
  };
  for (const k of ['byline', 'author', 'place', 'published', 'url', 'agency', 'publishedHijri'] as const) {
    const v = parsed[k];
    if (v) meta[k] = v;
  }
  if (parsed.dateNote) meta.dateNote = parsed.dateNote;
  const lead = leadOf(parsed.text, parsed.paragraphs, parsed.titleRange);
  if (lead) meta.lead = lead;
  const text: ArticleText = { id, text: parsed.text, paragraphs: parsed.paragraphs };
  if (parsed.titleRange) text.titleRange = parsed.titleRange;
  // Bidi controls are neutralised in the labels, kept only in the stored text (issue 13).
  return { meta: cleanMeta(meta), text };
}
