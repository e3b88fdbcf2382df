import { createHash, randomBytes } from 'node:crypto';
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, crcHex, Sha256, sha256Hex, utf8Decode, utf8Encode } from '../../../../renderer/core/backup';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('SHA-256 (pure, incremental)', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(ascii('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('equals node:crypto on random data fed in uneven pieces (block edges 55, 56, 63, 64, 65)', () => {
    for (const size of [55, 56, 63, 64, 65, 1000, 100_003]) {
      const data = randomBytes(size);
      const h = new Sha256();
      for (let i = 0, step = 1; i < size; i += step, step = ((step * 7) % 97) + 1) h.update(data.subarray(i, i + step));
      expect(h.hex()).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });

  it('refuses an update after the digest', () => {
    const h = new Sha256();
    h.hex();
    expect(() => h.update(ascii('x'))).toThrow(/after digest/);
  });
});

describe('CRC-32', () => {
  it('gives the standard check value and continues across pieces', () => {
    expect(crcHex(crc32(ascii('123456789')))).toBe('cbf43926');
    expect(crc32(ascii('56789'), crc32(ascii('1234')))).toBe(0xcbf43926);
  });

  it.skipIf(typeof (zlib as { crc32?: unknown }).crc32 !== 'function')('equals zlib.crc32 on Arabic UTF-8', () => {
    const bytes = utf8Encode('أعلنت وزارةُ الصحّة حصيلة ٤٥ قتيلاً — Reuters');
    expect(crc32(bytes)).toBe((zlib as unknown as { crc32(b: Uint8Array): number }).crc32(bytes));
  });
});

describe('UTF-8', () => {
  it('round-trips Arabic with tashkeel, emoji and Latin', () => {
    const s = 'وزارةُ الصحّةِ 🙂 SOHR ٤٥';
    expect(utf8Decode(utf8Encode(s))).toBe(s);
  });

  it('throws on a damaged byte instead of inventing a character', () => {
    const b = utf8Encode('حلب');
    b[1] = 0x41;
    expect(() => utf8Decode(b)).toThrow();
  });
});
