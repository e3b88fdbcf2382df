/**
 * Variable-byte integers (LEB128, 7 bits a byte, low bits first) for postings, token sequences and
 * the stored tables: most values in an index are small (document gaps, frequent word ids), so most
 * take one byte instead of four.
 */

/** An appendable byte buffer (grows by doubling). */
export class ByteWriter {
  private buf: Uint8Array;
  length = 0;

  constructor(capacity = 1024) {
    this.buf = new Uint8Array(Math.max(16, capacity));
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    grown.set(this.buf.subarray(0, this.length));
    this.buf = grown;
  }

  /** Appends a non-negative integer below 2^32. */
  uint(v: number): void {
    this.room(5);
    while (v > 0x7f) {
      this.buf[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.length++] = v;
  }

  bytes(raw: Uint8Array): void {
    this.room(raw.length);
    this.buf.set(raw, this.length);
    this.length += raw.length;
  }

  /** The bytes written, as a view (valid until the next write). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  /** The bytes written (a copy of exactly `length` bytes). */
  finish(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** A read position into a byte array; `uint()` decodes the next integer. */
export class ByteReader {
  constructor(
    public buf: Uint8Array,
    public pos = 0,
  ) {}

  uint(): number {
    const b = this.buf;
    let byte = b[this.pos++]!;
    if (byte < 0x80) return byte;
    let v = byte & 0x7f;
    let shift = 7;
    do {
      byte = b[this.pos++]!;
      v += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte >= 0x80 && shift < 35);
    return v;
  }

  get done(): boolean {
    return this.pos >= this.buf.length;
  }
}

/** Delta + varint of an ascending array. */
export function writeAscending(w: ByteWriter, values: ArrayLike<number>): void {
  let prev = 0;
  for (let i = 0; i < values.length; i++) {
    w.uint(values[i]! - prev);
    prev = values[i]!;
  }
}

export function readAscending(r: ByteReader, n: number): Uint32Array {
  const out = new Uint32Array(n);
  let prev = 0;
  for (let i = 0; i < n; i++) out[i] = prev += r.uint();
  return out;
}
