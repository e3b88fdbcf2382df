import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../../renderer/core/search/engine';
import { planQuery } from '../../../../renderer/core/search/plan';
import { parseQuery } from '../../../../renderer/core/search/query';
import { FIXTURE_DOCS } from '../../../fixtures/search/articles';

const index = SearchIndex.build(FIXTURE_DOCS);
const ids = (q: string, options = {}): string[] => index.search(q, options).hits.map((h) => h.id);

describe('SearchIndex: spelling variants from the issue', () => {
  it.each([
    ['Farsi yeh', 'السيطرة', 'control'],
    ['alef madda dropped', 'اذار', 'march'],
    ['hamza alef dropped', 'اذار', 'march2'],
    ['tanween + Farsi yeh', 'تقييما', 'rating'],
    ['hamza on waw typed as waw', 'المويدة', 'support'],
    ['Arabic-Indic digits', '1300', 'digits'],
    ['thousands separator', '34502', 'budget'],
    ['separator typed', '34,502', 'budget'],
    ['Arabic digits typed', '٣٤٬٥٠٢', 'budget'],
    ['clitic wa+al', 'التحالف', 'alliance'],
    ['clitic bi+al', 'تحالف', 'alliance'],
    ['keheh', 'مكتبة', 'books'],
    ['tashkeel in the text', 'المدرس', 'diacritics'],
    ['tatweel in the text', 'الثقافية', 'diacritics'],
    ['Latin, any case', 'neom', 'english'],
  ])('%s: %s finds %s', (_label, query, id) => {
    expect(ids(query)).toContain(id);
  });

  it('ranks the exact surface form first', () => {
    expect(ids('التحالف')[0]).toBe('alliance2');
  });

  it('ranks documents holding the typed words in order first', () => {
    expect(ids('الوزراء الخارجية')).toEqual(['alliance']);
    expect(ids('اجتماع وزراء')[0]).toBe('alliance');
  });

  it('reads a query of common words only as that passage', () => {
    const plan = planQuery(parseQuery('في ان'), false);
    expect(plan.groups).toHaveLength(1);
    expect(plan.groups[0]![0]!.kind).toBe('phrase');
    expect(ids('على حريق')).toEqual(ids('"على حريق"'));
  });
});

