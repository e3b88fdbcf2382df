import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { toCslItems, toCslJson, toRis } from '../../../../renderer/core/export';
import { ARTICLES } from '../../../fixtures/export/library';

/** A strict RIS reader: every line `XX  - value` ending in CRLF, records closed by `ER  - `. */
function parseRis(ris: string): Record<string, string>[] {
  expect(ris.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const records: Record<string, string>[] = [];
  let cur: Record<string, string> | undefined;
  for (const line of ris.split('\r\n').slice(0, -1)) {
    const m = /^([A-Z][A-Z0-9]) {2}- (.*)$/.exec(line);
    if (!m) throw new Error(`bad RIS line: ${line}`);
    if (m[1] === 'TY') cur = {};
    if (!cur) throw new Error('tag before TY');
    if (m[1] === 'ER') {
      records.push(cur);
      cur = undefined;
    } else cur[m[1]!] = m[2]!;
  }
  expect(cur).toBeUndefined();
  return records;
}

describe('CSL-JSON', () => {
  it('has one article-newspaper item per article with outlet, dates and URL', () => {
    expect(toCslItems(ARTICLES)[0]).toEqual({
      id: 'a1',
      type: 'article-newspaper',
      title: ARTICLES[0]!.title,
      'container-title': 'عشتار تيفي',
      author: [{ literal: 'سامر الخطيب' }],
      issued: { 'date-parts': [[2019, 5, 12]] },
      accessed: { 'date-parts': [[2024, 6, 3]] },
      URL: 'https://example.org/news/2019/05/12/beirut',
      language: 'ar',
      keyword: 'لبنان',
    });
    expect(toCslItems(ARTICLES)[2]!.issued).toEqual({ 'date-parts': [[2021, 7]] });
  });

  it('reads back through citation-js unchanged', () => {
    const items = JSON.parse(toCslJson(ARTICLES));
    const back = new Cite(items).data.map(({ _graph, ...item }: any) => item);
    expect(back).toEqual(toCslItems(ARTICLES));
  });
});

describe('RIS', () => {
  const ris = toRis(ARTICLES);

  it('writes NEWS records with CRLF lines that a strict reader accepts', () => {
    const recs = parseRis(ris);
    expect(recs).toHaveLength(3);
    expect(recs[1]).toEqual({
      TY: 'NEWS',
      TI: 'تقرير Human Rights Watch عن حلب: «لا مكان آمناً»',
      T2: 'BBC عربي',
      A1: 'قسم المتابعة - BBC Monitoring',
      Y1: '2020/03/01/',
      UR: 'https://example.com/hrw?id=7&lang=ar',
      Y2: '2024/01/15/',
      CY: 'لندن',
      ID: 'a2',
    });
    expect(recs[2]).toMatchObject({ Y1: '2021/07//' });
    expect(recs[2]).not.toHaveProperty('A1');
  });

  it('reads back through citation-js as newspaper articles with the same data', () => {
    const back = new Cite(ris).data;
    expect(back).toHaveLength(3);
    expect(back[0]).toMatchObject({
      type: 'article-newspaper',
      title: ARTICLES[0]!.title,
      'container-title': 'عشتار تيفي',
      author: [{ literal: 'سامر الخطيب' }],
      URL: 'https://example.org/news/2019/05/12/beirut',
      issued: { 'date-parts': [[2019, 5, 12]] },
      keyword: 'لبنان',
    });
    expect(back[1]).toMatchObject({ 'publisher-place': 'لندن', issued: { 'date-parts': [[2020, 3, 1]] } });
    expect(back[2]).toMatchObject({ issued: { 'date-parts': [[2021, 7]] } });
  });

  it('folds newlines inside a value into spaces', () => {
    expect(toRis([{ ...ARTICLES[2]!, title: 'سطر\r\nثانٍ' }])).toContain('TI  - سطر ثانٍ\r\n');
  });
});
