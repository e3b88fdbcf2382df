/** Escaping shared by the text formats. */

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
