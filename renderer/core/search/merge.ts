/**
 * Merging compact segments without the article texts (tiered merges, and folding away deleted
 * documents). Segments share the lexicon, so words need no remapping, and token sequences are
 * copied as they are. Postings: when no document is deleted, a part's documents keep their order
 * and shift by the number before it, so each part's posting bytes are copied as they are but for
 * the first gap (concatPostings); otherwise they are decoded, renumbered and re-encoded.
 */
import { F, averages, readPostings, writeTermBlock, type CompactSegment } from './compact';
import { ByteReader, ByteWriter } from './varint';

export interface MergePart {
  data: CompactSegment;
  /** 1 = deleted: the document is left out. */
  dead: Uint8Array;
}

/** Merges parts (in order) into one segment of their live documents. */
export function mergeSegments(parts: readonly MergePart[]): CompactSegment {
  const local = parts.map((p) => new Int32Array(p.data.ids.length).fill(-1));
  let n = 0;
  parts.forEach((p, k) =>
    p.data.ids.forEach((_, d) => {
      if (!p.dead[d]) local[k]![d] = n++;
    }),
  );
  const pick = <T>(get: (p: CompactSegment) => ArrayLike<T>): T[] => {
    const out: T[] = [];
    parts.forEach((p, k) => {
      const a = get(p.data);
      for (let d = 0; d < p.data.ids.length; d++) if (local[k]![d]! >= 0) out.push(a[d]!);
    });
    return out;
  };
  const fieldLen = new Uint32Array(n * F);
  const sw = new ByteWriter();
  const seqStart = new Uint32Array(n + 1);
  parts.forEach((p, k) =>
    p.data.ids.forEach((_, d) => {
      const nd = local[k]![d]!;
      if (nd < 0) return;
      for (let f = 0; f < F; f++) fieldLen[nd * F + f] = p.data.fieldLen[d * F + f]!;
      seqStart[nd] = sw.length;
      sw.bytes(p.data.seq.subarray(p.data.seqStart[d]!, p.data.seqStart[d + 1]!));
    }),
  );
  seqStart[n] = sw.length;
  const clean = parts.every((p) => !p.dead.includes(1));
  const { termIds, termStart, post } = clean ? concatPostings(parts) : mergePostings(parts, local);
  return {
    ids: pick((p) => p.ids),
    titles: pick((p) => p.titles),
    outlets: pick((p) => p.outlets),
    published: pick((p) => p.published),
    dates: Int32Array.from(pick((p) => p.dates)),
    termIds,
    termStart,
    post,
    fieldLen,
    avgFieldLen: averages(fieldLen, n),
    seq: sw.finish(),
    seqStart,
    words: Math.max(0, ...parts.map((p) => p.data.words)),
  };
}

function mergePostings(
  parts: readonly MergePart[],
  local: Int32Array[],
): Pick<CompactSegment, 'termIds' | 'termStart' | 'post'> {
  const cursor = parts.map(() => 0);
  const w = new ByteWriter();
  const scratch = new ByteWriter();
  const ids: number[] = [];
  const starts: number[] = [];
  for (;;) {
    // The smallest term id not yet merged across the parts.
    let id = Infinity;
    parts.forEach((p, k) => {
      if (cursor[k]! < p.data.termIds.length) id = Math.min(id, p.data.termIds[cursor[k]!]!);
    });
    if (id === Infinity) break;
    const fields: Array<[number[], number[], number]> = [];
    for (let f = 0; f < F; f++) {
      const docs: number[] = [];
      const tfs: number[] = [];
      parts.forEach((p, k) => {
        const slot = cursor[k]!;
        if (slot >= p.data.termIds.length || p.data.termIds[slot] !== id) return;
        const l = readPostings(p.data, slot, f);
        for (let i = 0; i < l.docs.length; i++) {
          const d = local[k]![l.docs[i]!]!;
          if (d >= 0) {
            docs.push(d);
            tfs.push(l.tfs[i]!);
          }
        }
      });
      fields.push([docs, tfs, docs.length]);
    }
    parts.forEach((p, k) => {
      if (cursor[k]! < p.data.termIds.length && p.data.termIds[cursor[k]!] === id) cursor[k]!++;
    });
    if (fields.every((x) => x[2] === 0)) continue; // only deleted documents held it
    ids.push(id);
    starts.push(w.length);
    writeTermBlock(w, scratch, fields[0]!, fields[1]!);
  }
  starts.push(w.length);
  return { termIds: Uint32Array.from(ids), termStart: Uint32Array.from(starts), post: w.finish() };
}

