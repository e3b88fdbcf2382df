/**
 * ImportService: runs an import in a worker (services/import-pipeline.ts does the work there), feeds it
 * the picked files a few at a time, follows its progress, keeps the library in step, and produces the
 * final report. Emits 'change' (plain Event) whenever `state` changes.
 *
 * Library updates: the metas of each committed batch go to `library.addMetas`, announced while the
 * import is small (LIVE_LIMIT); past that, metas are added silently and one 'change' goes out at the end, so a
 * 30,000-article archive does not make the page re-read metas batch after batch.
 */
import type { ArticleMeta } from '../core/model';
import type { PickedFile } from '../platform/platform';
import type { LibraryService, LibraryChange } from './library';
import {
  BYTES_AHEAD,
  FILES_AHEAD,
  type FromWorker,
  type ImportIssue,
  type ImportProgress,
  type ImportReport,
  type IssueKind,
  type PageSource,
  type ToWorker,
} from './import-protocol';

export type { ImportIssue, ImportProgress, ImportReport, PageSource } from './import-protocol';

/** A web page to import (collect): `page()` resolves with it fetched (the fetch may already be under way). */
export interface PageItem {
  path: string;
  /** Expected bytes, for progress (0 when unknown). */
  size: number;
  page(): Promise<PageSource>;
}

export type ImportItem = PickedFile | PageItem;

/** Where an import came from, for the import history. */
export interface ImportSource {
  origin: 'files' | 'folder' | 'drop' | 'link' | 'feed' | 'watch';
  label: string;
}

