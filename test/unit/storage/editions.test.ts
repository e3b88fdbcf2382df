/**
 * Editions (issue 12): the same text from another outlet or URL is kept as another edition of the
 * stored article; the very same copy again adds nothing; the stored text never changes.
 */
import { describe, it, expect, beforeEach } from 'vitest';
import { ArticlesRepo } from '../../../renderer/storage/articles-repo';
import type { WarraqDb } from '../../../renderer/storage/db';
import { freshDb, makeArticle } from '../support/db';

describe('ArticlesRepo editions', () => {
  let db: WarraqDb;
  let repo: ArticlesRepo;
  beforeEach(async () => {
    db = freshDb();
    await db.open();
    repo = new ArticlesRepo(db);
  });

  it('keeps a copy from another outlet as an edition, and the same copy again adds nothing', async () => {
    const a = makeArticle(1, { outlet: 'okaz', url: 'https://okaz.example/1', published: '2015-07-22' });
    const first = await repo.putMany([{ ...a, record: 4 }]);
    expect(first.added).toEqual([a.meta.id]);
    expect(first.metas[0]).toMatchObject({ editions: 1, outlets: ['okaz'] });

    const copy = {
      meta: {
        ...a.meta,
        outlet: 'alriyadh',
        url: 'https://riyadh.example/9',
        published: '2015-07-21',
        title: a.meta.title,
      },
      text: { ...a.text, text: a.text.text },
    };
    const second = await repo.putMany([copy]);
    expect(second.added).toEqual([]);
    expect(second.skipped).toEqual([]);
    expect(second.editions).toHaveLength(1);
    expect(second.editions[0]!.meta).toMatchObject({
      editions: 2,
      outlets: ['okaz', 'alriyadh'],
      earliest: '2015-07-21',
      outlet: 'okaz',
    });

    // Re-importing either file adds nothing.
    const third = await repo.putMany([a, copy]);
    expect(third).toMatchObject({ added: [], skipped: [a.meta.id, a.meta.id], editions: [] });

    const editions = await db.editions.where('articleId').equals(a.meta.id).toArray();
    expect(editions.map((e) => e.outlet).sort()).toEqual(['alriyadh', 'okaz']);
    expect(editions.find((e) => e.outlet === 'okaz')?.source.record).toBe(4);
    expect((await repo.get(a.meta.id))?.text).toBe(a.text.text);
    expect(await db.articles.count()).toBe(1);
  });

  it('counts an edition met earlier in the same batch', async () => {
    const a = makeArticle(2, { outlet: 'was' });
    const b = { meta: { ...a.meta, outlet: 'sabq', url: 'https://sabq.example/2' }, text: a.text };
    const r = await repo.putMany([a, b, b]);
    expect(r.added).toEqual([a.meta.id]);
    expect(r.metas[0]).toMatchObject({ editions: 2, outlets: ['was', 'sabq'] });
    expect(r.skipped).toEqual([a.meta.id]);
    expect((await db.articles.get(a.meta.id))?.editions).toBe(2);
    expect(await db.editions.count()).toBe(2);
  });

  it('sorts a mixed batch: new texts, copies of stored ones, and copies seen before', async () => {
    const stored = makeArticle(4, { outlet: 'okaz' });
    await repo.putMany([stored]);
    const fresh = makeArticle(5, { outlet: 'was' });
    const copyOf = (x: typeof stored, outlet: string) => ({ meta: { ...x.meta, outlet }, text: x.text });
    const r = await repo.putMany([
      copyOf(stored, 'sabq'), // a stored text from another outlet: an edition
      fresh,
      stored, // the stored copy again: skipped
      copyOf(fresh, 'alyaum'), // the new text from another outlet, in the same batch: an edition
      copyOf(stored, 'sabq'), // the same new edition twice: skipped
      copyOf(stored, 'alriyadh'),
    ]);
    expect(r.added).toEqual([fresh.meta.id]);
    expect(r.metas[0]).toMatchObject({ editions: 2, outlets: ['was', 'alyaum'] });
    expect(r.skipped).toEqual([stored.meta.id, stored.meta.id]);
    expect(r.editions.map((e) => e.edition.outlet)).toEqual(['sabq', 'alyaum', 'alriyadh']);
    expect(r.editions[2]!.meta).toMatchObject({ editions: 3, outlets: ['okaz', 'sabq', 'alriyadh'] });
    expect(await db.articles.get(stored.meta.id)).toMatchObject({ editions: 3, outlets: ['okaz', 'sabq', 'alriyadh'] });
    expect((await db.articles.get(fresh.meta.id))?.editions).toBe(2);
    expect(await db.articles.count()).toBe(2);
    expect(await db.texts.count()).toBe(2);
    expect(await db.editions.count()).toBe(5);
  });

  it('delete takes the editions and undelete puts them back', async () => {
    const a = makeArticle(3, { outlet: 'okaz' });
    await repo.putMany([a, { meta: { ...a.meta, outlet: 'alyaum' }, text: a.text }]);
    const removed = await repo.delete(a.meta.id);
    expect(removed?.editions).toHaveLength(2);
    expect(await db.editions.count()).toBe(0);
    await repo.undelete(removed!);
    expect(await db.editions.count()).toBe(2);
  });
});
