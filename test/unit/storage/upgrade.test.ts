/**
 * A profile written by the previous release (schema v2: articles, texts, settings, reading, search
 * index) opens in this build (v3) with every row intact, and the new annotation tables work.
 */
import { describe, it, expect } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { WarraqDb, DB_NAME, SCHEMA_VERSION } from '../../../renderer/storage/db';
import { AnnotationsRepo } from '../../../renderer/storage/annotations-repo';
import { openOldProfile } from '../support/old-schema';

const TEXT = 'قالت وزارة الصحة إن 12 شخصاً قتلوا في القصف.';

async function writeV2(indexedDB: IDBFactory): Promise<void> {
  const old = await openOldProfile(indexedDB, 2);
  await old.table('articles').put({
    id: 'a1',
    title: 'قصف في الرقة',
    outlet: 'وكالة الأنباء',
    length: TEXT.length,
    words: 9,
    importedAt: 1,
    source: { kind: 'text' },
    tags: ['سوريا'],
  });
  await old.table('texts').put({ id: 'a1', text: TEXT, paragraphs: [{ start: 0, end: TEXT.length }] });
  await old.table('settings').put({ key: 'language', value: 'en' });
  await old.table('reading').put({ articleId: 'a1', paragraph: 1, fraction: 0.5, updatedAt: 7 });
  await old.table('searchSegments').put({ id: 's0', docIds: ['a1'], data: 'x', builtAt: 3, version: 1 });
  await old.table('searchMeta').put({ key: 'built', value: 3 });
  expect(old.verno).toBe(2);
  old.close();
}

describe('upgrade from schema v2', () => {
  it('keeps every v2 row and adds working annotation tables', async () => {
    const indexedDB = new IDBFactory();
    await writeV2(indexedDB);
    const db = new WarraqDb(DB_NAME, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect((await db.articles.get('a1'))?.title).toBe('قصف في الرقة');
    expect(await db.articles.where('tags').equals('سوريا').primaryKeys()).toEqual(['a1']);
    expect((await db.texts.get('a1'))?.text).toBe(TEXT);
    expect((await db.settings.get('language'))?.value).toBe('en');
    expect((await db.reading.get('a1'))?.fraction).toBe(0.5);
    expect(await db.searchSegments.count()).toBe(1);
    expect((await db.searchMeta.get('built'))?.value).toBe(3);

    const repo = new AnnotationsRepo(db);
    await repo.put({
      id: 'n1',
      articleId: 'a1',
      selectors: [],
      note: 'مقارنة with SOHR',
      tags: ['ضحايا'],
      createdAt: 1,
      updatedAt: 1,
    });
    await repo.putBookmark({ id: 'b1', articleId: 'a1', paragraph: 0, label: '', createdAt: 2 });
    expect((await repo.forArticle('a1'))[0]?.note).toBe('مقارنة with SOHR');
    expect(await repo.tags()).toEqual(['ضحايا']);
    expect(await repo.bookmarksFor('a1')).toHaveLength(1);
    db.close();

    // And the upgraded data is still there the next time the app opens.
    const again = new WarraqDb(DB_NAME, { indexedDB, IDBKeyRange });
    await again.open();
    expect(await again.annotations.count()).toBe(1);
    expect(await again.articles.count()).toBe(1);
    again.close();
  });
});
