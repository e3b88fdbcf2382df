/**
 * StoriesService — stories across outlets (issue 12). CONTRACT for the UI:
 *
 * Reading (synchronous, from the library's metas in memory; cheap enough for every render):
 *  - storyIdOf(articleId)        the article's story id (its own id until detection has seen it)
 *  - storyRows(query)            the library grouped by story: one StoryRow per story, paged, sorted by
 *                                earliest publication (or import / outlet count), `minOutlets` filter
 *  - collapse(hits)              search hits folded to one per story ("and N more outlets")
 *  - outlets(), outlet(id), outletName(id)   display names (`okaz` → عكاظ) with aliases
 *  - progress                    detection progress (also the 'progress' event)
 * Reading (async, from storage):
 *  - storyOf(articleId)          the story: member articles, every edition earliest first, related ones
 *  - editionsOf(articleId)       the article's own editions, earliest first
 *  - related(articleId)          `partial` relations (and `same` ones across a manual split)
 *  - metaEdits(articleId)        corrections with their original values
 * Changing (each resolves once stored; split/merge/editMeta return an Undo):
 *  - split(articleId)            takes the article out of its story, for good (detection respects it)
 *  - merge(storyA, storyB)       puts two stories together, for good
 *  - renameOutlet(id, name, aliases)   applies to every article; `source:` then matches name and aliases
 *  - editMeta(articleId, patch)  title/outlet/byline/published/url; the originals are kept beside
 * Events: 'change' (CustomEvent<StoriesChange>) after any regrouping, rename or edit;
 *         'progress' (CustomEvent<DetectionProgress>) while the worker detects.
 * The library's own 'change' follows too (metas carry `storyId`, `editions`, `outlets`).
 */
import type { ArticleMeta, Edition, MetaEdit, MetaField, Outlet, Story, StoryLink, StoryRelation } from '../core/model';
import { compareEditions } from '../core/stories/editions';
import { resolveOutlet, seededOutlets } from '../core/stories/outlets';
import type { StoriesRepo } from '../storage/stories-repo';
import type { LibraryService } from './library';
import type { DetectorPort, FromDetector } from './stories-protocol';
import { Regrouper, type RegroupUndo } from './stories-regroup';
import { sortInSteps } from '../core/sort-steps';
import {
  buildRows,
  collapseHits,
  groupByStory,
  newestStoryRows,
  filterRows,
  pageRows,
  rowOrder,
  toRow,
  type CollapsedHit,
  type StoryRow,
  type StoryRowsQuery,
} from './stories-rows';

export type { CollapsedHit, StoryRow, StoryRowsQuery };

/** Story rows for the list; `partial`: only the first screen, read before the whole library (loadFirst). */
export interface StoryRowsAnswer {
  total: number;
  rows: StoryRow[];
  partial?: boolean;
}

export interface DetectionProgress {
  state: 'idle' | 'running' | 'error';
  /** Articles examined / to examine in the current run. */
  done: number;
  total: number;
  message?: string;
}

export interface StoriesChange {
  /** Story ids that changed (empty when only names changed). */
  stories: string[];
  outlets?: boolean;
}

export interface RelatedArticle {
  articleId: string;
  storyId: string;
  relation: StoryRelation;
  score: number;
  meta: ArticleMeta;
}

export interface StoryView {
  story: Story;
  /** Member articles, earliest first. */
  articles: ArticleMeta[];
  /** Every edition of every member, earliest first. */
  editions: Edition[];
  related: RelatedArticle[];
}

export interface Undo {
  undo(): Promise<void>;
}

const SOURCES_INDEXED = 'stories.sourcesIndexed';

export type MetaPatch = Partial<Record<MetaField, string>>;

/** Up to this many articles the list groups stories at once; above, in slices of SLICE (see listRows). */
const SYNC_ROWS = 5000;
const SLICE = 500;
/** Main-thread time one slice run may take before yielding to a frame. */
const SLICE_MS = 8;
/** Longest wait for an idle period before a slice runs anyway (a page that never idles still regroups). */
const IDLE_WAIT_MS = 250;
/**
 * Waits for the page's next idle period (after a frame is drawn) and resolves to the time a slice may
 * take there: slices then fill the gaps between frames instead of landing in a frame and making it
 * late while the list scrolls (issue 18's scroll bench). Without requestIdleCallback (Node), the next
 * task and a whole slice.
 */
const nextSlice = (): Promise<number> =>
  typeof requestIdleCallback === 'function'
    ? new Promise((resolve) =>
        requestIdleCallback(
          (d) => resolve(d.didTimeout ? SLICE_MS : Math.max(1, Math.min(SLICE_MS, d.timeRemaining()))),
          { timeout: IDLE_WAIT_MS },
        ),
      )
    : new Promise((resolve) => setTimeout(() => resolve(SLICE_MS), 0));

