/**
 * Stories storage (schema v4): editions, detected links and stories, a person's split/merge decisions,
 * outlet names and metadata edits. Editions are written with their article by ArticlesRepo.putMany;
 * everything else here.
 */
import { storyBody, type StoryBody } from '../core/stories/body';
import type { ArticleMeta, Edition, MetaEdit, MetaField, Outlet, Story, StoryDecision, StoryLink } from '../core/model';
import type { StoryFeatureRow, WarraqDb } from './db';
import { guard } from './errors';

export class StoriesRepo {
  constructor(private readonly db: WarraqDb) {}

  /** Every article's id, import time and story (what detection orders and groups by). */
  async articleKeys(): Promise<{ id: string; importedAt: number; storyId?: string }[]> {
    return guard(async () => {
      const out: { id: string; importedAt: number; storyId?: string }[] = [];
      await this.db.articles.orderBy('importedAt').each((m) => {
        out.push(
          m.storyId
            ? { id: m.id, importedAt: m.importedAt, storyId: m.storyId }
            : { id: m.id, importedAt: m.importedAt },
        );
      });
      return out;
    });
  }

  /** The metas of these articles that are stored. */
  async metas(ids: readonly string[]): Promise<ArticleMeta[]> {
    return guard(async () => (await this.db.articles.bulkGet([...ids])).filter((m): m is ArticleMeta => !!m));
  }

  /** Title and body of each article (undefined when gone), for feature extraction. */
  async bodies(ids: readonly string[]): Promise<(StoryBody | undefined)[]> {
    return guard(async () => {
      const [metas, texts] = await Promise.all([this.db.articles.bulkGet([...ids]), this.db.texts.bulkGet([...ids])]);
      return ids.map((_, i) => {
        const m = metas[i];
        const t = texts[i];
        if (!m || !t) return undefined;
        return storyBody(ids[i]!, m.title, m.importedAt, t);
      });
    });
  }

  /**
   * Start-up's first screen of the story list: the `limit` latest-published metas (one indexed query,
   * newest first) and every other meta published the same day as the last of them. `from` is that last
   * publication date: every article published on or after it is read. `from` is null when fewer than
   * `limit` dated articles exist (every dated article was read).
   */
  async newestPublished(limit: number): Promise<{ metas: ArticleMeta[]; from: string | null }> {
    return guard(() => this.db.transaction('r', this.db.articles, () => this.readNewest(limit)));
  }

  private async readNewest(limit: number): Promise<{ metas: ArticleMeta[]; from: string | null }> {
    const read = await this.db.articles.orderBy('published').reverse().limit(limit).toArray();
    const from = read.length < limit ? null : (read[read.length - 1]!.published ?? null);
    // A corpus dated by the day has hundreds of articles a day: read the last day whole.
    if (from === null) return { metas: read, from };
    return {
      metas: [
        ...read.filter((m) => m.published !== from),
        ...(await this.db.articles.where('published').equals(from).toArray()),
      ],
      from,
    };
  }

  /** The member ids of these stories, by story id (a story of one article has no row: absent). */
  async storyMembers(storyIds: readonly string[]): Promise<Map<string, string[]>> {
    return guard(async () => {
      const stories = await this.db.stories.bulkGet([...storyIds]);
      return new Map(stories.filter((s): s is Story => !!s).map((s) => [s.id, s.articleIds]));
    });
  }

  /**
   * newestPublished plus every other member of their stories (from the stories table, which detection
   * writes in the same transaction as the metas' `storyId`), so every story whose earliest date is on
   * or after `from` has all its members here.
   */
  async newestWithStories(limit: number): Promise<{ metas: ArticleMeta[]; from: string | null }> {
    return guard(() =>
      this.db.transaction('r', this.db.articles, this.db.stories, async () => {
        const { metas: read, from } = await this.readNewest(limit);
        const have = new Set(read.map((m) => m.id));
        const storyIds = [...new Set(read.map((m) => m.storyId).filter((s): s is string => !!s))];
        const stories = storyIds.length ? await this.db.stories.bulkGet(storyIds) : [];
        const missing = [...new Set(stories.flatMap((s) => s?.articleIds ?? []))].filter((id) => !have.has(id));
        const more = missing.length ? await this.db.articles.bulkGet(missing) : [];
        return { metas: [...read, ...more.filter((m): m is ArticleMeta => !!m)], from };
      }),
    );
  }

  /** Removes links touching these articles; returns the removed links. */
  async deleteLinksOf(ids: readonly string[]): Promise<StoryLink[]> {
    return guard(() =>
      this.db.transaction('rw', this.db.storyLinks, async () => {
        const a = await this.db.storyLinks
          .where('a')
          .anyOf([...ids])
          .toArray();
        const b = await this.db.storyLinks
          .where('b')
          .anyOf([...ids])
          .toArray();
        const all = [...a, ...b];
        await this.db.storyLinks.bulkDelete(all.map((l) => l.id));
        return all;
      }),
    );
  }

  /** Editions of these articles (any order). */
  editionsOf(articleIds: readonly string[]): Promise<Edition[]> {
    return guard(() =>
      this.db.editions
        .where('articleId')
        .anyOf([...articleIds])
        .toArray(),
    );
  }

  allEditions(): Promise<Edition[]> {
    return guard(() => this.db.editions.toArray());
  }

  editionCount(): Promise<number> {
    return guard(() => this.db.editions.count());
  }

