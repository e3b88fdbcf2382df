/** SearchRepo on fake-indexeddb: segment rows in build order, meta values, and documents read for indexing. */
import { describe, it, expect, beforeEach } from 'vitest';
import { SearchRepo } from '../../../renderer/storage/search-repo';
import { ArticlesRepo } from '../../../renderer/storage/articles-repo';
import type { WarraqDb } from '../../../renderer/storage/db';
import { freshDb, makeArticle } from '../support/db';

describe('SearchRepo', () => {
  let db: WarraqDb;
  let repo: SearchRepo;
  beforeEach(async () => {
    db = freshDb(`search-repo-${Math.random()}`);
    await db.open();
    repo = new SearchRepo(db);
  });

  it('lists segment rows oldest first, deletes by id, and clears rows and meta together', async () => {
    const row = (id: string, builtAt: number) => ({
      id,
      docIds: ['a'],
      data: new Uint8Array([1, 2]).buffer,
      builtAt,
      version: 1,
    });
    await repo.putSegment(row('g1-b', 20));
    await repo.putSegment(row('g1-a', 10));
    await repo.setMeta('generation', 1);
    expect((await repo.segments()).map((r) => r.id)).toEqual(['g1-a', 'g1-b']);
    expect(new Uint8Array((await repo.segments())[0]!.data as ArrayBuffer)).toEqual(new Uint8Array([1, 2]));
    await repo.deleteSegments(['g1-a', 'missing']);
    expect((await repo.segments()).map((r) => r.id)).toEqual(['g1-b']);
    expect(await repo.getMeta<number>('generation')).toBe(1);
    await repo.clear();
    expect(await repo.segments()).toEqual([]);
    expect(await repo.getMeta('generation')).toBeUndefined();
  });

  it('reads documents for indexing in the order asked, skipping ids that are gone', async () => {
    await new ArticlesRepo(db).putMany([makeArticle(1), makeArticle(2, { published: undefined })]);
    const docs = await repo.docs(['id-0002', 'id-0404', 'id-0001']);
    expect(docs.map((d) => d.id)).toEqual(['id-0002', 'id-0001']);
    expect(docs[1]).toMatchObject({ outlet: 'وكالة الأنباء', published: '2019-05-02' });
    expect(docs[0]!.published).toBeUndefined();
    expect(docs[1]!.text.slice(docs[1]!.paragraphs[0]!.start, docs[1]!.paragraphs[0]!.end)).toMatch(/^قال مسؤولون/);
    expect((await repo.articleIds()).sort()).toEqual(['id-0001', 'id-0002']);
    expect((await repo.text('id-0001'))?.titleEnd).toBeGreaterThan(0);
    expect(await repo.text('id-0404')).toBeUndefined();
  });
});
