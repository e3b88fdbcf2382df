/**
 * SearchService: the main thread's handle on the search worker (which owns the index). Queries,
 * snippets and in-article hits are messages; the worker's status arrives as 'status' events
 * (CustomEvent<SearchStatus>). Follows the library's 'change' events so imports and deletes reach
 * the index without a rebuild. Nothing heavy runs on the main thread.
 */
import type { TextRange } from '../core/model';
import type { SearchOptions, SearchResponse, Snippet } from '../core/search/api';
import type { LibraryChange, LibraryService } from './library';
import type { ReplyMessage, SearchPort, SearchRequest, SearchResult, SearchStatus } from './search-protocol';
import { IdPost, ID_SLICE } from './id-post';

export type { SearchStatus };

/** The rejection of a search replaced by a newer one before it answered. */
export class SupersededError extends Error {
  constructor() {
    super('superseded');
    this.name = 'AbortError';
  }
}

/** True for the rejection of a superseded search (callers ignore it). */
export function isSuperseded(e: unknown): boolean {
  return e instanceof SupersededError;
}

interface Pending {
  resolve: (r: SearchResult) => void;
  reject: (e: Error) => void;
}

export class SearchService extends EventTarget {
  status: SearchStatus = {
    state: 'loading',
    done: 0,
    total: 0,
    size: 0,
    loaded: 0,
    built: 0,
    segments: 0,
    loadMs: 0,
    reason: '',
    buildMs: 0,
  };
  private port: SearchPort | null = null;
  private seq = 0;
  private pending = new Map<number, Pending>();
  private inFlightSearch = 0;

  constructor(
    private readonly library: LibraryService,
    private readonly connect: () => SearchPort,
  ) {
    super();
  }

  /** Starts the worker (it loads or builds the index) and follows the library. */
  start(): void {
    if (this.port) return;
    const port = this.connect();
    port.addEventListener('message', (e) => this.onReply(e.data));
    port.onerror = (e: ErrorEvent) => {
      // The worker did not start (missing file, CSP): say so instead of "loading" for ever.
      const message = e.message || 'search worker failed';
      this.onReply({ seq: 0, status: { ...this.status, state: 'error', message } });
    };
    this.port = port;
    this.library.addEventListener('change', this.onLibrary);
  }

  /**
   * Resolves once the worker has finished reading the stored index: the status left 'loading'
   * (ready, building what is missing, or error). Start-up holds its other bulk IndexedDB reads until
   * then, so the index's reads do not queue behind them (docs/decisions/start-up.md).
   */
  loaded(): Promise<void> {
    return new Promise((resolve) => {
      const check = (): void => {
        if (!this.port || this.status.state === 'loading') return;
        this.removeEventListener('status', check);
        resolve();
      };
      this.addEventListener('status', check);
      check();
    });
  }

  /** Stops the worker; pending requests reject. */
  dispose(): void {
    this.library.removeEventListener('change', this.onLibrary);
    this.port?.terminate?.();
    this.port = null;
    for (const p of this.pending.values()) p.reject(new Error('search stopped'));
    this.pending.clear();
  }

  /**
   * Runs a query in the worker. A newer call supersedes this one: its promise then rejects with
   * SupersededError (see isSuperseded). Never rejects for a bad query (see `warnings`).
   */
  search(query: string, options: SearchOptions = {}): Promise<SearchResponse> {
    const previous = this.pending.get(this.inFlightSearch);
    if (previous) {
      this.pending.delete(this.inFlightSearch);
      previous.reject(new SupersededError());
    }
    const { seq, promise } = this.request({
      type: 'search',
      query,
      options: {
        ...options,
        within: options.within ? [...options.within] : undefined,
        narrow: options.narrow ? [...options.narrow] : undefined,
      },
    });
    this.inFlightSearch = seq;
    // The index's outlet field carries every name `source:` matches; a hit shows the article's own outlet.
    return (promise as Promise<SearchResponse>).then((r) => ({
      ...r,
      hits: r.hits.map((h) => ({ ...h, outlet: this.library.meta(h.id)?.outlet ?? h.outlet })),
    }));
  }

  /** Snippets around the best hit for each id (ids no longer stored are missing from the result). */
  snippets(ids: readonly string[], query: string, strict = false): Promise<Record<string, Snippet>> {
    return this.request({ type: 'snippets', ids: [...ids], query, strict }).promise as Promise<Record<string, Snippet>>;
  }

  /** The snippet for one article, or undefined when it is gone. */
  async snippet(id: string, query: string, strict = false): Promise<Snippet | undefined> {
    return (await this.snippets([id], query, strict))[id];
  }

  /** Every hit of `query` in the article (offsets into its stored text, same folding as search). */
  hits(id: string, query: string, strict = false): Promise<TextRange[]> {
    return this.request({ type: 'findAll', id, query, strict }).promise as Promise<TextRange[]>;
  }

  /**
   * Rebuilds the whole index in the background (search keeps answering from the old one);
   * `builders` caps the builder workers (default: two, one per core). Resolves once started.
   */
  async rebuild(options: { builders?: number } = {}): Promise<void> {
    await this.request({ type: 'rebuild', ...options }).promise;
  }

  private onLibrary = (e: Event): void => {
    const { added, removed, updated = [] } = (e as CustomEvent<LibraryChange>).detail;
    // An updated article is re-read: tombstoned, then indexed again from storage.
    const gone = updated.length ? [...removed, ...updated] : removed;
    const fresh = updated.length ? [...added, ...updated] : added;
    if (!fresh.length && !gone.length) return;
    if (fresh.length + gone.length <= ID_SLICE) this.updates.push({ type: 'update', added: fresh, removed: gone });
    else {
      if (gone.length) this.updates.send(gone, (ids) => ({ type: 'update', added: [], removed: ids }));
      if (fresh.length) this.updates.send(fresh, (ids) => ({ type: 'update', added: ids, removed: [] }));
    }
  };

  /** Library changes go to the worker a slice of ids per task, in order (id-post.ts). */
  private readonly updates = new IdPost<SearchRequest>((req) => void this.request(req).promise.catch(() => {}));

  private request(req: SearchRequest): { seq: number; promise: Promise<SearchResult> } {
    const seq = ++this.seq;
    const promise = new Promise<SearchResult>((resolve, reject) => {
      if (!this.port) return reject(new Error('search not started'));
      this.pending.set(seq, { resolve, reject });
      this.port.postMessage({ seq, req });
    });
    return { seq, promise };
  }

  private onReply(msg: ReplyMessage): void {
    if ('status' in msg) {
      this.status = msg.status;
      this.dispatchEvent(new CustomEvent<SearchStatus>('status', { detail: msg.status }));
      return;
    }
    const p = this.pending.get(msg.seq);
    if (!p) return;
    this.pending.delete(msg.seq);
    if (msg.ok) p.resolve(msg.result);
    else p.reject(msg.superseded ? new SupersededError() : new Error(msg.error));
  }
}
