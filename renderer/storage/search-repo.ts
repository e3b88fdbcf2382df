/**
 * The derived search index in IndexedDB: one `searchSegments` row per engine segment (its encoded
 * bytes and the ids it covers) and a few `searchMeta` rows (format fingerprint, generation, last
 * build). Also reads what the indexer needs from `articles` + `texts`. Losing these rows loses
 * nothing: the index is rebuilt from the articles.
 */
import type { SearchDoc } from '../core/search/api';
import { sourceText } from '../core/stories/outlets';
import type { SearchSegmentRow, WarraqDb } from './db';
import { guard } from './errors';

export type { SearchSegmentRow };

export class SearchRepo {
  constructor(private readonly db: WarraqDb) {}

  /** Every stored segment row, oldest first. Rejects with StorageError. */
  segments(): Promise<SearchSegmentRow[]> {
    return guard(() => this.db.searchSegments.orderBy('builtAt').toArray());
  }

  /** The ids of the stored segment rows, oldest first (keys only: no row is read). */
  async segmentIds(): Promise<string[]> {
    return guard(async () => (await this.db.searchSegments.orderBy('builtAt').primaryKeys()) as string[]);
  }

  /** One segment row, or undefined when it is gone. */
  segment(id: string): Promise<SearchSegmentRow | undefined> {
    return guard(() => this.db.searchSegments.get(id));
  }

  /** Writes (or replaces) one segment row. Rejects with StorageError (e.g. quota). */
  async putSegment(row: SearchSegmentRow): Promise<void> {
    await guard(() => this.db.searchSegments.put(row));
  }

  /** Deletes segment rows by id; unknown ids are ignored. */
  async deleteSegments(ids: readonly string[]): Promise<void> {
    if (ids.length) await guard(() => this.db.searchSegments.bulkDelete([...ids]));
  }

  /** Removes every segment and meta row (a fresh start). */
  async clear(): Promise<void> {
    await guard(() =>
      this.db.transaction('rw', this.db.searchSegments, this.db.searchMeta, async () => {
        await this.db.searchSegments.clear();
        await this.db.searchMeta.clear();
      }),
    );
  }

  /** A meta value, or undefined when it was never written. */
  async getMeta<T>(key: string): Promise<T | undefined> {
    return guard(async () => (await this.db.searchMeta.get(key))?.value as T | undefined);
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await guard(() => this.db.searchMeta.put({ key, value }));
  }

  async deleteMeta(key: string): Promise<void> {
    await guard(() => this.db.searchMeta.delete(key));
  }

  /** The ids of every stored article (keys only: no article is read). */
  async articleIds(): Promise<string[]> {
    return guard(async () => (await this.db.articles.toCollection().primaryKeys()) as string[]);
  }

  /**
   * The documents to index for `ids`, in the same order; ids whose meta or text is gone are
   * skipped (deleted meanwhile). Rejects with StorageError.
   */
  async docs(ids: readonly string[]): Promise<SearchDoc[]> {
    return guard(async () => {
      const [metas, texts, outlets] = await Promise.all([
        this.db.articles.bulkGet([...ids]),
        this.db.texts.bulkGet([...ids]),
        this.db.outlets.toArray(),
      ]);
      const names = new Map(outlets.map((o) => [o.id, o]));
      const out: SearchDoc[] = [];
      ids.forEach((id, i) => {
        const m = metas[i];
        const t = texts[i];
        if (!m || !t) return;
        // `source:` matches every edition's outlet by id, display name and alias (issue 12).
        const doc: SearchDoc = {
          id,
          title: m.title,
          outlet: sourceText(m.outlets ?? [m.outlet], names) || m.outlet,
          text: t.text,
          paragraphs: t.paragraphs,
        };
        if (m.published) doc.published = m.published;
        out.push(doc);
      });
      return out;
    });
  }

  /** One article's stored text and paragraphs, or undefined when it is gone. */
  async text(id: string): Promise<{ text: string; paragraphs: SearchDoc['paragraphs']; titleEnd: number } | undefined> {
    return guard(async () => {
      const t = await this.db.texts.get(id);
      return t ? { text: t.text, paragraphs: t.paragraphs, titleEnd: t.titleRange?.end ?? 0 } : undefined;
    });
  }
}
