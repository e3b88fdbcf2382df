/**
 * One picked file → articles handed to a sink, or an issue with a plain reason. The name proposes,
 * the first bytes decide (core/article/detect.ts); one-article files are read whole, archives are
 * streamed record by record so a 100 MB .jsonl.gz is never held in memory.
 */
import type { ParsedArticle } from '../core/model';
import { detectKind, extensionOf, SNIFF_BYTES, type ImportKind } from '../core/article/detect';
import { isImportError } from '../core/article/errors';
import { checkArticleBytes } from '../core/article/limits';
import { parseTextBytes } from '../core/article/text';
import { parseHtmlBytes } from '../core/article/html';
import { parseMhtmlBytes } from '../core/article/mhtml';
import { LineSplitter, parseJsonlLine, type RecordResult } from '../core/article/records';
import { CsvRecordReader } from '../core/article/csv';
import type { ImportIssue, IssueCode, IssueKind } from './import-protocol';
import { readAll, readHead, textChunks } from './import-read';

/** Where importFile puts its results (the pipeline). */
export interface FileSink {
  readonly cancelled: boolean;
  /** Rejects only on a storage failure that must stop the whole import. */
  /** `record`: the 1-based line or row of an archive. */
  article(article: ParsedArticle, path: string, record?: number): Promise<void>;
  issue(kind: IssueKind, issue: ImportIssue): void;
  /** Raw bytes of the current file consumed so far (archives), for progress. */
  bytes(n: number): void;
}

// Files up to this size are read whole at once: every news article and most saved pages.
const WHOLE_READ = 2 * 1024 * 1024;

function isStorageError(e: unknown): boolean {
  return (e as { name?: string } | null)?.name === 'StorageError';
}

function ignoreCode(reason: string): IssueCode {
  if (/companion/i.test(reason)) return 'companion';
  if (/hidden/i.test(reason)) return 'hidden';
  return 'system';
}

function errorText(e: unknown): string {
  return (e as { message?: string } | null)?.message ?? String(e);
}

/**
 * Imports one file into the sink. Never rejects for a bad file (that becomes an issue); rejects only
 * with the sink's fatal storage error.
 */
export async function importFile(path: string, blob: Blob, sink: FileSink): Promise<void> {
  let head: Uint8Array;
  let whole: Uint8Array | undefined;
  try {
    // A small file is read once (each Blob read is a round trip to the browser process); a big one
    // is sniffed first, so an archive is never read whole.
    if (blob.size <= WHOLE_READ) head = (whole = await readAll(blob)).subarray(0, SNIFF_BYTES);
    else head = await readHead(blob, SNIFF_BYTES);
  } catch (e) {
    sink.issue('failed', { path, code: 'read', reason: `The file could not be read (${errorText(e)}).` });
    return;
  }
  const found = detectKind(path, head);
  if (found.kind === 'ignore')
    return sink.issue('skipped', { path, code: ignoreCode(found.reason), reason: `Not an article: ${found.reason}.` });
  if (found.kind === 'unsupported') {
    const byName = detectKind(path).kind;
    // A name that promises text but bytes that are not: a failure the user should see, not a quiet skip.
    const claimed = byName !== 'unsupported' && byName !== 'ignore';
    const ext = extensionOf(path);
    if (!claimed) return sink.issue('skipped', { path, code: 'unsupported', reason: found.reason, ext });
    const what = found.reason.replace(/^Unsupported file type: /, '').replace(/\.$/, '');
    return sink.issue('failed', {
      path,
      code: 'wrong-type',
      reason: `The name ends in ".${ext}" but the file is not text (${what}).`,
      ext,
    });
  }
  if (blob.size === 0) return sink.issue('failed', { path, code: 'empty', reason: 'The file is empty.' });
  try {
    if (found.kind === 'jsonl' || found.kind === 'jsonl.gz' || found.kind === 'csv')
      await importRecords(path, blob, found.kind, sink);
    else {
      checkArticleBytes(blob.size); // refused before reading a byte of it (issue 13)
      await importOne(path, whole ?? (await readAll(blob)), found.kind, found.note, sink);
    }
  } catch (e) {
    if (isStorageError(e)) throw e;
    if (isImportError(e))
      sink.issue('failed', { path, code: e.code === 'unsupported' ? 'wrong-type' : e.code, reason: e.reason });
    else sink.issue('failed', { path, code: 'read', reason: `The file could not be read (${errorText(e)}).` });
  }
}

