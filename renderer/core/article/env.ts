/**
 * The two runtime globals core's import code needs — `TextDecoder`/`TextEncoder` and `crypto.subtle` —
 * reached through narrow interfaces on `globalThis`.
 *
 * Why not an ambient `declare var TextDecoder` in a core .d.ts: the app's main tsconfig also includes
 * core with the DOM lib, where a second `declare var TextDecoder` of a different type is a compile
 * error. Casting `globalThis` once, here, keeps core free of the DOM and Node libs in both programs.
 * Browsers, workers and Node 20 all provide these globals (Node's full-ICU build decodes windows-1256
 * and iso-8859-6).
 */

export interface CoreTextDecoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
  readonly encoding: string;
}

interface CoreGlobals {
  TextDecoder: new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => CoreTextDecoder;
  TextEncoder: new () => { encode(input: string): Uint8Array };
  crypto: { subtle: { digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer> } };
}

const g = globalThis as unknown as CoreGlobals;

/**
 * A decoder for a WHATWG encoding label.
 * Throws a RangeError when the runtime does not know the label (callers treat that as "unknown charset").
 */
export function textDecoder(label: string, fatal = false): CoreTextDecoder {
  return new g.TextDecoder(label, { fatal });
}

/** UTF-8 bytes of a string. */
export function utf8Bytes(s: string): Uint8Array {
  return new g.TextEncoder().encode(s);
}

/** Lower-case hex SHA-256 of the UTF-8 bytes of `s`. Rejects only if the runtime has no `crypto.subtle`. */
export async function sha256Hex(s: string): Promise<string> {
  const digest = new Uint8Array(await g.crypto.subtle.digest('SHA-256', utf8Bytes(s)));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}
