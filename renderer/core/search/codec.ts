/**
 * Segment persistence: one compact binary blob per segment (IndexedDB stores it as is).
 * Layout: "WRQ1", u32 header length, UTF-8 JSON header (doc metadata, vocabularies, array specs),
 * zero padding to 8 bytes, then each typed array's bytes in header order (each 8-aligned).
 */
import { F, type SegmentData } from './segment';
import { SortedStrings } from './sorted-strings';

const MAGIC = 0x31515257; // "WRQ1" little-endian
const VERSION = 2;

interface Codec {
  encode(s: string): Uint8Array;
  decode(b: Uint8Array): string;
}

// TextEncoder/TextDecoder exist in browsers, workers and Node; core is typed without DOM or Node.
const g = globalThis as unknown as {
  TextEncoder: new () => { encode(s: string): Uint8Array };
  TextDecoder: new () => { decode(b: Uint8Array): string };
};
const text: Codec = {
  encode: (s) => new g.TextEncoder().encode(s),
  decode: (b) => new g.TextDecoder().decode(b),
};

type ArrayName = 'dates' | 'fieldStart' | 'postDocs' | 'postTfs' | 'fieldLen' | 'avgFieldLen' | 'seqFold' | 'seq' | 'seqStart'
  | 'termOffsets' | 'seqVocabOffsets' | 'foldVocabOffsets';
const ARRAYS: Array<[ArrayName, 'i32' | 'u32' | 'u16' | 'f64']> = [
  ['dates', 'i32'], ['fieldStart', 'u32'], ['postDocs', 'u16'], ['postTfs', 'u16'], ['fieldLen', 'u32'],
  ['avgFieldLen', 'f64'], ['seqFold', 'u32'], ['seq', 'u32'], ['seqStart', 'u32'],
  ['termOffsets', 'u32'], ['seqVocabOffsets', 'u32'], ['foldVocabOffsets', 'u32'],
];
type Arrays = Record<ArrayName, Int32Array | Uint32Array | Uint16Array | Float64Array>;

function arraysOf(d: SegmentData): Arrays {
  return { ...d, termOffsets: d.terms.offsets, seqVocabOffsets: d.seqVocab.offsets, foldVocabOffsets: d.foldVocab.offsets };
}
const CTORS = { i32: Int32Array, u32: Uint32Array, u16: Uint16Array, f64: Float64Array };

/** A segment plus its tombstones (1 = deleted), as persisted. */
export interface StoredSegment {
  data: SegmentData;
  dead: Uint8Array;
}

const pad8 = (n: number): number => (n + 7) & ~7;

/** Serializes a segment and its tombstones to bytes; never throws for a well-formed segment. */
export function encodeSegment({ data, dead }: StoredSegment): Uint8Array {
  const arrays = arraysOf(data);
  const header = text.encode(JSON.stringify({
    v: VERSION, fields: F, ids: data.ids, titles: data.titles, outlets: data.outlets, published: data.published,
    terms: data.terms.joined, seqVocab: data.seqVocab.joined, foldVocab: data.foldVocab.joined,
    lengths: ARRAYS.map(([name]) => arrays[name].length),
  }));
  let size = pad8(8 + header.length);
  for (const [name] of ARRAYS) size += pad8(arrays[name].byteLength);
  size += pad8(dead.byteLength);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, header.length, true);
  out.set(header, 8);
  let at = pad8(8 + header.length);
  for (const [name] of ARRAYS) {
    const a = arrays[name];
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += pad8(a.byteLength);
  }
  out.set(dead, at);
  return out;
}

/** Reads bytes written by encodeSegment; throws Error('corrupt segment …') on anything else. */
export function decodeSegment(bytes: Uint8Array): StoredSegment {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error('corrupt segment: bad magic');
  const headerLength = view.getUint32(4, true);
  if (8 + headerLength > bytes.byteLength) throw new Error('corrupt segment: truncated header');
  const h = JSON.parse(text.decode(bytes.subarray(8, 8 + headerLength))) as {
    v: number; fields: number; ids: string[]; titles: string[]; outlets: string[]; published: string[];
    terms: string; seqVocab: string; foldVocab: string; lengths: number[];
  };
  if (h.v !== VERSION || h.fields !== F) throw new Error(`corrupt segment: version ${h.v}`);
  let at = pad8(8 + headerLength);
  const arrays: Partial<Arrays> = {};
  ARRAYS.forEach(([name, type], i) => {
    const Ctor = CTORS[type];
    const byteLength = h.lengths[i]! * Ctor.BYTES_PER_ELEMENT;
    if (at + byteLength > bytes.byteLength) throw new Error(`corrupt segment: truncated ${name}`);
    // Copy into an aligned buffer of its own: the source may be any slice of a larger buffer.
    arrays[name] = new Ctor(bytes.slice(at, at + byteLength).buffer);
    at += pad8(byteLength);
  });
  const n = h.ids.length;
  if (at + n > bytes.byteLength) throw new Error('corrupt segment: truncated tombstones');
  const a = arrays as Arrays;
  const data = {
    ...a,
    ids: h.ids, titles: h.titles, outlets: h.outlets, published: h.published,
    terms: SortedStrings.fromParts(h.terms, a.termOffsets as Uint32Array),
    seqVocab: SortedStrings.fromParts(h.seqVocab, a.seqVocabOffsets as Uint32Array),
    foldVocab: SortedStrings.fromParts(h.foldVocab, a.foldVocabOffsets as Uint32Array),
  } as unknown as SegmentData;
  if (data.fieldStart.length !== data.terms.length * F + 1 || data.seqStart.length !== n + 1) {
    throw new Error('corrupt segment: inconsistent sizes');
  }
  return { data, dead: bytes.slice(at, at + n) };
}
