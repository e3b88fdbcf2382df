/**
 * Annotations (highlights, notes, tags) and bookmarks. Every write is a single Dexie transaction, so a
 * note the user typed is either on disk or the call rejects with a StorageError (nothing half-written).
 * Writes that replace a row return what was there before, so the service can offer undo.
 */
import type { Annotation, Bookmark } from '../core/model';
import type { WarraqDb } from './db';
import { guard } from './errors';

export class AnnotationsRepo {
  constructor(private readonly db: WarraqDb) {}

  /** One article's annotations, oldest first. */
  forArticle(articleId: string): Promise<Annotation[]> {
    return guard(async () =>
      (await this.db.annotations.where('articleId').equals(articleId).toArray()).sort(byCreated),
    );
  }

  /** Every annotation in the library, oldest first (the notebook filters these in memory). */
  all(): Promise<Annotation[]> {
    return guard(() => this.db.annotations.orderBy('createdAt').toArray());
  }

  get(id: string): Promise<Annotation | undefined> {
    return guard(() => this.db.annotations.get(id));
  }

  /** Stores (inserts or replaces) an annotation; returns the row it replaced, or undefined. */
  put(a: Annotation): Promise<Annotation | undefined> {
    const db = this.db;
    return guard(() =>
      db.transaction('rw', db.annotations, async () => {
        const before = await db.annotations.get(a.id);
        await db.annotations.put(a);
        return before;
      }),
    );
  }

  /**
   * Applies `patch` to a stored annotation and stamps `updatedAt`; returns `{before, after}`, or
   * undefined when no annotation has that id (nothing is written then).
   */
  update(
    id: string,
    patch: Partial<Omit<Annotation, 'id' | 'articleId'>>,
    now: number,
  ): Promise<{ before: Annotation; after: Annotation } | undefined> {
    const db = this.db;
    return guard(() =>
      db.transaction('rw', db.annotations, async () => {
        const before = await db.annotations.get(id);
        if (!before) return undefined;
        const after: Annotation = { ...before, ...patch, id, articleId: before.articleId, updatedAt: now };
        await db.annotations.put(after);
        return { before, after };
      }),
    );
  }

  /** Removes an annotation; returns the removed row (for undo) or undefined when it was not stored. */
  delete(id: string): Promise<Annotation | undefined> {
    const db = this.db;
    return guard(() =>
      db.transaction('rw', db.annotations, async () => {
        const before = await db.annotations.get(id);
        if (before) await db.annotations.delete(id);
        return before;
      }),
    );
  }

  /** Every distinct annotation tag, in index order. */
  async tags(): Promise<string[]> {
    const keys = await guard(() => this.db.annotations.orderBy('tags').uniqueKeys());
    return keys.map(String);
  }

  /** One article's bookmarks, by paragraph. */
  bookmarksFor(articleId: string): Promise<Bookmark[]> {
    return guard(async () =>
      (await this.db.bookmarks.where('articleId').equals(articleId).toArray()).sort(
        (a, b) => a.paragraph - b.paragraph,
      ),
    );
  }

  /** Every bookmark, newest first. */
  allBookmarks(): Promise<Bookmark[]> {
    return guard(() => this.db.bookmarks.orderBy('createdAt').reverse().toArray());
  }

  putBookmark(b: Bookmark): Promise<string> {
    return guard(() => this.db.bookmarks.put(b));
  }

  /** Removes a bookmark; returns it (for undo) or undefined when it was not stored. */
  deleteBookmark(id: string): Promise<Bookmark | undefined> {
    const db = this.db;
    return guard(() =>
      db.transaction('rw', db.bookmarks, async () => {
        const before = await db.bookmarks.get(id);
        if (before) await db.bookmarks.delete(id);
        return before;
      }),
    );
  }
}

function byCreated(a: Annotation, b: Annotation): number {
  return a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}
