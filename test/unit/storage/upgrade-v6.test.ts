/**
 * A profile of schema v5 holding a very long article opens in this build (v6, reader heads) with the
 * long article's head written by the upgrade, so its first open paints without reading the whole text
 * (issue 13); a short article gets none.
 */
import { describe, it, expect } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { WarraqDb, DB_NAME } from '../../../renderer/storage/db';
import { HEAD_MIN_CHARS, isHeadOf } from '../../../renderer/core/article/reader-head';
import { openOldProfile } from '../support/old-schema';

async function writeV5(indexedDB: IDBFactory, texts: Record<string, string>): Promise<void> {
  const old = await openOldProfile(indexedDB, 5);
  let at = 0;
  for (const [id, text] of Object.entries(texts)) {
    const title = 'تقرير طويل';
    const body = { start: title.length + 2, end: text.length };
    await old.table('articles').put({
      id,
      title,
      outlet: 'اختبار',
      length: body.end - body.start,
      words: 1,
      importedAt: ++at,
      source: { kind: 'txt', name: `${id}.txt` },
      tags: [],
    });
    await old.table('texts').put({ id, text, titleRange: { start: 0, end: title.length }, paragraphs: [body] });
  }
  expect(old.verno).toBe(5);
  old.close();
}

describe('upgrade from schema v5', () => {
  it('writes the head of every article long enough to need one, and only those', async () => {
    const indexedDB = new IDBFactory();
    const body = 'فقرة من تقرير طويل عن المنطقة '.repeat(Math.ceil((HEAD_MIN_CHARS + 100) / 30));
    const long = `تقرير طويل\n\n${body}`;
    await writeV5(indexedDB, { long, short: 'تقرير طويل\n\nفقرة قصيرة.' });
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
