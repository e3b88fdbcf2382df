/**
 * FeedsService: subscriptions and their refreshes. A refresh asks every chosen feed at once (at most
 * two requests per host, backoff after errors, conditional requests), keeps the items it has not seen
 * (by item id and by link), fetches each new item's page and hands the pages to the import worker
 * through its own ImportService, so feed articles are parsed, de-duplicated and stored exactly as
 * imported files are. One feed's failure is recorded on that feed and never stops the others.
 * Emits 'change' whenever `feeds` or `status` change.
 */
import { hostOf } from '../../core/article/html-meta';
import { itemKey, type FeedDoc, type FeedItem } from '../../core/feeds/item';
import { hostKey } from '../../core/feeds/web-url';
import type { FeedError, FeedItemRow, FeedRow, FeedsRepo } from '../../storage/feeds-repo';
import type { ImportReport, ImportService, PageItem, PageSource } from '../importer';
import { fetchFeed, resolveSubscription, type FeedOutcome, type Fetch } from './feed-fetch';
import type { FeedCodec } from './feed-codec';
import { HostLimiter, retryAfter } from './politeness';
import { AsyncQueue } from './async-queue';

/** Whether the machine is online, and news of changes (navigator.onLine and its events, in main.ts). */
export interface NetworkStatus {
  online(): boolean;
  onChange(listener: () => void): () => void;
}

export interface FeedsStatus {
  refreshing: boolean;
  /** A refresh is waiting for the connection to come back. */
  waitingOffline: boolean;
  /** The report of the last refresh that imported anything. */
  lastReport?: ImportReport;
  /**
   * Feeds the last "refresh all" left alone because they are backing off after errors, and when the
   * first of them may be asked again. Refreshing one feed by itself asks it anyway.
   */
  resting?: { count: number; until: number };
}

export interface FeedsDeps {
  repo: FeedsRepo;
  fetch: Fetch;
  /** Feed and OPML reading (the feed worker in the app). */
  codec: FeedCodec;
  /** An ImportService of the feeds' own (a file import may run meanwhile). */
  collector: ImportService;
  network: NetworkStatus;
  now?: () => number;
  limiter?: HostLimiter;
}

/** Scheduled refreshes ask a feed at most this often. */
export const REFRESH_EVERY_MS = 30 * 60_000;
// How often the schedule looks for due feeds.
const TICK_MS = 60_000;

export class SubscribeError extends Error {
  override name = 'SubscribeError';
  constructor(
    readonly code: FeedError['code'],
    message: string,
  ) {
    super(message);
  }
}

interface Found {
  feed: FeedRow;
  items: FeedItem[];
}

