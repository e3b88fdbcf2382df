/** An edition keeps everything the outlet printed about itself: both calendars' dates and the agency credited. */
import { describe, it, expect } from 'vitest';
import { editionOf, compareEditions } from '../../../../renderer/core/stories/editions';
import type { ArticleMeta } from '../../../../renderer/core/model';

const meta: ArticleMeta = {
  id: 'abc',
  title: 'التحالف يقر بمقتل مدنيين',
  outlet: 'عشتار تيفي كوم',
  byline: 'عشتار تيفي كوم - الجزيرة',
  agency: 'الجزيرة',
  published: '2019-04-30',
  publishedHijri: '1440-08-25',
  url: 'https://example.org/a',
  length: 100,
  words: 20,
  importedAt: 5,
  source: { kind: 'text', name: 'a.txt' },
  tags: [],
} as ArticleMeta;

describe('editionOf', () => {
  it('copies the printed dates in both calendars and the credited agency', () => {
    const e = editionOf(meta, 7);
    expect(e).toMatchObject({
      id: 'abc|عشتار تيفي كوم|https://example.org/a',
      published: '2019-04-30',
      publishedHijri: '1440-08-25',
      agency: 'الجزيرة',
      byline: 'عشتار تيفي كوم - الجزيرة',
      source: { kind: 'text', name: 'a.txt', record: 7 },
    });
  });

  it('leaves out what the article does not have', () => {
    const { publishedHijri: _h, agency: _a, ...plain } = meta;
    const e = editionOf(plain as ArticleMeta);
    expect('publishedHijri' in e).toBe(false);
    expect('agency' in e).toBe(false);
  });

  it('orders dated editions first, earliest first', () => {
    const a = editionOf({ ...meta, id: 'a', published: '2019-05-01' });
    const b = editionOf({ ...meta, id: 'b', published: '2019-04-30' });
    const c = editionOf({ ...meta, id: 'c', published: undefined });
    expect([a, c, b].sort(compareEditions).map((e) => e.articleId)).toEqual(['b', 'a', 'c']);
  });
});
