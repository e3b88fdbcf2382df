import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { WarraqDb } from '../../../renderer/storage/db';
import { AnnotationsRepo } from '../../../renderer/storage/annotations-repo';
import type { Annotation, Bookmark } from '../../../renderer/core/model';

function note(id: string, articleId: string, extra: Partial<Annotation> = {}): Annotation {
  return {
    id,
    articleId,
    note: '',
    tags: [],
    createdAt: 1000,
    updatedAt: 1000,
    selectors: [
      { type: 'TextPositionSelector', start: 0, end: 5 },
      { type: 'TextQuoteSelector', exact: 'أعلنت', prefix: '', suffix: ' الحكومة' },
    ],
    color: 'yellow',
    paragraph: 1,
    ...extra,
  };
}

describe('AnnotationsRepo', () => {
  let db: WarraqDb;
  let repo: AnnotationsRepo;
  beforeEach(async () => {
    db = new WarraqDb('anno-test', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    repo = new AnnotationsRepo(db);
  });
  afterEach(() => db.close());

  it('stores annotations per article, oldest first', async () => {
    await repo.put(note('b', 'art1', { createdAt: 2000 }));
    await repo.put(note('a', 'art1', { createdAt: 1500 }));
    await repo.put(note('c', 'art2'));
    expect((await repo.forArticle('art1')).map((a) => a.id)).toEqual(['a', 'b']);
    expect((await repo.all()).map((a) => a.id)).toEqual(['c', 'a', 'b']);
  });

  it('put returns the row it replaced', async () => {
    expect(await repo.put(note('a', 'art1'))).toBeUndefined();
    const before = await repo.put(note('a', 'art1', { note: 'قارن مع أرقام المرصد' }));
    expect(before?.note).toBe('');
    expect((await repo.get('a'))?.note).toBe('قارن مع أرقام المرصد');
  });

  it('update patches, stamps updatedAt, keeps id and article, and returns both versions', async () => {
    await repo.put(note('a', 'art1'));
    const r = await repo.update('a', { color: 'blue', articleId: 'other' } as Partial<Annotation>, 5000);
    expect(r?.before.color).toBe('yellow');
    expect(r?.after).toMatchObject({ color: 'blue', articleId: 'art1', updatedAt: 5000 });
    expect(await repo.update('missing', { note: 'x' }, 1)).toBeUndefined();
    expect(await repo.get('missing')).toBeUndefined();
  });

  it('delete returns the removed annotation and putting it back restores it', async () => {
    await repo.put(note('a', 'art1', { note: 'ملاحظة', tags: ['ضحايا'] }));
    const removed = await repo.delete('a');
    expect(removed?.note).toBe('ملاحظة');
    expect(await repo.get('a')).toBeUndefined();
    expect(await repo.delete('a')).toBeUndefined();
    await repo.put(removed!);
    expect(await repo.get('a')).toEqual(removed);
  });

  it('lists distinct tags through the multi-entry index', async () => {
    await repo.put(note('a', 'art1', { tags: ['ضحايا', 'SOHR'] }));
    await repo.put(note('b', 'art2', { tags: ['ضحايا'] }));
    expect((await repo.tags()).sort()).toEqual(['SOHR', 'ضحايا']);
    expect(await db.annotations.where('tags').equals('ضحايا').count()).toBe(2);
  });

  it('stores bookmarks by paragraph and deletes them with the row returned', async () => {
    const b = (id: string, paragraph: number, createdAt: number): Bookmark => ({
      id,
      articleId: 'art1',
      paragraph,
      label: '',
      createdAt,
    });
    await repo.putBookmark(b('x', 4, 10));
    await repo.putBookmark(b('y', 1, 20));
    expect((await repo.bookmarksFor('art1')).map((x) => x.paragraph)).toEqual([1, 4]);
    expect((await repo.allBookmarks()).map((x) => x.id)).toEqual(['y', 'x']);
    expect((await repo.deleteBookmark('x'))?.paragraph).toBe(4);
    expect(await repo.deleteBookmark('x')).toBeUndefined();
    expect(await repo.bookmarksFor('art1')).toHaveLength(1);
  });

  it('rejects with a StorageError when the database is closed', async () => {
    db.close();
    await expect(repo.put(note('a', 'art1'))).rejects.toMatchObject({ name: 'StorageError' });
  });
});
