/**
 * Word tokenizer for folded text: a token is a run of letters or a number with inner `.`/`,`
 * (`34,502`, `1.5`, `٣٤٬٥٠٢` in strict text), as the corpus judging tokenizes. Everything else —
 * spaces, Arabic punctuation ، ؛ ؟ « », Latin punctuation, symbols — separates tokens, so a phrase
 * glued to punctuation (`الرياض،جدة`) still splits into words.
 */
import { foldArabic, type FoldOptions } from './normalize';

const LETTER = 1;
const DIGIT = 2;
const NUMSEP = 3;

let table: Uint8Array | null = null;

/**
 * Character classes for the BMP (0 = separator), built on first use (≈65k regex tests, a few ms that
 * start-up does not need to pay: the first screen tokenizes nothing).
 */
function classes(): Uint8Array {
  if (table) return table;
  const t = new Uint8Array(0x10000);
  const letter = /\p{L}/u;
  const digit = /\p{Nd}/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const s = String.fromCharCode(c);
    if (letter.test(s)) t[c] = LETTER;
    else if (digit.test(s)) t[c] = DIGIT;
  }
  for (const c of [0x2c, 0x2e, 0x066b, 0x066c]) t[c] = NUMSEP; // , . ٫ ٬ (only inside numbers)
  table = t;
  return t;
}

/**
 * Scans `text` and returns token boundaries as a flat array [start0, end0, start1, end1, …]
 * (offsets in `text`); empty for text without words. Never throws.
 */
export function scanTokens(text: string): number[] {
  const cls = classes();
  const out: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const k = cls[text.charCodeAt(i)]!;
    if (k === LETTER) {
      const s = i;
      while (i < n && cls[text.charCodeAt(i)] === LETTER) i++;
      out.push(s, i);
    } else if (k === DIGIT) {
      const s = i;
      i++;
      for (;;) {
        while (i < n && cls[text.charCodeAt(i)] === DIGIT) i++;
        // A separator counts only between digits: "2015." ends the number before the full stop.
        if (i + 1 < n && cls[text.charCodeAt(i)] === NUMSEP && cls[text.charCodeAt(i + 1)] === DIGIT) i++;
        else break;
      }
      out.push(s, i);
    } else i++;
  }
  return out;
}

/** True when `token` is a number token (starts with a digit). */
export function isNumberToken(token: string): boolean {
  return token.length > 0 && classes()[token.charCodeAt(0)] === DIGIT;
}

/** Thousands grouping: 1–3 digits, then groups of exactly 3 after `,` (or Arabic ٬). */
const GROUPED = /^\p{Nd}{1,3}(?:[,\u066c]\p{Nd}{3})+$/u;

/**
 * The separator-free form of a number written with thousands separators (`34,502` → `34502`),
 * or null for any other token: `20.2` and `2,6` are not `202` and `26`.
 */
export function numberWithoutSeparators(token: string): string | null {
  return GROUPED.test(token) ? token.replace(/[,\u066c]/g, '') : null;
}

export interface WordToken {
  /** The folded token text. */
  text: string;
  /** Offsets of the token in the ORIGINAL text (end covers trailing tashkeel). */
  start: number;
  end: number;
}

/** Folds `text` and returns its word tokens with original offsets; empty when there are none. */
export function tokenize(text: string, options: FoldOptions = {}): WordToken[] {
  const { text: folded, map } = foldArabic(text, options);
  const bounds = scanTokens(folded);
  const tokens: WordToken[] = [];
  for (let i = 0; i < bounds.length; i += 2) {
    const s = bounds[i]!;
    const e = bounds[i + 1]!;
    const next = map[e]!;
    const prev = map[e - 1]!;
    tokens.push({ text: folded.slice(s, e), start: map[s]!, end: next > prev ? next : prev + 1 });
  }
  return tokens;
}