// A saved page ends with </html> (or at least </body>); 2 KiB of tail covers trailing scripts and whitespace.
const PAGE_END = /<\/(?:html|body)\s*>/i;

function looksCutShort(bytes: Uint8Array): boolean {
  let tail = '';
  for (let i = Math.max(0, bytes.length - 2048); i < bytes.length; i++) tail += String.fromCharCode(bytes[i]!);
  return !PAGE_END.test(tail);
}

/** Parses and queues a one-article file, with a warning when its name misled or the page is cut short. */
async function importOne(
  path: string,
  bytes: Uint8Array,
  kind: 'text' | 'html' | 'mhtml',
  note: string | undefined,
  sink: FileSink,
): Promise<void> {
  const article = parseOne(bytes, path, kind);
  await sink.article(article, path);
  if (note) sink.issue('warnings', { path, code: 'renamed', reason: `Imported, ${note}.` });
  if (kind === 'html' && looksCutShort(bytes)) {
    sink.issue('warnings', {
      path,
      code: 'truncated',
      reason: 'Imported, but the page is cut short (it has no closing </html>): its text may be incomplete.',
    });
  }
}

/** Parses a one-article file. Throws ImportError with the parser's reason. */
function parseOne(bytes: Uint8Array, path: string, kind: 'text' | 'html' | 'mhtml'): ParsedArticle {
  if (kind === 'html') return parseHtmlBytes(bytes, { fileName: path, kind: 'html' }).article;
  if (kind === 'mhtml') return parseMhtmlBytes(bytes, { fileName: path, kind: 'mhtml' }).article;
  return parseTextBytes(bytes, { fileName: path, kind: 'text' }).article;
}

/** Streams an archive: each good record to the sink, each bad one an issue with its line; the rest goes on. */
async function importRecords(path: string, blob: Blob, kind: ImportKind, sink: FileSink): Promise<void> {
  const csv = kind === 'csv' ? new CsvRecordReader(path) : undefined;
  const lines = new LineSplitter();
  let records = 0;
  const take = async (results: (RecordResult | undefined)[]): Promise<void> => {
    for (const r of results) {
      if (!r || sink.cancelled) continue;
      records++;
      if (r.ok) await sink.article(r.article, path, r.line);
      else sink.issue('failed', { path, code: r.code ?? 'bad-record', line: r.line, reason: r.reason });
    }
  };
  const parse = (chunk: string | null) =>
    csv
      ? chunk === null
        ? csv.end()
        : csv.push(chunk)
      : (chunk === null ? lines.end() : lines.push(chunk)).map((l) =>
          parseJsonlLine(l, path, kind === 'csv' ? 'csv' : 'jsonl'),
        );
  try {
    for await (const chunk of textChunks(blob, kind === 'jsonl.gz', (n) => sink.bytes(n))) {
      await take(parse(chunk));
      if (sink.cancelled) return;
    }
  } catch (e) {
    if (isStorageError(e)) throw e;
    const damaged =
      kind === 'jsonl.gz'
        ? 'The compressed archive is damaged or cut short'
        : `The archive could not be read to the end (${errorText(e)})`;
    sink.issue('failed', {
      path,
      code: 'malformed',
      reason: `${damaged}; the ${records} records before that point were read.`,
    });
    return;
  }
  await take(parse(null));
  if (records === 0) sink.issue('failed', { path, code: 'empty', reason: 'The archive holds no records.' });
}
