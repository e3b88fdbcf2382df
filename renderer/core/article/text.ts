/**
 * A news text file → ParsedArticle. The stored text is the decoded file exactly; the title and the
 * paragraphs are ranges into it, and the metadata comes from the header lines (see text-header.ts):
 *
 *   قناة عشتار الفضائية            outlet line (keyword, or a short name above a longer title)
 *   التحالف الدولي يقر …           title (first plain line; else the file name)
 *   عشتار تيفي كوم - الجزيرة/      credit line "site - source": the site is the outlet, the source its agency
 *   دمشق - الأحد 23 آذار 2019      dateline: place and date (Gregorian, Hijri or both)
 *   أقر التحالف الدولي …           paragraphs, one per non-blank line
 *
 * An agency dateline at the head of the first paragraph ("بيروت (رويترز) - …") gives place, date and
 * byline without cutting the paragraph. Linear in the text length (50 MB files are fine).
 */
import type { ParsedArticle, SourceKind, TextRange } from '../model';
import { decodeBytes, type TextEncodingName } from './decode';
import { ImportError } from './errors';
import { hasWordChar, nonBlankLines } from './lines';
import {
  agencyOfByline,
  applyDates,
  applyLabel,
  authorOf,
  classify,
  cleanByline,
  couldBeOutlet,
  creditOf,
  isAgency,
  isDateline,
  isOutletByName,
  looksLikeBody,
  placeOf,
  placeOfByline,
  type HeaderFields,
} from './text-header';

export interface TextParseOptions {
  /** File name or path; its base name without extension is the title when the file has none. */
  fileName?: string;
  kind?: SourceKind;
}

// Headers never run past the 8th non-blank line; past that everything is body.
const HEADER_LINES = 8;

/** The base name of a path without its extension ("تقارير 2019/خبر_عاجل.txt" → "خبر عاجل"). */
export function titleFromFileName(fileName: string | undefined): string {
  if (!fileName) return '';
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.(?:txt|text|html?|mhtml?|jsonl|csv)(?:\.gz)?$/i, '').replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return stem.replace(/[_]+/g, ' ').trim();
}

interface Header {
  fields: HeaderFields;
  titleRange?: TextRange;
  /** Index of the first body line. */
  bodyFrom: number;
}

/** Walks the header lines; stops at the first line that is plain text after the title (the body). */
function readHeader(text: string, lines: TextRange[]): Header {
  const f: HeaderFields = {};
  let titleRange: TextRange | undefined;
  const limit = Math.min(lines.length, HEADER_LINES);
  let i = 0;
  for (; i < limit; i++) {
    const s = text.slice(lines[i]!.start, lines[i]!.end);
    const kind = classify(s);
    if (kind === 'url') f.url ??= s;
    else if (kind === 'label') applyLabel(s, f);
    else if (kind === 'dateline') {
      applyDates(s, f);
      f.place ??= placeOf(s);
    } else if (kind === 'byline' || (titleRange && !f.byline && creditOf(s, f.outlet)))
      readByline(s, f); // a 2nd byline is dropped
    else if (titleRange || f.title || looksLikeBody(s)) break;
    else if (i === 0 && isOutletLine(text, lines, s)) f.outlet = s;
    else titleRange = lines[i];
  }
  // The dateline's place names the story; a "بغداد / متابعة" byline's only the desk: second choice.
  if (f.byline) f.place ??= placeOfByline(f.byline);
  return { fields: f, titleRange, bodyFrom: i };
}

/**
 * A byline or source line. A credit line "site - source" names the outlet (it wins over an outlet
 * line above: the site is who published this text) and the source agency; an agency alone, or after
 * a place, is the agency. Only a name after "بقلم"/"كتب" is an author: a credit never is.
 */
function readByline(s: string, f: HeaderFields): void {
  if (f.byline) return;
  f.byline = cleanByline(s);
  const credit = creditOf(f.byline, f.outlet);
  if (credit) {
    f.outlet = credit.outlet;
    f.agency ??= credit.agency;
    return;
  }
  f.author ??= authorOf(f.byline);
  if (!f.author) f.agency ??= agencyOfByline(f.byline);
}

/**
 * Line 0 is the outlet, judged by the shape of the opening lines rather than by a list of names:
 * - it names an outlet (قناة, صحيفة, …) and a title-like line follows, maybe after date/byline lines;
 * - or it is a bare short name (≤ 3 words, no headline words) right above a title, and either a
 *   byline/dateline follows the title, or the name comes back in a credit line, or the title is a
 *   headline at least twice its length with the body right under it.
 * Anything less sure leaves the outlet empty (the line is then the title).
 */
