/**
 * Merging compact segments without the article texts (tiered merges, and folding away deleted
 * documents). Segments share the lexicon, so words need no remapping: postings are decoded,
 * renumbered and re-encoded term by term; token sequences are copied as they are.
 */
import { F, averages, readPostings, writeTermBlock, type CompactSegment } from './compact';
import { ByteWriter } from './varint';

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
  const { termIds, termStart, post } = mergePostings(parts, local);
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
