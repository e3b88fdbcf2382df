/**
 * Bytes → text for imported files: BOM, strict UTF-8, then a scored choice between the two legacy
 * Arabic code pages. The returned text is exactly what the bytes say (line endings untouched); only a
 * leading BOM is dropped.
 */
import { ImportError } from './errors';
import { textDecoder } from './env';

/** The WHATWG name of the encoding used; the five named are the ones guessed, others come from a declaration. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'iso-8859-6' | (string & {});

export interface Decoded {
  text: string;
  encoding: TextEncodingName;
  /** True when a byte-order mark decided the encoding. */
  bom: boolean;
}

/** The encoding a leading byte-order mark announces, with the BOM's length; undefined when none. */
export function sniffBom(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | undefined {
  const [a, b, c] = [bytes[0], bytes[1], bytes[2]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

// 8 KiB is enough to judge: binary formats show NULs or control bytes in their first blocks.
const BINARY_SAMPLE = 8192;

/**
 * True when the bytes look like a binary file rather than text in any encoding we read:
 * a NUL byte (never in 8-bit text), or more than 10% C0 control bytes other than tab/CR/LF/FF/ESC.
 * Call it only on bytes without a UTF-16 BOM (UTF-16 text is full of NULs).
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, BINARY_SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** True when `s` is only whitespace (incl. NBSP and zero-width marks). */
export function isBlankText(s: string): boolean {
  return /^[\s\u00a0\u200b-\u200f\u2060\ufeff]*$/.test(s);
}

/**
 * Decodes a text file's bytes. `declared` (a charset from HTML meta or a MIME part) wins over guessing
 * when the runtime knows the label, except that a BOM always wins.
 * Throws ImportError 'empty' for no bytes or only whitespace, 'binary' for non-text bytes.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string): Decoded {
  if (bytes.length === 0) throw new ImportError('empty', 'The file is empty.');
  const decoded = decodeAny(bytes, declared);
  if (isBlankText(decoded.text)) throw new ImportError('empty', 'The file holds only blank space.');
  return decoded;
}

function decodeAny(bytes: Uint8Array, declared?: string): Decoded {
  const bom = sniffBom(bytes);
  if (bom)
    return { text: textDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding, bom: true };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: textDecoder(utf16).decode(bytes), encoding: utf16, bom: false };
  if (looksBinary(bytes)) {
    throw new ImportError('binary', 'This is a binary file, not text (it may be an image, a document or an archive).');
  }
  const known = declared ? knownLabel(declared) : undefined;
  if (known && known !== 'utf-8' && !isUtf8(bytes)) {
    // Old Arabic sites often declare Latin-1 (windows-1252 in WHATWG terms) over Arabic bytes.
    if (
      known === 'windows-1252' &&
      arabicShare(textDecoder('windows-1256').decode(bytes.subarray(0, LEGACY_SAMPLE))) > 0.5
    ) {
      return { text: textDecoder('windows-1256').decode(bytes), encoding: 'windows-1256', bom: false };
    }
    return { text: textDecoder(known).decode(bytes), encoding: known, bom: false };
  }
  try {
    // stream: a file cut inside its last character (a truncated save) is still UTF-8; the cut
    // character's 1–3 bytes are dropped instead of sending the whole file to the legacy guess.
    return { text: textDecoder('utf-8', true).decode(bytes, { stream: true }), encoding: 'utf-8', bom: false };
  } catch {
    // Not valid UTF-8 (even if declared so): a legacy Arabic code page.
  }
  const encoding = guessLegacyArabic(bytes);
  return { text: textDecoder(encoding).decode(bytes), encoding, bom: false };
}

/**
 * True when non-ASCII bytes are present and all form valid UTF-8: a page re-saved as UTF-8 whose
 * <meta> still names its old code page. (Long legacy Arabic text is never valid UTF-8 by chance.)
 */
function isUtf8(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    textDecoder('utf-8', true).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-16 without a BOM, told by where the NULs and 0x06 bytes fall: ASCII characters are (xx, 00)
 * in little-endian, Arabic ones (xx, 06); so nearly all odd (LE) or even (BE) bytes are 00 or 06.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, BINARY_SAMPLE) & ~1;
  if (n < 8) return undefined;
  let odd = 0;
  let even = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0 || bytes[i] === 6) even++;
    if (bytes[i + 1] === 0 || bytes[i + 1] === 6) odd++;
  }
  const half = n / 2;
  if (odd > 0.9 * half && even < 0.1 * half && bytes.includes(0)) return 'utf-16le';
  if (even > 0.9 * half && odd < 0.1 * half && bytes.includes(0)) return 'utf-16be';
  return undefined;
}

/** Share of Arabic letters among the non-space characters of `s`. */
function arabicShare(s: string): number {
  let letters = 0;
  let all = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20) continue;
    all++;
    if (c >= 0x0621 && c <= 0x064a) letters++;
  }
  return all ? letters / all : 0;
}

/** The runtime's canonical name for a charset label (e.g. "cp1256" → "windows-1256"), or undefined. */
export function knownLabel(label: string): string | undefined {
  try {
    return textDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return undefined;
  }
}

// Scoring sample: 64 KiB decides for any realistic article; decoding 50 MB twice would be waste.
const LEGACY_SAMPLE = 65536;

/**
 * Picks windows-1256 or iso-8859-6 for bytes that are not UTF-8, by which decoding reads as Arabic.
 * Both place alef at 0xC7 but differ from 0xD8 on: the wrong choice yields U+FFFD (iso-8859-6 has
 * holes), accented Latin letters between Arabic ones (windows-1256 puts é, è, ê… where iso-8859-6 has
 * ى, و, ي), or stray tanween marks. The right one yields many "ال" pairs. Ties go to windows-1256,
 * by far the more common on Arabic Windows machines.
 */
export function guessLegacyArabic(bytes: Uint8Array): 'windows-1256' | 'iso-8859-6' {
  const sample = bytes.subarray(0, LEGACY_SAMPLE);
  const cp = arabicScore(textDecoder('windows-1256').decode(sample));
  const iso = arabicScore(textDecoder('iso-8859-6').decode(sample));
  return iso > cp ? 'iso-8859-6' : 'windows-1256';
}

function arabicScore(s: string): number {
  let score = 0;
  let prev = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x0621 && c <= 0x064a && c !== 0x0640) score += 1;
    else if (c >= 0x064b && c <= 0x0652)
      score -= prev >= 0x064b && prev <= 0x0652 ? 3 : 1; // marks: few, never in runs
    else if (c === 0xfffd) score -= 5;
    else if (c >= 0xc0 && c <= 0xff) score -= 3;
    if (prev === 0x0627 && c === 0x0644) score += 4; // "ال", the commonest Arabic bigram
    prev = c;
  }
  return score;
}