/**
 * Appends the `count` postings in buf[from, to) of a part whose documents start at `base`, after
 * a list that ended at document `prev`; returns the last document written. Only the first gap
 * changes; the other bytes are copied.
 */
function copyList(
  w: ByteWriter,
  r: ByteReader,
  from: number,
  to: number,
  count: number,
  base: number,
  prev: number,
): number {
  if (count === 0) return prev;
  r.pos = from;
  const v = r.uint();
  let d = v >>> 1;
  w.uint((base + d - prev) * 2 + (v & 1));
  w.bytes(r.buf.subarray(r.pos, to));
  if (v & 1) r.uint();
  for (let i = 1; i < count; i++) {
    const g = r.uint();
    d += g >>> 1;
    if (g & 1) r.uint();
  }
  return base + d;
}

/** mergePostings for parts without deleted documents, by copying (see the file comment). */
function concatPostings(parts: readonly MergePart[]): Pick<CompactSegment, 'termIds' | 'termStart' | 'post'> {
  const K = parts.length;
  const base = new Int32Array(K);
  let total = 0;
  for (let k = 1; k < K; k++) base[k] = base[k - 1]! + parts[k - 1]!.data.ids.length;
  for (const p of parts) total += p.data.post.length;
  const readers = parts.map((p) => new ByteReader(p.data.post));
  const cursor = new Int32Array(K);
  const holds = new Int32Array(K);
  const body = new Int32Array(K);
  const w = new ByteWriter(total + 1024);
  const scratch = new ByteWriter();
  const ids: number[] = [];
  const starts: number[] = [];
  for (;;) {
    let id = Infinity;
    for (let k = 0; k < K; k++) {
      const t = parts[k]!.data.termIds;
      if (cursor[k]! < t.length && t[cursor[k]!]! < id) id = t[cursor[k]!]!;
    }
    if (id === Infinity) break;
    let nTitle = 0;
    let nBody = 0;
    scratch.length = 0;
    let prev = 0;
    for (let k = 0; k < K; k++) {
      const data = parts[k]!.data;
      holds[k] = cursor[k]! < data.termIds.length && data.termIds[cursor[k]!] === id ? 1 : 0;
      if (!holds[k]) continue;
      const r = readers[k]!;
      r.pos = data.termStart[cursor[k]!]!;
      const title = r.uint();
      const bodyCount = r.uint();
      const titleBytes = r.uint();
      nTitle += title;
      nBody += bodyCount;
      body[k] = bodyCount;
      const at = r.pos;
      prev = copyList(scratch, r, at, at + titleBytes, title, base[k]!, prev);
      r.pos = at + titleBytes; // where the body list starts, read below
      holds[k] = at + titleBytes + 1; // + 1: 0 stays "does not hold"
    }
    ids.push(id);
    starts.push(w.length);
    w.uint(nTitle);
    w.uint(nBody);
    w.uint(scratch.length);
    w.bytes(scratch.view());
    prev = 0;
    for (let k = 0; k < K; k++) {
      if (!holds[k]) continue;
      const data = parts[k]!.data;
      const end = data.termStart[cursor[k]! + 1]!;
      prev = copyList(w, readers[k]!, holds[k]! - 1, end, body[k]!, base[k]!, prev);
      cursor[k]!++;
    }
  }
  starts.push(w.length);
  return { termIds: Uint32Array.from(ids), termStart: Uint32Array.from(starts), post: w.finish() };
}
