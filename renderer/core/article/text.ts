/**
 * A news text file → ParsedArticle. The stored text is the decoded file exactly; the title and the
 * paragraphs are ranges into it, and the metadata comes from the header lines (see text-header.ts):
 *
 *   قناة عشتار الفضائية            outlet (keyword, or a bare short name above a title and a byline)
 *   التحالف الدولي يقر …           title (first plain line; else the file name)
 *   عشتار تيفي كوم - الجزيرة/      byline/source line
 *   دمشق - الأحد 23 آذار 2019      dateline: place and date
 *   أقر التحالف الدولي …           paragraphs, one per non-blank line
 *
 * An agency dateline at the head of the first paragraph ("بيروت (رويترز) - …") gives place, date and
 * byline without cutting the paragraph. Linear in the text length (50 MB files are fine).
 */
import type { ParsedArticle, SourceKind, TextRange } from '../model';
import { parseDate } from './dates';
import { decodeBytes, type TextEncodingName } from './decode';
import { ImportError } from './errors';
import { hasWordChar, nonBlankLines } from './lines';
import {
  applyLabel, authorOf, classify, cleanByline, couldBeOutlet, isAgency, isDateline, isOutletByName, looksLikeBody, placeOf, placeOfByline,
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
    else if (kind === 'dateline') { f.published ??= parseDate(s); f.place ??= placeOf(s); }
    else if (kind === 'byline') { f.byline ??= cleanByline(s); f.author ??= authorOf(f.byline); } // a 2nd byline is dropped
    else if (titleRange || f.title || looksLikeBody(s)) break;
    else if (i === 0 && isOutletLine(text, lines, s)) f.outlet = s;
    else titleRange = lines[i];
  }
  // The dateline's place names the story; a "بغداد / متابعة" byline's only the desk: second choice.
  if (f.byline) f.place ??= placeOfByline(f.byline);
  return { fields: f, titleRange, bodyFrom: i };
}

/**
 * Line 0 is the outlet when it names one (قناة, صحيفة, …) and a title-like line follows, maybe after
 * date/byline lines; or when a bare short name sits right above a title and a byline/dateline.
 */
function isOutletLine(text: string, lines: TextRange[], s: string): boolean {
  const line = (i: number) => (lines[i] ? text.slice(lines[i].start, lines[i].end) : '');
  let t = 1;
  while (t < Math.min(lines.length, HEADER_LINES) && classify(line(t)) !== 'plain') t++;
  const titleLike = t < lines.length - 1 && !looksLikeBody(line(t));
  if (titleLike && isOutletByName(s)) return true;
  const next = classify(line(2));
  return t === 1 && titleLike && couldBeOutlet(s) && (next === 'byline' || next === 'dateline');
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
    f.published ??= parseDate(a[2]);
    f.byline ??= a[3]!.trim();
    return;
  }
  const d = LEAD_DATE.exec(head);
  const date = d ? parseDate(d[2]) : undefined;
  if (d && date && couldBeOutlet(d[1]!)) {
    f.place ??= d[1];
    f.published ??= date;
  }
}

/** A date on one of the last two lines ("تاريخ النشر: …", a bare dateline); the lines stay paragraphs. */
function readTrailingDate(text: string, paragraphs: TextRange[], f: HeaderFields): void {
  for (const r of paragraphs.slice(-2).reverse()) {
    const s = text.slice(r.start, r.end);
    const labelled: HeaderFields = {};
    if (s.length <= 120 && applyLabel(s, labelled) && labelled.published) f.published = labelled.published;
    else if (isDateline(s)) f.published = parseDate(s);
    if (f.published) return;
  }
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
  if (!fields.published) readTrailingDate(text, paragraphs, fields);
  const title = titleRange ? text.slice(titleRange.start, titleRange.end) : fields.title || titleFromFileName(opts.fileName);
  const out: ParsedArticle = {
    title,
    outlet: fields.outlet ?? '',
    text,
    paragraphs,
    source: { kind: opts.kind ?? 'text', ...(opts.fileName ? { name: opts.fileName } : {}) },
  };
  if (titleRange) out.titleRange = titleRange;
  for (const k of ['byline', 'author', 'place', 'published', 'url'] as const) if (fields[k]) out[k] = fields[k];
  return out;
}

/**
 * Decodes a text file's bytes (see decode.ts) and parses it.
 * Throws ImportError 'empty' | 'binary' | 'no-text' with a plain reason.
 */
export function parseTextBytes(bytes: Uint8Array, opts: TextParseOptions = {}): { article: ParsedArticle; encoding: TextEncodingName } {
  const { text, encoding } = decodeBytes(bytes);
  return { article: parseTextArticle(text, opts), encoding };
}
