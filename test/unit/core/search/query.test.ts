import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../../renderer/core/search/query';

describe('parseQuery', () => {
  it('makes every word a required group', () => {
    const q = parseQuery('التحالف الدولي');
    expect(q.groups.map((g) => g.map((t) => `${t.kind}:${t.text}`))).toEqual([['word:التحالف'], ['word:الدولي']]);
  });

  it.each([
    ['"المعرض الدولي"', 'phrase', 'المعرض الدولي'],
    ['تحال*', 'prefix', 'تحال'],
    ['title:التحالف', 'word', 'التحالف'],
  ])('%s → %s', (input, kind, text) => {
    const [term] = parseQuery(input).groups[0]!;
    expect(term).toMatchObject({ kind, text });
  });

  it('parses title phrases', () => {
    expect(parseQuery('title:"المعرض الدولي"').groups[0]![0]).toEqual({
      kind: 'phrase',
      text: 'المعرض الدولي',
      field: 'title',
    });
  });

  it('binds OR to its neighbours', () => {
    const q = parseQuery('ا OR ب ج');
    expect(q.groups.map((g) => g.map((t) => t.text))).toEqual([['ا', 'ب'], ['ج']]);
  });

  it('collects exclusions', () => {
    const q = parseQuery('التحالف -هدنة -"وقف اطلاق"');
    expect(q.excluded.map((t) => `${t.kind}:${t.text}`)).toEqual(['word:هدنة', 'phrase:وقف اطلاق']);
  });

  it.each([
    ['date:2015-07-01..2015-08-15', 20150701, 20150815],
    ['date:2015-07', 20150701, 20150731],
    ['date:2015', 20150101, 20151231],
    ['after:2015-07-10', 20150710, 0],
    ['before:2015-08-01', 0, 20150731],
    ['before:2015-03-01', 0, 20150228],
  ])('%s → %d..%d', (input, from, to) => {
    const q = parseQuery(input);
    expect([q.dateFrom, q.dateTo]).toEqual([from, to]);
    expect(q.groups).toEqual([]);
  });

  it('collects sources, lower-cased', () => {
    expect(parseQuery('source:Okaz source:was').sources).toEqual(['okaz', 'was']);
  });

  it('warns about an unclosed quote and a bad date', () => {
    expect(parseQuery('"المعرض').warnings).toContain('unclosed-quote');
    expect(parseQuery('date:soon').warnings).toContain('bad-date:soon');
  });

  it('treats an unknown field as words', () => {
    expect(parseQuery('http:example').groups[0]![0]).toMatchObject({ kind: 'word', text: 'http:example' });
  });
});