  /** Links touching this article. */
  linksOf(articleId: string): Promise<StoryLink[]> {
    return guard(async () => {
      const [a, b] = await Promise.all([
        this.db.storyLinks.where('a').equals(articleId).toArray(),
        this.db.storyLinks.where('b').equals(articleId).toArray(),
      ]);
      return [...a, ...b];
    });
  }

  allLinks(): Promise<StoryLink[]> {
    return guard(() => this.db.storyLinks.toArray());
  }

  /** Stores links (replacing same ids) and deletes `removed` link ids, in one transaction. */
  async putLinks(links: StoryLink[], removed: readonly string[] = []): Promise<void> {
    await guard(() =>
      this.db.transaction('rw', this.db.storyLinks, async () => {
        if (removed.length) await this.db.storyLinks.bulkDelete([...removed]);
        if (links.length) await this.db.storyLinks.bulkPut(links);
      }),
    );
  }

  story(id: string): Promise<Story | undefined> {
    return guard(() => this.db.stories.get(id));
  }

  allStories(): Promise<Story[]> {
    return guard(() => this.db.stories.toArray());
  }

  /**
   * Applies a regrouping: stories put and removed, and each moved article's `storyId`, in one
   * transaction (a crash leaves the old grouping, never half of the new one).
   */
  async applyStories(
    put: Story[],
    removed: readonly string[],
    assign: ReadonlyArray<readonly [string, string]>,
  ): Promise<void> {
    const db = this.db;
    await guard(() =>
      db.transaction('rw', db.stories, db.articles, async () => {
        if (removed.length) await db.stories.bulkDelete([...removed]);
        if (put.length) await db.stories.bulkPut(put);
        // One request for all moved articles (one update per article awaited in turn took most of a
        // detection step on a large import).
        if (assign.length)
          await db.articles.bulkUpdate(assign.map(([key, storyId]) => ({ key, changes: { storyId } })));
      }),
    );
  }

  decisions(): Promise<StoryDecision[]> {
    return guard(() => this.db.storyDecisions.orderBy('at').toArray());
  }

  async putDecision(d: StoryDecision): Promise<void> {
    await guard(() => this.db.storyDecisions.put(d));
  }

  async deleteDecision(id: string): Promise<void> {
    await guard(() => this.db.storyDecisions.delete(id));
  }

  outlets(): Promise<Outlet[]> {
    return guard(() => this.db.outlets.toArray());
  }

  async putOutlet(o: Outlet): Promise<void> {
    await guard(() => this.db.outlets.put(o));
  }

  metaEdits(articleId: string): Promise<MetaEdit[]> {
    return guard(async () =>
      (await this.db.metaEdits.where('articleId').equals(articleId).toArray()).sort(
        (a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      ),
    );
  }

  allMetaEdits(): Promise<MetaEdit[]> {
    return guard(() => this.db.metaEdits.toArray());
  }

  /**
   * Records an edit and applies its value to the article's meta (what the library lists), in one
   * transaction. The edition keeps the value as printed; the stored text is never touched.
   */
  async applyEdit(edit: MetaEdit): Promise<ArticleMeta | undefined> {
    const db = this.db;
    return guard(() =>
      db.transaction('rw', db.metaEdits, db.articles, async () => {
        const meta = await db.articles.get(edit.articleId);
        if (!meta) return undefined;
        await db.metaEdits.put(edit);
        const next = withField(meta, edit.field, edit.value);
        await db.articles.put(next);
        return next;
      }),
    );
  }

  /** Undoes an edit: the field goes back to `edit.original` and the record is removed. */
  async revertEdit(edit: MetaEdit): Promise<ArticleMeta | undefined> {
    const db = this.db;
    return guard(() =>
      db.transaction('rw', db.metaEdits, db.articles, async () => {
        await db.metaEdits.delete(edit.id);
        const meta = await db.articles.get(edit.articleId);
        if (!meta) return undefined;
        const next = withField(meta, edit.field, edit.original);
        await db.articles.put(next);
        return next;
      }),
    );
  }

  /** A one-time step's mark (in the settings table), e.g. that the search index carries outlet names. */
  async done(key: string): Promise<boolean> {
    return guard(async () => (await this.db.settings.get(key))?.value === true);
  }

  async markDone(key: string): Promise<void> {
    await guard(() => this.db.settings.put({ key, value: true }));
  }

  features(ids: readonly string[]): Promise<(StoryFeatureRow | undefined)[]> {
    return guard(() => this.db.storyFeatures.bulkGet([...ids]));
  }

  allFeatures(): Promise<StoryFeatureRow[]> {
    return guard(() => this.db.storyFeatures.toArray());
  }

  async putFeatures(rows: StoryFeatureRow[]): Promise<void> {
    if (rows.length) await guard(() => this.db.storyFeatures.bulkPut(rows));
  }

  async deleteFeatures(ids: readonly string[]): Promise<void> {
    if (ids.length) await guard(() => this.db.storyFeatures.bulkDelete([...ids]));
  }
}

/** The meta with one editable field set (an empty or undefined value removes an optional field). */
export function withField(meta: ArticleMeta, field: MetaField, value: string | undefined): ArticleMeta {
  const next: ArticleMeta = { ...meta };
  if (field === 'title' || field === 'outlet') next[field] = value ?? '';
  else if (value) next[field] = value;
  else delete next[field];
  return next;
}