/** The part of a Worker the service uses (tests pass an in-process fake). */
export interface ImportWorker {
  postMessage(m: ToWorker, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export interface ImportState {
  phase: 'idle' | 'running' | 'done';
  progress: ImportProgress;
  /** Set once the import is over (phase 'done'). */
  report?: ImportReport;
  cancelling: boolean;
  /** What the running (or last) import came from. */
  source?: ImportSource;
}

// Up to this many added articles the library is refreshed batch by batch; beyond, once at the end (the
// list holds its rows meanwhile: each live refresh redraws the rows on screen, ~40 ms of main-thread
// work, issue 12). Batches are 300 articles: a few files or a small folder stay live.
const LIVE_LIMIT = 500;
// Picked files this large are a bulk import from the first batch (~1,500 news articles of text).
const BULK_BYTES = 5_000_000;

const emptyProgress = (given: ImportItem[] | AsyncIterable<ImportItem>): ImportProgress => {
  const files = Array.isArray(given) ? given : [];
  return {
    filesDone: 0,
    filesTotal: files.length,
    currentFile: '',
    imported: 0,
    duplicates: 0,
    editions: 0,
    failed: 0,
    bytesDone: 0,
    bytesTotal: files.reduce((s, f) => s + f.size, 0),
  };
};

export class ImportService extends EventTarget {
  state: ImportState = { phase: 'idle', progress: emptyProgress([]), cancelling: false };
  private worker: ImportWorker | null = null;
  private credits: (() => void) | null = null;
  private outstanding = 0;
  private outstandingBytes = 0;
  private sizes: number[] = [];
  private issues: Record<IssueKind, ImportIssue[]> = { failed: [], skipped: [], warnings: [], editionsOf: [] };
  private added = 0;
  private deferred: string[] = [];
  /**
   * Story detection's channel for one import (null when detection is not running): the import worker
   * sends each committed batch's texts on it, straight to the detection worker.
   */
  storiesPort: (() => MessagePort | null) | null = null;

  constructor(
    private readonly library: LibraryService,
    private readonly createWorker: () => ImportWorker,
  ) {
    super();
  }

  get running(): boolean {
    return this.state.phase === 'running';
  }

  /**
   * True while a running import adds its articles silently (past LIVE_LIMIT articles, or from the start
   * when the picked files pass BULK_BYTES): the library is told once, at the end, and views that rebuild
   * from it may hold until then.
   */
  get bulk(): boolean {
    return this.running && (this.added > LIVE_LIMIT || this.state.progress.bytesTotal > BULK_BYTES);
  }

  /**
   * Imports the files and resolves with the report (never rejects: a storage failure ends the import
   * early and is named in `report.error`). Throws at once if an import is already running.
   */
  start(files: ImportItem[] | AsyncIterable<ImportItem>, source?: ImportSource): Promise<ImportReport> {
    if (this.running) throw new Error('An import is already running.');
    this.reset(files, source);
    const worker = this.createWorker();
    this.worker = worker;
    return new Promise<ImportReport>((resolve) => {
      worker.onmessage = (e) => this.onMessage(e.data, resolve);
      // A script that fails to load gives an ErrorEvent without a message.
      worker.onerror = (e) =>
        this.finish(
          this.fallbackReport({
            problem: 'unknown',
            message:
              e.message ||
              'The import worker could not start or stopped unexpectedly; reload the window and try again.',
          }),
          resolve,
        );
      const stories = this.storiesPort?.() ?? undefined;
      worker.postMessage(
        {
          type: 'start',
          filesTotal: Array.isArray(files) ? files.length : 0,
          bytesTotal: this.state.progress.bytesTotal,
          importedAt: Date.now(),
          stories,
        },
        stories ? [stories] : [],
      );
      void this.feed(files);
    });
  }

  /** Asks the worker to stop after the batch it is storing; the report follows with `cancelled`. */
  cancel(): void {
    if (!this.running || this.state.cancelling) return;
    this.state = { ...this.state, cancelling: true };
    this.worker?.postMessage({ type: 'cancel' });
    this.credits?.();
    this.changed();
  }

  /** Forgets the last report (the dialog was closed). */
  dismiss(): void {
    if (this.running) return;
    this.state = { phase: 'idle', progress: this.state.progress, cancelling: false };
    this.changed();
  }

  private reset(files: ImportItem[] | AsyncIterable<ImportItem>, source?: ImportSource): void {
    this.state = { phase: 'running', progress: emptyProgress(files), cancelling: false, ...(source ? { source } : {}) };
    this.issues = { failed: [], skipped: [], warnings: [], editionsOf: [] };
    this.outstanding = 0;
    this.outstandingBytes = 0;
    this.sizes = [];
    this.added = 0;
    this.deferred = [];
    this.changed();
  }

  /**
   * Hands files to the worker, at most FILES_AHEAD / BYTES_AHEAD ahead of it (Electron reads files whole).
   * A stream (feed pages as their feeds answer) is fed as items arrive.
   */
  private async feed(files: ImportItem[] | AsyncIterable<ImportItem>): Promise<void> {
    let index = 0;
    for await (const f of files) {
      while (this.full(f.size) && !this.state.cancelling)
        await new Promise<void>((r) => {
          this.credits = r;
        });
      if (this.state.cancelling || !this.worker) break;
      this.sizes[index] = f.size;
      this.outstanding++;
      this.outstandingBytes += f.size;
      try {
        if ('page' in f) {
          const page = await f.page();
          if (!this.worker) break;
          // The fetched bytes move to the worker (transferred, not copied): nothing here reads them again.
          const bytes = page.bytes?.buffer;
          this.worker.postMessage(
            { type: 'page', index, path: f.path, page },
            bytes instanceof ArrayBuffer && bytes.byteLength ? [bytes] : [],
          );
        } else {
          this.worker.postMessage({ type: 'file', index, path: f.path, blob: await f.blob() });
        }
      } catch (e) {
        this.worker?.postMessage({
          type: 'file-error',
          index,
          path: f.path,
          reason: `The file could not be read (${(e as Error)?.message ?? e}).`,
        });
      }
      index++;
    }
    this.worker?.postMessage({ type: 'end' });
  }

  private full(nextSize: number): boolean {
    if (this.outstanding === 0) return false;
    return this.outstanding >= FILES_AHEAD || this.outstandingBytes + nextSize > BYTES_AHEAD;
  }

  private onMessage(m: FromWorker, resolve: (r: ImportReport) => void): void {
    switch (m.type) {
      case 'progress':
        this.state = { ...this.state, progress: m.progress };
        this.changed();
        break;
      case 'file-done':
        this.outstanding--;
        this.outstandingBytes -= this.sizes[m.index] ?? 0;
        this.credits?.();
        break;
      case 'issue':
        this.issues[m.kind].push(m.issue);
        break;
      case 'added':
        this.announce(m.metas);
        break;
      // An edition changes the article's outlets: the search index's source field follows.
      case 'updated':
        this.library.patchMetas(m.metas, { reindex: true });
        break;
      case 'done':
        this.finish(m.report, resolve);
        break;
      case 'fatal':
        this.finish(this.fallbackReport({ problem: m.problem ?? 'unknown', message: m.message }), resolve);
        break;
    }
  }

  /** The worker sends the metas it stored, so the page never re-reads them from the database. */
  private announce(metas: ArticleMeta[]): void {
    this.added += metas.length;
    const live = !this.bulk;
    this.library.addMetas(metas, { announce: live });
    if (!live) this.deferred.push(...metas.map((m) => m.id));
  }

  /** The report from what the page saw, when the worker could not send its own. */
  private fallbackReport(error: { problem: string; message: string }): ImportReport {
    const p = this.state.progress;
    return {
      imported: p.imported,
      duplicates: p.duplicates,
      editions: p.editions,
      editionsOf: this.issues.editionsOf,
      failed: this.issues.failed,
      skipped: this.issues.skipped,
      warnings: this.issues.warnings,
      cancelled: this.state.cancelling,
      unlisted: 0,
      startedAt: Date.now(),
      finishedAt: Date.now(),
      error,
    };
  }

  private async finish(report: ImportReport, resolve: (r: ImportReport) => void): Promise<void> {
    if (!this.worker) return; // already finishing (a 'fatal' followed by the worker's error event)
    this.worker.terminate();
    this.worker = null;
    this.credits?.();
    if (this.deferred.length) {
      const detail: LibraryChange = { added: this.deferred, removed: [] };
      this.deferred = [];
      // The metas are already in the library (added silently); one 'change' tells the list and the search index.
      this.library.announce(detail);
      // The report opens in a task of its own: the announcement's listeners had this one (issue 12).
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
    this.state = {
      phase: 'done',
      progress: this.state.progress,
      report,
      cancelling: false,
      ...(this.state.source ? { source: this.state.source } : {}),
    };
    this.changed();
    resolve(report);
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
