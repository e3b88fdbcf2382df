import { describe, expect, it } from 'vitest';
import { decodeBytes, guessLegacyArabic, looksBinary, sniffBom } from '../../../../renderer/core/article/decode';
import { fixture } from './fixtures';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeBytes', () => {
  it.each([
    ['text/watan.txt', 'utf-8', false],
    ['encodings/beirut-utf8-bom.txt', 'utf-8', true],
    ['encodings/labelled-utf16le-bom.txt', 'utf-16le', true],
    ['encodings/khaleej-utf16be-bom.txt', 'utf-16be', true],
    ['encodings/watan-cp1256-crlf.txt', 'windows-1256', false],
    ['encodings/rabat-iso8859-6.txt', 'iso-8859-6', false],
  ] as const)('%s is %s', (file, encoding, bom) => {
    const d = decodeBytes(fixture(file));
    expect(d.encoding).toBe(encoding);
    expect(d.bom).toBe(bom);
    expect(d.text).toMatch(/[\u0621-\u064a]{3,}/);
    expect(d.text).not.toMatch(/[\ufffd\u00c0-\u00ff]/);
    expect(d.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('keeps line endings exactly (CRLF stays CRLF, lone CR stays CR)', () => {
    expect(decodeBytes(fixture('encodings/watan-cp1256-crlf.txt')).text).toContain('صحيفة الوطن\r\n\r\n');
    const cr = decodeBytes(fixture('encodings/shorouk-cr.txt')).text;
    expect(cr).toContain('الشروق\r');
    expect(cr).not.toContain('\n');
  });

  it('the legacy decodings give the same text as the UTF-8 source', () => {
    const src = decodeBytes(fixture('text/watan.txt')).text;
    expect(decodeBytes(fixture('encodings/watan-cp1256-crlf.txt')).text).toBe(src.replace(/\n/g, '\r\n'));
    expect(decodeBytes(fixture('encodings/rabat-iso8859-6.txt')).text).toBe(
      decodeBytes(fixture('text/rabat-maghreb.txt')).text,
    );
  });

  it('a UTF-8 file cut inside its last character is still UTF-8', () => {
    const bytes = utf8('خبر مقطوع في منتصف الحرف');
    const d = decodeBytes(bytes.subarray(0, bytes.length - 1));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe('خبر مقطوع في منتصف الحر');
  });

  it('a declared charset is used when the runtime knows it', () => {
    expect(decodeBytes(fixture('encodings/rabat-iso8859-6.txt'), 'ISO-8859-6').encoding).toBe('iso-8859-6');
    expect(decodeBytes(fixture('encodings/watan-cp1256-crlf.txt'), 'no-such-charset').encoding).toBe('windows-1256');
  });

  it('UTF-16 without a BOM, little- and big-endian', () => {
    const src = 'خبر عاجل\r\nنص الخبر بالعربية مع أرقام 2019.';
    const le = new Uint8Array(src.length * 2);
    for (let i = 0; i < src.length; i++) {
      le[2 * i] = src.charCodeAt(i) & 0xff;
      le[2 * i + 1] = src.charCodeAt(i) >> 8;
    }
    const be = le.map((_, i) => le[i ^ 1]!);
    expect(decodeBytes(le)).toEqual({ text: src, encoding: 'utf-16le', bom: false });
    expect(decodeBytes(be)).toEqual({ text: src, encoding: 'utf-16be', bom: false });
  });

  it('a page declared windows-1256 whose bytes are UTF-8 is read as UTF-8', () => {
    expect(decodeBytes(utf8('<meta charset="windows-1256"><p>نص عربي</p>'), 'windows-1256')).toMatchObject({
      encoding: 'utf-8',
      text: '<meta charset="windows-1256"><p>نص عربي</p>',
    });
  });

  it('Arabic bytes declared as Latin-1 (a common old-site mistake) are read as windows-1256', () => {
    const cp = fixture('encodings/watan-cp1256-crlf.txt');
    expect(decodeBytes(cp, 'iso-8859-1').encoding).toBe('windows-1256');
    expect(
      decodeBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65]), 'iso-8859-1'),
    ).toMatchObject({ encoding: 'windows-1252', text: 'café naïve' });
  });

  it('refuses empty, blank and binary files with a typed, plain reason', () => {
    expect(() => decodeBytes(fixture('bad/empty.txt'))).toThrow(
      expect.objectContaining({ code: 'empty', reason: 'The file is empty.' }),
    );
    expect(() => decodeBytes(fixture('bad/blank.txt'))).toThrow(expect.objectContaining({ code: 'empty' }));
    expect(() => decodeBytes(fixture('bad/binary-named.txt'))).toThrow(expect.objectContaining({ code: 'binary' }));
  });
});

describe('helpers', () => {
  it('sniffBom', () => {
    expect(sniffBom(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf-8', length: 3 });
    expect(sniffBom(new Uint8Array([0xff, 0xfe]))).toEqual({ encoding: 'utf-16le', length: 2 });
    expect(sniffBom(new Uint8Array([0x41, 0x42]))).toBeUndefined();
  });

  it('looksBinary: NULs or many control bytes, not Arabic legacy text', () => {
    expect(looksBinary(new Uint8Array([0x41, 0x00, 0x42]))).toBe(true);
    expect(looksBinary(new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))))).toBe(true);
    expect(looksBinary(fixture('encodings/watan-cp1256-crlf.txt'))).toBe(false);
  });

  it('guessLegacyArabic tells the two code pages apart on a short line', () => {
    // "السلام عليكم" in each code page
    const cp = new Uint8Array([0xc7, 0xe1, 0xd3, 0xe1, 0xc7, 0xe3, 0x20, 0xda, 0xe1, 0xed, 0xdf, 0xe3]);
    const iso = new Uint8Array([0xc7, 0xe4, 0xd3, 0xe4, 0xc7, 0xe5, 0x20, 0xd9, 0xe4, 0xea, 0xe3, 0xe5]);
    expect(guessLegacyArabic(cp)).toBe('windows-1256');
    expect(guessLegacyArabic(iso)).toBe('iso-8859-6');
  });
});
