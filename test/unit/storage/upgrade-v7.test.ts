/**
 * A profile of schema v6 holding a very long article (with its head) opens in this build (v7, reader
 * pages) with the long article's pages written by the upgrade, so the reader reads its whole text page
 * by page, never in one long task (issue 13); a short article gets none.
 */
import { describe, it, expect } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { WarraqDb, DB_NAME } from '../../../renderer/storage/db';
import { readerHead } from '../../../renderer/core/article/reader-head';
import { PageAssembler } from '../../../renderer/core/article/reader-pages';
import { longAndShortTexts, openOldProfile, putOldArticles } from '../support/old-schema';

async function writeV6(indexedDB: IDBFactory, texts: Record<string, string>): Promise<void> {
  const old = await openOldProfile(indexedDB, 6);
  for (const row of await putOldArticles(old, texts)) {
    const head = readerHead(row);
    if (head) await old.table('readerHeads').put(head);
  }
  expect(old.verno).toBe(6);
  old.close();
}

describe('upgrade from schema v6', () => {
  it('writes the pages of every article long enough to need them, and only those', async () => {
    const indexedDB = new IDBFactory();
    const { long, short } = longAndShortTexts();
    await writeV6(indexedDB, { long, short });
    const db = new WarraqDb(DB_NAME, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(7);
    expect(await db.readerPages.where('id').equals('short').count()).toBe(0);
    const pages = new PageAssembler('long');
    while (!pages.done) expect(pages.add(await db.readerPages.get(['long', pages.wanted]))).toBe(true);
    expect(pages.result()).toEqual({ text: long, paragraphs: [{ start: 12, end: long.length }] });
    expect(await db.readerHeads.count()).toBe(1);
    expect(await db.texts.count()).toBe(2);
    db.close();
  });
});
