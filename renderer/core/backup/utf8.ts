/**
 * UTF-8 for the backup stream. Uses the platform's TextEncoder/TextDecoder (browsers, workers and
 * Node all have them) found on globalThis — core's tsconfig has no DOM types, so they are typed
 * here — and a small pure fallback so core still runs where they are missing.
 */

interface Encoder {
  encode(s: string): Uint8Array;
}
interface Decoder {
  decode(b: Uint8Array): string;
}
const g = globalThis as unknown as {
  TextEncoder?: new () => Encoder;
  TextDecoder?: new (label: string, options: { fatal: boolean }) => Decoder;
};
const encoder: Encoder = g.TextEncoder ? new g.TextEncoder() : { encode: encodeFallback };
const decoder: Decoder = g.TextDecoder ? new g.TextDecoder('utf-8', { fatal: true }) : { decode: decodeFallback };

/** UTF-8 bytes of `s` (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8Encode(s: string): Uint8Array {
  return encoder.encode(s);
}

/** The string in `bytes`; throws a TypeError on invalid UTF-8 (a damaged byte). */
export function utf8Decode(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

function encodeFallback(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    let c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

function decodeFallback(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xf0 && c < 0xf5 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 && c < 0xe0 ? 1 : -1;
    if (n < 0 || i + n >= b.length + (n ? 0 : 1)) throw new TypeError('invalid UTF-8');
    let cp = n ? c & (0x3f >> n) : c;
    for (let k = 1; k <= n; k++) {
      const x = b[i + k]!;
      if ((x & 0xc0) !== 0x80) throw new TypeError('invalid UTF-8');
      cp = (cp << 6) | (x & 63);
    }
    s += String.fromCodePoint(cp);
    i += n + 1;
  }
  return s;
}
