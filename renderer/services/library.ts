/**
 * The library: every article's meta in memory (30,000 metas are a few MB), sorted and filtered for
 * the list view, plus open/delete/undo. Emits 'change' (CustomEvent<LibraryChange>) after any change
 * so derived views (the search index, the notebook) can follow.
 */
import type { ReaderPage } from '../core/article/reader-pages';
import { cleanMeta } from '../core/article/controls';
import { leadOf } from '../core/article/lead';
import type { Article, ArticleMeta } from '../core/model';
import type { ArticlesRepo, DeletedArticle, PutResult, StoredArticle } from '../storage/articles-repo';
import type { Notifier } from './notifier';
import type { LibraryPrefs } from './settings';

export interface LibraryChange {
  added: string[];
  removed: string[];
  /** Articles still listed whose searchable fields changed (outlets, title): the index re-reads them. */
  updated?: string[];
}

const collator = new Intl.Collator(['ar', 'en'], { sensitivity: 'base', numeric: true });

function comparator(sort: LibraryPrefs['sort']): (a: ArticleMeta, b: ArticleMeta) => number {
  switch (sort) {
    case 'title':
      return (a, b) => collator.compare(a.title, b.title);
    case 'outlet':
      return (a, b) => collator.compare(a.outlet, b.outlet) || collator.compare(a.title, b.title);
    // Undated articles sort as oldest, so they gather at the end of the usual newest-first list.
    case 'date':
      return (a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.importedAt - b.importedAt;
    // Ids are hex digests: code-unit order is their order (localeCompare cost ~100 ms on 30,000 rows).
    default:
      return (a, b) => a.importedAt - b.importedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  }
}

const cacheKey = (prefs: LibraryPrefs): string => `${prefs.sort}|${prefs.descending}|${prefs.outlet}`;

export class LibraryService extends EventTarget {
  private metas = new Map<string, ArticleMeta>();
  private cache: { key: string; rows: ArticleMeta[] } | null = null;
  private tagCache: string[] | null = null;
  /** outlets(), until an article comes, goes or changes outlet (story assignments do not clear it). */
  private outletCache: string[] | null = null;
  /** True while only the first screen is loaded (loadFirst, preload) and until load(). */
  private partial = false;
  /** While partial: how many articles are stored, once counted (countStored). */
  private stored: number | null = null;

  constructor(
    private readonly repo: ArticlesRepo,
    private readonly notifier: Notifier,
  ) {
    super();
  }

  /**
   * Reads every meta from storage (start-up, and after bulk changes made by a worker or a restore),
   * in pages so the page never waits on one long read.
   */
  async load(): Promise<void> {
    const metas = new Map<string, ArticleMeta>();
    // Labels are shown without bidi controls, whatever an older import or a backup stored (issue 13).
    // Page by page: 30,000 metas cleaned in one go were one long task.
    await this.repo.listMetaPaged(2000, (page) => {
      for (const m of page) metas.set(m.id, cleanMeta(m));
    });
    this.metas = metas;
    this.cache = null;
    this.outletCache = null;
    this.partial = false;
    this.stored = null;
  }

  /**
   * Start-up: reads only the first `n` rows of the list in `prefs`' order with one indexed query,
   * so the library can be drawn before load() has read the rest. Returns false (and reads nothing)
   * for orders no index gives exactly (title, outlet, date, an outlet filter): call load() then.
   */
  async loadFirst(prefs: LibraryPrefs, n: number): Promise<boolean> {
    if (prefs.sort !== 'imported' || prefs.outlet) return false;
    const clean = (await this.repo.firstImported(n, prefs.descending)).map(cleanMeta);
    for (const m of clean) this.metas.set(m.id, m);
    this.cache = { key: cacheKey(prefs), rows: clean };
    this.outletCache = null;
    this.partial = true;
    return true;
  }

  /**
   * Start-up: takes metas read ahead of load() for the first screen of another list (the story
   * list's first rows, StoriesService.loadFirst); until load() the library is incomplete, as after
   * loadFirst.
   */
  preload(metas: readonly ArticleMeta[]): void {
    for (const m of metas) this.metas.set(m.id, cleanMeta(m));
    this.cache = null;
    this.partial = true;
  }

  /**
   * Start-up, once the first screen is drawn: counts the stored articles while only the first screen
   * is loaded (a count walks the whole store, 100–300 ms at 31,000 articles: not before the first row),
   * then emits 'counted'.
   */
  async countStored(): Promise<void> {
    if (!this.partial || this.stored !== null) return;
    const n = await this.repo.count();
    if (!this.partial) return;
    this.stored = n;
    this.dispatchEvent(new Event('counted'));
  }

  /** Stored articles (while only the first screen is loaded: as counted, or those in memory until then). */
  get size(): number {
    return this.partial ? Math.max(this.metas.size, this.stored ?? 0) : this.metas.size;
  }

  /** How many articles are stored; null while only the first screen is loaded and not yet counted. */
  get total(): number | null {
    return this.partial && this.stored === null ? null : this.size;
  }

  /** False while only the first screen of the list is in memory (see loadFirst). */
  get complete(): boolean {
    return !this.partial;
  }

  meta(id: string): ArticleMeta | undefined {
    return this.metas.get(id);
  }

  allMeta(): ArticleMeta[] {
    return [...this.metas.values()];
  }

  /** Sorted, filtered rows for the list; cached until the library or the prefs change. */
  rows(prefs: LibraryPrefs): ArticleMeta[] {
    const key = cacheKey(prefs);
    if (this.cache?.key === key) return this.cache.rows;
    let rows = this.allMeta();
    if (prefs.outlet) rows = rows.filter((m) => m.outlet === prefs.outlet);
    rows.sort(comparator(prefs.sort));
    if (prefs.descending) rows.reverse();
    this.cache = { key, rows };
    return rows;
  }

  /** Distinct article tags, alphabetically (cached until the library changes). */
  tags(): string[] {
    this.tagCache ??= [...new Set(this.allMeta().flatMap((m) => m.tags))].sort(collator.compare);
    return this.tagCache;
  }

  /** Distinct outlets, alphabetically (a copy; the library view asks on every rebuild of its rows). */
  outlets(): string[] {
    if (!this.outletCache) {
      const set = new Set<string>();
      for (const m of this.metas.values()) if (m.outlet) set.add(m.outlet);
      this.outletCache = [...set].sort(collator.compare);
    }
    return [...this.outletCache];
  }

  /** The whole article, or undefined when it is gone. */
  get(id: string): Promise<Article | undefined> {
    return this.repo.get(id);
  }

  /**
   * The start of a very long article (its text and paragraphs cut after about 64K characters), read
   * without reading the whole text; undefined when there is none (then `get` it whole).
   */
  head(id: string): Promise<Article | undefined> {
    return this.repo.head(id);
  }

  /** Page `n` of a very long article's text (core/article/reader-pages), or undefined when it is not stored. */
  page(id: string, n: number): Promise<ReaderPage | undefined> {
    return this.repo.page(id, n);
  }

  /** Keeps the head and pages of a very long article read whole, for a fast start next time; never throws. */
  async keepHead(a: Article): Promise<void> {
    await this.repo.keepHead(a).catch(() => {});
  }

  /** Stores articles (skipping duplicates) and announces the ones added. */
  async add(items: StoredArticle[]): Promise<PutResult> {
    const result = await this.repo.putMany(items);
    result.metas.forEach((m) => this.metas.set(m.id, m));
    const updated = result.editions
      .map((e) => e.meta)
      .filter((m) => this.metas.has(m.id) && !result.added.includes(m.id));
    for (const m of updated) this.metas.set(m.id, m);
    this.changed({
      added: result.added,
      removed: [],
      ...(updated.length ? { updated: updated.map((m) => m.id) } : {}),
    });
    return result;
  }

  /**
   * Takes metas already stored elsewhere (the import worker sends what it wrote). With `announce: false`
   * the list is not told yet (a big import announces once at the end with `announce`).
   */
  addMetas(metas: ArticleMeta[], { announce = true } = {}): void {
    for (const m of metas) this.metas.set(m.id, cleanMeta(m));
    this.cache = null;
    this.outletCache = null;
    if (announce) this.changed({ added: metas.map((m) => m.id), removed: [] });
  }

  /**
   * Updates fields of metas already listed (a story assignment, a metadata correction) without
   * announcing new articles; ids not in the library are ignored. One 'change' with nothing added.
   */
  patchMetas(patches: ReadonlyArray<Partial<ArticleMeta> & { id: string }>, { reindex = false } = {}): void {
    const ids: string[] = [];
    for (const p of patches) {
      const m = this.metas.get(p.id);
      if (m) {
        this.metas.set(p.id, { ...m, ...p });
        ids.push(p.id);
      }
    }
    if (!ids.length) return;
    // Story detection patches thousands of metas in bursts: only an outlet correction changes outlets().
    const outlets = patches.some((p) => 'outlet' in p);
    this.changed(reindex ? { added: [], removed: [], updated: ids } : { added: [], removed: [] }, outlets);
  }

  /** Tells listeners about changes made without announcing them. */
  announce(change: LibraryChange): void {
    this.changed(change);
  }

  /** Deletes an article (and its notes) with an undo notice. Rejects with StorageError on failure. */
  async delete(id: string): Promise<void> {
    await this.deleteMany([id]);
  }

  /**
   * Deletes articles (and their notes, bookmarks, reading positions) in one transaction, with one undo
   * notice that puts every one back; the undo stays reachable by Ctrl+Z after the notice goes.
   * Rejects with StorageError on failure (nothing deleted).
   */
  async deleteMany(ids: readonly string[]): Promise<void> {
    const removed = await this.repo.deleteMany(ids);
    if (!removed.length) return;
    for (const d of removed) this.metas.delete(d.meta.id);
    this.changed({ added: [], removed: removed.map((d) => d.meta.id) });
    this.notifier.notify({
      kind: 'info',
      ...(removed.length === 1
        ? { message: 'notice.deleted', params: { title: removed[0]!.meta.title } }
        : { message: 'library.notice.deletedMany', params: { count: removed.length } }),
      undo: () => this.undelete(removed),
    });
  }

  private async undelete(list: DeletedArticle[]): Promise<void> {
    await this.repo.undeleteMany(list);
    for (const d of list) this.metas.set(d.meta.id, d.meta);
    this.changed({ added: list.map((d) => d.meta.id), removed: [] });
  }

  /** How many annotations these articles hold. */
  annotationCount(ids: readonly string[]): Promise<number> {
    return this.repo.annotationCount(ids);
  }

  /** Adds `tag` to every article in `ids` (one transaction), with an undo notice. */
  async addTag(ids: readonly string[], tag: string): Promise<void> {
    const name = tag.trim();
    const before = new Map<string, string[]>();
    for (const id of ids) {
      const m = this.metas.get(id);
      if (m && name && !m.tags.includes(name)) before.set(id, m.tags);
    }
    if (!before.size) return;
    await this.writeTags(new Map([...before].map(([id, tags]) => [id, [...tags, name]])));
    this.notifier.notify({
      kind: 'info',
      message: 'library.notice.tagged',
      params: { tag: name, count: before.size },
      undo: () => this.writeTags(before),
    });
  }

  /** Removes a tag from the articles that carry it, in one transaction, with one undo notice. */
  async removeTag(ids: readonly string[], tag: string): Promise<void> {
    const name = tag.trim();
    const before = new Map<string, string[]>();
    for (const id of ids) {
      const m = this.metas.get(id);
      if (m && name && m.tags.includes(name)) before.set(id, m.tags);
    }
    if (!before.size) {
      if (name) this.notifier.notify({ kind: 'info', message: 'library.notice.untaggedNone', params: { tag: name } });
      return;
    }
    await this.writeTags(new Map([...before].map(([id, tags]) => [id, tags.filter((x) => x !== name)])));
    this.notifier.notify({
      kind: 'info',
      message: 'library.notice.untagged',
      params: { tag: name, count: before.size },
      undo: () => this.writeTags(before),
    });
  }

  private async writeTags(tags: Map<string, string[]>): Promise<void> {
    await this.repo.setTagsMany(tags);
    for (const [id, t] of tags) {
      const m = this.metas.get(id);
      if (m) this.metas.set(id, { ...m, tags: t });
    }
    this.changed({ added: [], removed: [] });
  }

  /**
   * Leads for articles stored before leads existed: reads their texts (only these), computes and
   * stores each lead, and sets it on the metas in place (no 'change': a lead changes nothing listed
   * but itself). Resolves with the ids that got one.
   */
  async fillLeads(ids: readonly string[]): Promise<string[]> {
    const missing = ids.filter((id) => this.metas.get(id)?.lead === undefined);
    if (!missing.length) return [];
    const texts = await this.repo.texts(missing);
    const leads = new Map<string, string>();
    missing.forEach((id, i) => {
      const t = texts[i];
      if (t) leads.set(id, leadOf(t.text, t.paragraphs, t.titleRange));
    });
    await this.repo.setLeads(leads);
    // In place: the cached rows and story rows hold these same objects, and a lead changes no order.
    for (const [id, lead] of leads) {
      const m = this.metas.get(id);
      if (m) m.lead = lead;
    }
    return [...leads.keys()];
  }

  async setTags(id: string, tags: string[]): Promise<void> {
    await this.repo.setTags(id, tags);
    const m = this.metas.get(id);
    if (m) this.metas.set(id, { ...m, tags });
    this.changed({ added: [], removed: [] });
  }

  /** The article after/before `id` in the given order, for next/previous. */
  neighbour(id: string, prefs: LibraryPrefs, step: 1 | -1): string | undefined {
    const rows = this.rows(prefs);
    const i = rows.findIndex((r) => r.id === id);
    return i < 0 ? undefined : rows[i + step]?.id;
  }

  private changed(detail: LibraryChange, outlets = true): void {
    this.cache = null;
    this.tagCache = null;
    if (outlets) this.outletCache = null;
    this.dispatchEvent(new CustomEvent<LibraryChange>('change', { detail }));
  }
}
