/**
 * The import itself, as the worker runs it: files arrive one message at a time, each is detected,
 * parsed and hashed, and articles are stored in batches — each batch one `putMany` transaction, so a
 * crash or a cancel leaves only whole articles and re-running adds only what is missing.
 * Runs in Node tests too (fake-indexeddb): nothing here needs a DOM.
 */
import type { ParsedArticle } from '../core/model';
import { editionId } from '../core/stories/editions';
import { storyBody } from '../core/stories/body';
import { contentId, toArticle } from '../core/article/identity';
import type { ArticlesRepo } from '../storage/articles-repo';
import { toStorageError } from '../storage/errors';
import type { BodiesMessage } from './stories-protocol';
import type { FromWorker, ImportIssue, ImportProgress, ImportReport, IssueKind, ToWorker } from './import-protocol';
import { importFile, type FileSink } from './import-file';
import { importPage } from './import-page';

export interface PipelineOptions {
  /** Articles per transaction: 300 keeps a batch to a few MB for news-sized articles. */
  batchSize?: number;
  /** Characters of text per transaction, so a batch of long texts stays bounded (8 M ≈ 16 MB). */
  batchChars?: number;
  /** Minimum ms between progress messages (10 a second). */
  progressEveryMs?: number;
  /** Failures listed in the report; more are only counted (an archive of 100,000 bad lines). */
  maxListed?: number;
}

type FileMsg = Extract<ToWorker, { type: 'file' | 'file-error' | 'page' }>;

export class ImportPipeline implements FileSink {
  private readonly opts: Required<PipelineOptions>;
  /** Story detection's end of the bodies channel (from `start`), when detection runs. */
  private stories: MessagePort | null = null;
  private readonly queue: FileMsg[] = [];
  private wake: (() => void) | null = null;
  private ended = false;
  private batch: { article: ParsedArticle; path: string; record?: number }[] = [];
  private batchChars = 0;
  private importedAt = 0;
  private seq = 0;
  private lastProgress = 0;
  cancelled = false;
  readonly progress: ImportProgress = {
    filesDone: 0,
    filesTotal: 0,
    currentFile: '',
    imported: 0,
    duplicates: 0,
    editions: 0,
    failed: 0,
    bytesDone: 0,
    bytesTotal: 0,
  };
  private readonly report: ImportReport = {
    imported: 0,
    duplicates: 0,
    editions: 0,
    editionsOf: [],
    failed: [],
    skipped: [],
    warnings: [],
    cancelled: false,
    unlisted: 0,
    startedAt: 0,
    finishedAt: 0,
  };

  constructor(
    private readonly repo: Pick<ArticlesRepo, 'putMany'>,
    private readonly post: (m: FromWorker) => void,
    opts: PipelineOptions = {},
  ) {
    this.opts = { batchSize: 300, batchChars: 8_000_000, progressEveryMs: 100, maxListed: 500, ...opts };
  }

  /** Takes one message from the page. */
  handle(msg: ToWorker): void {
    if (msg.type === 'start') {
      this.progress.filesTotal = msg.filesTotal;
      this.progress.bytesTotal = msg.bytesTotal;
      this.importedAt = msg.importedAt;
      this.report.startedAt = msg.importedAt;
      this.stories = msg.stories ?? null;
    } else if (msg.type === 'cancel') {
      this.cancelled = true;
    } else if (msg.type === 'end') {
      this.ended = true;
    } else {
      this.queue.push(msg);
    }
    this.wake?.();
  }

  /** Processes files until `end` (or a cancel), then posts `done` — or `fatal` when storage gives out. */
  async run(): Promise<void> {
    try {
      for (let msg = await this.next(); msg && !this.cancelled; msg = await this.next()) {
        await this.processOne(msg);
        this.post({ type: 'file-done', index: msg.index });
      }
      if (!this.cancelled) await this.flush();
      this.report.cancelled = this.cancelled;
      this.report.finishedAt = Date.now();
      this.sendProgress(true);
      this.stories?.close();
      this.post({
        type: 'done',
        report: {
          ...this.report,
          imported: this.progress.imported,
          duplicates: this.progress.duplicates,
          editions: this.progress.editions,
        },
      });
    } catch (e) {
      const err = toStorageError(e);
      this.post({ type: 'fatal', message: err.detail, problem: err.problem });
    }
  }

