/**
 * Profiles as earlier releases wrote them, for the upgrade tests: the stores of schema versions 1–6 as
 * they shipped. A frozen copy on purpose (not read from renderer/storage/db.ts): a past version edited in
 * db.ts, which schema versions forbid, must make the upgrade tests fail, not follow along.
 */
import Dexie from 'dexie';
import { IDBKeyRange, type IDBFactory } from 'fake-indexeddb';
import { DB_NAME } from '../../../renderer/storage/db';

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
