/**
 * Merging compact segments without the article texts: small delta segments and segments full of
 * tombstones are folded into one, dropping deleted documents. Term, spelling and folded-spelling
 * vocabularies are unioned and every id is remapped; postings stay in ascending document order
 * because parts are concatenated in order.
 */
import { F, MAX_SEGMENT_DOCS, SEQ_BREAK, type SegmentData } from './segment';
import { SortedStrings } from './sorted-strings';

export interface MergePart {
  data: SegmentData;
  /** 1 = deleted: the document is left out. */
  dead: Uint8Array;
}

/**
 * Union of the used entries of sorted vocabularies and, per part, old id → new id (-1 when the
 * entry is used only by deleted documents: it is pruned, as a fresh build would not have it).
 */
function unionVocab(vocabs: SortedStrings[], used: Uint8Array[]): { merged: SortedStrings; remap: Int32Array[] } {
  const all = new Set<string>();
  vocabs.forEach((v, k) => {
    for (let i = 0; i < v.length; i++) if (used[k]![i]) all.add(v.get(i));
  });
  const sorted = [...all].sort();
  const ids = new Map(sorted.map((s, i) => [s, i]));
  const remap = vocabs.map((v, k) => Int32Array.from({ length: v.length }, (_, i) => (used[k]![i] ? ids.get(v.get(i))! : -1)));
  return { merged: SortedStrings.fromSorted(sorted), remap };
}

/** Merges parts into one segment of their live documents; throws RangeError past MAX_SEGMENT_DOCS. */
export function mergeSegments(parts: readonly MergePart[]): SegmentData {
  const local = parts.map((p) => new Int32Array(p.data.ids.length).fill(-1));
  let n = 0;
  parts.forEach((p, k) => p.data.ids.forEach((_, d) => {
    if (!p.dead[d]) local[k]![d] = n++;
  }));
  if (n > MAX_SEGMENT_DOCS) throw new RangeError(`segment holds at most ${MAX_SEGMENT_DOCS} docs`);
  const live = (k: number, d: number): boolean => local[k]![d]! >= 0;
  const pick = <T>(get: (p: SegmentData) => ArrayLike<T>): T[] => {
    const out: T[] = [];
    parts.forEach((p, k) => {
      const a = get(p.data);
      for (let d = 0; d < p.data.ids.length; d++) if (live(k, d)) out.push(a[d]!);
    });
    return out;
  };
  const fieldLen = new Uint32Array(n * F);
  parts.forEach((p, k) => p.data.ids.forEach((_, d) => {
    if (live(k, d)) for (let f = 0; f < F; f++) fieldLen[local[k]![d]! * F + f] = p.data.fieldLen[d * F + f]!;
  }));
  const avgFieldLen = new Float64Array(F);
  for (let f = 0; f < F; f++) {
    let sum = 0;
    for (let d = 0; d < n; d++) sum += fieldLen[d * F + f]!;
    avgFieldLen[f] = n > 0 ? sum / n : 0;
  }
  return {
    ids: pick((p) => p.ids), titles: pick((p) => p.titles), outlets: pick((p) => p.outlets),
    published: pick((p) => p.published), dates: Int32Array.from(pick((p) => p.dates)),
    fieldLen, avgFieldLen,
    ...mergePostings(parts, local),
    ...mergeSequences(parts, local, n),
  };
}

function mergePostings(parts: readonly MergePart[], local: Int32Array[]): Pick<SegmentData, 'terms' | 'fieldStart' | 'postDocs' | 'postTfs'> {
  const used = parts.map((p, k) => {
    const u = new Uint8Array(p.data.terms.length);
    for (let t = 0; t < u.length; t++) {
      for (let i = p.data.fieldStart[t * F]!, end = p.data.fieldStart[t * F + F]!; i < end && !u[t]; i++) {
        if (local[k]![p.data.postDocs[i]!]! >= 0) u[t] = 1;
      }
    }
    return u;
  });
  const { merged, remap } = unionVocab(parts.map((p) => p.data.terms), used);
  // For every new term, its old id in each part (or -1).
  const oldIds = parts.map((p, k) => {
    const back = new Int32Array(merged.length).fill(-1);
    remap[k]!.forEach((nu, old) => {
      if (nu >= 0) back[nu] = old;
    });
    return back;
  });
  const docs: number[] = [];
  const tfs: number[] = [];
  const fieldStart = new Uint32Array(merged.length * F + 1);
  for (let t = 0; t < merged.length; t++) {
    for (let f = 0; f < F; f++) {
      fieldStart[t * F + f] = docs.length;
      parts.forEach((p, k) => {
        const old = oldIds[k]![t]!;
        if (old < 0) return;
        const end = p.data.fieldStart[old * F + f + 1]!;
        for (let i = p.data.fieldStart[old * F + f]!; i < end; i++) {
          const d = local[k]![p.data.postDocs[i]!]!;
          if (d < 0) continue;
          docs.push(d);
          tfs.push(p.data.postTfs[i]!);
        }
      });
    }
  }
  fieldStart[merged.length * F] = docs.length;
  return { terms: merged, fieldStart, postDocs: Uint16Array.from(docs), postTfs: Uint8Array.from(tfs) };
}

function mergeSequences(parts: readonly MergePart[], local: Int32Array[], n: number): Pick<SegmentData, 'seqVocab' | 'foldVocab' | 'seqFold' | 'seq' | 'seqStart'> {
  const usedSpell = parts.map((p) => new Uint8Array(p.data.seqVocab.length));
  const usedFold = parts.map((p) => new Uint8Array(p.data.foldVocab.length));
  parts.forEach((p, k) => p.data.ids.forEach((_, d) => {
    if (local[k]![d]! < 0) return;
    for (let i = p.data.seqStart[d]!, end = p.data.seqStart[d + 1]!; i < end; i++) {
      const s = p.data.seq[i]!;
      if (s === SEQ_BREAK) continue;
      usedSpell[k]![s] = 1;
      usedFold[k]![p.data.seqFold[s]!] = 1;
    }
  }));
  const spell = unionVocab(parts.map((p) => p.data.seqVocab), usedSpell);
  const fold = unionVocab(parts.map((p) => p.data.foldVocab), usedFold);
  const seqFold = new Uint32Array(spell.merged.length);
  parts.forEach((p, k) => p.data.seqFold.forEach((oldFold, oldSpell) => {
    const nu = spell.remap[k]![oldSpell]!;
    if (nu >= 0) seqFold[nu] = fold.remap[k]![oldFold]!;
  }));
  const seq: number[] = [];
  const seqStart = new Uint32Array(n + 1);
  parts.forEach((p, k) => p.data.ids.forEach((_, d) => {
    const nd = local[k]![d]!;
    if (nd < 0) return;
    seqStart[nd] = seq.length;
    for (let i = p.data.seqStart[d]!, end = p.data.seqStart[d + 1]!; i < end; i++) {
      const s = p.data.seq[i]!;
      seq.push(s === SEQ_BREAK ? s : spell.remap[k]![s]!);
    }
  }));
  seqStart[n] = seq.length;
  return { seqVocab: spell.merged, foldVocab: fold.merged, seqFold, seq: Uint32Array.from(seq), seqStart };
}
