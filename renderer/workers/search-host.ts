/**
 * The index lifecycle, as run inside the search worker (and in Node tests):
 *  - start: load the persisted segments instead of rebuilding; a row that fails to decode is
 *    dropped (corrupt), all rows go when the engine's analysis fingerprint changed (version);
 *    then compare with the library's ids: index the missing ones, tombstone the extra ones;
 *  - update: follows library 'change' events without a full rebuild (new segment per batch, merged
 *    with the other small ones once there are more than 8);
 *  - rebuild: builds a new generation while the old one keeps answering, then swaps.
 * Segments are built by a SegmentBuilder (worker pool in the app) and persisted one by one.
 * Work is serialized on a queue; searches never wait for it.
 */
import { decodeSegment } from '../core/search/codec';
import { decodeCompact, encodeCompact } from '../core/search/compact';
import { Lexicon } from '../core/search/lexicon';
import { DEFAULT_SEGMENT_SIZE } from '../core/search/engine';
import { nextMerge } from '../core/search/tiers';
import { analyze } from '../core/search/pipeline';
import type { SearchOptions, SearchResponse, Snippet } from '../core/search/api';
import type { TextRange } from '../core/model';
import type { SearchRepo } from '../storage/search-repo';
import type { SearchStatus } from '../services/search-protocol';
import { IndexState, INDEX_FORMAT, lexiconKey, type Part } from './search-state';
import { mergeEncoded } from './search-build';
import { findAll, snippet } from '../core/search/highlight';

/** Builds one encoded segment from stored article ids (reads their texts itself). */
export interface SegmentBuilder {
  build(ids: string[]): Promise<Uint8Array>;
  /** Merges encoded compact segments into one (in a builder worker); inline when absent. */
  merge?(parts: Uint8Array[]): Promise<Uint8Array>;
  /** How many builds run at once by default. */
  readonly parallel: number;
  /** How many may run at once when a caller asks for more (default: `parallel`). */
  readonly max?: number;
}

// Words that exercise every analysis stage: if the engine's output for them changes, the persisted
// segments were built by another pipeline and must be rebuilt.
const PROBE = 'والتحالف بالتحالف السیطرة أذار تقییماً المؤيدة ١٣٠٠ 34,502 وللمدارس Reuters reported في';

/** Identifies the index format and the analysis pipeline that built it. */
export function indexFingerprint(): string {
  return `${INDEX_FORMAT}|${analyze(PROBE).join(' ')}`;
}

/** Snippet length: about two lines of the result list at the default width. */
const SNIPPET_CHARS = 220;
/** Below this many articles a second builder costs more (worker start, IndexedDB reads) than it saves. */
const PARALLEL_MIN = 1000;
const MAX_DEAD_SHARE = 0.25;

