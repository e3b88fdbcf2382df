/**
 * Articles: `articles` (meta, listed by the library) and `texts` (heavy text) always change together,
 * in one transaction. Deleting an article takes its annotations, bookmarks and reading state with it
 * and returns them all, so an undo can put back exactly what was removed.
 */
import type { Annotation, Article, ArticleMeta, ArticleText, Bookmark, ReadingState } from '../core/model';
import type { WarraqDb } from './db';
import { guard } from './errors';

export interface StoredArticle {
  meta: ArticleMeta;
  text: ArticleText;
}

/** Everything a delete removed, for undo. */
export interface DeletedArticle {
  meta: ArticleMeta;
  text: ArticleText;
  annotations: Annotation[];
  bookmarks: Bookmark[];
  reading?: ReadingState;
}

export class ArticlesRepo {
  constructor(private readonly db: WarraqDb) {}

  /** Every article's meta, in import order. */
  listMeta(): Promise<ArticleMeta[]> {
    return guard(() => this.db.articles.orderBy('importedAt').toArray());
  }

  /**
   * Every article's meta in pages of `pageSize` (primary-key ranges, in id order): each page is a
   * short task for the page's thread, where one read of 30,000 rows is one long task.
   */
  async listMetaPaged(pageSize = 2000, onPage: (rows: ArticleMeta[]) => void = () => {}): Promise<ArticleMeta[]> {
    return guard(async () => {
      const out: ArticleMeta[] = [];
      let last: string | undefined;
      for (;;) {
        const page = await (last === undefined ? this.db.articles.orderBy(':id') : this.db.articles.where(':id').above(last)).limit(pageSize).toArray();
        for (const m of page) out.push(m);
        onPage(page);
        if (page.length < pageSize) return out;
        last = page[page.length - 1]!.id;
      }
    });
  }

  /**
   * The first `n` metas in import order (newest first when `descending`), ties by id as the list
   * sorts them: one indexed query, for the first screen of the library at start-up.
   */
  firstImported(n: number, descending: boolean): Promise<ArticleMeta[]> {
    return guard(() => {
      const q = this.db.articles.orderBy('importedAt');
      return (descending ? q.reverse() : q).limit(n).toArray();
    });
  }

  count(): Promise<number> {
    return guard(() => this.db.articles.count());
  }

  /** The whole article, or undefined when it is not stored. */
  async get(id: string): Promise<Article | undefined> {
    return guard(async () => {
      const [meta, text] = await Promise.all([this.db.articles.get(id), this.db.texts.get(id)]);
      if (!meta || !text) return undefined;
      return { ...meta, text: text.text, titleRange: text.titleRange, paragraphs: text.paragraphs };
    });
  }

  getText(id: string): Promise<ArticleText | undefined> {
    return guard(() => this.db.texts.get(id));
  }

  /**
   * Stores a batch in one transaction, skipping ids already stored (duplicates) and repeats within
   * the batch. Returns the ids added and the ids skipped; throws StorageError and stores nothing on failure.
   */
  async putMany(items: StoredArticle[]): Promise<{ added: string[]; skipped: string[] }> {
    return guard(() =>
      this.db.transaction('rw', this.db.articles, this.db.texts, async () => {
        const ids = items.map((i) => i.meta.id);
        const existing = await this.db.articles.bulkGet(ids);
        const seen = new Set<string>();
        const fresh: StoredArticle[] = [];
        const skipped: string[] = [];
        items.forEach((item, i) => {
          if (existing[i] || seen.has(item.meta.id)) skipped.push(item.meta.id);
          else { seen.add(item.meta.id); fresh.push(item); }
        });
        await this.db.articles.bulkAdd(fresh.map((f) => f.meta));
        await this.db.texts.bulkAdd(fresh.map((f) => f.text));
        return { added: fresh.map((f) => f.meta.id), skipped };
      }),
    );
  }

  /** Updates an article's tags. */
  setTags(id: string, tags: string[]): Promise<number> {
    return guard(() => this.db.articles.update(id, { tags }));
  }

  /** Removes the article and everything attached to it; returns what was removed, or undefined. */
  async delete(id: string): Promise<DeletedArticle | undefined> {
    const db = this.db;
    return guard(() =>
      db.transaction('rw', [db.articles, db.texts, db.annotations, db.bookmarks, db.reading], async () => {
        const [meta, text] = await Promise.all([db.articles.get(id), db.texts.get(id)]);
        if (!meta || !text) return undefined;
        const annotations = await db.annotations.where('articleId').equals(id).toArray();
        const bookmarks = await db.bookmarks.where('articleId').equals(id).toArray();
        const reading = await db.reading.get(id);
        await db.annotations.where('articleId').equals(id).delete();
        await db.bookmarks.where('articleId').equals(id).delete();
        await db.reading.delete(id);
        await db.texts.delete(id);
        await db.articles.delete(id);
        return { meta, text, annotations, bookmarks, reading };
      }),
    );
  }

  /** Puts back what `delete` returned, in one transaction. */
  async undelete(d: DeletedArticle): Promise<void> {
    const db = this.db;
    await guard(() =>
      db.transaction('rw', [db.articles, db.texts, db.annotations, db.bookmarks, db.reading], async () => {
        await db.articles.put(d.meta);
        await db.texts.put(d.text);
        await db.annotations.bulkPut(d.annotations);
        await db.bookmarks.bulkPut(d.bookmarks);
        if (d.reading) await db.reading.put(d.reading);
      }),
    );
  }
}