/** At most one redraw of the library's stories this often while detection runs. */
const ASSIGN_EVERY_MS = 2000;

export class StoriesService extends EventTarget {
  progress: DetectionProgress = { state: 'idle', done: 0, total: 0 };
  private stored = new Map<string, Outlet>();
  private port: DetectorPort | null = null;
  /** Story moves from the detector not yet applied to the library (see onDetector). */
  private assigned: [string, string][] = [];
  private assignTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly regroup: Regrouper;
  private groupsCache: Map<string, ArticleMeta[]> | null = null;
  /** The last storyRows answer: the library redraws often (selection, expansion) with the same query. */
  private rowsCache: { key: string; version: number; value: { total: number; rows: StoryRow[] } } | null = null;
  /** Bumped by every library change: a cached answer of an older version is stale. */
  private version = 0;
  private preparing: { key: string; version: number } | null = null;
  /**
   * Start-up's first screen of the list (loadFirst): shown, marked partial, until the whole library is
   * read and grouped.
   */
  private first: { key: string; value: StoryRowsAnswer } | null = null;
  /** Display names by outlet id (resolving one builds an object; the list asks 30,000 times). */
  private names = new Map<string, string>();

  constructor(
    private readonly repo: StoriesRepo,
    private readonly library: LibraryService,
    private readonly connect?: () => DetectorPort,
  ) {
    super();
    this.regroup = new Regrouper(repo, library);
    library.addEventListener('change', () => {
      this.groupsCache = null;
      this.version++;
    });
  }

  /** Members of every story (cached until the library changes). */
  private groups(): Map<string, ArticleMeta[]> {
    return (this.groupsCache ??= groupByStory(this.library.allMeta()));
  }

  /**
   * Reads outlet names. Call before the UI renders (after the library loaded). Once per profile, the
   * search index re-reads every article so `source:` matches outlet names (indexes made before v4 hold
   * only the raw outlet); search keeps answering from the old segments meanwhile.
   */
  async load(): Promise<void> {
    await this.loadOutlets();
    await this.indexSources();
  }

  /** load()'s first half: outlet names (start-up reads them before the library, for loadFirst). */
  async loadOutlets(): Promise<void> {
    this.stored = new Map((await this.repo.outlets()).map((o) => [o.id, o]));
    this.names.clear();
    this.rowsCache = null;
  }

  /** load()'s second half, once the whole library is read. */
  async indexSources(): Promise<void> {
    if (!(await this.repo.done(SOURCES_INDEXED))) {
      const ids = this.library.allMeta().map((m) => m.id);
      if (ids.length) this.library.announce({ added: [], removed: [], updated: ids });
      await this.repo.markDone(SOURCES_INDEXED);
    }
  }

  /**
   * Start-up (after load(), before the library is read): the first `n` rows of the list for `query`
   * from one indexed query and the members of their stories, so the list is drawn before every meta
   * is read. Only the default order (earliest publication, newest first) has an index; false for
   * others, or when the first rows could not be placed exactly (read the whole library then).
   */
  async loadFirst(query: StoryRowsQuery, n: number): Promise<boolean> {
    if ((query.sort ?? 'earliest') !== 'earliest' || query.descending === false || query.offset) return false;
    // Filtered lists may need more articles for n rows: read up to 16 screens' worth, then give up.
    for (let limit = n * 4; limit <= n * 32; limit *= 2) {
      const { rows, metas, from } = await this.newestRows(limit, query, n);
      if (rows) {
        this.library.preload(metas);
        this.first = { key: JSON.stringify(query), value: { total: rows.length, rows, partial: true } };
        return true;
      }
      if (from === null) return false;
    }
    return false;
  }

