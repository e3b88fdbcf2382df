/**
 * Counts for the sidebar, read from indexes only: a key cursor per distinct key (`uniqueKeys`) and an
 * index count per key. No article, note or bookmark row is read, so the cost does not grow with what the
 * rows hold (30,000 articles: one pass over the `outlet` and `tags` index keys).
 */
import type { Table, IndexableType } from 'dexie';
import type { WarraqDb } from './db';
import { guard } from './errors';

export interface SidebarCountRows {
  articles: number;
  annotations: number;
  bookmarks: number;
  /** Articles per outlet id, for outlets with at least one article. */
  outlets: Map<string, number>;
  /** Articles and annotations carrying each tag. */
  tags: Map<string, number>;
}

async function countByIndex<T>(table: Table<T, string>, index: string, into = new Map<string, number>()) {
  const keys = await table.orderBy(index).uniqueKeys();
  const counts = await Promise.all(keys.map((k: IndexableType) => table.where(index).equals(k).count()));
  keys.forEach((k, i) => {
    const key = String(k);
    if (key) into.set(key, (into.get(key) ?? 0) + counts[i]!);
  });
  return into;
}

export class CountsRepo {
  constructor(private readonly db: WarraqDb) {}

  /** Every count in one read-only transaction, so they agree with each other. Rejects with StorageError. */
  sidebar(): Promise<SidebarCountRows> {
    const db = this.db;
    return guard(() =>
      db.transaction('r', db.articles, db.annotations, db.bookmarks, async () => {
        const [articles, annotations, bookmarks, outlets, tags] = await Promise.all([
          db.articles.count(),
          db.annotations.count(),
          db.bookmarks.count(),
          countByIndex(db.articles, 'outlet'),
          countByIndex(db.articles, 'tags'),
        ]);
        await countByIndex(db.annotations, 'tags', tags);
        return { articles, annotations, bookmarks, outlets, tags };
      }),
    );
  }
}
