/**
 * Transport of built segments from builder workers to the search worker (the stored form is
 * compact.ts). One binary blob per segment.
 * Layout: "WRQ1", u32 header length, UTF-8 JSON header (version, doc metadata, block lengths),
 * then 8-aligned blocks: the typed arrays, the three vocabularies as raw UTF-16LE, the tombstones.
 * Loading keeps views into the blob where aligned (no copy) and decodes vocabularies with
 * TextDecoder: a cold load of the 31,030-article index is then mostly memory mapping.
 */
import { F, type BuiltSegment } from './segment';
import { SortedStrings } from './sorted-strings';

const MAGIC = 0x31515257; // "WRQ1" little-endian
/** Bump when the layout OR the analysis (pipeline, stems, stop words) changes: old blobs then fail to load and get rebuilt. */
const VERSION = 5;

// TextEncoder/TextDecoder exist in browsers, workers and Node; core is typed without DOM or Node.
const g = globalThis as unknown as {
  TextEncoder: new () => { encode(s: string): Uint8Array };
  TextDecoder: new (label?: string) => { decode(b: ArrayBufferView): string };
};

type ArrayName =
  | 'dates'
  | 'fieldStart'
  | 'postDocs'
  | 'postTfs'
  | 'fieldLen'
  | 'avgFieldLen'
  | 'seqFold'
  | 'seq'
  | 'seqStart'
  | 'termOffsets'
  | 'seqVocabOffsets'
  | 'foldVocabOffsets';
type Ctor =
  | Int32ArrayConstructor
  | Uint32ArrayConstructor
  | Uint16ArrayConstructor
  | Uint8ArrayConstructor
  | Float64ArrayConstructor;
const ARRAYS: Array<[ArrayName, Ctor]> = [
  ['dates', Int32Array],
  ['fieldStart', Uint32Array],
  ['postDocs', Uint16Array],
  ['postTfs', Uint8Array],
  ['fieldLen', Uint32Array],
  ['avgFieldLen', Float64Array],
  ['seqFold', Uint32Array],
  ['seq', Uint32Array],
  ['seqStart', Uint32Array],
  ['termOffsets', Uint32Array],
  ['seqVocabOffsets', Uint32Array],
  ['foldVocabOffsets', Uint32Array],
];
type Arrays = Record<ArrayName, Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array>;
const VOCABS = ['terms', 'seqVocab', 'foldVocab'] as const;

/** A segment plus its tombstones (1 = deleted), as persisted. */
export interface StoredSegment {
  data: BuiltSegment;
  dead: Uint8Array;
  /** Stable name of the segment (persistence key); '' when unnamed. */
  key?: string;
}

interface Header {
  v: number;
  key: string;
  fields: number;
  ids: string[];
  titles: string[];
  outlets: string[];
  published: string[];
  lengths: number[];
  vocabLengths: number[];
}

const pad8 = (n: number): number => (n + 7) & ~7;

function utf16(s: string): Uint8Array {
  const out = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  // Typed arrays use the platform's byte order: little-endian on every target we ship (x64, arm64).
  return new Uint8Array(out.buffer);
}

/** Serializes a segment and its tombstones to bytes; never throws for a well-formed segment. */
export function encodeSegment({ data, dead, key = '' }: StoredSegment): Uint8Array {
  const arrays: Arrays = {
    ...data,
    termOffsets: data.terms.offsets,
    seqVocabOffsets: data.seqVocab.offsets,
    foldVocabOffsets: data.foldVocab.offsets,
  };
  const vocabs = VOCABS.map((v) => utf16(data[v].joined));
  const header: Header = {
    v: VERSION,
    key,
    fields: F,
    ids: data.ids,
    titles: data.titles,
    outlets: data.outlets,
    published: data.published,
    lengths: ARRAYS.map(([name]) => arrays[name].length),
    vocabLengths: vocabs.map((b) => b.length),
  };
  const head = new g.TextEncoder().encode(JSON.stringify(header));
  const blocks: Uint8Array[] = [
    ...ARRAYS.map(([name]) => new Uint8Array(arrays[name].buffer, arrays[name].byteOffset, arrays[name].byteLength)),
    ...vocabs,
    dead,
  ];
  const out = new Uint8Array(blocks.reduce((n, b) => n + pad8(b.length), pad8(8 + head.length)));
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, head.length, true);
  out.set(head, 8);
  let at = pad8(8 + head.length);
  for (const b of blocks) {
    out.set(b, at);
    at += pad8(b.length);
  }
  return out;
}

/**
 * Reads bytes written by encodeSegment; throws Error('corrupt segment …') on anything else.
 * The segment keeps views into `bytes` (zero-copy when aligned): do not modify `bytes` afterwards.
 */
export function decodeSegment(bytes: Uint8Array): StoredSegment {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error('corrupt segment: bad magic');
  const headerLength = view.getUint32(4, true);
  if (8 + headerLength > bytes.byteLength) throw new Error('corrupt segment: truncated header');
  let h: Header;
  try {
    h = JSON.parse(new g.TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Header;
  } catch {
    throw new Error('corrupt segment: unreadable header');
  }
  if (h.v !== VERSION || h.fields !== F) throw new Error(`corrupt segment: version ${h.v}`);
  let at = pad8(8 + headerLength);
  const take = (byteLength: number, what: string): number => {
    if (at + byteLength > bytes.byteLength) throw new Error(`corrupt segment: truncated ${what}`);
    const start = at;
    at += pad8(byteLength);
    return start;
  };
  const arrays = {} as Arrays;
  ARRAYS.forEach(([name, C], i) => {
    const length = h.lengths[i]!;
    const start = take(length * C.BYTES_PER_ELEMENT, name);
    const offset = bytes.byteOffset + start;
    arrays[name] =
      offset % C.BYTES_PER_ELEMENT === 0
        ? new C(bytes.buffer as ArrayBuffer, offset, length)
        : new C(bytes.slice(start, start + length * C.BYTES_PER_ELEMENT).buffer);
  });
  const utf16le = new g.TextDecoder('utf-16le');
  const joined = VOCABS.map((v, i) => {
    const start = take(h.vocabLengths[i]!, v);
    return utf16le.decode(bytes.subarray(start, start + h.vocabLengths[i]!));
  });
  const n = h.ids.length;
  const deadAt = take(n, 'tombstones');
  const data = {
    ...arrays,
    ids: h.ids,
    titles: h.titles,
    outlets: h.outlets,
    published: h.published,
    terms: SortedStrings.fromParts(joined[0]!, arrays.termOffsets as Uint32Array),
    seqVocab: SortedStrings.fromParts(joined[1]!, arrays.seqVocabOffsets as Uint32Array),
    foldVocab: SortedStrings.fromParts(joined[2]!, arrays.foldVocabOffsets as Uint32Array),
  } as unknown as BuiltSegment;
  if (data.fieldStart.length !== data.terms.length * F + 1 || data.seqStart.length !== n + 1) {
    throw new Error('corrupt segment: inconsistent sizes');
  }
  return { data, dead: bytes.slice(deadAt, deadAt + n), key: typeof h.key === 'string' ? h.key : '' };
}
