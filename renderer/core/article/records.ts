/**
 * Bulk archives, one article per record: JSON Lines (.jsonl, .jsonl.gz) and CSV with a header.
 * Everything is chunk-fed: the worker decompresses and decodes the file in chunks and pushes strings
 * here, so an archive is never held whole. A bad record gives a per-record failure (line number and
 * reason) and the rest go on.
 */
import { MAX_RECORD_CHARS } from './limits';
import type { ParsedArticle, SourceKind } from '../model';
import { parseDate } from './dates';
import { isBlankText } from './decode';
import { trimRange } from './lines';

export type RecordResult =
  | { ok: true; line: number; article: ParsedArticle }
  | { ok: false; line: number; reason: string; code?: 'too-large' | 'csv-quote' | 'csv-cells' };

/** A complete line and its 1-based line number. */
export interface NumberedLine {
  n: number;
  /** The line was longer than the splitter keeps (its text is not kept). */
  tooLarge?: boolean;
  text: string;
}

/**
 * Splits a stream of string chunks into lines (LF or CRLF; a trailing CR is dropped). Linear however
 * the chunks fall: a line spanning many chunks is gathered in a list and joined once.
 */
export class LineSplitter {
  private pending: string[] = [];
  private pendingChars = 0;
  private oversize = false;
  private count = 0;

  /** `maxChars`: a longer line is not kept: it becomes a `tooLarge` line without its text. */
  constructor(private readonly maxChars = MAX_RECORD_CHARS) {}

  /** The lines completed by this chunk. */
  push(chunk: string): NumberedLine[] {
    const out: NumberedLine[] = [];
    let from = 0;
    let nl = chunk.indexOf('\n');
    while (nl !== -1) {
      this.add(chunk.slice(from, nl));
      out.push(this.take());
      from = nl + 1;
      nl = chunk.indexOf('\n', from);
    }
    if (from < chunk.length) this.add(chunk.slice(from));
    return out;
  }

  /** The last line when the stream did not end with a newline. */
  end(): NumberedLine[] {
    return this.pending.length || this.oversize ? [this.take()] : [];
  }

  private add(piece: string): void {
    if (this.oversize) return;
    this.pendingChars += piece.length;
    if (this.pendingChars > this.maxChars) {
      this.oversize = true;
      this.pending = [];
    } else this.pending.push(piece);
  }

  private take(): NumberedLine {
    if (this.oversize) {
      this.oversize = false;
      this.pendingChars = 0;
      return { n: ++this.count, text: '', tooLarge: true };
    }
    this.pendingChars = 0;
    let text = this.pending.length === 1 ? this.pending[0]! : this.pending.join('');
    this.pending = [];
    if (text.endsWith('\r')) text = text.slice(0, -1);
    return { n: ++this.count, text };
  }
}

const ALIASES = {
  title: ['title', 'headline', 'العنوان'],
  content: ['content', 'body', 'text', 'article', 'النص', 'المحتوى'],
  outlet: ['source', 'outlet', 'publisher', 'site', 'المصدر'],
  author: ['author', 'byline', 'writer', 'الكاتب'],
  url: ['url', 'link', 'href', 'الرابط'],
  date: [
    'date',
    'published',
    'date_published',
    'datePublished',
    'published_at',
    'pubdate',
    'date_extracted',
    'التاريخ',
  ],
} as const;

function field(rec: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = rec[k] ?? rec[k.toLowerCase()];
    if (typeof v === 'string' && v.trim()) return v;
    if (typeof v === 'number') return String(v);
  }
  return undefined;
}

/** A date field: any form parseDate reads, or a Unix time in seconds or milliseconds. */
function dateOf(v: string | undefined): string | undefined {
  if (v && /^\d{10}(?:\d{3})?$/.test(v.trim())) {
    const ms = Number(v) * (v.trim().length === 10 ? 1000 : 1);
    return new Date(ms).toISOString().slice(0, 10);
  }
  return parseDate(v);
}

/**
 * One archive record (already an object) → ParsedArticle. `text` is the content field exactly;
 * paragraphs are its non-blank lines. A record with a title but empty content is kept (title only).
 * Returns a reason string when the record has neither title nor content.
 */
export function recordToArticle(rec: Record<string, unknown>, kind: SourceKind, name?: string): ParsedArticle | string {
  const content = field(rec, ALIASES.content) ?? '';
  const title = (field(rec, ALIASES.title) ?? '').trim();
  if (!title && isBlankText(content)) return 'The record has no title and no text.';
  const paragraphs: ParsedArticle['paragraphs'] = [];
  let start = 0;
  for (let i = 0; i <= content.length; i++) {
    if (i < content.length && content.charCodeAt(i) !== 10) continue;
    const r = trimRange(content, start, i);
    if (r) paragraphs.push(r);
    start = i + 1;
  }
  const out: ParsedArticle = {
    title: title || content.slice(paragraphs[0]?.start ?? 0, paragraphs[0]?.end ?? 0).slice(0, 80),
    outlet: (field(rec, ALIASES.outlet) ?? '').trim(),
    text: content,
    paragraphs,
    source: { kind, ...(name ? { name } : {}) },
  };
  const author = field(rec, ALIASES.author)?.trim();
  if (author) {
    out.author = author;
    out.byline = author;
  }
  const url = field(rec, ALIASES.url)?.trim();
  if (url) out.url = url;
  const published = dateOf(field(rec, ALIASES.date));
  if (published) out.published = published;
  return out;
}

/**
 * One JSON Lines line → a result; undefined for a blank line (skipped silently).
 * A line that is not JSON, or JSON that is not an object, is a failure with the parser's reason.
 */
export function parseJsonlLine(
  line: NumberedLine,
  name?: string,
  kind: SourceKind = 'jsonl',
): RecordResult | undefined {
  if (line.tooLarge) {
    return {
      ok: false,
      code: 'too-large',
      line: line.n,
      reason: `Line ${line.n} is longer than ${MAX_RECORD_CHARS / (1024 * 1024)} million characters; Warraq does not import records that large.`,
    };
  }
  if (isBlankText(line.text)) return undefined;
  let rec: unknown;
  try {
    rec = JSON.parse(line.text);
  } catch (e) {
    return { ok: false, line: line.n, reason: `Line ${line.n} is not valid JSON (${(e as Error).message}).` };
  }
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
    return { ok: false, line: line.n, reason: `Line ${line.n} is not a JSON object with article fields.` };
  }
  const a = recordToArticle(rec as Record<string, unknown>, kind, name);
  return typeof a === 'string'
    ? { ok: false, line: line.n, reason: `Line ${line.n}: ${a}` }
    : { ok: true, line: line.n, article: a };
}
