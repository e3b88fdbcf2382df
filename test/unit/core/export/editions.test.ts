/**
 * Exports with editions (issue 12): CSL-JSON and RIS give one record per edition, CSV carries the story
 * and every edition, and a citation cites the annotated edition and lists the others.
 */
import { describe, it, expect } from 'vitest';
import {
  citationText,
  csvRows,
  editionRecords,
  toCslItems,
  toRis,
  type ExportInput,
} from '../../../../renderer/core/export';
import type { Annotation, ArticleMeta, Edition } from '../../../../renderer/core/model';

const article: ArticleMeta = {
  id: 'a1',
  title: 'افتتاح مستشفى الخرج',
  outlet: 'عكاظ',
  url: 'https://okaz.example/1',
  published: '2015-07-22',
  length: 100,
  words: 20,
  importedAt: 1_700_000_000_000,
  source: { kind: 'jsonl' },
  tags: [],
  storyId: 's1',
  editions: 3,
};
const edition = (outlet: string, url: string, published: string, title = article.title): Edition => ({
  id: `a1|${outlet}|${url}`,
  articleId: 'a1',
  outlet,
  url,
  published,
  title,
  source: { kind: 'jsonl', name: 'x.jsonl', record: 3 },
  importedAt: 1_700_000_000_500,
});
const editions = new Map([
  [
    'a1',
    [
      edition('واس', 'https://spa.example/9', '2015-07-21', 'الوزير يفتتح مستشفى الخرج'),
      edition('عكاظ', 'https://okaz.example/1', '2015-07-22'),
      edition('الرياض', 'https://riyadh.example/2', '2015-07-23'),
    ],
  ],
]);
const note: Annotation = {
  id: 'n1',
  articleId: 'a1',
  selectors: [],
  note: 'للمتابعة',
  tags: [],
  createdAt: 1,
  updatedAt: 1,
};
const input: ExportInput = { articles: [article], annotations: [note], editions };

describe('exports with editions', () => {
  it('gives one CSL-JSON and one RIS record per edition, the annotated one first', () => {
    const records = editionRecords(input.articles, input.editions);
    expect(records.map((r) => [r.outlet, r.published, r.title])).toEqual([
      ['عكاظ', '2015-07-22', 'افتتاح مستشفى الخرج'],
      ['واس', '2015-07-21', 'الوزير يفتتح مستشفى الخرج'],
      ['الرياض', '2015-07-23', 'افتتاح مستشفى الخرج'],
    ]);
    const csl = toCslItems(records);
    expect(csl.map((c) => [c.id, c['container-title'], c.URL])).toEqual([
      ['a1', 'عكاظ', 'https://okaz.example/1'],
      ['a1~1', 'واس', 'https://spa.example/9'],
      ['a1~2', 'الرياض', 'https://riyadh.example/2'],
    ]);
    expect(toRis(records).match(/^TY {2}- NEWS/gm)).toHaveLength(3);
    expect(toRis(records)).toContain('T2  - واس\r\n');
  });

  it('adds story and editions columns to the CSV', () => {
    expect(csvRows(input)[0]).toMatchObject({
      story: 's1',
      editions:
        'عكاظ 2015-07-22 https://okaz.example/1 | واس 2015-07-21 https://spa.example/9 | الرياض 2015-07-23 https://riyadh.example/2',
    });
  });

  it('cites the annotated edition and lists the others', () => {
    const cite = citationText(article, {
      lang: 'en',
      isolates: false,
      editions: editions.get('a1')!.filter((e) => e.outlet !== 'عكاظ'),
    });
    expect(cite.startsWith('"افتتاح مستشفى الخرج", عكاظ, 22 July 2015, https://okaz.example/1')).toBe(true);
    expect(cite).toContain(
      'also published by: واس 21 July 2015 https://spa.example/9; الرياض 23 July 2015 https://riyadh.example/2',
    );
  });
});
