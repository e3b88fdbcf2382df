/**
 * Bytes of a fetched feed or page → text, with the character set found where the web puts it:
 * a byte-order mark first, then the HTTP header's `charset=`, then the XML declaration
 * (`<?xml … encoding="windows-1256"?>`) or the page's `<meta charset>`, and only then the scored
 * guess between the legacy Arabic code pages that imported files use (core/article/decode.ts).
 */
import { decodeBytes, knownLabel, sniffBom } from '../article/decode';
import { sniffHtmlCharset } from '../article/html';

/** The `charset` parameter of a Content-Type header ("text/xml; charset=windows-1256"), or undefined. */
export function charsetOfContentType(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '');
  return m?.[1];
}

/** The `encoding` of an XML declaration in the first bytes, or undefined (the declaration is ASCII). */
export function xmlDeclEncoding(bytes: Uint8Array): string | undefined {
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 256); i++) head += String.fromCharCode(bytes[i]!);
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(head);
  return m?.[1];
}

/**
 * Decodes a response body. The declared charset (header, then XML declaration, then <meta>) wins when the
 * runtime knows it; otherwise UTF-8 or the Arabic guess. Throws ImportError 'empty' | 'binary' (core/article/errors.ts).
 */
export function decodeFetched(bytes: Uint8Array, contentType?: string): { text: string; encoding: string } {
  const { text, encoding } = decodeBytes(bytes, sniffBom(bytes) ? undefined : declaredCharset(bytes, contentType));
  return { text, encoding };
}

/** The charset a response declares (header, XML declaration, <meta>), for handing a page on to the HTML parser. */
export function declaredCharset(bytes: Uint8Array, contentType?: string): string | undefined {
  return [charsetOfContentType(contentType), xmlDeclEncoding(bytes), sniffHtmlCharset(bytes)].find(
    (c) => c && knownLabel(c),
  );
}