function isOutletLine(text: string, lines: TextRange[], s: string): boolean {
  const line = (i: number) => (lines[i] ? text.slice(lines[i].start, lines[i].end) : '');
  let t = 1;
  while (t < Math.min(lines.length, HEADER_LINES) && classify(line(t)) !== 'plain') t++;
  const titleLike = t < lines.length - 1 && !looksLikeBody(line(t));
  if (titleLike && isOutletByName(s)) return true;
  if (t !== 1 || !titleLike || !couldBeOutlet(s)) return false;
  const next = line(2);
  const kind = classify(next);
  if (kind === 'byline' || kind === 'dateline' || creditOf(cleanByline(next), s)) return true;
  // The name printed again as a short credit at the end ("© پیام الخليج", "المصدر: …").
  const tail = lines
    .slice(-2)
    .map((r) => text.slice(r.start, r.end))
    .filter((x) => x.length <= 80 && x !== s);
  if (tail.some((x) => x.includes(s))) return true;
  const words = (x: string) => x.split(/\s+/).filter(Boolean).length;
  return words(line(1)) >= 5 && words(line(1)) >= 2 * words(s) && looksLikeBody(next);
}

// "بيروت (رويترز) - …", "دمشق - 23 آذار 2019 - …", "القاهرة، 5 مايو (أ ف ب) - …"
const LEAD_AGENCY = /^([\p{L}]+(?: [\p{L}]+){0,2})\s*[،,]?\s*([^()\-–—]{0,40}?)\s*\(([^()]{2,30})\)\s*[-–—:]/u;
const LEAD_DATE = /^([\p{L}]+(?: [\p{L}]+){0,2})\s*[-–—،,]\s*([^\-–—]{6,40}?)\s*[-–—:]/u;

/** Place, date and agency from a dateline at the head of the first paragraph; the paragraph is kept whole. */
function readLeadDateline(p: string, f: HeaderFields): void {
  const head = p.slice(0, 160);
  const a = LEAD_AGENCY.exec(head);
  // Only a bare place name and a known agency: "قال الوزير (في كلمة) -" is prose, not a dateline.
  if (a && couldBeOutlet(a[1]!) && isAgency(a[3]!)) {
    f.place ??= a[1];
    applyDates(a[2], f);
    f.byline ??= a[3]!.trim();
    f.agency ??= a[3]!.trim();
    return;
  }
  const d = LEAD_DATE.exec(head);
  if (d && couldBeOutlet(d[1]!) && applyDates(d[2], f)) f.place ??= d[1];
}

/** A date on one of the last two lines ("تاريخ النشر: …", a bare dateline); the lines stay paragraphs. */
function readTrailingDate(text: string, paragraphs: TextRange[], f: HeaderFields): void {
  for (const r of paragraphs.slice(-2).reverse()) {
    const s = text.slice(r.start, r.end);
    const labelled: HeaderFields = {};
    if (s.length <= 120 && applyLabel(s, labelled) && (labelled.published || labelled.publishedHijri))
      Object.assign(f, dateFields(labelled));
    else if (isDateline(s)) applyDates(s, f);
    if (f.published || f.publishedHijri) return;
  }
}

function dateFields(f: HeaderFields): Pick<HeaderFields, 'published' | 'publishedHijri' | 'dateNote'> {
  return { published: f.published, publishedHijri: f.publishedHijri, dateNote: f.dateNote };
}

/**
 * Parses an already decoded news text. `text` is kept exactly as given.
 * Throws ImportError 'empty' when it has no non-blank line, 'no-text' when it has no letters or digits.
 */
export function parseTextArticle(text: string, opts: TextParseOptions = {}): ParsedArticle {
  const lines = nonBlankLines(text);
  if (lines.length === 0) throw new ImportError('empty', 'The file holds only blank space.');
  const { fields, titleRange, bodyFrom } = readHeader(text, lines);
  const paragraphs = lines.slice(bodyFrom).filter((r) => hasWordChar(text, r));
  if (paragraphs.length === 0 && !titleRange) throw new ImportError('no-text', 'The file holds no article text.');
  if (paragraphs[0]) readLeadDateline(text.slice(paragraphs[0].start, paragraphs[0].end), fields);
  if (!fields.published && !fields.publishedHijri) readTrailingDate(text, paragraphs, fields);
  const title = titleRange
    ? text.slice(titleRange.start, titleRange.end)
    : fields.title || titleFromFileName(opts.fileName);
  const out: ParsedArticle = {
    title,
    outlet: fields.outlet ?? '',
    text,
    paragraphs,
    source: { kind: opts.kind ?? 'text', ...(opts.fileName ? { name: opts.fileName } : {}) },
  };
  if (titleRange) out.titleRange = titleRange;
  for (const k of ['byline', 'author', 'place', 'published', 'url', 'agency', 'publishedHijri'] as const)
    if (fields[k]) out[k] = fields[k];
  if (fields.dateNote) out.dateNote = fields.dateNote;
  return out;
}

/**
 * Decodes a text file's bytes (see decode.ts) and parses it.
 * Throws ImportError 'empty' | 'binary' | 'no-text' with a plain reason.
 */
export function parseTextBytes(
  bytes: Uint8Array,
  opts: TextParseOptions = {},
): { article: ParsedArticle; encoding: TextEncodingName } {
  const { text, encoding } = decodeBytes(bytes);
  return { article: parseTextArticle(text, opts), encoding };
}
