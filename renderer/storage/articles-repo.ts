/**
 * Articles: `articles` (meta, listed by the library) and `texts` (heavy text) always change together,
 * in one transaction. Deleting an article takes its annotations, bookmarks and reading state with it
 * and returns them all, so an undo can put back exactly what was removed.
 */
import type { Annotation, Article, ArticleMeta, ArticleText, Bookmark, Edition, ReadingState } from '../core/model';
import { editionOf } from '../core/stories/editions';
import { readerHead } from '../core/article/reader-head';
import type { ReaderPage } from '../core/article/reader-pages';
import Dexie from 'dexie';
import type { WarraqDb } from './db';
import { deleteReaderRows, putPagesInSteps, putReaderRows, readerTables } from './reader-rows';
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

/**
 * A batch as if none of its texts were stored yet: each item's edition, whether it is the first copy of
 * its text in the batch (`first`) or the same edition again (`dup`), and each text's meta with the
 * batch's editions counted.
 */
function planBatch(items: readonly StoredArticle[]): {
  editions: Edition[];
  first: boolean[];
  dup: boolean[];
  metas: Map<string, ArticleMeta>;
} {
  const editions = items.map((i) => editionOf(i.meta, i.record));
  const metas = new Map<string, ArticleMeta>();
  const seen = new Set<string>();
  const first: boolean[] = [];
  const dup: boolean[] = [];
  items.forEach((item, k) => {
    const e = editions[k]!;
    const id = item.meta.id;
    const isDup = seen.has(e.id);
    seen.add(e.id);
    dup.push(isDup);
    const m = metas.get(id);
    first.push(!m);
    if (!m) metas.set(id, { ...item.meta, editions: 1, outlets: item.meta.outlet ? [item.meta.outlet] : [] });
    else if (!isDup) metas.set(id, withEdition(m, e));
  });
  return { editions, first, dup, metas };
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

  /**
   * The start of a very long article (meta + its reader head), or undefined when it has no head (a
   * short article, or one restored from a backup and not opened since): read it whole with `get`.
   */
  async head(id: string): Promise<Article | undefined> {
    return guard(async () => {
      const [meta, head] = await Promise.all([this.db.articles.get(id), this.db.readerHeads.get(id)]);
      if (!meta || !head) return undefined;
      return { ...meta, text: head.text, titleRange: head.titleRange, paragraphs: head.paragraphs };
    });
  }

  /**
   * Page `n` (0-based) of a very long article's text (core/article/reader-pages), or undefined when it
   * is not stored: one small read, so reading a 50 MB text page by page never blocks the page for long.
   */
  page(id: string, n: number): Promise<ReaderPage | undefined> {
    return guard(() => this.db.readerPages.get([id, n]));
  }

  /**
   * Stores the reader pages and head of a very long article read whole (derived data: failures are
   * harmless). The head goes last: a head without all its pages is read whole again, and stored again.
   */
  async keepHead(a: Article): Promise<void> {
    const text = { id: a.id, text: a.text, titleRange: a.titleRange, paragraphs: a.paragraphs };
    const head = readerHead(text);
    if (!head) return;
    await guard(() => putPagesInSteps(this.db, text));
    await guard(() => this.db.readerHeads.put(head));
  }

  getText(id: string): Promise<ArticleText | undefined> {
    return guard(() => this.db.texts.get(id));
  }

  /**
   * Stores a batch in one transaction. A new text becomes an article with its first edition; a text
   * already stored (or earlier in the batch) from another outlet or URL becomes another edition of it
   * (the stored text never changes); the same text, outlet and URL again is skipped. Throws
   * StorageError and stores nothing on failure.
   *
   * Every IndexedDB request costs the same whatever it holds, so a new article costs three (its meta,
   * text and edition) and nothing is read first: the metas are added as if new, and the few that the
   * store refuses as already there (a republication) are read and given their new editions after.
   */
  async putMany(items: StoredArticle[]): Promise<PutResult> {
    const db = this.db;
    return guard(() =>
      db.transaction('rw', [db.articles, db.texts, db.editions, ...readerTables(db)], async () => {
        const plan = planBatch(items);
        const candidates = [...plan.metas.values()];
        const refused = new Set<string>();
        try {
          await db.articles.bulkAdd(candidates);
        } catch (e) {
          // Caught inside the transaction: the other adds stand. Only "already stored" is expected.
          if (!(e instanceof Dexie.BulkError)) throw e;
          for (const [pos, err] of Object.entries(e.failuresByPos)) {
            if ((err as Error).name !== 'ConstraintError') throw err;
            refused.add(candidates[Number(pos)]!.id);
          }
        }
        const fresh = items.filter((item, k) => plan.first[k] && !refused.has(item.meta.id));
        const texts = fresh.map((f) => f.text);
        await db.texts.bulkPut(texts);
        await putReaderRows(db, texts);

        // Copies of articles stored before this batch: their editions may be known already.
        const old = items.map((item, k) => ({ item, e: plan.editions[k]! })).filter((x) => refused.has(x.item.meta.id));
        const stored = new Map<string, ArticleMeta>();
        const known = new Set<string>();
        if (old.length) {
          const ids = [...refused];
          (await db.articles.bulkGet(ids)).forEach((m, k) => m && stored.set(ids[k]!, m));
          const eids = [...new Set(old.map((x) => x.e.id))];
          for (const e of await db.editions.bulkGet(eids)) if (e) known.add(e.id);
        }
        const editions: Edition[] = [];
        const skipped: string[] = [];
        const later: Edition[] = [];
        items.forEach((item, k) => {
          const e = plan.editions[k]!;
          const id = item.meta.id;
          if (!refused.has(id)) {
            if (plan.dup[k]) skipped.push(id);
            else {
              editions.push(e);
              if (!plan.first[k]) later.push(e);
            }
            return;
          }
          if (known.has(e.id)) {
            skipped.push(id);
            return;
          }
          known.add(e.id);
          editions.push(e);
          later.push(e);
          const m = stored.get(id);
          if (m) stored.set(id, withEdition(m, e));
        });
        if (stored.size) await db.articles.bulkPut([...stored.values()]);
        await db.editions.bulkPut(editions);
        const metaOf = (id: string): ArticleMeta => stored.get(id) ?? plan.metas.get(id)!;
        return {
          added: fresh.map((f) => f.meta.id),
          metas: fresh.map((f) => plan.metas.get(f.meta.id)!),
          skipped,
          editions: later.map((e) => ({ edition: e, meta: metaOf(e.articleId) })),
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
    return (await this.deleteMany([id]))[0];
  }

  /**
   * Removes articles and everything attached to them in one transaction; returns what was removed
   * (ids not stored are skipped), for undo.
   */
  async deleteMany(ids: readonly string[]): Promise<DeletedArticle[]> {
    const db = this.db;
    const tables = [db.articles, db.texts, db.annotations, db.bookmarks, db.reading, db.editions, ...readerTables(db)];
    return guard(() =>
      db.transaction('rw', tables, async () => {
        const list = [...new Set(ids)];
        // Reads, then deletes, each issued together: one round trip per table, not one per article.
        const [metas, texts, annotations, bookmarks, reading, editions] = await Promise.all([
          db.articles.bulkGet(list),
          db.texts.bulkGet(list),
          db.annotations.where('articleId').anyOf(list).toArray(),
          db.bookmarks.where('articleId').anyOf(list).toArray(),
          db.reading.bulkGet(list),
          db.editions.where('articleId').anyOf(list).toArray(),
        ]);
        const out: DeletedArticle[] = [];
        list.forEach((id, i) => {
          const meta = metas[i];
          const text = texts[i];
          if (!meta || !text) return;
          const d: DeletedArticle = {
            meta,
            text,
            annotations: annotations.filter((a) => a.articleId === id),
            bookmarks: bookmarks.filter((b) => b.articleId === id),
            editions: editions.filter((e) => e.articleId === id),
          };
          if (reading[i]) d.reading = reading[i];
          out.push(d);
        });
        const gone = out.map((d) => d.meta.id);
        await Promise.all([
          db.annotations.bulkDelete(out.flatMap((d) => d.annotations.map((a) => a.id))),
          db.bookmarks.bulkDelete(out.flatMap((d) => d.bookmarks.map((b) => b.id))),
          db.reading.bulkDelete(gone),
          db.editions.bulkDelete(out.flatMap((d) => (d.editions ?? []).map((e) => e.id))),
          db.texts.bulkDelete(gone),
          deleteReaderRows(db, gone),
          db.articles.bulkDelete(gone),
        ]);
        return out;
      }),
    );
  }

  /** Puts back what `delete` returned, in one transaction. */
  async undelete(d: DeletedArticle): Promise<void> {
    await this.undeleteMany([d]);
  }

  /** Puts back what `deleteMany` returned, in one transaction. */
  async undeleteMany(list: readonly DeletedArticle[]): Promise<void> {
    const db = this.db;
    const tables = [db.articles, db.texts, db.annotations, db.bookmarks, db.reading, db.editions, ...readerTables(db)];
    await guard(() =>
      db.transaction('rw', tables, async () => {
        await Promise.all([
          putReaderRows(
            db,
            list.map((d) => d.text),
          ),
          db.articles.bulkPut(list.map((d) => d.meta)),
          db.editions.bulkPut(list.flatMap((d) => d.editions ?? [])),
          db.texts.bulkPut(list.map((d) => d.text)),
          db.annotations.bulkPut(list.flatMap((d) => d.annotations)),
          db.bookmarks.bulkPut(list.flatMap((d) => d.bookmarks)),
          db.reading.bulkPut(list.flatMap((d) => (d.reading ? [d.reading] : []))),
        ]);
      }),
    );
  }

  /** How many annotations the articles hold (a bulk delete asks first when any would go). */
  annotationCount(ids: readonly string[]): Promise<number> {
    return guard(() =>
      this.db.annotations
        .where('articleId')
        .anyOf([...ids])
        .count(),
    );
  }

  /** Sets each article's tags in one transaction (bulk tagging and its undo). */
  setTagsMany(tags: ReadonlyMap<string, string[]>): Promise<void> {
    const db = this.db;
    return guard(() =>
      db.transaction('rw', db.articles, async () => {
        await db.articles.bulkUpdate([...tags].map(([key, t]) => ({ key, changes: { tags: t } })));
      }),
    );
  }

  /** Stores leads computed for articles imported before leads existed (core/article/lead.ts). */
  setLeads(leads: ReadonlyMap<string, string>): Promise<void> {
    const db = this.db;
    return guard(() =>
      db.transaction('rw', db.articles, async () => {
        await db.articles.bulkUpdate([...leads].map(([key, lead]) => ({ key, changes: { lead } })));
      }),
    );
  }

  /** Texts of these articles (undefined where one is gone), for computing leads. */
  texts(ids: readonly string[]): Promise<(ArticleText | undefined)[]> {
    return guard(() => this.db.texts.bulkGet([...ids]));
  }
}