  /**
   * loadFirst's rows from the `limit` newest metas. Unfiltered, only the stories of the rows shown are
   * completed: a member not yet read (published before `from`, or undated) can only move its story
   * down the list (an earlier date, or an earlier-imported lead), never up, so once every story in the
   * first `n` rows is whole, no other story can enter them. Reading the stories of every article of
   * the last day instead (~1,700 at 31,000 articles) cost a request per story before the first row.
   * A filter (at least k outlets, one outlet) can admit a story once its members are read: then every
   * story touched is read whole first.
   */
  private async newestRows(
    limit: number,
    query: StoryRowsQuery,
    n: number,
  ): Promise<{ rows: StoryRow[] | undefined; metas: ArticleMeta[]; from: string | null }> {
    const name = (o: string): string => this.outletName(o);
    if ((query.minOutlets ?? 1) > 1 || query.outlet) {
      const { metas, from } = await this.repo.newestWithStories(limit);
      return { rows: newestStoryRows(metas, from, query, n, name), metas, from };
    }
    const { metas: read, from } = await this.repo.newestPublished(limit);
    const have = new Map(read.map((m) => [m.id, m]));
    const whole = new Set<string>();
    for (;;) {
      const metas = [...have.values()];
      const rows = newestStoryRows(metas, from, query, n, name);
      const open = rows?.map((r) => r.id).filter((id) => !whole.has(id)) ?? [];
      if (!rows || !open.length) return { rows, metas, from };
      const members = await this.repo.storyMembers(open);
      for (const id of open) whole.add(id);
      const missing = [...new Set([...members.values()].flat())].filter((id) => !have.has(id));
      if (missing.length) for (const m of await this.repo.metas(missing)) have.set(m.id, m);
    }
  }

  /** Starts the detection worker: it catches up with the library (after an upgrade) and follows imports. */
  start(): void {
    if (this.port || !this.connect) return;
    const port = this.connect();
    port.onmessage = (e) => this.onDetector(e.data);
    port.onerror = (e) =>
      this.setProgress({ state: 'error', done: 0, total: 0, message: e.message || 'story detection stopped' });
    this.port = port;
    this.library.addEventListener('change', this.onLibrary);
    port.postMessage({ type: 'start' });
  }

  /**
   * After a restore (the backup carries editions, outlet names, decisions and corrections; stories
   * are derived): outlet names are read again, and the worker starts over on the restored library —
   * it detects the articles it has no features for and regroups every story from links + decisions.
   */
  async restored(): Promise<void> {
    this.stored = new Map((await this.repo.outlets()).map((o) => [o.id, o]));
    this.names.clear();
    this.groupsCache = null;
    this.rowsCache = null;
    this.version++;
    this.port?.postMessage({ type: 'restart' });
    this.changed({ stories: [], outlets: true });
  }

  dispose(): void {
    this.library.removeEventListener('change', this.onLibrary);
    this.port?.terminate();
    this.port = null;
  }

  // ---- reading ----

  storyIdOf(articleId: string): string {
    return this.library.meta(articleId)?.storyId ?? articleId;
  }

  storyRows(query: StoryRowsQuery = {}): { total: number; rows: StoryRow[] } {
    const key = JSON.stringify(query);
    if (this.rowsCache?.key === key && this.rowsCache.version === this.version) return this.rowsCache.value;
    const value = buildRows(this.library.allMeta(), query, (id) => this.outletName(id), this.groups());
    this.rowsCache = { key, version: this.version, value };
    return value;
  }

  /**
   * storyRows for the list without a long task. A small library is grouped at once. A large one (grouping
   * 30,000 metas takes ~100 ms) is grouped in slices between frames: until that is done this returns the
   * last rows of the same query (stale by a change or two), or undefined when there are none, and a 'change'
   * event follows when the fresh rows are ready (issue 17: no main-thread task over 50 ms).
   */
  listRows(query: StoryRowsQuery = {}): StoryRowsAnswer | undefined {
    const key = JSON.stringify(query);
    // Start-up: the first screen (loadFirst) until the whole library is read and grouped.
    const first = this.first?.key === key ? this.first.value : undefined;
    if (!this.library.complete) return first;
    if (this.library.size <= SYNC_ROWS) return this.storyRows(query);
    const cached = this.rowsCache?.key === key ? this.rowsCache : null;
    if (cached?.version === this.version) return cached.value;
    void this.prepareRows(query, key);
    return cached?.value ?? first;
  }

  private async prepareRows(query: StoryRowsQuery, key: string): Promise<void> {
    if (this.preparing?.key === key && this.preparing.version === this.version) return;
    const job = { key, version: this.version };
    this.preparing = job;
    const current = (): boolean => this.preparing === job && job.version === this.version;
    const metas = this.library.allMeta();
    const groups = new Map<string, ArticleMeta[]>();
    // Slices by time, not by count: the list scrolls while detection regroups (issue 18's scroll bench).
    let deadline = performance.now() + SLICE_MS;
    const pause = async (): Promise<boolean> => {
      if (performance.now() < deadline) return true;
      const budget = await nextSlice();
      deadline = performance.now() + budget;
      return current();
    };
    for (let i = 0; i < metas.length; i += SLICE) {
      groupByStory(metas.slice(i, i + SLICE), groups);
      if (!(await pause())) return;
    }
    const entries = [...groups];
    const rows: StoryRow[] = [];
    for (let i = 0; i < entries.length; i += SLICE) {
      for (const [id, members] of entries.slice(i, i + SLICE)) rows.push(toRow(id, members, (o) => this.outletName(o)));
      if (!(await pause())) return;
    }
    // The sort too: 30,000 rows sorted at once took one 60–100 ms task on the 2-core machine.
    const sorting = sortInSteps(filterRows(rows, query), rowOrder(query));
    let step = sorting.next();
    while (!step.done) {
      if (!(await pause())) return;
      step = sorting.next();
    }
    this.groupsCache ??= groups;
    this.rowsCache = { key, version: job.version, value: pageRows(step.value, query) };
    this.preparing = null;
    this.first = null;
    this.changed({ stories: [] });
  }

