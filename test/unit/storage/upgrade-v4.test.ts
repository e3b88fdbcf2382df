/**
 * A profile of schema v3 (articles, annotations, bookmarks) opens in this build (v4, stories) with
 * every row intact; each existing article gets its first edition, and the new tables work.
 */
import { describe, it, expect } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { WarraqDb, DB_NAME, SCHEMA_VERSION } from '../../../renderer/storage/db';
import { AnnotationsRepo } from '../../../renderer/storage/annotations-repo';
import { StoriesRepo } from '../../../renderer/storage/stories-repo';
import { ArticlesRepo } from '../../../renderer/storage/articles-repo';
import { openOldProfile } from '../support/old-schema';

const TEXT = 'أعلنت الوزارة افتتاح 3 مدارس جديدة في المنطقة الشرقية.';

async function writeV3(indexedDB: IDBFactory): Promise<void> {
  const old = await openOldProfile(indexedDB, 3);
  for (const [id, outlet, url] of [
    ['a1', 'okaz', 'https://okaz.example/1'],
    ['a2', 'was', undefined],
  ] as const) {
    await old.table('articles').put({
      id,
      title: `افتتاح مدارس ${id}`,
      outlet,
      ...(url ? { url } : {}),
      published: '2015-08-01',
      length: TEXT.length,
      words: 9,
      importedAt: id === 'a1' ? 1 : 2,
      source: { kind: 'jsonl', name: 'corpus.jsonl' },
      tags: [],
    });
    await old.table('texts').put({ id, text: TEXT + id, paragraphs: [{ start: 0, end: TEXT.length + 2 }] });
  }
  await old
    .table('annotations')
    .put({ id: 'n1', articleId: 'a1', selectors: [], note: 'للمتابعة', tags: ['تعليم'], createdAt: 1, updatedAt: 1 });
  await old.table('bookmarks').put({ id: 'b1', articleId: 'a2', paragraph: 0, label: 'هنا', createdAt: 2 });
  expect(old.verno).toBe(3);
  old.close();
}

describe('upgrade from schema v3', () => {
  it('keeps articles, annotations and bookmarks and gives each article its first edition', async () => {
    const indexedDB = new IDBFactory();
    await writeV3(indexedDB);
    const db = new WarraqDb(DB_NAME, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.articles.count()).toBe(2);
    expect((await db.texts.get('a1'))?.text).toBe(TEXT + 'a1');
    const notes = new AnnotationsRepo(db);
    expect((await notes.forArticle('a1'))[0]?.note).toBe('للمتابعة');
    expect(await notes.bookmarksFor('a2')).toHaveLength(1);

    const stories = new StoriesRepo(db);
    const editions = await stories.editionsOf(['a1', 'a2']);
    expect(editions.map((e) => [e.articleId, e.outlet, e.url]).sort()).toEqual([
      ['a1', 'okaz', 'https://okaz.example/1'],
      ['a2', 'was', undefined],
    ]);
    expect(editions.find((e) => e.articleId === 'a1')).toMatchObject({
      title: 'افتتاح مدارس a1',
      published: '2015-08-01',
      importedAt: 1,
      source: { kind: 'jsonl' },
    });

    // Importing another outlet's copy of an upgraded article adds a second edition.
    const a1 = (await db.articles.get('a1'))!;
    const text = (await db.texts.get('a1'))!;
    const r = await new ArticlesRepo(db).putMany([
      { meta: { ...a1, outlet: 'alriyadh', url: 'https://riyadh.example/5' }, text },
    ]);
    expect(r.editions[0]?.meta).toMatchObject({ editions: 2, outlets: ['okaz', 'alriyadh'] });
    await stories.putOutlet({ id: 'okaz', name: 'عكاظ', aliases: ['Okaz'] });
    expect(await db.outlets.where('aliases').equals('Okaz').primaryKeys()).toEqual(['okaz']);
    db.close();
  });
});