describe('SearchIndex: query language', () => {
  it('requires every word', () => {
    expect(ids('المعرض الدولي')).toEqual(['march']);
    expect(ids('المعرض هدنة')).toEqual([]);
  });

  it('matches an exact phrase only as a sequence', () => {
    expect(ids('"المعرض الدولي للكتاب"')).toEqual(['march']);
    expect(ids('"الدولي المعرض"')).toEqual([]);
  });

  it('keeps stop words inside phrases', () => {
    expect(ids('"في شهر آذار"')).toEqual(['march']);
    expect(ids('"من شهر آذار"')).toEqual([]);
  });

  it('expands a prefix', () => {
    expect(ids('مستود*')).toEqual(['control']);
  });

  it('excludes words and phrases', () => {
    expect(ids('التحالف -هدنة')).toEqual(['alliance']);
    expect(ids('اعلنت -"الدفاع المدني"')).toEqual(['digits']);
  });

  it('ORs alternatives', () => {
    expect(new Set(ids('هدنة OR المعرض'))).toEqual(new Set(['alliance2', 'march']));
  });

  it('restricts to titles', () => {
    expect(ids('title:التحالف')).toEqual(['alliance2']);
  });

  it('filters by source and date', () => {
    expect(ids('source:okaz')).toEqual(['digits', 'control']); // filters alone: newest first
    expect(new Set(ids('التحالف date:2015-08-01..2015-08-04'))).toEqual(new Set(['alliance']));
    expect(ids('اعلن* after:2015-07-20 before:2015-08-06').sort()).toEqual(['alliance2', 'digits']);
  });

  it('searches within given ids', () => {
    expect(ids('التحالف', { within: ['alliance'] })).toEqual(['alliance']);
  });

  it('narrows by earlier queries over their whole result set, not a page of it (issue 18)', () => {
    // 1,500 documents hold the first word, every third of them the second: the earlier set is larger
    // than any page of hits, and narrowing must equal typing both words.
    const docs = Array.from({ length: 1500 }, (_, i) => {
      const text = `تقرير رقم ${i} عن التحالف${i % 3 === 0 ? ' في اليمن' : ''}`;
      return { id: `d${i}`, title: `خبر ${i}`, outlet: 'test', text, paragraphs: [{ start: 0, end: text.length }] };
    });
    const big = SearchIndex.build(docs, 400);
    const direct = big.search('التحالف اليمن', { limit: 5 });
    const narrowed = big.search('اليمن', { narrow: ['التحالف'], limit: 5 });
    expect(big.search('التحالف', { limit: 1000 }).total).toBe(1500);
    expect(direct.total).toBe(500);
    expect(narrowed.total).toBe(direct.total);
    expect(big.search('اليمن', { narrow: ['التحالف', 'source:other'] }).total).toBe(0);
    expect(big.search('اليمن', { narrow: ['رقم 3'] }).hits.map((h) => h.id)).toEqual(['d3']);
  });

  it('sorts by date, newest first, across segments', () => {
    const r = SearchIndex.build(FIXTURE_DOCS, 3).search('اعلن*', { sort: 'date' });
    const dates = r.hits.map((h) => h.published ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(r.total).toBeGreaterThan(2);
    const all = SearchIndex.build(FIXTURE_DOCS, 3)
      .search('date:2015', { sort: 'date' })
      .hits.map((h) => h.published);
    expect(all).toEqual(
      FIXTURE_DOCS.map((d) => d.published)
        .sort()
        .reverse(),
    );
  });

  it('strict mode matches letters exactly', () => {
    expect(ids('آذار', { strict: true })).toEqual(['march']);
    expect(ids('أذار', { strict: true })).toEqual(['march2']);
    expect(ids('اذار', { strict: true })).toEqual([]);
    expect(ids('السیطرة', { strict: true })).toEqual(['control']);
    expect(ids('السيطرة', { strict: true })).toEqual([]);
  });

  it('finds a query of common words only by scanning the stored token sequences', () => {
    expect(ids('"في شهر"')).toEqual(['march']);
    const withFi = FIXTURE_DOCS.filter((d) => d.text.split(/[\s،.]+/).includes('في')).map((d) => d.id);
    expect(withFi.length).toBeGreaterThan(3);
    expect(new Set(ids('في'))).toEqual(new Set(withFi));
    expect(new Set(ids('في -الحي'))).toEqual(new Set(withFi.filter((id) => id !== 'books')));
  });

  it('reports an unclosed quote and never throws on odd input', () => {
    expect(index.search('"المعرض الدولي').warnings).toContain('unclosed-quote');
    for (const q of ['', '"', '-', 'OR', '***', 'title:', 'date:xyz', ':::'])
      expect(() => index.search(q)).not.toThrow();
  });

  it('counts every match even when hits are limited', () => {
    const r = index.search('اعلن*', { limit: 1 });
    expect(r.hits.length).toBe(1);
    expect(r.total).toBeGreaterThan(1);
  });
});

describe('SearchIndex: persistence and updates', () => {
  const queries = ['التحالف', 'اذار', '"المعرض الدولي للكتاب"', 'اعلن*', '1300', 'source:okaz'];

  it('serialize → load gives identical results', () => {
    const small = SearchIndex.build(FIXTURE_DOCS, 5);
    const loaded = SearchIndex.load(small.serialize(), 5);
    for (const q of queries) expect(loaded.search(q).hits).toEqual(small.search(q).hits);
  });

  it('scores compare across segments (global idf)', () => {
    const one = SearchIndex.build(FIXTURE_DOCS);
    const many = SearchIndex.build(FIXTURE_DOCS, 3);
    for (const q of queries) expect(many.search(q).hits.map((h) => h.id)).toEqual(one.search(q).hits.map((h) => h.id));
  });

  it('loads from buffers at any offset', () => {
    const blobs = SearchIndex.build(FIXTURE_DOCS)
      .serialize()
      .map((blob) => {
        const host = new Uint8Array(blob.length + 3);
        host.set(blob, 3);
        return host.subarray(3);
      });
    const loaded = SearchIndex.load(blobs);
    expect(loaded.search('التحالف').hits).toEqual(index.search('التحالف').hits);
  });

  it('rejects corrupt bytes', () => {
    const [lexicon, blob] = SearchIndex.build(FIXTURE_DOCS).serialize();
    expect(() => SearchIndex.load([lexicon!, blob!.slice(0, 100)])).toThrow(/corrupt/);
    expect(() => SearchIndex.load([lexicon!, new Uint8Array(16)])).toThrow(/corrupt/);
    expect(() => SearchIndex.load([lexicon!.slice(0, 40), blob!])).toThrow(/corrupt/);
  });

  it('loads around a corrupt segment and reports it', () => {
    const blobs = SearchIndex.build(FIXTURE_DOCS, 6).serialize();
    const { index: partial, corrupt } = SearchIndex.loadTolerant([blobs[0]!, blobs[1]!, blobs[2]!.slice(0, 50)], 6);
    expect(corrupt).toEqual([2]);
    expect(partial.size).toBe(6);
    expect(partial.staleness(FIXTURE_DOCS.map((d) => d.id)).missing).toEqual(FIXTURE_DOCS.slice(6).map((d) => d.id));
  });

  it('adds and removes documents without a rebuild', () => {
    const ix = SearchIndex.build(FIXTURE_DOCS.slice(0, 6));
    expect(ix.search('التحالف').total).toBe(0);
    ix.add(FIXTURE_DOCS.slice(6));
    expect(ix.search('التحالف').hits.map((h) => h.id)).toContain('alliance');
    expect(ix.remove(['alliance', 'control', 'nope'])).toBe(2);
    expect(ix.search('التحالف').hits.map((h) => h.id)).toEqual(['alliance2']);
    expect(ix.search('السيطرة').total).toBe(0);
    expect(ix.size).toBe(FIXTURE_DOCS.length - 2);
  });

  it('replaces a re-added document', () => {
    const ix = SearchIndex.build(FIXTURE_DOCS);
    const changed = {
      ...FIXTURE_DOCS[0]!,
      title: 'عنوان جديد',
      text: 'عنوان جديد\nنص مختلف',
      paragraphs: [{ start: 11, end: 20 }],
    };
    ix.add([changed]);
    expect(ix.search('السيطرة').total).toBe(0);
    expect(ix.search('مختلف').hits.map((h) => h.id)).toEqual(['control']);
  });

  it('keeps tombstones through serialization', () => {
    const ix = SearchIndex.build(FIXTURE_DOCS);
    ix.remove(['march']);
    const loaded = SearchIndex.load(ix.serialize());
    expect(loaded.search('المعرض').total).toBe(0);
    expect(loaded.has('march')).toBe(false);
  });

  it('reports staleness against the archive', () => {
    const ix = SearchIndex.build(FIXTURE_DOCS.slice(1));
    const archive = FIXTURE_DOCS.slice(0, -1).map((d) => d.id);
    expect(ix.staleness(archive)).toEqual({ missing: [FIXTURE_DOCS[0]!.id], extra: [FIXTURE_DOCS.at(-1)!.id] });
    expect(ix.segmentInfos()[0]!.ids).toHaveLength(FIXTURE_DOCS.length - 1);
  });
});