const now = (): number => performance.now();
/** Lets queued messages (searches) run between two steps of a long load. */
const yieldToSearches = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class SearchHost {
  private current: IndexState;
  private queue: Promise<unknown> = Promise.resolve();
  private textCache: { id: string; text: string; bodyStart: number } | null = null;
  status: SearchStatus = {
    state: 'empty',
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

  constructor(
    private readonly repo: SearchRepo,
    private readonly builder: SegmentBuilder,
    private readonly onStatus: (s: SearchStatus) => void = () => {},
    private readonly segmentSize = DEFAULT_SEGMENT_SIZE,
    /** Deletes within this many ms are persisted together (0: at once). */
    private readonly flushDelayMs = 0,
  ) {
    this.current = new IndexState(1);
  }

  /** Loads the persisted index and brings it up to date; resolves when the index is ready. */
  start(): Promise<void> {
    return this.enqueue(async () => {
      // The library's ids are read while the segments load (the backend walks the keys while this thread
      // decodes); changes after this read arrive as update() calls queued behind start().
      const archive = this.repo.articleIds();
      archive.catch(() => {});
      const reason = await this.load();
      await this.reconcile(reason, await archive);
    });
  }

  /** Follows a library change: indexes `added`, tombstones `removed`, persists the delta. */
  update(added: readonly string[], removed: readonly string[]): Promise<void> {
    return this.enqueue(async () => {
      if (removed.length) await this.current.remove(removed, this.repo);
      this.scheduleFlush();
      const fresh = added.filter((id) => !this.current.index.has(id));
      if (fresh.length) await this.buildInto(this.current, fresh, 'added');
      await this.mergeTiers();
      await this.compactDeleted();
      this.setStatus({ state: 'ready', segments: this.current.parts.length });
    });
  }

  /** Builds a whole new index from the articles while the current one keeps answering. */
  rebuild(builders = this.builder.parallel): Promise<void> {
    return this.enqueue(async () => {
      const old = this.current;
      const next = new IndexState(old.gen + 1);
      await this.buildInto(next, await this.repo.articleIds(), 'forced', builders);
      await this.mergeTiers(next);
      this.current = next;
      await this.repo.setMeta('generation', next.gen);
      await this.repo.deleteSegments(old.parts.map((p) => p.key));
      await this.repo.deleteMeta(lexiconKey(old.gen));
      this.setStatus({ state: 'ready', segments: next.parts.length });
    });
  }

  search(query: string, options: SearchOptions): SearchResponse {
    return this.current.index.search(query, options);
  }

  /** Snippets around the best hit of each article (missing articles are left out). */
  async snippets(ids: readonly string[], query: string, strict: boolean): Promise<Record<string, Snippet>> {
    const out: Record<string, Snippet> = {};
    for (const id of ids) {
      const t = await this.text(id);
      if (t) out[id] = snippet(t.text, query, { strict, from: t.bodyStart, maxChars: SNIPPET_CHARS });
    }
    return out;
  }

  /** Every hit of the query in one article (offsets into its stored text); empty when it is gone. */
  async findAll(id: string, query: string, strict: boolean): Promise<TextRange[]> {
    const t = await this.text(id);
    return t ? findAll(t.text, query, { strict }) : [];
  }

  private async text(id: string) {
    if (this.textCache?.id === id) return this.textCache;
    const t = await this.repo.text(id);
    if (!t) return undefined;
    this.textCache = { id, text: t.text, bodyStart: t.paragraphs[0]?.start ?? 0 };
    return this.textCache;
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task).catch((e: unknown) => {
      this.setStatus({ state: 'error', message: (e as Error)?.message ?? String(e) });
      throw e;
    });
    this.queue = run.catch(() => {});
    return run;
  }

  /**
   * Loads what decodes, newest segment first and one row at a time, yielding between rows so
   * searches answer from what is loaded (status 'loading', done/total segments). Returns why a
   * build is needed ('' when none is known yet).
   */
  private async load(): Promise<string> {
    const t0 = now();
    this.setStatus({ state: 'loading', done: 0, total: 0 });
    const fingerprint = indexFingerprint();
    // Independent small reads at once: each is a round trip through the one IndexedDB backend queue.
    const [allKeys, storedFingerprint, storedGen] = await Promise.all([
      this.repo.segmentIds(),
      this.repo.getMeta<string>('fingerprint'),
      this.repo.getMeta<number>('generation'),
    ]);
    let keys = allKeys;
    let reason = keys.length === 0 ? 'missing' : '';
    if (keys.length && storedFingerprint !== fingerprint) {
      await this.repo.clear();
      keys = [];
      reason = 'version';
    }
    const gen = storedGen ?? 1;
    const bad = keys.filter((k) => !k.startsWith(`g${gen}-`)); // left by an interrupted rebuild
    let mine = keys.filter((k) => k.startsWith(`g${gen}-`)).reverse();
    // The newest segment is read while the lexicon is decoded, and each next one while the current one
    // is decoded and added (reads wait on the backend and the disk, decoding on this thread).
    const read = (i: number) => {
      const p = i < mine.length ? this.repo.segment(mine[i]!) : Promise.resolve(undefined);
      p.catch(() => {});
      return p;
    };
    let next = read(0);
    const [lexicon] = await Promise.all([this.loadLexicon(gen), this.repo.deleteMeta(lexiconKey(gen + 1))]);
    if (mine.length && !lexicon) {
      bad.push(...mine);
      mine = [];
      reason = 'corrupt';
    }
    this.current = new IndexState(gen, lexicon);
    let done = 0;
    for (let i = 0; i < mine.length; i++) {
      const row = await next;
      next = read(i + 1);
      if (!row) continue;
      try {
        const bytes = typeof row.data === 'string' ? new TextEncoder().encode(row.data) : new Uint8Array(row.data);
        this.current.add(row.id, decodeCompact(bytes), true);
      } catch {
        bad.push(row.id);
        reason = 'corrupt';
      }
      this.setStatus({
        state: 'loading',
        done: ++done,
        total: mine.length,
        loaded: this.current.index.size,
        segments: this.current.parts.length,
      });
      await yieldToSearches();
    }
    await this.repo.deleteSegments(bad);
    await this.current.dropEmpty(this.repo);
    if (storedFingerprint !== fingerprint) await this.repo.setMeta('fingerprint', fingerprint);
    // A version change cleared every meta row, the generation's too.
    if (storedGen !== gen || reason === 'version') await this.repo.setMeta('generation', gen);
    this.setStatus({ loaded: this.current.index.size, loadMs: now() - t0, segments: this.current.parts.length });
    return reason;
  }

  private async loadLexicon(gen: number): Promise<Lexicon | undefined> {
    const stored = await this.repo.getMeta<ArrayBuffer>(lexiconKey(gen));
    try {
      return stored ? Lexicon.decode(new Uint8Array(stored)) : undefined;
    } catch {
      return undefined;
    }
  }

  private async reconcile(reason: string, archive: readonly string[]): Promise<void> {
    const { missing, extra } = this.current.index.staleness(archive);
    if (extra.length) await this.current.remove(extra, this.repo);
    await this.current.flush(this.repo);
    if (missing.length) await this.buildInto(this.current, missing, reason || 'stale');
    this.setStatus({ state: 'ready', segments: this.current.parts.length });
    await this.mergeTiers();
    this.setStatus({ segments: this.current.parts.length });
  }

  /** Builds `ids` into segments (in parallel), adding and persisting each as it arrives. */
  private async buildInto(
    target: IndexState,
    ids: readonly string[],
    reason: string,
    builders = this.builder.parallel,
  ): Promise<void> {
    const t0 = now();
    const parallel = Math.max(1, Math.min(builders, this.builder.max ?? this.builder.parallel));
    // Equal chunks, at least one per builder once there is enough work for both cores to pay off.
    const count = Math.max(Math.ceil(ids.length / this.segmentSize), ids.length >= PARALLEL_MIN ? parallel : 1);
    const size = Math.ceil(ids.length / count);
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += size) chunks.push(ids.slice(i, i + size));
    let done = 0;
    this.setStatus({ state: 'building', done, total: ids.length, reason });
    const worker = async (): Promise<void> => {
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
        const built = decodeSegment(await this.builder.build(chunk));
        const key = target.nextKey();
        const part = target.adopt(key, built);
        await target.saveLexicon(this.repo);
        await this.repo.putSegment(target.row(key, encodeCompact(part.seg), part.seg.data.ids));
        done += chunk.length;
        this.setStatus({ done, built: this.status.built + chunk.length, segments: target.parts.length });
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, chunks.length) }, worker));
    this.setStatus({ buildMs: now() - t0 });
  }

  /** Tiered merges (core/search/tiers.ts), each in a builder worker on the compact form. */
  private async mergeTiers(target: IndexState = this.current): Promise<void> {
    for (
      let group = nextMerge(target.parts.map((p) => target.live(p).length));
      group;
      group = nextMerge(target.parts.map((p) => target.live(p).length))
    ) {
      await this.mergeParts(
        target,
        group.map((i) => target.parts[i]!),
      );
    }
  }

  private async mergeParts(target: IndexState, parts: Part[]): Promise<void> {
    const blobs = parts.map((p) => encodeCompact(p.seg));
    const bytes = this.builder.merge ? await this.builder.merge(blobs) : mergeEncoded(blobs);
    const merged = decodeCompact(bytes);
    const key = target.nextKey();
    // Deletions that arrived meanwhile were queued behind this task, so the merged copy is current.
    const part = target.add(key, merged);
    await this.repo.putSegment(target.row(key, bytes, part.seg.data.ids));
    await target.dropEmpty(this.repo);
  }

  private flushTimer: ReturnType<typeof setTimeout> | undefined;

  private scheduleFlush(): void {
    if (!this.current.hasDirty) return;
    clearTimeout(this.flushTimer);
    const flush = () => void this.enqueue(() => this.current.flush(this.repo)).catch(() => {});
    if (this.flushDelayMs === 0) flush();
    else this.flushTimer = setTimeout(flush, this.flushDelayMs);
  }

  /** Rebuilds segments where more than a quarter of the documents were deleted (their postings still cost). */
  private async compactDeleted(): Promise<void> {
    const worn = this.current.parts.filter(
      (p) => this.current.live(p).length < p.seg.data.ids.length * (1 - MAX_DEAD_SHARE),
    );
    for (const p of worn) {
      const live = this.current.live(p);
      if (live.length) await this.buildInto(this.current, live, 'compact');
    }
    if (worn.length) await this.current.dropEmpty(this.repo);
  }

  private setStatus(patch: Partial<SearchStatus>): void {
    this.status = { ...this.status, ...patch, size: this.current.index.size };
    if (patch.state === 'ready' || patch.state === 'loading') this.status.message = undefined;
    this.onStatus({ ...this.status });
  }
}