  private async next(): Promise<FileMsg | undefined> {
    while (!this.queue.length && !this.ended && !this.cancelled) {
      await new Promise<void>((r) => {
        this.wake = r;
      });
      this.wake = null;
    }
    return this.cancelled ? undefined : this.queue.shift();
  }

  private async processOne(msg: FileMsg): Promise<void> {
    this.progress.currentFile = msg.path;
    this.sendProgress(true);
    const before = this.progress.bytesDone;
    if (msg.type === 'file-error') this.issue('failed', { path: msg.path, code: 'read', reason: msg.reason });
    else if (msg.type === 'page') await importPage(msg.path, msg.page, this);
    else await importFile(msg.path, msg.blob, this);
    // Whatever the file's reader counted, a finished file counts whole.
    this.progress.bytesDone =
      before + (msg.type === 'file' ? msg.blob.size : msg.type === 'page' ? (msg.page.bytes?.byteLength ?? 0) : 0);
    this.progress.filesDone++;
    this.sendProgress(false);
  }

  // ---- FileSink: what importFile calls back ----

  /** Queues a parsed article; stores the batch when it is full. Rejects on a fatal storage error. */
  async article(article: ParsedArticle, path: string, record?: number): Promise<void> {
    this.batch.push(record === undefined ? { article, path } : { article, path, record });
    this.batchChars += article.text.length;
    if (this.batch.length >= this.opts.batchSize || this.batchChars >= this.opts.batchChars) await this.flush();
  }

  /** Records a failure or a skip (counted always, listed up to `maxListed`). */
  issue(kind: IssueKind, issue: ImportIssue): void {
    const list = (this.report[kind] ??= []);
    if (kind === 'failed') this.progress.failed++;
    if (list.length >= this.opts.maxListed) {
      this.report.unlisted++;
      const by = (this.report.unlistedBy ??= {});
      by[kind] = (by[kind] ?? 0) + 1;
      return;
    }
    list.push(issue);
    this.post({ type: 'issue', kind, issue });
  }

  bytes(n: number): void {
    this.progress.bytesDone += n;
    this.sendProgress(false);
  }

  /** Stores the pending batch in one transaction. Quota/closed errors are fatal; others fail the batch's files. */
  private async flush(): Promise<void> {
    if (!this.batch.length) return;
    const items = this.batch;
    this.batch = [];
    this.batchChars = 0;
    const ids = await Promise.all(items.map((i) => contentId(i.article)));
    const stored = items.map((it, k) => ({
      ...toArticle(it.article, ids[k]!, this.importedAt + this.seq++),
      record: it.record,
    }));
    try {
      const { added, metas, skipped, editions } = await this.repo.putMany(stored);
      this.progress.imported += added.length;
      this.progress.duplicates += skipped.length;
      this.progress.editions = (this.progress.editions ?? 0) + editions.length;
      if (added.length) {
        if (this.stories) {
          const texts = new Map(stored.map((s) => [s.meta.id, s.text]));
          const bodies = metas.map((m) => storyBody(m.id, m.title, m.importedAt, texts.get(m.id)!));
          const message: BodiesMessage = { type: 'bodies', bodies };
          this.stories.postMessage(message);
        }
        this.post({ type: 'added', metas });
      }
      const fresh = new Set(added);
      const updated = new Map(editions.filter((e) => !fresh.has(e.meta.id)).map((e) => [e.meta.id, e.meta]));
      if (updated.size) this.post({ type: 'updated', metas: [...updated.values()] });
      const pathOf = new Map(stored.map((s, k) => [editionId(s.meta.id, s.meta.outlet, s.meta.url), items[k]!.path]));
      for (const { edition, meta } of editions) {
        const issue: ImportIssue = {
          path: pathOf.get(edition.id) ?? edition.source.name ?? '',
          code: 'edition',
          title: meta.title,
          outlet: edition.outlet,
          reason: `Another edition of “${meta.title}” (${edition.outlet}${edition.url ? `, ${edition.url}` : ''}).`,
        };
        if (edition.source.record !== undefined) issue.line = edition.source.record;
        this.issue('editionsOf', issue);
      }
    } catch (e) {
      const err = toStorageError(e);
      if (err.problem !== 'unknown') throw err;
      for (const path of new Set(items.map((i) => i.path)))
        this.issue('failed', { path, code: 'storage', reason: `Could not be saved: ${err.detail}` });
    }
    this.sendProgress(false);
  }

  private sendProgress(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastProgress < this.opts.progressEveryMs) return;
    this.lastProgress = now;
    this.post({ type: 'progress', progress: { ...this.progress } });
  }
}
