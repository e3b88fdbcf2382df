/**
 * The collect tables: subscriptions, the items each feed already brought in (so an item is collected
 * once, known by its id and by its link), the import history and the watched folders.
 */
import type { WarraqDb } from './db';
import { guard } from './errors';
import type { FeedItemRow, FeedRow, ImportHistoryRow, WatchedFolderRow } from './collect-rows';

export type {
  FeedError,
  FeedErrorCode,
  FeedItemRow,
  FeedRow,
  ImportHistoryRow,
  ImportOrigin,
  WatchedFolderRow,
} from './collect-rows';

/** History rows kept; older ones are dropped as new ones come. */
const HISTORY_KEEP = 200;

export class FeedsRepo {
  constructor(private readonly db: WarraqDb) {}

  list(): Promise<FeedRow[]> {
    return guard(() => this.db.feeds.orderBy('addedAt').toArray());
  }

  get(id: string): Promise<FeedRow | undefined> {
    return guard(() => this.db.feeds.get(id));
  }

  put(feed: FeedRow): Promise<string> {
    return guard(() => this.db.feeds.put(feed));
  }

  /** Adds the feeds that are not stored yet; returns the ones added. */
  addNew(feeds: FeedRow[]): Promise<FeedRow[]> {
    return guard(() =>
      this.db.transaction('rw', this.db.feeds, async () => {
        const existing = await this.db.feeds.bulkGet(feeds.map((f) => f.id));
        const fresh = feeds.filter((f, i) => !existing[i]);
        await this.db.feeds.bulkAdd(fresh);
        return fresh;
      }),
    );
  }

  update(id: string, changes: Partial<FeedRow>): Promise<number> {
    return guard(() => this.db.feeds.update(id, changes));
  }

  /** Removes the feed and its item keys (the articles it brought stay in the library). */
  remove(id: string): Promise<void> {
    return guard(() =>
      this.db.transaction('rw', this.db.feeds, this.db.feedItems, async () => {
        await this.db.feedItems.where('feedId').equals(id).delete();
        await this.db.feeds.delete(id);
      }),
    );
  }

  /** The keys and links this feed already collected. */
  async seen(feedId: string): Promise<{ keys: Set<string>; links: Set<string> }> {
    const rows = await guard(() => this.db.feedItems.where('feedId').equals(feedId).toArray());
    return { keys: new Set(rows.map((r) => r.key)), links: new Set(rows.map((r) => r.link).filter(Boolean)) };
  }

  markSeen(rows: FeedItemRow[]): Promise<unknown> {
    return guard(() => this.db.feedItems.bulkPut(rows));
  }

  /** Records one import in the history; keeps the newest HISTORY_KEEP. */
  addHistory(row: ImportHistoryRow): Promise<void> {
    return guard(() =>
      this.db.transaction('rw', this.db.importHistory, async () => {
        await this.db.importHistory.add(row);
        const n = await this.db.importHistory.count();
        if (n > HISTORY_KEEP) {
          const old = await this.db.importHistory
            .orderBy('at')
            .limit(n - HISTORY_KEEP)
            .primaryKeys();
          await this.db.importHistory.bulkDelete(old);
        }
      }),
    );
  }

  /** Newest first. */
  history(limit = 50): Promise<ImportHistoryRow[]> {
    return guard(() => this.db.importHistory.orderBy('at').reverse().limit(limit).toArray());
  }

  folders(): Promise<WatchedFolderRow[]> {
    return guard(() => this.db.watchedFolders.toArray());
  }

  putFolder(row: WatchedFolderRow): Promise<string> {
    return guard(() => this.db.watchedFolders.put(row));
  }

  removeFolder(path: string): Promise<void> {
    return guard(() => this.db.watchedFolders.delete(path));
  }
}
