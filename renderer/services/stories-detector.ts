/**
 * Story detection as the worker runs it (and the bench, in Node): keeps the StoryIndex of the whole
 * library, takes new article ids, compares each with its candidates, stores the links and the
 * detector's features, regroups the stories those links touch, and reports what moved.
 *
 * Start-up: features stored by earlier runs are loaded (no text is read for them); articles without
 * features — the whole library right after the v4 upgrade — are detected in the background, oldest
 * first, with progress. When the library has grown by a quarter since the last check, known links are
 * compared again with the new frequencies (boilerplate is only recognised as such once it is common).
 */
import type { StoryDecision, StoryLink } from '../core/model';
import type { StoryBody } from '../core/stories/body';
import { groupStories } from '../core/stories/group';
import { StoryIndex } from '../core/stories/index';
import { decodeFeatures, docFeatures, encodeFeatures } from '../core/stories/shingles';
import type { StoriesRepo } from '../storage/stories-repo';
import type { FromDetector } from './stories-protocol';
import { storyOf } from './stories-regroup';

/** Articles read and compared per step (one transaction of links and features). */
const CHUNK = 200;
export const FEATURES_VERSION = 1;

const linkId = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

export class StoryDetector {
  readonly index = new StoryIndex();
  private readonly order = new Map<string, number>();
  private readonly story = new Map<string, string>();
  /** story id → its member articles (the inverse of `story`, kept in step by setStory/dropStory). */
  private readonly members = new Map<string, Set<string>>();
  private readonly links = new Map<string, StoryLink>();
  private readonly adjacent = new Map<string, Set<string>>();
  private decisions: StoryDecision[] = [];
  private queue: string[] = [];
  private readonly queued = new Set<string>();
  /** Texts handed over with their ids (an import batch): read from here, not from the database. */
  private readonly given = new Map<string, StoryBody>();
  private running: Promise<void> | null = null;
  private checkedAt = 0;
  private done = 0;
  private total = 0;
  /** ms spent comparing (for the bench). */
  detectMs = 0;

