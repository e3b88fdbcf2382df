/**
 * Profiles as earlier releases wrote them, for the upgrade tests: the stores of schema versions 1–6 as
 * they shipped. A frozen copy on purpose (not read from renderer/storage/db.ts): a past version edited in
 * db.ts, which schema versions forbid, must make the upgrade tests fail, not follow along.
 */
import Dexie from 'dexie';
import { IDBKeyRange, type IDBFactory } from 'fake-indexeddb';
import { DB_NAME } from '../../../renderer/storage/db';
import { HEAD_MIN_CHARS } from '../../../renderer/core/article/reader-head';
import type { ArticleText } from '../../../renderer/core/model';

const SHIPPED: ReadonlyArray<Record<string, string>> = [
  {
    articles: 'id, title, outlet, published, importedAt, length, *tags',
    texts: 'id',
    settings: 'key',
    reading: 'articleId, updatedAt',
  },
  { searchSegments: 'id, builtAt', searchMeta: 'key' },
  {
    annotations: 'id, articleId, createdAt, updatedAt, color, *tags',
    bookmarks: 'id, articleId, createdAt',
  },
  {
    editions: 'id, articleId, outlet, published, importedAt',
    stories: 'id, earliest, outletCount',
    storyLinks: 'id, a, b, relation',
    storyDecisions: 'id, at',
    outlets: 'id, name, *aliases',
    metaEdits: 'id, articleId, at',
    storyFeatures: 'id',
  },
  {
    feeds: 'id, addedAt',
    feedItems: '[feedId+key], feedId, [feedId+link]',
    importHistory: '++id, at',
    watchedFolders: 'path',
  },
  { readerHeads: 'id' },
];

/** Opens a fresh profile at schema `version` (1–6) as that release created it; close it before upgrading. */
export async function openOldProfile(indexedDB: IDBFactory, version: number): Promise<Dexie> {
  const old = new Dexie(DB_NAME, { indexedDB, IDBKeyRange });
  for (let v = 1; v <= version; v++) old.version(v).stores(SHIPPED[v - 1]!);
  await old.open();
  return old;
}

/**
 * Stores each text as an article (meta and text row, as every shipped schema holds them) titled
 * 'تقرير طويل' with one body paragraph after it; resolves with the text rows.
 */
export async function putOldArticles(old: Dexie, texts: Record<string, string>): Promise<ArticleText[]> {
  const rows: ArticleText[] = [];
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
    const row: ArticleText = { id, text, titleRange: { start: 0, end: title.length }, paragraphs: [body] };
    await old.table('texts').put(row);
    rows.push(row);
  }
  return rows;
}

/** A text just long enough for a reader head (and pages), and a short one that gets neither. */
export function longAndShortTexts(): { long: string; short: string } {
  const body = 'فقرة من تقرير طويل عن المنطقة '.repeat(Math.ceil((HEAD_MIN_CHARS + 100) / 30));
  return { long: `تقرير طويل\n\n${body}`, short: 'تقرير طويل\n\nفقرة قصيرة.' };
}
