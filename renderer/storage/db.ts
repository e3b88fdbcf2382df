/**
 * The Dexie database: the single source of truth. Every schema version ever shipped stays listed
 * here, in order, so a profile from any release upgrades step by step (Dexie runs each `upgrade`).
 *
 * Tables:
 * - articles: ArticleMeta (small; the library lists these) keyed by content hash
 * - texts: ArticleText (the heavy text), same key; written in the same transaction as `articles`
 * - settings: key/value preferences
 * - reading: ReadingState per article
 * - searchSegments / searchMeta (v2): the derived search index; losing them loses nothing
 * - annotations / bookmarks (v3)
 * - editions, stories, storyLinks, storyDecisions, outlets, metaEdits, storyFeatures (v4, issue 12):
 *   every copy an article was imported as; detected stories and their links; a person's split/merge
 *   decisions; outlet display names; metadata corrections; the detector's per-article features (derived,
 *   rebuilt from texts when missing). The upgrade gives every existing article its first edition.
 * - feeds / feedItems / importHistory / watchedFolders (v5, collect): subscriptions, the items already
 *   collected (by item id and by link), a short history of imports, the folders the desktop app watches
 * - readerHeads (v6, issue 13): the first stretch of a very long article's text (core/article/reader-head),
 *   so the reader paints it without reading the whole text first; derived, never backed up
 * - readerPages (v7, issue 13): the same texts cut into pages of ~256K characters with their paragraph
 *   ranges packed (core/article/reader-pages), read one per task; derived, never backed up
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type {
  Annotation,
  ArticleMeta,
  ArticleText,
  Bookmark,
  Edition,
  MetaEdit,
  Outlet,
  ReadingState,
  Setting,
  Story,
  StoryDecision,
  StoryLink,
} from '../core/model';
import { editionOf } from '../core/stories/editions';
import { HEAD_MIN_CHARS, readerHead, type ReaderHead } from '../core/article/reader-head';
import { readerPages, type ReaderPage } from '../core/article/reader-pages';
import type { FeedItemRow, FeedRow, ImportHistoryRow, WatchedFolderRow } from './collect-rows';

/** One persisted search-index segment (see core/search). `data` is the engine's own serialisation. */
export interface SearchSegmentRow {
  id: string;
  /** Article ids the segment covers, so staleness can be checked without decoding `data`. */
  docIds: string[];
  data: ArrayBuffer | string;
  builtAt: number;
  version: number;
}

export interface SearchMetaRow {
  key: string;
  value: unknown;
}

/** The story detector's derived per-article features (see core/stories); `data` is its own encoding. */
export interface StoryFeatureRow {
  id: string;
  data: Uint8Array | ArrayBuffer;
  version: number;
}

export const DB_NAME = 'warraq';

export class WarraqDb extends Dexie {
  articles!: Table<ArticleMeta, string>;
  texts!: Table<ArticleText, string>;
  settings!: Table<Setting, string>;
  reading!: Table<ReadingState, string>;
  searchSegments!: Table<SearchSegmentRow, string>;
  searchMeta!: Table<SearchMetaRow, string>;
  annotations!: Table<Annotation, string>;
  bookmarks!: Table<Bookmark, string>;
  editions!: Table<Edition, string>;
  stories!: Table<Story, string>;
  storyLinks!: Table<StoryLink, string>;
  storyDecisions!: Table<StoryDecision, string>;
  outlets!: Table<Outlet, string>;
  metaEdits!: Table<MetaEdit, string>;
  storyFeatures!: Table<StoryFeatureRow, string>;
  feeds!: Table<FeedRow, string>;
  feedItems!: Table<FeedItemRow, [string, string]>;
  importHistory!: Table<ImportHistoryRow, number>;
  watchedFolders!: Table<WatchedFolderRow, string>;
  readerHeads!: Table<ReaderHead, string>;
  readerPages!: Table<ReaderPage, [string, number]>;

  /** `indexedDB`/`IDBKeyRange` may be passed in (fake-indexeddb in Node tests). */
  constructor(name = DB_NAME, deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    // Strict durability: a committed import, note or restore is on disk before the promise resolves.
    super(name, { chromeTransactionDurability: 'strict', ...(deps ?? {}) });
    this.version(1).stores({
      articles: 'id, title, outlet, published, importedAt, length, *tags',
      texts: 'id',
      settings: 'key',
      reading: 'articleId, updatedAt',
    });
    this.version(2).stores({
      searchSegments: 'id, builtAt',
      searchMeta: 'key',
    });
    this.version(3).stores({
      annotations: 'id, articleId, createdAt, updatedAt, color, *tags',
      bookmarks: 'id, articleId, createdAt',
    });
    this.version(4)
      .stores({
        editions: 'id, articleId, outlet, published, importedAt',
        stories: 'id, earliest, outletCount',
        storyLinks: 'id, a, b, relation',
        storyDecisions: 'id, at',
        outlets: 'id, name, *aliases',
        metaEdits: 'id, articleId, at',
        storyFeatures: 'id',
      })
      .upgrade(async (tx) => {
        // Every existing article was imported once: that copy is its first edition.
        const editions: Edition[] = [];
        await tx.table<ArticleMeta, string>('articles').each((m) => {
          editions.push(editionOf(m));
        });
        await tx.table<Edition, string>('editions').bulkPut(editions);
      });
    this.version(5).stores({
      feeds: 'id, addedAt',
      feedItems: '[feedId+key], feedId, [feedId+link]',
      importHistory: '++id, at',
      watchedFolders: 'path',
    });
    this.version(6)
      .stores({ readerHeads: 'id' })
      .upgrade(async (tx) => {
        // Long articles imported before heads existed get theirs now, so their first open paints at once too.
        await eachLongText(tx, async (text) => {
          const head = readerHead(text);
          if (head) await tx.table<ReaderHead, string>('readerHeads').put(head);
        });
      });
    this.version(7)
      .stores({ readerPages: '[id+n], id' })
      .upgrade(async (tx) => {
        // Long articles stored before pages existed get theirs now.
        await eachLongText(tx, async (text) => {
          const pages = readerPages(text);
          if (pages) await tx.table<ReaderPage, [string, number]>('readerPages').bulkPut(pages);
        });
      });
  }
}

/** The schema version this build writes; tests and backups record it. */
export const SCHEMA_VERSION = 7;

/**
 * Calls `fn` with each stored text long enough to get reader rows, one at a time in memory (the
 * upgrades that add heads and pages). `length` is the body's length (indexed): the title's few
 * characters are the slack.
 */
async function eachLongText(tx: Transaction, fn: (text: ArticleText) => Promise<void>): Promise<void> {
  const ids = await tx
    .table<ArticleMeta, string>('articles')
    .where('length')
    .above(HEAD_MIN_CHARS - 4096)
    .primaryKeys();
  for (const id of ids) {
    const text = await tx.table<ArticleText, string>('texts').get(id);
    if (text) await fn(text);
  }
}