export class FeedsService extends EventTarget {
  feeds: FeedRow[] = [];
  status: FeedsStatus = { refreshing: false, waitingOffline: false };
  private chain: Promise<unknown> = Promise.resolve();
  private readonly now: () => number;
  private readonly limiter: HostLimiter;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly deps: FeedsDeps) {
    super();
    this.now = deps.now ?? Date.now;
    this.limiter = deps.limiter ?? new HostLimiter();
  }

  async load(): Promise<void> {
    this.feeds = await this.deps.repo.list();
    this.changed();
  }

  /** Refreshes due feeds every REFRESH_EVERY_MS while the app is open. */
  startSchedule(): void {
    this.timer ??= setInterval(() => void this.refreshDue(), TICK_MS);
  }

  stopSchedule(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Feeds not asked for REFRESH_EVERY_MS and not backing off after errors. */
  refreshDue(): Promise<ImportReport | undefined> {
    const now = this.now();
    const due = this.feeds.filter((f) => (f.lastFetched ?? 0) + REFRESH_EVERY_MS <= now && (f.retryAt ?? 0) <= now);
    return due.length ? this.refresh(due.map((f) => f.id)) : Promise.resolve(undefined);
  }

  /**
   * Subscribes to a feed by its URL or a site's (autodiscovery), then collects its items. A feed that
   * answers with an error is still added, showing the error. Throws SubscribeError when the address is
   * not a web address, when a page announces no feed, or when the feed is already followed.
   */
  async subscribe(input: string): Promise<FeedRow> {
    const { url, outcome } = await resolveSubscription(this.deps.fetch, this.deps.codec, input);
    if (outcome.kind === 'error' && (outcome.error.code === 'scheme' || outcome.error.code === 'not-a-feed')) {
      throw new SubscribeError(outcome.error.code, outcome.error.message);
    }
    if (this.feeds.some((f) => f.id === url)) throw new SubscribeError('http', 'You already follow this feed.');
    const feed: FeedRow = {
      id: url,
      url,
      title: outcome.kind === 'feed' ? outletOf(outcome.doc, url) : (hostOf(url) ?? url),
      addedAt: this.now(),
      failures: 0,
    };
    await this.deps.repo.put(feed);
    this.feeds = [...this.feeds, feed];
    this.changed();
    // Offline, the refresh waits for the connection and asks again; otherwise the first answer is used.
    const offline = outcome.kind === 'error' && outcome.error.code === 'offline';
    await this.refresh([feed.id], offline ? undefined : new Map([[feed.id, outcome]]));
    return this.feeds.find((f) => f.id === feed.id) ?? feed;
  }

  async unsubscribe(id: string): Promise<void> {
    await this.deps.repo.remove(id);
    this.feeds = this.feeds.filter((f) => f.id !== id);
    this.changed();
  }

  /** The subscription list as an OPML document. */
  exportOpml(title: string): Promise<string> {
    return this.deps.codec.opmlWrite(
      this.feeds.map((f) => ({ url: f.url, title: f.title, ...(f.siteUrl ? { siteUrl: f.siteUrl } : {}) })),
      title,
      this.now(),
    );
  }

  /** Adds the feeds an OPML document lists (those not followed yet) and collects them. Returns how many were added. */
  async importOpml(text: string): Promise<number> {
    const listed = await this.deps.codec.opmlRead(text);
    const at = this.now();
    const added = await this.deps.repo.addNew(
      listed.map((f, i) => ({
        id: f.url,
        url: f.url,
        title: f.title || hostOf(f.url) || f.url,
        addedAt: at + i,
        failures: 0,
        ...(f.siteUrl ? { siteUrl: f.siteUrl } : {}),
      })),
    );
    this.feeds = await this.deps.repo.list();
    this.changed();
    if (added.length) void this.refresh(added.map((f) => f.id));
    return added.length;
  }

  /**
   * Refreshes the feeds (all when `ids` is omitted); refreshes run one after another. Offline, it waits
   * for the connection (status.waitingOffline). Resolves with the import report (undefined when nothing was new).
   * Backoff: "all" (and the schedule) skip a feed backing off after errors (status.resting says so);
   * naming feeds in `ids` is the user asking for those feeds now, which overrides their backoff. A
   * success resets it; another failure lengthens it.
   */
  refresh(ids?: string[], prefetched?: Map<string, FeedOutcome>): Promise<ImportReport | undefined> {
    const run = this.chain.then(() => this.whenOnline()).then(() => this.run(ids, prefetched));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async whenOnline(): Promise<void> {
    if (this.deps.network.online()) return;
    this.setStatus({ waitingOffline: true });
    await new Promise<void>((resolve) => {
      const stop = this.deps.network.onChange(() => {
        if (!this.deps.network.online()) return;
        stop();
        resolve();
      });
    });
    this.setStatus({ waitingOffline: false });
  }

  /**
   * Asks the feeds side by side; each feed's new items go to the import as soon as that feed has
   * answered, so a slow or broken feed delays only itself.
   */
  private async run(
    ids: string[] | undefined,
    prefetched?: Map<string, FeedOutcome>,
  ): Promise<ImportReport | undefined> {
    const now = this.now();
    const listed = ids ? this.feeds.filter((f) => ids.includes(f.id)) : [...this.feeds];
    const resting = ids ? [] : listed.filter((f) => (f.retryAt ?? 0) > now);
    const feeds = listed.filter((f) => !resting.includes(f));
    if (!ids) {
      const until = Math.min(...resting.map((f) => f.retryAt ?? now));
      this.setStatus({ resting: resting.length ? { count: resting.length, until } : undefined });
    }
    if (!feeds.length) return undefined;
    this.setStatus({ refreshing: true });
    const pages = new AsyncQueue<PageItem>();
    const found: Found[] = [];
    // The history names the feeds that brought something; known only as they answer.
    const source = { origin: 'feed' as const, label: '' };
    let importing: Promise<ImportReport> | undefined;
    try {
      await Promise.all(
        feeds.map(async (feed) => {
          const f = await this.askFeed(feed, prefetched?.get(feed.id));
          if (!f?.items.length) return;
          found.push(f);
          const names = found.map((x) => x.feed.title);
          source.label = names.length > 3 ? `${names.slice(0, 3).join('، ')} …` : names.join('، ');
          for (const item of f.items) {
            const page = this.pageOf(f.feed, item);
            pages.push({
              path: `${f.feed.title} — ${item.title ?? item.link ?? f.feed.url}`,
              size: 0,
              page: () => page,
            });
          }
          importing ??= this.deps.collector.start(pages, source);
        }),
      );
      pages.close();
      if (!importing) return undefined;
      const report = await importing;
      if (!report.error && !report.cancelled) await this.markCollected(found);
      this.setStatus({ lastReport: report });
      return report;
    } finally {
      pages.close();
      this.setStatus({ refreshing: false });
    }
  }

  /** Asks one feed (unless its first answer is already here) and records the outcome; returns its unseen items. */
  private async askFeed(feed: FeedRow, known?: FeedOutcome): Promise<Found | undefined> {
    const outcome =
      known ??
      (await this.limiter.run(hostKey(feed.url), () =>
        fetchFeed(this.deps.fetch, this.deps.codec, feed.url, {
          ...(feed.etag ? { etag: feed.etag } : {}),
          ...(feed.lastModified ? { lastModified: feed.lastModified } : {}),
        }),
      ));
    const now = this.now();
    if (outcome.kind === 'error' || outcome.kind === 'page') {
      const error: FeedError =
        outcome.kind === 'page'
          ? { code: 'not-a-feed', message: 'This address now gives a web page, not a feed.', at: now }
          : { ...outcome.error, at: now };
      const failures = feed.failures + 1;
      await this.update(feed.id, {
        lastFetched: now,
        lastError: error,
        failures,
        retryAt: retryAfter(failures, now),
        lastNew: 0,
      });
      return undefined;
    }
    const ok: Partial<FeedRow> = {
      lastFetched: now,
      lastOk: now,
      lastError: undefined,
      failures: 0,
      retryAt: undefined,
      lastNew: 0,
    };
    if (outcome.res.etag) ok.etag = outcome.res.etag;
    if (outcome.res.lastModified) ok.lastModified = outcome.res.lastModified;
    if (outcome.kind === 'not-modified') {
      await this.update(feed.id, ok);
      return undefined;
    }
    const doc = outcome.doc;
    if (doc.siteUrl) ok.siteUrl = doc.siteUrl;
    // A feed added from OPML or before its first answer is named after its host until it says its title.
    if (doc.title && feed.title === (hostOf(feed.url) ?? feed.url)) ok.title = doc.title;
    const seen = await this.deps.repo.seen(feed.id);
    const items = doc.items.filter((i) => !seen.keys.has(itemKey(i)) && !(i.link && seen.links.has(i.link)));
    ok.lastNew = items.length;
    await this.update(feed.id, ok);
    return { feed: this.feeds.find((f) => f.id === feed.id) ?? feed, items: dedupe(items) };
  }

  /**
   * Remembers the items as collected (by key and link), so no later refresh brings them again. In slices
   * with a yield between: one bulkPut of 2,000 rows was a 140 ms main-thread task (profiled in the bench).
   * A refresh cut short between slices only fetches the rest again; the import knows them by content.
   */
  private async markCollected(found: Found[]): Promise<void> {
    const at = this.now();
    const rows: FeedItemRow[] = found.flatMap(({ feed, items }) =>
      items.map((i) => ({ feedId: feed.id, key: itemKey(i), link: i.link ?? '', seenAt: at })),
    );
    for (let i = 0; i < rows.length; i += MARK_SLICE) {
      if (i) await yieldToMain();
      await this.deps.repo.markSeen(rows.slice(i, i + MARK_SLICE));
    }
    for (const { feed, items } of found) {
      const current = this.feeds.find((f) => f.id === feed.id);
      await this.update(feed.id, { collected: (current?.collected ?? 0) + items.length });
    }
  }

  /** Starts fetching the item's page now (through the limiter); resolves with what the worker parses. */
  private pageOf(feed: FeedRow, item: FeedItem): Promise<PageSource> {
    const meta = {
      outlet: feed.title,
      ...(item.title ? { title: item.title } : {}),
      ...(item.html ? { html: item.html } : {}),
      ...(item.published ? { published: item.published } : {}),
      ...(item.author ? { author: item.author } : {}),
    };
    const url = item.link ?? feed.siteUrl ?? feed.url;
    if (!item.link) return Promise.resolve({ url, item: meta });
    return this.limiter
      .run(hostKey(url), () => this.deps.fetch({ url, accept: 'page' }))
      .then((res): PageSource =>
        res.ok && !res.notModified
          ? { url, bytes: res.bytes, ...(res.contentType ? { contentType: res.contentType } : {}), item: meta }
          : { url, fetchError: res.ok ? 'The page answered "not modified".' : res.message, item: meta },
      );
  }

  private async update(id: string, changes: Partial<FeedRow>): Promise<void> {
    await this.deps.repo.update(id, changes);
    this.feeds = this.feeds.map((f) => {
      if (f.id !== id) return f;
      const next = { ...f, ...changes };
      for (const k of Object.keys(changes) as (keyof FeedRow)[]) if (changes[k] === undefined) delete next[k];
      return next;
    });
    this.changed();
  }

  private setStatus(s: Partial<FeedsStatus>): void {
    this.status = { ...this.status, ...s };
    this.changed();
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}

/** Rows written per transaction when marking items collected. */
const MARK_SLICE = 200;

const yieldToMain = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The outlet name new items are stored under: the feed's title, else its site's host. */
function outletOf(doc: FeedDoc, url: string): string {
  return doc.title || hostOf(doc.siteUrl) || hostOf(url) || url;
}

/** Items of one answer without repeats (a feed listing the same item twice). */
function dedupe(items: FeedItem[]): FeedItem[] {
  const keys = new Set<string>();
  return items.filter((i) => {
    const k = itemKey(i);
    if (keys.has(k) || (i.link && keys.has(i.link))) return false;
    keys.add(k);
    if (i.link) keys.add(i.link);
    return true;
  });
}
