import { describe, expect, it } from 'vitest';
import { buildSegment } from '../../../../renderer/core/search/segment';
import { compactSegment, readPostings, type CompactSegment } from '../../../../renderer/core/search/compact';
import { Lexicon } from '../../../../renderer/core/search/lexicon';
import { mergeSegments } from '../../../../renderer/core/search/merge';
import { SearchIndex } from '../../../../renderer/core/search/engine';
import { ByteReader } from '../../../../renderer/core/search/varint';
import { FIXTURE_DOCS } from '../../../fixtures/search/articles';
import type { SearchDoc } from '../../../../renderer/core/search/api';

/** A segment in words (not lexicon ids), so segments over different lexicons compare. */
function comparable(s: CompactSegment, lex: Lexicon): Record<string, unknown> {
  const postings: Record<string, unknown> = {};
  s.termIds.forEach((id, slot) => {
    postings[lex.get(id)] = [0, 1].map((f) => {
      const l = readPostings(s, slot, f);
      return [Array.from(l.docs), Array.from(l.tfs)];
    });
  });
  const seq = s.ids.map((_, d) => {
    const r = new ByteReader(s.seq.subarray(s.seqStart[d]!, s.seqStart[d + 1]!));
    const words: string[] = [];
    while (!r.done) {
      const v = r.uint();
      words.push(v === 0 ? '|' : `${lex.get(v - 1)}/${lex.get(lex.foldOf(v - 1))}`);
    }
    return words.join(' ');
  });
  return {
    ids: s.ids,
    titles: s.titles,
    dates: Array.from(s.dates),
    fieldLen: Array.from(s.fieldLen),
    avg: Array.from(s.avgFieldLen).map((x) => x.toFixed(9)),
    postings,
    seq,
  };
}

const whole = (docs: readonly SearchDoc[]): Record<string, unknown> => {
  const lex = new Lexicon();
  return comparable(compactSegment(buildSegment(docs), lex), lex);
};

describe('mergeSegments', () => {
  it('merging segments equals building one from the same documents', () => {
    const lex = new Lexicon();
    const a = compactSegment(buildSegment(FIXTURE_DOCS.slice(0, 5)), lex);
    const b = compactSegment(buildSegment(FIXTURE_DOCS.slice(5)), lex);
    const merged = mergeSegments([
      { data: a, dead: new Uint8Array(5) },
      { data: b, dead: new Uint8Array(FIXTURE_DOCS.length - 5) },
    ]);
    expect(comparable(merged, lex)).toEqual(whole(FIXTURE_DOCS));
  });

  it('merging merged segments (copied posting bytes, shifted gaps) equals building one', () => {
    const lex = new Lexicon();
    const part = (from: number, to: number) => {
      const data = compactSegment(buildSegment(FIXTURE_DOCS.slice(from, to)), lex);
      return { data, dead: new Uint8Array(data.ids.length) };
    };
    const n = FIXTURE_DOCS.length;
    const first = mergeSegments([part(0, 2), part(2, 3), part(3, 6)]);
    const merged = mergeSegments([{ data: first, dead: new Uint8Array(first.ids.length) }, part(6, 8), part(8, n)]);
    expect(comparable(merged, lex)).toEqual(whole(FIXTURE_DOCS));
  });

  it('drops deleted documents', () => {
    const lex = new Lexicon();
    const a = compactSegment(buildSegment(FIXTURE_DOCS), lex);
    const dead = new Uint8Array(FIXTURE_DOCS.length);
    dead[1] = 1;
    dead[7] = 1;
    const liveDocs = FIXTURE_DOCS.filter((_, i) => !dead[i]);
    const merged = comparable(mergeSegments([{ data: a, dead }]), lex);
    const expected = whole(liveDocs);
    expect(merged).toEqual(expected);
  });
});

describe('SearchIndex.mergeTiers', () => {
  it('merges four segments of one size class at a time and keeps results', () => {
    const ix = SearchIndex.build(FIXTURE_DOCS.slice(0, 9), 1);
    const queries = ['التحالف', 'اذار', '"المعرض الدولي للكتاب"', 'اعلن*', 'source:okaz'];
    const before = queries.map((q) =>
      ix
        .search(q)
        .hits.map((h) => h.id)
        .sort(),
    );
    const { removed, added } = ix.mergeTiers();
    expect(removed).toHaveLength(8);
    expect(added).toHaveLength(2);
    expect(
      ix
        .segmentInfos()
        .map((s) => s.ids.length)
        .sort(),
    ).toEqual([1, 4, 4]);
    expect(
      queries.map((q) =>
        ix
          .search(q)
          .hits.map((h) => h.id)
          .sort(),
      ),
    ).toEqual(before);
  });
});

describe('SearchIndex.compact', () => {
  it('folds the delta and tombstoned segments together and keeps results', () => {
    const ix = SearchIndex.build(FIXTURE_DOCS.slice(0, 8), 4);
    ix.add(FIXTURE_DOCS.slice(8, 10));
    ix.add(FIXTURE_DOCS.slice(10));
    ix.remove(['control']);
    // Same documents found; scores may move (segment statistics change when segments merge).
    const found = (q: string): string[] =>
      ix
        .search(q)
        .hits.map((h) => h.id)
        .sort();
    const before = ['التحالف', 'اذار', '"المعرض الدولي للكتاب"', 'اعلن*'].map(found);
    const keysBefore = ix.segmentInfos().map((s) => s.key);
    const { removed, added } = ix.compact();
    expect(removed.length).toBeGreaterThan(0);
    expect(added.length).toBeGreaterThan(0);
    const infos = ix.segmentInfos();
    expect(infos.every((s) => s.deleted === 0)).toBe(true);
    expect(infos.length).toBeLessThan(keysBefore.length);
    expect(infos.map((s) => s.key).sort()).toEqual(
      keysBefore
        .filter((k) => !removed.includes(k))
        .concat(added)
        .sort(),
    );
    const after = ['التحالف', 'اذار', '"المعرض الدولي للكتاب"', 'اعلن*'].map(found);
    expect(after).toEqual(before);
    expect(ix.size).toBe(FIXTURE_DOCS.length - 1);
    expect(ix.has('control')).toBe(false);
  });

  it('keeps segment keys through serialization', () => {
    const ix = SearchIndex.build(FIXTURE_DOCS, 5);
    const keys = ix.segmentInfos().map((s) => s.key);
    expect(
      SearchIndex.load(ix.serialize(), 5)
        .segmentInfos()
        .map((s) => s.key),
    ).toEqual(keys);
    expect(() => ix.serializeSegment('missing')).toThrow(RangeError);
  });
});
