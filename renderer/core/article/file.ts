/** One dispatch for single-article files, so the import worker needs no switch of its own. */
import type { ParsedArticle } from '../model';
import type { TextEncodingName } from './decode';
import { parseHtmlBytes } from './html';
import { parseMhtmlBytes } from './mhtml';
import { parseTextBytes } from './text';

export type SingleFileKind = 'text' | 'html' | 'mhtml';

/**
 * Parses one text, HTML or MHTML file's bytes (kind from detectKind). `fileName` (a path relative to
 * the picked folder is best) becomes `source.name` and the fallback title.
 * Throws ImportError ('empty' | 'binary' | 'malformed' | 'no-text') with a plain reason.
 */
export function parseFileBytes(
  kind: SingleFileKind,
  bytes: Uint8Array,
  fileName: string,
): { article: ParsedArticle; encoding: TextEncodingName } {
  if (kind === 'html') return parseHtmlBytes(bytes, { fileName });
  if (kind === 'mhtml') return parseMhtmlBytes(bytes, { fileName });
  return parseTextBytes(bytes, { fileName });
}
