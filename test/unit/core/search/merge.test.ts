import { describe, expect, it } from 'vitest';
import { buildSegment } from '../../../../renderer/core/search/segment';
import { mergeSegments } from '../../../../renderer/core/search/merge';
import { SearchIndex } from '../../../../renderer/core/search/engine';
import { FIXTURE_DOCS } from '../../../fixtures/search/articles';

const comparable = (s: ReturnType<typeof buildSegment>): Record<string, unknown> => ({
  ids: s.ids, terms: s.terms.joined, seqVocab: s.seqVocab.joined, foldVocab: s.foldVocab.joined,
  fieldStart: Array.from(s.fieldStart), postDocs: Array.from(s.postDocs), postTfs: Array.from(s.postTfs),
  fieldLen: Array.from(s.fieldLen), seq: Array.from(s.seq), seqStart: Array.from(s.seqStart), seqFold: Array.from(s.seqFold),
  dates: Array.from(s.dates), avg: Array.from(s.avgFieldLen).map((x) => x.toFixed(9)),
});

describe('mergeSegments', () => {
  it('merging segments equals building one from the same documents', () => {
    const a = buildSegment(FIXTURE_DOCS.slice(0, 5));
    const b = buildSegment(FIXTURE_DOCS.slice(5));
    const merged = mergeSegments([{ data: a, dead: new Uint8Array(5) }, { data: b, dead: new Uint8Array(FIXTURE_DOCS.length - 5) }]);
    expect(comparable(merged)).toEqual(comparable(buildSegment(FIXTURE_DOCS)));
  });

  it('drops deleted documents', () => {
    const a = buildSegment(FIXTURE_DOCS);
    const dead = new Uint8Array(FIXTURE_DOCS.length);
    dead[1] = 1;
    dead[7] = 1;
    const liveDocs = FIXTURE_DOCS.filter((_, i) => !dead[i]);
    expect(comparable(mergeSegments([{ data: a, dead }]))).toEqual(comparable(buildSegment(liveDocs)));
  });
});

describe('SearchIndex.compact', () => {
  it('folds the delta and tombstoned segments together and keeps results', () => {
    const ix = SearchIndex.build(FIXTURE_DOCS.slice(0, 8), 4);
    ix.add(FIXTURE_DOCS.slice(8, 10));
    ix.add(FIXTURE_DOCS.slice(10));
    ix.remove(['control']);
    // Same documents found; scores may move (segment statistics change when segments merge).
    const found = (q: string): string[] => ix.search(q).hits.map((h) => h.id).sort();
    const before = ['التحالف', 'اذار', '"المعرض الدولي للكتاب"', 'اعلن*'].map(found);
    const keysBefore = ix.segmentInfos().map((s) => s.key);
    const { removed, added } = ix.compact();
    expect(removed.length).toBeGreaterThan(0);
    expect(added.length).toBeGreaterThan(0);
    const infos = ix.segmentInfos();
    expect(infos.every((s) => s.deleted === 0)).toBe(true);
    expect(infos.length).toBeLessThan(keysBefore.length);
    expect(infos.map((s) => s.key).sort()).toEqual(keysBefore.filter((k) => !removed.includes(k)).concat(added).sort());
    const after = ['التحالف', 'اذار', '"المعرض الدولي للكتاب"', 'اعلن*'].map(found);
    expect(after).toEqual(before);
    expect(ix.size).toBe(FIXTURE_DOCS.length - 1);
    expect(ix.has('control')).toBe(false);
  });

  it('keeps segment keys through serialization', () => {
    const ix = SearchIndex.build(FIXTURE_DOCS, 5);
    const keys = ix.segmentInfos().map((s) => s.key);
    expect(SearchIndex.load(ix.serialize(), 5).segmentInfos().map((s) => s.key)).toEqual(keys);
    expect(() => ix.serializeSegment('missing')).toThrow(RangeError);
  });
});
