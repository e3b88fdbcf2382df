/**
 * Articles: `articles` (meta, listed by the library) and `texts` (heavy text) always change together,
 * in one transaction. Deleting an article takes its annotations, bookmarks and reading state with it
 * and returns them all, so an undo can put back exactly what was removed.
 */
import type { Annotation, Article, ArticleMeta, ArticleText, Bookmark, Edition, ReadingState } from '../core/model';
import { editionOf } from '../core/stories/editions';
import type { WarraqDb } from './db';
import { guard } from './errors';

export interface StoredArticle {
  meta: ArticleMeta;
  text: ArticleText;
  /** 1-based record (line or row) of an archive, kept on the edition. */
  record?: number;
}

/** A copy of an already-stored text from another outlet or URL: stored as an edition of it. */
export interface AddedEdition {
  edition: Edition;
  /** The article's meta after the edition was counted (editions, outlets, earliest). */
  meta: ArticleMeta;
}

export interface PutResult {
  added: string[];
  /** The stored metas of `added`, in the same order (with editions counted). */
  metas: ArticleMeta[];
  /** Ids of copies already stored as they are (same text, outlet and URL): nothing was added. */
  skipped: string[];
  editions: AddedEdition[];
}

/** The meta with one more edition counted. */
export function withEdition(meta: ArticleMeta, e: Edition): ArticleMeta {
  const outlets = meta.outlets ?? (meta.outlet ? [meta.outlet] : []);
  const next: ArticleMeta = { ...meta, editions: (meta.editions ?? 1) + 1 };
  if (e.outlet && !outlets.includes(e.outlet)) next.outlets = [...outlets, e.outlet];
  else next.outlets = outlets;
  const current = meta.earliest ?? meta.published;
  if (e.published && (!current || e.published < current)) next.earliest = e.published;
  return next;
}

/** Everything a delete removed, for undo. */
export interface DeletedArticle {
  meta: ArticleMeta;
  text: ArticleText;
  annotations: Annotation[];
  bookmarks: Bookmark[];
  reading?: ReadingState;
  editions?: Edition[];
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
        const page = await (
          last === undefined ? this.db.articles.orderBy(':id') : this.db.articles.where(':id').above(last)
        )
          .limit(pageSize)
          .toArray();
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
   * Stores a batch in one transaction. A new text becomes an article with its first edition; a text
   * already stored (or earlier in the batch) from another outlet or URL becomes another edition of it
   * (the stored text never changes); the same text, outlet and URL again is skipped. Throws
   * StorageError and stores nothing on failure.
   */
  async putMany(items: StoredArticle[]): Promise<PutResult> {
    const db = this.db;
    return guard(() =>
      db.transaction('rw', db.articles, db.texts, db.editions, async () => {
        const ids = [...new Set(items.map((i) => i.meta.id))];
        const stored = await db.articles.bulkGet(ids);
        const metas = new Map<string, ArticleMeta>();
        ids.forEach((id, k) => {
          const m = stored[k];
          if (m) metas.set(id, m);
        });
        const firstEditions = items.map((i) => editionOf(i.meta, i.record));
        const known = new Set(
          (await db.editions.bulkGet(firstEditions.map((e) => e.id))).filter((e) => e).map((e) => e!.id),
        );
        const fresh: StoredArticle[] = [];
        const freshIds = new Set<string>();
        const skipped: string[] = [];
        const editions: Edition[] = [];
        const later: AddedEdition[] = [];
        items.forEach((item, k) => {
          const id = item.meta.id;
          const e = firstEditions[k]!;
          if (known.has(e.id)) {
            skipped.push(id);
            return;
          }
          known.add(e.id);
          editions.push(e);
          const meta = metas.get(id);
          if (!meta) {
            const m: ArticleMeta = { ...item.meta, editions: 1, outlets: item.meta.outlet ? [item.meta.outlet] : [] };
            metas.set(id, m);
            fresh.push({ ...item, meta: m });
            freshIds.add(id);
          } else {
            const m = withEdition(meta, e);
            metas.set(id, m);
            later.push({ edition: e, meta: m });
          }
        });
        // Final metas: a fresh article may have gained editions within this batch.
        await db.articles.bulkAdd(fresh.map((f) => metas.get(f.meta.id)!));
        await db.texts.bulkAdd(fresh.map((f) => f.text));
        const touched = [...new Set(later.map((l) => l.edition.articleId))].filter((id) => !freshIds.has(id));
        if (touched.length) await db.articles.bulkPut(touched.map((id) => metas.get(id)!));
        await db.editions.bulkPut(editions);
        return {
          added: fresh.map((f) => f.meta.id),
          metas: fresh.map((f) => metas.get(f.meta.id)!),
          skipped,
          editions: later.map((l) => ({ edition: l.edition, meta: metas.get(l.edition.articleId)! })),
        };
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
      db.transaction('rw', [db.articles, db.texts, db.annotations, db.bookmarks, db.reading, db.editions], async () => {
        const [meta, text] = await Promise.all([db.articles.get(id), db.texts.get(id)]);
        if (!meta || !text) return undefined;
        // Reads, then deletes, each issued together: one round trip each instead of one per table.
        const [annotations, bookmarks, reading, editions] = await Promise.all([
          db.annotations.where('articleId').equals(id).toArray(),
          db.bookmarks.where('articleId').equals(id).toArray(),
          db.reading.get(id),
          db.editions.where('articleId').equals(id).toArray(),
        ]);
        await Promise.all([
          db.annotations.bulkDelete(annotations.map((a) => a.id)),
          db.bookmarks.bulkDelete(bookmarks.map((b) => b.id)),
          db.reading.delete(id),
          db.editions.bulkDelete(editions.map((e) => e.id)),
          db.texts.delete(id),
          db.articles.delete(id),
        ]);
        return { meta, text, annotations, bookmarks, reading, editions };
      }),
    );
  }

  /** Puts back what `delete` returned, in one transaction. */
  async undelete(d: DeletedArticle): Promise<void> {
    const db = this.db;
    await guard(() =>
      db.transaction('rw', [db.articles, db.texts, db.annotations, db.bookmarks, db.reading, db.editions], async () => {
        await db.articles.put(d.meta);
        if (d.editions?.length) await db.editions.bulkPut(d.editions);
        await db.texts.put(d.text);
        await db.annotations.bulkPut(d.annotations);
        await db.bookmarks.bulkPut(d.bookmarks);
        if (d.reading) await db.reading.put(d.reading);
      }),
    );
  }
}
