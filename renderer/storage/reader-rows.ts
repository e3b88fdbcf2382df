/**
 * The reader's derived rows of very long articles (issue 13): heads (core/article/reader-head) and
 * pages (core/article/reader-pages). Written with their texts at import, at restore and by the schema
 * upgrades; deleted with them; never backed up. Every transaction that writes or deletes texts includes
 * `readerTables(db)`.
 */
import type { ArticleText } from '../core/model';
import { headsOf } from '../core/article/reader-head';
import { pagesOf, readerPages } from '../core/article/reader-pages';
import type { WarraqDb } from './db';

/** The tables holding the reader's derived rows. */
export function readerTables(db: WarraqDb) {
  return [db.readerHeads, db.readerPages];
}

/** Writes the heads and pages of those of `texts` long enough to need them (inside the caller's transaction). */
export async function putReaderRows(db: WarraqDb, texts: readonly ArticleText[]): Promise<void> {
  const heads = headsOf(texts);
  if (!heads.length) return;
  await db.readerHeads.bulkPut(heads);
  await db.readerPages.bulkPut(pagesOf(texts));
}

/** Deletes the heads and pages of articles `ids` (inside the caller's transaction). */
export async function deleteReaderRows(db: WarraqDb, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await db.readerHeads.bulkDelete([...ids]);
  await db.readerPages
    .where('id')
    .anyOf([...ids])
    .delete();
}

/** Pages per transaction when the reader stores them: each write serialises its rows in one task. */
const PAGES_PER_WRITE = 8;

/**
 * Stores the pages of one text read whole (the reader's fallback), a few per transaction so no single
 * task serialises the whole text.
 */
export async function putPagesInSteps(db: WarraqDb, text: ArticleText): Promise<void> {
  const pages = readerPages(text);
  if (!pages) return;
  for (let i = 0; i < pages.length; i += PAGES_PER_WRITE) {
    await db.readerPages.bulkPut(pages.slice(i, i + PAGES_PER_WRITE));
  }
}
