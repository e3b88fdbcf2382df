/**
 * The sidebar's counts: articles, notes, bookmarks, articles per outlet, items per tag. Read from storage
 * indexes (storage/counts-repo.ts), cached, and read again only after the library, the annotations or the
 * stories change; a burst of changes (an import's batches) is read once per COALESCE_MS.
 *
 * Events: 'change' when the cached counts are stale (read them again with `sidebar()`).
 */
import type { CountsRepo, SidebarCountRows } from '../storage/counts-repo';

export interface SidebarCounts {
  articles: number;
  annotations: number;
  bookmarks: number;
  /** Outlets by article count, largest first (ties by id). */
  outlets: { id: string; count: number }[];
  /** Tags by use, most used first (ties alphabetically). */
  tags: { tag: string; count: number }[];
}

/** One re-read per this many ms while changes keep arriving (an import announces every batch). */
const COALESCE_MS = 1000;

function sorted(rows: SidebarCountRows): SidebarCounts {
  const byCount = <K extends string>(m: Map<string, number>, key: K) =>
    [...m]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([k, count]) => ({ [key]: k, count }) as Record<K, string> & { count: number });
  return {
    articles: rows.articles,
    annotations: rows.annotations,
    bookmarks: rows.bookmarks,
    outlets: byCount(rows.outlets, 'id'),
    tags: byCount(rows.tags, 'tag'),
  };
}

export class CountsService extends EventTarget {
  private cached: Promise<SidebarCounts> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastRead = -Infinity;
  private gate: Promise<void> = Promise.resolve();

  /** `sources`: services whose 'change' makes the counts stale (library, annotations, stories). */
  constructor(
    private readonly repo: CountsRepo,
    sources: EventTarget[],
    private readonly now: () => number = () => Date.now(),
  ) {
    super();
    for (const s of sources) s.addEventListener('change', this.stale);
  }

  /**
   * Holds the first read until `gate` settles (start-up: the counts scan every article's index entries,
   * which would queue the search index's reads behind them).
   */
  holdUntil(gate: Promise<unknown>): void {
    this.gate = gate.then(
      () => {},
      () => {},
    );
  }

  /** The counts (cached until a change). Rejects with StorageError. */
  sidebar(): Promise<SidebarCounts> {
    if (!this.cached) {
      this.lastRead = this.now();
      this.cached = this.gate.then(() => this.repo.sidebar()).then(sorted);
      this.cached.catch(() => (this.cached = null));
    }
    return this.cached;
  }

  private readonly stale = (): void => {
    if (this.timer) return;
    const wait = Math.max(0, this.lastRead + COALESCE_MS - this.now());
    const fire = () => {
      this.timer = null;
      this.cached = null;
      this.dispatchEvent(new Event('change'));
    };
    if (wait === 0) fire();
    else this.timer = setTimeout(fire, wait);
  };
}