  constructor(
    private readonly repo: StoriesRepo,
    private readonly post: (m: FromDetector) => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Loads what earlier runs stored, then detects every article that has no features yet. */
  async start(): Promise<void> {
    const keys = await this.repo.articleKeys();
    for (const k of keys) {
      this.order.set(k.id, k.importedAt);
      if (k.storyId) this.setStory(k.id, k.storyId);
    }
    for (const row of await this.repo.allFeatures()) {
      const f =
        row.version === FEATURES_VERSION && this.order.has(row.id)
          ? decodeFeatures(new Uint32Array(row.data as ArrayBuffer))
          : undefined;
      if (f) this.index.insert(row.id, f);
    }
    for (const l of await this.repo.allLinks()) this.remember(l);
    this.decisions = await this.repo.decisions();
    this.checkedAt = this.index.size;
    await this.add(keys.map((k) => k.id).filter((id) => !this.index.has(id)));
  }

  /** Queues new articles (with their texts when at hand); resolves when the queue is empty. */
  add(ids: readonly string[], bodies: readonly StoryBody[] = []): Promise<void> {
    for (const b of bodies) if (!this.index.has(b.id)) this.given.set(b.id, b);
    const fresh = ids.filter((id) => !this.index.has(id) && !this.queued.has(id));
    if (fresh.length) {
      this.queue.push(...fresh);
      for (const id of fresh) this.queued.add(id);
      this.total += fresh.length;
    }
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Forgets deleted articles: their links go, their stories are regrouped. */
  async remove(ids: readonly string[]): Promise<void> {
    const gone = new Set(ids);
    const touched = new Set<string>();
    for (const id of ids) {
      this.index.remove(id);
      for (const o of this.adjacent.get(id) ?? []) {
        touched.add(o);
        this.forget(linkId(id, o));
      }
      this.order.delete(id);
      this.dropStory(id);
    }
    await this.repo.deleteLinksOf([...gone]);
    await this.repo.deleteFeatures([...gone]);
    await this.regroup([...touched].filter((id) => !gone.has(id)));
  }

  /**
   * Every story again from the stored links and decisions (no text is read): after a restore, whose
   * articles carry the backed-up grouping while its decisions may differ from the library's.
   */
  async regroupAll(): Promise<void> {
    await this.regroup([...this.order.keys()]);
  }

  /** Decisions changed (a split or merge made on the page): read them again. */
  async reloadDecisions(): Promise<void> {
    this.decisions = await this.repo.decisions();
    for (const k of await this.repo.articleKeys()) if (k.storyId) this.setStory(k.id, k.storyId);
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const ids = this.queue.splice(0, CHUNK);
      try {
        await this.step(ids);
      } finally {
        for (const id of ids) {
          this.queued.delete(id);
          this.given.delete(id);
        }
      }
      this.done += ids.length;
      this.progress(this.queue.length ? 'running' : 'idle');
    }
    if (this.index.size >= this.checkedAt * 1.25 + 50) await this.recheck();
    this.done = 0;
    this.total = 0;
  }

  private progress(state: 'running' | 'idle'): void {
    this.post({ type: 'progress', progress: { state, done: this.done, total: this.total } });
  }

  private async step(ids: string[]): Promise<void> {
    const bodies = await this.bodies(ids);
    const t0 = this.now();
    const rows: { id: string; data: ArrayBuffer; version: number }[] = [];
    const found: StoryLink[] = [];
    const touched = new Set<string>();
    ids.forEach((id, i) => {
      const b = bodies[i];
      if (!b) return;
      this.order.set(id, b.importedAt);
      const f = docFeatures(b.title, b.body);
      rows.push({ id, data: encodeFeatures(f).buffer as ArrayBuffer, version: FEATURES_VERSION });
      for (const r of this.index.add(id, f)) {
        const [a, c] = id < r.id ? [id, r.id] : [r.id, id];
        const link: StoryLink = {
          id: linkId(a, c),
          a,
          b: c,
          relation: r.verdict.relation === 'same' ? 'same' : 'partial',
          score: round(r.verdict.score),
          at: this.now(),
        };
        found.push(link);
        this.remember(link);
        if (link.relation === 'same') {
          touched.add(a);
          touched.add(c);
        }
      }
      touched.add(id);
    });
    this.detectMs += this.now() - t0;
    await this.repo.putFeatures(rows);
    await this.repo.putLinks(found);
    await this.regroup([...touched]);
  }

  /** Each article's title and body: handed over, or read (one read for all that were not). */
  private async bodies(ids: string[]): Promise<(StoryBody | undefined)[]> {
    const missing = ids.filter((id) => !this.given.has(id));
    const read = missing.length ? await this.repo.bodies(missing) : [];
    const got = new Map(missing.map((id, k) => [id, read[k]]));
    return ids.map((id) => this.given.get(id) ?? got.get(id));
  }

  /** Compares linked pairs again with today's frequencies; drops or relabels what changed. */
  private async recheck(): Promise<void> {
    this.checkedAt = this.index.size;
    const t0 = this.now();
    const changed = this.index.recheck([...this.links.values()].map((l) => [l.a, l.b, l.relation] as const));
    this.detectMs += this.now() - t0;
    if (!changed.length) return;
    const put: StoryLink[] = [];
    const removed: string[] = [];
    const touched = new Set<string>();
    for (const { a, b, verdict } of changed) {
      const id = linkId(a, b);
      touched.add(a);
      touched.add(b);
      if (verdict.relation === 'different') {
        removed.push(id);
        this.forget(id);
      } else {
        const l: StoryLink = {
          ...this.links.get(id)!,
          relation: verdict.relation,
          score: round(verdict.score),
          at: this.now(),
        };
        put.push(l);
        this.remember(l);
      }
    }
    await this.repo.putLinks(put, removed);
    await this.regroup([...touched]);
  }

  /** Regroups the stories of these articles (their members and everything `same`-linked to them). */
  private async regroup(seeds: string[]): Promise<void> {
    if (!seeds.length) return;
    const ids = new Set<string>();
    const members = this.members;
    const visit = (id: string): void => {
      if (ids.has(id) || !this.order.has(id)) return;
      ids.add(id);
      for (const m of members.get(this.story.get(id) ?? id) ?? []) visit(m);
      for (const o of this.adjacent.get(id) ?? []) if (this.links.get(linkId(id, o))?.relation === 'same') visit(o);
    };
    seeds.forEach(visit);
    const list = [...ids];
    const links = [...new Set(list.flatMap((id) => [...(this.adjacent.get(id) ?? [])].map((o) => linkId(id, o))))]
      .map((k) => this.links.get(k)!)
      .filter(Boolean);
    const grouping = groupStories(list, links, this.decisions, (id) => this.order.get(id) ?? Number.MAX_SAFE_INTEGER);
    const before = new Set(list.map((id) => this.story.get(id) ?? id));
    const moved: [string, string][] = [];
    for (const [id, s] of grouping) if ((this.story.get(id) ?? id) !== s) moved.push([id, s]);
    const groups = new Map<string, string[]>();
    for (const [id, s] of grouping) {
      if (!groups.has(s)) groups.set(s, []);
      groups.get(s)!.push(id);
    }
    const multi = [...groups].filter(([, m]) => m.length > 1);
    const metas = new Map((await this.repo.metas(multi.flatMap(([, m]) => m))).map((m) => [m.id, m]));
    const put = multi.map(([s, m]) =>
      storyOf(
        s,
        m
          .map((id) => metas.get(id))
          .filter((x) => !!x)
          .map((x) => ({ ...x!, storyId: s })),
      ),
    );
    const removed = [...before].filter((s) => !groups.has(s) || groups.get(s)!.length < 2);
    if (!moved.length && !put.length && !removed.length) return;
    await this.repo.applyStories(put, removed, moved);
    for (const [id, s] of moved) this.setStory(id, s);
    if (moved.length) this.post({ type: 'assigned', pairs: moved, links: this.links.size });
  }

  private setStory(id: string, s: string): void {
    this.dropStory(id);
    this.story.set(id, s);
    let m = this.members.get(s);
    if (!m) this.members.set(s, (m = new Set()));
    m.add(id);
  }

  private dropStory(id: string): void {
    const s = this.story.get(id);
    if (s === undefined) return;
    this.story.delete(id);
    const m = this.members.get(s);
    m?.delete(id);
    if (m && m.size === 0) this.members.delete(s);
  }

  private remember(l: StoryLink): void {
    this.links.set(l.id, l);
    for (const [x, y] of [
      [l.a, l.b],
      [l.b, l.a],
    ] as const) {
      if (!this.adjacent.has(x)) this.adjacent.set(x, new Set());
      this.adjacent.get(x)!.add(y);
    }
  }

  private forget(id: string): void {
    const l = this.links.get(id);
    if (!l) return;
    this.links.delete(id);
    this.adjacent.get(l.a)?.delete(l.b);
    this.adjacent.get(l.b)?.delete(l.a);
  }

  /** Counts for the bench and the status line. */
  stats(): { articles: number; links: number; same: number; partial: number; stories: number; bytes: number } {
    let same = 0;
    for (const l of this.links.values()) if (l.relation === 'same') same++;
    const stories = new Set<string>();
    for (const id of this.order.keys()) stories.add(this.story.get(id) ?? id);
    return {
      articles: this.index.size,
      links: this.links.size,
      same,
      partial: this.links.size - same,
      stories: stories.size,
      bytes: this.index.bytes,
    };
  }
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
