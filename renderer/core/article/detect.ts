/**
 * Which parser a file goes to, from its path and (when given) its first bytes. The name proposes, the
 * bytes decide: an HTML page saved as .txt is read as HTML, a binary file named .txt is refused, a
 * gzip named .jsonl is unpacked. Companion `*_files/` folders of "complete" saves and hidden files are
 * ignored (not articles, not failures).
 */
import { looksBinary, sniffBom, sniffUtf16 } from './decode';

export type ImportKind = 'text' | 'html' | 'mhtml' | 'jsonl' | 'jsonl.gz' | 'csv';

export type Detection =
  /** Parse with this kind; `note` says why when the bytes overruled the name (for the report). */
  | { kind: ImportKind; note?: string }
  /** Not an article and not worth a line in the report (companion folder, hidden or system file). */
  | { kind: 'ignore'; reason: string }
  /** Reported as skipped, with a plain reason. */
  | { kind: 'unsupported'; reason: string };

// How many leading bytes detectKind wants: enough for magic numbers and an HTML/MIME preamble.
export const SNIFF_BYTES = 1024;

const BY_EXT: Record<string, ImportKind> = {
  txt: 'text',
  text: 'text',
  md: 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  mhtml: 'mhtml',
  mht: 'mhtml',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  'jsonl.gz': 'jsonl.gz',
  'ndjson.gz': 'jsonl.gz',
  csv: 'csv',
};

const KNOWN_OTHER: Record<string, string> = {
  pdf: 'PDF documents',
  doc: 'Word documents',
  docx: 'Word documents',
  odt: 'OpenDocument files',
  rtf: 'RTF documents',
  xls: 'spreadsheets',
  xlsx: 'spreadsheets',
  ods: 'spreadsheets',
  jpg: 'images',
  jpeg: 'images',
  png: 'images',
  gif: 'images',
  webp: 'images',
  svg: 'images',
  bmp: 'images',
  tif: 'images',
  tiff: 'images',
  mp3: 'audio files',
  wav: 'audio files',
  mp4: 'videos',
  mov: 'videos',
  avi: 'videos',
  zip: 'zip archives',
  rar: 'rar archives',
  '7z': '7z archives',
  gz: 'gzip files',
  js: 'scripts',
  css: 'style sheets',
  json: 'JSON files (use JSON Lines, one article per line)',
  exe: 'programs',
  epub: 'e-books',
};

const SYSTEM_FILES = /^(?:thumbs\.db|desktop\.ini|\.ds_store|icon\r?)$/i;

/** Why a path is ignored (hidden, system, a `*_files/` companion folder, macOS resource fork), or undefined. */
export function ignoredReason(path: string): string | undefined {
  const parts = path.split(/[\\/]/).filter(Boolean);
  const base = parts[parts.length - 1] ?? '';
  if (parts.slice(0, -1).some((p) => /_files$|_archivos$|-Dateien$/i.test(p)))
    return "part of a saved web page's companion folder";
  if (parts.some((p) => p === '__MACOSX')) return 'macOS archive metadata';
  if (SYSTEM_FILES.test(base)) return 'system file';
  if (parts.some((p) => p.startsWith('.'))) return 'hidden file';
  return undefined;
}

/** The lower-cased extension, "jsonl.gz"-style for compressed JSON Lines; '' when none. */
export function extensionOf(path: string): string {
  const base = (path.split(/[\\/]/).pop() ?? '').toLowerCase();
  const m = /\.((?:jsonl|ndjson)\.gz|[a-z0-9]{1,6})$/.exec(base);
  return m ? m[1]! : '';
}

function ascii(head: Uint8Array, n = 512): string {
  let s = '';
  for (let i = 0; i < Math.min(head.length, n); i++) s += String.fromCharCode(head[i]!);
  return s;
}

function magic(head: Uint8Array): string | undefined {
  const h = ascii(head, 8);
  if (h.startsWith('%PDF')) return 'a PDF document';
  if (h.startsWith('PK\x03\x04')) return 'a zip-based file (Word, spreadsheet or zip archive)';
  if (h.startsWith('\x89PNG') || h.startsWith('GIF8') || h.startsWith('\xff\xd8\xff')) return 'an image';
  if (h.startsWith('\xd0\xcf\x11\xe0')) return 'an old Office document';
  if (h.startsWith('Rar!') || h.startsWith('7z\xbc\xaf')) return 'a compressed archive';
  return undefined;
}

/** What the first bytes say, when they say it clearly: html, mhtml, gzip or binary. */
function sniffContent(head: Uint8Array): 'html' | 'mhtml' | 'gzip' | 'binary' | undefined {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (magic(head)) return 'binary';
  const bom = sniffBom(head);
  if (!bom && !sniffUtf16(head) && looksBinary(head)) return 'binary';
  const text = ascii(head.subarray(bom?.encoding === 'utf-8' ? 3 : 0)).replace(/^\s+/, '');
  if (/^(?:from: <saved by|mime-version:)/i.test(text) || /^content-type:\s*multipart\/related/im.test(text))
    return 'mhtml';
  if (/^(?:<!doctype html|<html[\s>]|<head[\s>]|<\?xml[^>]*>\s*<!doctype html)/i.test(text)) return 'html';
  return undefined;
}

/**
 * Decides how to read a file. Without `head` the decision is by name alone; with the first bytes
 * (SNIFF_BYTES) a wrong extension is corrected or refused with a reason. Never throws.
 */
export function detectKind(path: string, head?: Uint8Array): Detection {
  const ignored = ignoredReason(path);
  if (ignored) return { kind: 'ignore', reason: ignored };
  const ext = extensionOf(path);
  const byName = BY_EXT[ext];
  const sniffed = head ? sniffContent(head) : undefined;
  if (sniffed === 'binary') {
    const what = head ? magic(head) : undefined;
    return {
      kind: 'unsupported',
      reason: what ? `Unsupported file type: this is ${what}.` : 'This is a binary file, not text.',
    };
  }
  if (sniffed === 'gzip') {
    return byName === 'jsonl' || byName === 'jsonl.gz'
      ? { kind: 'jsonl.gz' }
      : { kind: 'unsupported', reason: 'Unsupported file type: a compressed file that is not a .jsonl.gz archive.' };
  }
  if (!byName) {
    if (sniffed === 'html' || sniffed === 'mhtml')
      return { kind: sniffed, note: `read as a saved web page (the name ends in "${ext || 'nothing'}")` };
    const other = KNOWN_OTHER[ext];
    return {
      kind: 'unsupported',
      reason: other
        ? `Unsupported file type: ${other} are not imported.`
        : `Unsupported file type${ext ? ` ".${ext}"` : ''}.`,
    };
  }
  if (sniffed && sniffed !== byName && (byName === 'text' || byName === 'html' || byName === 'mhtml')) {
    return {
      kind: sniffed,
      note: `read as ${sniffed === 'html' ? 'a web page' : 'an .mhtml page'} although the name ends in ".${ext}"`,
    };
  }
  if (byName === 'jsonl.gz' && head) return { kind: 'jsonl', note: 'not compressed although the name ends in ".gz"' };
  return { kind: byName };
}
