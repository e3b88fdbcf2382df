/**
 * Line and paragraph ranges over text with any line ending (LF, CRLF, lone CR), in one linear pass.
 * Ranges are trimmed of surrounding whitespace, so a paragraph's slice never starts or ends blank.
 */
import type { TextRange } from '../model';

/** A non-blank line: its trimmed range in the text. */
export type LineRange = TextRange;

// Whitespace that pads lines in saved articles: ASCII space/tab, NBSP, zero-width and BOM marks.
function isPad(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0x0c ||
    c === 0x0b ||
    c === 0xa0 ||
    c === 0xfeff ||
    (c >= 0x200b && c <= 0x200f) ||
    c === 0x2060 ||
    c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200a)
  );
}

/** The trimmed range of text[start, end), or undefined when it is blank. */
export function trimRange(text: string, start: number, end: number): LineRange | undefined {
  let s = start;
  let e = end;
  while (s < e && isPad(text.charCodeAt(s))) s++;
  while (e > s && isPad(text.charCodeAt(e - 1))) e--;
  return s < e ? { start: s, end: e } : undefined;
}

/**
 * Calls `visit` for every line: its trimmed range (undefined for a blank line). Linear in the text
 * length; `visit` returning false stops the scan (the header parser reads only the first lines).
 */
export function scanLines(text: string, visit: (line: LineRange | undefined) => boolean | void): void {
  let start = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
    if (visit(trimRange(text, start, i)) === false) return;
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
}

/** All non-blank lines' trimmed ranges, from offset `from` on. */
export function nonBlankLines(text: string, from = 0): LineRange[] {
  const out: LineRange[] = [];
  const sub = from === 0 ? text : text.slice(from);
  scanLines(sub, (r) => {
    if (r) out.push(from === 0 ? r : { start: r.start + from, end: r.end + from });
  });
  return out;
}

/** True when the range holds a letter or digit (not just "***" or "-----"). */
export function hasWordChar(text: string, r: TextRange): boolean {
  return /[\p{L}\p{N}]/u.test(text.slice(r.start, Math.min(r.end, r.start + 200)));
}
