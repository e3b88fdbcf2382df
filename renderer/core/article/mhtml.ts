/**
 * Chrome's single-file web page (.mhtml, MIME multipart/related) → the main text/html part → html.ts.
 * Parts may be quoted-printable, base64 or 8-bit, each with its own charset. Works on a byte-exact
 * "binary string" (one char per byte), so 8-bit parts survive until their charset decodes them.
 */
import type { ParsedArticle } from '../model';
import type { TextEncodingName } from './decode';
import { ImportError } from './errors';
import { parseHtmlBytes, type HtmlParseOptions } from './html';

export interface MimePart {
  headers: Map<string, string>;
  /** The decoded body (transfer encoding undone), still in the part's charset. */
  body: Uint8Array;
}

/** One char per byte (chunked: String.fromCharCode takes a bounded argument list). */
export function bytesToBinary(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

function binaryToBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

/** Header block → lower-cased names to values, folded continuation lines joined (RFC 5322). */
export function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return headers;
}

/** A parameter of a header value (`boundary`, `charset`), quotes removed. */
export function headerParam(value: string | undefined, name: string): string | undefined {
  const m = value ? new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value) : null;
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Quoted-printable → bytes (soft line breaks removed, =XX decoded; a stray "=" is kept). */
export function decodeQuotedPrintable(s: string): Uint8Array {
  const t = s
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return binaryToBytes(t);
}

/** Base64 → bytes, ignoring line breaks and junk characters. */
export function decodeBase64(s: string): Uint8Array {
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  const val = (c: number) => (c > 96 ? c - 71 : c > 64 ? c - 65 : c > 47 ? c + 4 : c === 43 ? 62 : 63);
  let o = 0;
  for (let i = 0; i + 1 < clean.length; i += 4) {
    const n =
      (val(clean.charCodeAt(i)) << 18) |
      (val(clean.charCodeAt(i + 1)) << 12) |
      ((i + 2 < clean.length ? val(clean.charCodeAt(i + 2)) : 0) << 6) |
      (i + 3 < clean.length ? val(clean.charCodeAt(i + 3)) : 0);
    out[o++] = (n >> 16) & 0xff;
    if (i + 2 < clean.length) out[o++] = (n >> 8) & 0xff;
    if (i + 3 < clean.length) out[o++] = n & 0xff;
  }
  return out.subarray(0, o);
}

function splitHead(s: string): [string, string] {
  const m = /\r?\n\r?\n/.exec(s);
  return m ? [s.slice(0, m.index), s.slice(m.index + m[0].length)] : [s, ''];
}

/**
 * The parts of a MIME multipart message (bytes of the whole .mhtml file).
 * Throws ImportError 'malformed' when there is no multipart boundary or no part.
 */
export function parseMultipart(bytes: Uint8Array): { headers: Map<string, string>; parts: MimePart[] } {
  const [head, rest] = splitHead(bytesToBinary(bytes));
  const headers = parseHeaders(head);
  const boundary = headerParam(headers.get('content-type'), 'boundary');
  if (!boundary)
    throw new ImportError('malformed', 'This .mhtml file has no MIME boundary: it is not a complete saved web page.');
  const parts: MimePart[] = [];
  for (const chunk of rest.split('--' + boundary).slice(1)) {
    if (/^--/.test(chunk)) break; // closing delimiter
    const [h, body] = splitHead(chunk.replace(/^\r?\n/, ''));
    const ph = parseHeaders(h);
    const enc = (ph.get('content-transfer-encoding') ?? '').toLowerCase();
    const raw = body.replace(/\r?\n$/, '');
    parts.push({
      headers: ph,
      body:
        enc === 'base64'
          ? decodeBase64(raw)
          : enc === 'quoted-printable'
            ? decodeQuotedPrintable(raw)
            : binaryToBytes(raw),
    });
  }
  if (parts.length === 0) throw new ImportError('malformed', 'This .mhtml file holds no parts: it may be truncated.');
  return { headers, parts };
}

/**
 * Parses a saved .mhtml page: its first text/html part through html.ts, with that part's charset and
 * Content-Location as fallbacks. Throws ImportError 'malformed' (no boundary, no parts, no HTML part),
 * 'empty' or 'no-text'.
 */
export function parseMhtmlBytes(
  bytes: Uint8Array,
  opts: HtmlParseOptions = {},
): { article: ParsedArticle; encoding: TextEncodingName } {
  const { headers, parts } = parseMultipart(bytes);
  const html = parts.find((p) => /^text\/html/i.test(p.headers.get('content-type') ?? ''));
  if (!html) throw new ImportError('malformed', 'This .mhtml file holds no web page (no text/html part).');
  const charset = headerParam(html.headers.get('content-type'), 'charset');
  const url = html.headers.get('content-location') ?? headers.get('snapshot-content-location');
  return parseHtmlBytes(html.body, {
    kind: 'mhtml',
    ...opts,
    ...(charset ? { charset } : {}),
    ...(url && !opts.url ? { url } : {}),
  });
}