  collapse<H extends { id: string }>(hits: readonly H[]): CollapsedHit<H>[] {
    return collapseHits(
      hits,
      (id) => this.library.meta(id),
      (s) => this.groups().get(s) ?? [],
    );
  }

  /** Every outlet the library names (stored, seeded or only seen in articles), by display name. */
  outlets(): Outlet[] {
    const ids = new Set<string>(this.stored.keys());
    for (const m of this.library.allMeta()) for (const o of m.outlets ?? [m.outlet]) if (o) ids.add(o);
    for (const o of seededOutlets()) if (ids.has(o.id)) ids.add(o.id);
    return [...ids].map((id) => this.outlet(id)).sort((a, b) => a.name.localeCompare(b.name, 'ar'));
  }

  outlet(id: string): Outlet {
    return resolveOutlet(id, this.stored);
  }

  outletName(id: string): string {
    let name = this.names.get(id);
    if (name === undefined) this.names.set(id, (name = this.outlet(id).name));
    return name;
  }

  async editionsOf(articleId: string): Promise<Edition[]> {
    return (await this.repo.editionsOf([articleId])).sort(compareEditions);
  }

  async storyOf(articleId: string): Promise<StoryView | undefined> {
    const meta = this.library.meta(articleId);
    if (!meta) return undefined;
    const storyId = meta.storyId ?? articleId;
    const articles = [...(this.groups().get(storyId) ?? [])];
    if (!articles.some((m) => m.id === articleId)) articles.push(meta);
    const editions = (await this.repo.editionsOf(articles.map((m) => m.id))).sort(compareEditions);
    const first = new Map<string, number>();
    editions.forEach((e, i) => {
      if (!first.has(e.articleId)) first.set(e.articleId, i);
    });
    articles.sort((a, b) => (first.get(a.id) ?? 1e9) - (first.get(b.id) ?? 1e9));
    const outlets = new Set(editions.map((e) => e.outlet));
    const story: Story = {
      id: storyId,
      articleIds: articles.map((m) => m.id),
      outletCount: outlets.size,
      editionCount: editions.length,
    };
    const earliest = editions.find((e) => e.published)?.published;
    if (earliest) story.earliest = earliest;
    const related = (await Promise.all(articles.map((m) => this.related(m.id))))
      .flat()
      .filter((r) => r.storyId !== storyId)
      .filter((r, i, all) => all.findIndex((x) => x.articleId === r.articleId) === i);
    return { story, articles, editions, related };
  }

  async related(articleId: string): Promise<RelatedArticle[]> {
    const links: StoryLink[] = await this.repo.linksOf(articleId);
    const own = this.storyIdOf(articleId);
    const out: RelatedArticle[] = [];
    for (const l of links) {
      const other = l.a === articleId ? l.b : l.a;
      const meta = this.library.meta(other);
      if (!meta) continue;
      const storyId = meta.storyId ?? other;
      if (storyId === own && l.relation === 'same') continue;
      out.push({ articleId: other, storyId, relation: l.relation, score: l.score, meta });
    }
    return out.sort((a, b) => b.score - a.score);
  }

  metaEdits(articleId: string): Promise<MetaEdit[]> {
    return this.repo.metaEdits(articleId);
  }

  // ---- changing ----

  async split(articleId: string): Promise<Undo> {
    const undo = await this.regroup.split(articleId);
    return this.decided(undo);
  }

  async merge(storyA: string, storyB: string): Promise<Undo> {
    const undo = await this.regroup.merge(storyA, storyB);
    return this.decided(undo);
  }

