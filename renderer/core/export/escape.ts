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
