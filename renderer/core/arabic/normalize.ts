/**
 * Arabic folding with an offset map back to the original text.
 *
 * Default (loose) folding — what search matches on:
 *   - removed: tashkeel U+064B–065F, superscript alef U+0670, Quranic marks (U+0610–061A, U+06D6–06ED),
 *     tatweel U+0640, invisible format characters (ZWJ/ZWNJ, bidi marks and isolates, BOM, soft hyphen, ALM);
 *   - أ إ آ ٱ → ا; hamza seats ؤ → و, ئ → ي (users drop them; the corpus judging does not fold them);
 *   - ى, Farsi ی → ي; ة → ه; keheh ک → ك;
 *   - Arabic-Indic ٠–٩ and extended ۰–۹ digits → 0–9; ٫ → "." and ٬ → ",";
 *   - Latin lower-cased; Arabic presentation forms (ﻻ, ﺍ …) decomposed by NFKC then folded.
 * Strict folding — for when the spelling is the evidence: letters, hamza forms and digits stay exactly
 * as written; only marks that are not letters (tashkeel, Quranic marks, tatweel, invisible format
 * characters) are removed and Latin is lower-cased, so `آذار` matches `آذَار` but not `اذار`.
 */

/** Per-code-unit action: -1 remove, 0 keep, >0 replace by that code unit. */
type Table = Int32Array;

const REMOVE = -1;

function baseTable(): Table {
  const t = new Int32Array(0x10000);
  const remove = (from: number, to: number): void => {
    for (let c = from; c <= to; c++) t[c] = REMOVE;
  };
  remove(0x064b, 0x065f); // harakat, tanween, shadda, sukun, extended marks
  remove(0x0670, 0x0670); // superscript (dagger) alef
  remove(0x0610, 0x061a); // Quranic honorifics and small marks
  remove(0x06d6, 0x06dc); // Quranic small high ligatures
  remove(0x06df, 0x06e4);
  remove(0x06e7, 0x06e8);
  remove(0x06ea, 0x06ed);
  remove(0x08d3, 0x08ff); // Arabic Extended-A marks
  remove(0x0640, 0x0640); // tatweel
  remove(0x200b, 0x200f); // ZWSP, ZWNJ, ZWJ, LRM, RLM
  remove(0x202a, 0x202e); // bidi embeddings and overrides
  remove(0x2060, 0x2069); // word joiner, bidi isolates
  remove(0x061c, 0x061c); // Arabic letter mark
  remove(0xfeff, 0xfeff); // BOM / ZWNBSP
  remove(0x00ad, 0x00ad); // soft hyphen
  for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 32; // A–Z
  for (let c = 0xc0; c <= 0x24f; c++) {
    const lower = String.fromCharCode(c).toLowerCase();
    if (lower.length === 1 && lower.charCodeAt(0) !== c) t[c] = lower.charCodeAt(0);
  }
  return t;
}

function looseTable(): Table {
  const t = baseTable();
  for (const c of [0x0623, 0x0625, 0x0622, 0x0671, 0x0672, 0x0673]) t[c] = 0x0627; // alef forms → ا
  t[0x0624] = 0x0648; // ؤ → و
  t[0x0626] = 0x064a; // ئ → ي
  t[0x0649] = 0x064a; // ى → ي
  t[0x06cc] = 0x064a; // Farsi yeh → ي
  t[0x0629] = 0x0647; // ة → ه
  t[0x06a9] = 0x0643; // keheh → ك
  for (let d = 0; d < 10; d++) {
    t[0x0660 + d] = 0x30 + d;
    t[0x06f0 + d] = 0x30 + d;
  }
  t[0x066b] = 0x2e; // Arabic decimal separator → .
  t[0x066c] = 0x2c; // Arabic thousands separator → ,
  return t;
}

const LOOSE = looseTable();
const STRICT = baseTable();

function isPresentationForm(c: number): boolean {
  return (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc);
}

export interface FoldOptions {
  /** Exact letters and digits; only non-letter marks removed and Latin lower-cased. */
  strict?: boolean;
}

export interface Folded {
  text: string;
  /** `map[i]` = offset in the original of folded code unit i; `map[text.length]` = original length. */
  map: Int32Array;
}

/** Folds `text` for matching and returns the folded text with its offset map; never throws. */
export function foldArabic(text: string, options: FoldOptions = {}): Folded {
  const table = options.strict ? STRICT : LOOSE;
  const n = text.length;
  const out = new Uint16Array(n * 2 + 4);
  const map = new Int32Array(n * 2 + 5);
  // NFKC expansions beyond 2× are cut (no real text reaches this). The writes are inline, not a
  // closure over `j`: this loop runs once per character of an article (find in a 30M-character one).
  const last = out.length - 1;
  let j = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const a = table[c]!;
    if (a === REMOVE) continue;
    if (a > 0) {
      if (j < last) {
        out[j] = a;
        map[j++] = i;
      }
    } else if (isPresentationForm(c)) {
      const decomposed = String.fromCharCode(c).normalize('NFKC');
      for (let k = 0; k < decomposed.length; k++) {
        const d = decomposed.charCodeAt(k);
        const da = table[d]!;
        if (da !== REMOVE && j < last) {
          out[j] = da > 0 ? da : d;
          map[j++] = i;
        }
      }
    } else if (j < last) {
      out[j] = c;
      map[j++] = i;
    }
  }
  map[j] = n;
  return { text: codesToString(out, j), map: map.slice(0, j + 1) };
}

let buffer = new Uint16Array(256);

/** Folds `text` without building a map (the indexer's hot path, called per token); never throws. */
export function foldText(text: string, options: FoldOptions = {}): string {
  const table = options.strict ? STRICT : LOOSE;
  const n = text.length;
  let i = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (table[c] !== 0 || isPresentationForm(c)) break;
  }
  if (i === n) return text;
  if (buffer.length < n) buffer = new Uint16Array(n * 2);
  let j = 0;
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(k);
    if (isPresentationForm(c)) return foldArabic(text, options).text;
    const a = table[c]!;
    if (a === REMOVE) continue;
    buffer[j++] = a > 0 ? a : c;
  }
  return codesToString(buffer, j);
}

function codesToString(codes: Uint16Array, length: number): string {
  const CHUNK = 8192; // fromCharCode.apply argument limit stays far below engine maxima
  let s = '';
  for (let i = 0; i < length; i += CHUNK) {
    s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[]);
  }
  return s;
}

/**
 * Maps a folded range [start, end) back to the original text. The end extends over removed marks
 * that follow the last character (tashkeel, tatweel) so highlights cover them. Out-of-range input is
 * clamped; never throws.
 */
export function toOriginalRange(map: ArrayLike<number>, start: number, end: number): { start: number; end: number } {
  const last = map.length - 1;
  const s = Math.max(0, Math.min(start, last));
  const e = Math.max(s, Math.min(end, last));
  if (e === s) return { start: map[s]!, end: map[s]! };
  // The original end is where the next kept character begins (covering removed marks after the last
  // letter); inside an NFKC expansion both neighbours share one origin, so end after that character.
  const next = map[e]!;
  const prev = map[e - 1]!;
  return { start: map[s]!, end: next > prev ? next : prev + 1 };
}