  async renameOutlet(id: string, name: string, aliases: readonly string[] = []): Promise<void> {
    const clean = [...new Set(aliases.map((a) => a.trim()).filter((a) => a && a !== name.trim()))];
    const row: Outlet = { id, name: name.trim() || id, aliases: clean, updatedAt: Date.now() };
    await this.repo.putOutlet(row);
    this.stored.set(id, row);
    this.names.delete(id);
    this.rowsCache = null;
    // The search index's source field carries outlet names: re-index the articles that name this outlet.
    const ids = this.library
      .allMeta()
      .filter((m) => (m.outlets ?? [m.outlet]).includes(id))
      .map((m) => m.id);
    this.library.announce({ added: [], removed: [], updated: ids });
    this.changed({ stories: [], outlets: true });
  }

  async editMeta(articleId: string, patch: MetaPatch): Promise<Undo> {
    const meta = this.library.meta(articleId);
    if (!meta) throw new Error(`No article ${articleId}`);
    const at = Date.now();
    const done: MetaEdit[] = [];
    let current = meta;
    for (const [field, raw] of Object.entries(patch) as [MetaField, string | undefined][]) {
      const value = (raw ?? '').trim();
      const original = current[field];
      if ((original ?? '') === value) continue;
      const edit: MetaEdit = {
        id: `${articleId}|${at}|${String(done.length).padStart(2, '0')}|${field}`,
        articleId,
        field,
        value,
        at,
      };
      if (original !== undefined) edit.original = original;
      current = (await this.repo.applyEdit(edit)) ?? current;
      done.push(edit);
    }
    if (done.length) this.metaChanged(current);
    return {
      undo: async () => {
        let m: ArticleMeta | undefined;
        for (const e of [...done].reverse()) m = (await this.repo.revertEdit(e)) ?? m;
        if (m) this.metaChanged(m);
      },
    };
  }

  // ---- internals ----

  /** A decision was stored and applied: the worker reads decisions again; the UI hears of it. */
  private decided(r: RegroupUndo): Undo {
    this.port?.postMessage({ type: 'regroup' });
    this.changed({ stories: r.stories });
    return {
      undo: async () => {
        const stories = await r.undo();
        this.port?.postMessage({ type: 'regroup' });
        this.changed({ stories });
      },
    };
  }

  private metaChanged(meta: ArticleMeta): void {
    // Every editable field explicitly, so a cleared one is cleared in the library too.
    const { title, outlet, byline, published, url } = meta;
    this.library.patchMetas([{ id: meta.id, title, outlet, byline, published, url }], { reindex: true });
    this.changed({ stories: [meta.storyId ?? meta.id] });
  }

  /**
   * A channel for one import: the import worker sends each stored batch's texts on the returned port
   * straight to the detection worker, so detection need not read them back and the page never copies
   * them (a corpus import moves ~180 MB of text). Null while detection is not running.
   */
  bodiesPort(): MessagePort | null {
    if (!this.port) return null;
    const channel = new MessageChannel();
    this.port.postMessage({ type: 'bodies-port', port: channel.port2 }, [channel.port2]);
    return channel.port1;
  }

  private onLibrary = (e: Event): void => {
    const { added, removed } = (e as CustomEvent<{ added: string[]; removed: string[] }>).detail;
    if (removed.length) this.port?.postMessage({ type: 'removed', ids: removed });
    if (added.length) this.port?.postMessage({ type: 'added', ids: added });
  };

  private onDetector(m: FromDetector): void {
    if (m.type === 'progress') {
      if (m.progress.state !== 'running') this.flushAssigned();
      this.setProgress(m.progress);
    } else if (m.type === 'error') {
      this.flushAssigned();
      this.setProgress({ ...this.progress, state: 'error', message: m.message });
    } else if (m.pairs.length) {
      this.assigned.push(...m.pairs);
      // While detection follows a large import, every step moves a few articles and redrawing the
      // library's stories each time would take the page's time from the import: moves are applied
      // together, every ASSIGN_EVERY_MS at most, and at once when detection goes idle.
      this.assignTimer ??= setTimeout(
        () => this.flushAssigned(),
        this.progress.state === 'running' ? ASSIGN_EVERY_MS : 0,
      );
    }
  }

  private flushAssigned(): void {
    if (this.assignTimer !== null) clearTimeout(this.assignTimer);
    this.assignTimer = null;
    if (!this.assigned.length) return;
    const pairs = this.assigned;
    this.assigned = [];
    this.changed({ stories: this.regroup.assign(pairs) });
  }

  private setProgress(p: DetectionProgress): void {
    this.progress = p;
    this.dispatchEvent(new CustomEvent<DetectionProgress>('progress', { detail: p }));
  }

  private changed(detail: StoriesChange): void {
    this.dispatchEvent(new CustomEvent<StoriesChange>('change', { detail }));
  }
}
