/** Escaping and direction helpers shared by the text formats. */
import { detectLanguage } from './common';

/** First-strong isolate and its closing pop (Unicode bidi, UAX #9): keeps a Latin run or URL inside
 *  Arabic (and the reverse) from reordering its neighbours in plain text. */
export const FSI = '\u2068';
export const PDI = '\u2069';

/** `s` wrapped in FSI…PDI; '' stays ''. */
export function isolate(s: string): string {
  return s ? FSI + s + PDI : s;
}

/** Text safe inside HTML element content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** True for an http(s) URL, the only kind an export links to (no javascript: or data: links). */
export function isWebUrl(url: string | undefined): url is string {
  return !!url && /^https?:\/\/\S+$/i.test(url.trim());
}

/** Right-to-left and left-to-right marks: invisible strong characters that set a paragraph's direction. */
export const RLM = '\u200F';
export const LRM = '\u200E';

/**
 * 'rtl' when most letters are Arabic, 'ltr' when most are Latin, undefined with no letters. Used
 * instead of first-strong detection (dir="auto"), which reads "Human Rights Watch تقريراً من 40
 * صفحة" left to right because it opens with a Latin name.
 */
export function majorityDir(text: string): 'rtl' | 'ltr' | undefined {
  const lang = detectLanguage(text);
  return lang === 'ar' ? 'rtl' : lang === 'en' ? 'ltr' : undefined;
}

/**
 * For plain-text formats: `line` prefixed with RLM (or LRM) when its first strong letter would
 * give it another paragraph direction than `dir` (default: its majority); unchanged otherwise.
 */
export function withDirectionMark(line: string, dir = majorityDir(line)): string {
  const first = /[A-Za-z\u0600-\u06FF]/.exec(line)?.[0];
  if (!dir || !first) return line;
  const firstIsArabic = first >= '\u0600';
  if (dir === 'rtl' && !firstIsArabic) return RLM + line;
  if (dir === 'ltr' && firstIsArabic) return LRM + line;
  return line;
}

/**
 * Text taken from articles or users, made inert inside a line of Markdown (issue 13): `&`, `<`, `>`
 * become entities (no raw HTML, no autolinks), and backslash, backtick, `*`, `_`, `~`, `|`, `[`, `]`
 * are backslash-escaped (no code, emphasis, strike, tables, links or images). Line-start markers
 * (headings, lists, quotes) are the caller's: see escapeLine in markdown.ts.
 */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_~|[\]]/g, '\\$&').replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

// Spaces and invisible characters a spreadsheet skips before it looks for a formula sign.
const LEADING_BLANKS = /^[\s\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]+/;
// Formula signs, ASCII and full-width (＝ ＋ － ＠), and the minus sign.
const FORMULA_SIGN = /^[=+\-@\uff1d\uff0b\uff0d\uff20\u2212]/;

/**
 * A CSV cell a spreadsheet would run as a formula, prefixed with an apostrophe (OWASP's CSV-injection
 * advice): a formula sign first, after any leading spaces, tabs or invisible characters; or a cell
 * opening with a tab or a line break. Everything else is unchanged. "-٥ قتلى" becomes "'-٥ قتلى",
 * which a spreadsheet shows as the text -٥ قتلى.
 */
export function guardFormula(value: string): string {
  if (/^[\t\r\n]/.test(value)) return `'${value}`;
  return FORMULA_SIGN.test(value.replace(LEADING_BLANKS, '')) ? `'${value}` : value;
}
