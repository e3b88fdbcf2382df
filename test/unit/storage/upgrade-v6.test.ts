/**
 * A profile of schema v5 holding a very long article opens in this build (v6, reader heads) with the
 * long article's head written by the upgrade, so its first open paints without reading the whole text
 * (issue 13); a short article gets none.
 */
import { describe, it, expect } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { WarraqDb, DB_NAME } from '../../../renderer/storage/db';
import { isHeadOf } from '../../../renderer/core/article/reader-head';
import { longAndShortTexts, openOldProfile, putOldArticles } from '../support/old-schema';

async function writeV5(indexedDB: IDBFactory, texts: Record<string, string>): Promise<void> {
  const old = await openOldProfile(indexedDB, 5);
  await putOldArticles(old, texts);
  expect(old.verno).toBe(5);
  old.close();
}

describe('upgrade from schema v5', () => {
  it('writes the head of every article long enough to need one, and only those', async () => {
    const indexedDB = new IDBFactory();
    const { long, short } = longAndShortTexts();
    await writeV5(indexedDB, { long, short });
    const db = new WarraqDb(DB_NAME, { indexedDB, IDBKeyRange });
    await db.open();
    expect(await db.readerHeads.count()).toBe(1);
    const head = await db.readerHeads.get('long');
    expect(head).toBeDefined();
    expect(isHeadOf(head!, long)).toBe(true);
    expect(head!.paragraphs.length).toBe(1);
    expect(await db.texts.count()).toBe(2);
    db.close();
  });
});
