import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { freshDb, makeArticle } from '../support/db';
import type { WarraqDb } from '../../../renderer/storage/db';
import { CountsRepo } from '../../../renderer/storage/counts-repo';
import { CountsService } from '../../../renderer/services/counts';
import type { Annotation } from '../../../renderer/core/model';

function note(id: string, articleId: string, tags: string[]): Annotation {
  return {
    id,
    articleId,
    note: '',
    tags,
    createdAt: 1000,
    updatedAt: 1000,
    selectors: [{ type: 'TextPositionSelector', start: 0, end: 5 }],
    color: 'yellow',
    paragraph: 1,
  };
}

describe('sidebar counts from indexes', () => {
  let db: WarraqDb;
  beforeEach(async () => {
    db = freshDb('counts-test');
    await db.open();
    // 7 articles: 4 from one outlet (odd n), 3 from the other; tags on three of them.
    const metas = [1, 2, 3, 4, 5, 6, 7].map(
      (n) => makeArticle(n, { tags: n === 1 ? ['اقتصاد', 'سياسة'] : n < 4 ? ['اقتصاد'] : [] }).meta,
    );
    await db.articles.bulkPut(metas);
    await db.annotations.bulkPut([note('a', metas[0]!.id, ['سياسة']), note('b', metas[1]!.id, ['مياه'])]);
    await db.bookmarks.put({ id: 'bm', articleId: metas[0]!.id, paragraph: 2, label: '', createdAt: 5 });
  });
  afterEach(() => db.close());

  it('counts articles per outlet, tags on articles and notes, notes and bookmarks', async () => {
    const rows = await new CountsRepo(db).sidebar();
    expect(rows.articles).toBe(7);
    expect(rows.annotations).toBe(2);
    expect(rows.bookmarks).toBe(1);
    expect(Object.fromEntries(rows.outlets)).toEqual({ 'وكالة الأنباء': 4, 'صحيفة الغد': 3 });
    expect(Object.fromEntries(rows.tags)).toEqual({ اقتصاد: 3, سياسة: 2, مياه: 1 });
  });

  it('the service sorts by count, caches, and reads again after a change', async () => {
    const library = new EventTarget();
    let t = 0;
    const service = new CountsService(new CountsRepo(db), [library], () => t);
    const first = await service.sidebar();
    expect(first.outlets).toEqual([
      { id: 'وكالة الأنباء', count: 4 },
      { id: 'صحيفة الغد', count: 3 },
    ]);
    expect(first.tags[0]).toEqual({ tag: 'اقتصاد', count: 3 });
    expect(await service.sidebar()).toBe(first);

    await db.articles.bulkPut([8, 10].map((n) => makeArticle(n).meta));
    const changed = new Promise((resolve) => service.addEventListener('change', resolve, { once: true }));
    t = 5000; // long after the last read: the change is announced at once
    library.dispatchEvent(new Event('change'));
    await changed;
    const second = await service.sidebar();
    expect(second.outlets).toEqual([
      { id: 'صحيفة الغد', count: 5 },
      { id: 'وكالة الأنباء', count: 4 },
    ]);
  });

  it('holds the first read until the start-up gate opens (even if the gate fails)', async () => {
    const repo = new CountsRepo(db);
    const read = vi.spyOn(repo, 'sidebar');
    const service = new CountsService(repo, []);
    let open!: () => void;
    service.holdUntil(new Promise<void>((_, reject) => (open = () => reject(new Error('worker failed')))));
    const counts = service.sidebar();
    await new Promise((r) => setTimeout(r, 0));
    expect(read).not.toHaveBeenCalled();
    open();
    expect((await counts).articles).toBe(7);
    expect(read).toHaveBeenCalledTimes(1);
  });
});
