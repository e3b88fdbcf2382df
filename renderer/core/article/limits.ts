/**
 * Size and shape limits of what import accepts (issue 13), checked before any parser spends time or
 * memory on it. Over a limit, the file or record is refused with its own plain reason; nothing is cut
 * or guessed. See docs/decisions/import-limits.md for why the numbers and why refusal, not splitting.
 */
import { ImportError } from './errors';

/** Largest one-article file (text, saved page) in bytes: 64 MiB. */
export const MAX_ARTICLE_BYTES = 64 * 1024 * 1024;
/** Largest archive record (a JSON Lines line or a CSV row), in characters. */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;
/** Largest web page handed to the HTML parser, in characters (a saved page is rarely over 5 MB). */
export const MAX_HTML_CHARS = 32 * 1024 * 1024;
/** Deepest element nesting accepted in a web page (real pages stay under a few hundred). */
export const MAX_HTML_DEPTH = 1000;

const MB = (n: number): string => `${Math.round(n / (1024 * 1024))} MB`;

/** Throws ImportError 'too-large' when a one-article file is over MAX_ARTICLE_BYTES. */
export function checkArticleBytes(size: number): void {
  if (size > MAX_ARTICLE_BYTES) {
    throw new ImportError(
      'too-large',
      `The file is ${MB(size)}; Warraq imports articles of up to ${MB(MAX_ARTICLE_BYTES)}. Split it into smaller files.`,
    );
  }
}

// Elements that never nest (void) or that the parser closes by itself when a sibling opens.
const FLAT = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'rb',
  'rt',
  'rp',
  'colgroup',
  'caption',
]);
// Elements whose content is raw text: tags inside them are not tags.
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'plaintext']);

/**
 * Refuses a page too large or nested too deep for extraction, quickly and without recursion: one
 * linear scan of its tags keeps a running depth (void and self-closing elements, and those the parser
 * closes itself, do not deepen it). Throws ImportError 'too-large' or 'too-deep'.
 */
export function checkHtml(html: string): void {
  if (html.length > MAX_HTML_CHARS) {
    throw new ImportError(
      'too-large',
      `The page is ${MB(html.length)} of markup; Warraq reads saved pages of up to ${MB(MAX_HTML_CHARS)}.`,
    );
  }
  const tag = /<(\/?)([a-zA-Z][^\s/>]*)[^>]*?(\/?)>|<!--[\s\S]*?-->/g;
  let depth = 0;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(html))) {
    if (!m[2]) continue; // a comment
    const name = m[2].toLowerCase();
    if (m[1]) {
      if (!FLAT.has(name) && depth > 0) depth--;
      continue;
    }
    if (RAW.has(name)) {
      const close = new RegExp(`</${name}`, 'ig');
      close.lastIndex = tag.lastIndex;
      if (!close.exec(html)) break;
      tag.lastIndex = close.lastIndex - name.length - 2;
      continue;
    }
    if (m[3] || FLAT.has(name)) continue;
    if (++depth > MAX_HTML_DEPTH) {
      throw new ImportError(
        'too-deep',
        `The page nests its elements more than ${MAX_HTML_DEPTH} levels deep; it is refused rather than read slowly.`,
      );
    }
  }
}
