/**
 * An article's lead for the library list: the start of its first body paragraph, cut at a word
 * boundary, whitespace collapsed, bidi controls removed. Computed once at import (and lazily for
 * articles stored before leads existed) and kept on the meta, so the list never reads a text.
 */
import type { TextRange } from '../model';
import { stripControls } from './controls';

/** Characters kept: one line of the list, with room for a wide window. */
export const LEAD_CHARS = 160;

export function leadOf(text: string, paragraphs: readonly TextRange[], titleRange?: TextRange): string {
  for (const p of paragraphs) {
    if (titleRange && p.start === titleRange.start && p.end === titleRange.end) continue;
    // Read at most a little more than the lead: a paragraph may be megabytes long.
    const slice = text.slice(p.start, Math.min(p.end, p.start + LEAD_CHARS * 2));
    const line = stripControls(slice).replace(/\s+/g, ' ').trim();
    if (!line) continue;
    if (line.length <= LEAD_CHARS && p.end - p.start <= LEAD_CHARS * 2) return line;
    const cut = line.slice(0, LEAD_CHARS);
    const space = cut.lastIndexOf(' ');
    return `${space > LEAD_CHARS / 2 ? cut.slice(0, space) : cut}…`;
  }
  return '';
}
