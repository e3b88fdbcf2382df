/**
 * CRC-32 (IEEE 802.3, the zlib/gzip polynomial) for per-record checksums. Chosen over FNV-1a
 * because it is guaranteed to catch every single-bit error and every burst up to 32 bits — the
 * flipped byte of a bad disk or a bad copy.
 */

const TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 of `bytes[from, to)`, continuing from `crc` (0 to start); an unsigned 32-bit number. */
export function crc32(bytes: Uint8Array, crc = 0, from = 0, to = bytes.length): number {
  let c = ~crc;
  for (let i = from; i < to; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** The CRC as 8 lowercase hex digits. */
export function crcHex(crc: number): string {
  return (crc >>> 0).toString(16).padStart(8, '0');
}
