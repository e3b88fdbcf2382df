/**
 * Back up and restore the whole library (every article with its text and editions, annotation,
 * bookmark, tag, reading position, setting, metadata correction, outlet name, manual split or merge,
 * and feed subscription; never the derived search index nor the detected stories, which are rebuilt).
 *
 * Backup streams storage → core writer → (gzip) → Blob parts → Platform.save.
 * Restore never changes anything before the WHOLE file has been read and verified (version, record
 * checksums, counts, SHA-256 of the file). Replace mode first saves a safety backup of the current
 * library; if that save is cancelled or fails, nothing is replaced. Writing is staged and committed as
 * described in backup-apply.ts, so a cancel or a crash leaves the library as it was.
 *
 * Progress: 'progress' events (CustomEvent<BackupProgress>) and the `onProgress` option.
 */
import { fileKeyOf, isEncrypted, type FileKey } from './backup-crypto';
import { BackupError, type BackupCounts, type BackupSummary } from '../core/backup/format';
import { danglingError } from '../core/backup/consistency';
import type { PickedFile, Platform } from '../platform/platform';
import type { BackupRepo } from '../storage/backup-repo';
import { applyBackup, RestoreCancelled, type ApplyResult, type RestoreMode } from './backup-apply';
import { recordChunks, verifyFile } from './backup-read';
import { writeLibraryBackup } from './backup-write';

export { BackupError, RestoreCancelled, type RestoreMode };
export { GzipDamaged } from './backup-read';

export type BackupPhase = 'backup' | 'verify' | 'safety' | 'restore';

export interface BackupProgress {
  phase: BackupPhase;
  done: number;
  total: number;
}

export interface BackupDeps {
  repo: BackupRepo;
  platform: Platform;
  /** Re-read after a restore: the library's metas, the settings, then the search index. */
  library: EventTarget & { load(): Promise<void> };
  settings?: EventTarget & { load(): Promise<void> };
  search?: { rebuild?(): Promise<void> };
  /** Told after a restore: outlet names are read again and detection catches up (stories are derived). */
  stories?: { restored(): Promise<void> };
  /** Subscriptions are read again after a restore. */
  feeds?: { load(): Promise<void> };
  schemaVersion: number;
  app: string;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (p: BackupProgress) => void;
}

export interface RestoreReport extends ApplyResult {
  mode: RestoreMode;
  summary: BackupSummary;
}

export interface CreateOptions {
  gzip?: boolean;
  compressor?: 'stream' | 'fflate';
  level?: number;
  phase?: BackupPhase;
  now?: number;
  /** Encrypt the backup to this passphrase (an age file); empty or absent: not encrypted. */
  passphrase?: string;
  scryptLogN?: number;
}

/** Backups are gzip-compressed: the corpus' 115 MB of JSON Lines become 34 MB (see test/bench/backup.bench.ts). */
const GZIP = true;

export class BackupService extends EventTarget {
  /** File keys of encrypted backups already opened (verify, then restore, derive the key once). */
  private readonly keys = new WeakMap<Blob, FileKey>();

  constructor(private readonly deps: BackupDeps) {
    super();
  }

  /** Whether a backup file is encrypted (an age file): restore then needs its passphrase. */
  isEncrypted(file: Blob): Promise<boolean> {
    return isEncrypted(file);
  }

  /** What a backup would hold right now (rows per table). Rejects with StorageError. */
  counts(): Promise<BackupCounts> {
    return this.deps.repo.counts();
  }

  /**
   * Writes the backup file as a Blob with its suggested name. Rejects with RestoreCancelled when
   * the signal aborts, StorageError when the library cannot be read.
   */
  async create(options: RunOptions & CreateOptions = {}): Promise<{ name: string; blob: Blob; counts: BackupCounts }> {
    const gzip = options.gzip ?? GZIP;
    const now = options.now ?? Date.now();
    const phase = options.phase ?? 'backup';
    const written = await writeLibraryBackup(this.deps.repo, {
      gzip,
      compressor: options.compressor,
      level: options.level,
      signal: options.signal,
      schemaVersion: this.deps.schemaVersion,
      app: this.deps.app,
      now,
      passphrase: options.passphrase || undefined,
      scryptLogN: options.scryptLogN,
      onProgress: (done, total) => this.progress({ phase, done, total }, options),
    });
    const stamp = new Date(now).toISOString().slice(0, 19).replace(/[:T]/g, '-');
    const name = `warraq-${phase === 'safety' ? 'safety-backup' : 'backup'}-${stamp}.jsonl${gzip ? '.gz' : ''}${options.passphrase ? '.age' : ''}`;
    return { name, blob: written.blob, counts: written.counts };
  }

  /** Creates a backup and saves it; resolves false when the user cancelled the save dialog. */
  async backup(
    options: RunOptions & { gzip?: boolean; passphrase?: string; scryptLogN?: number } = {},
  ): Promise<boolean> {
    const file = await this.create(options);
    if (options.signal?.aborted) throw new RestoreCancelled();
    return this.deps.platform.save({ suggestedName: file.name, mime: file.blob.type, data: file.blob });
  }

  /** Asks the user for a backup file; null when cancelled. */
  async pick(): Promise<PickedFile | null> {
    const files = await this.deps.platform.pickFiles({
      multiple: false,
      accept: ['.gz', '.jsonl', '.warraq', '.age', 'application/gzip'],
    });
    return files?.[0] ?? null;
  }

  /** Reads and checks the whole file. Resolves to its summary; rejects with BackupError, GzipDamaged or RestoreCancelled. */
  async verify(file: Blob, options: RunOptions & { passphrase?: string } = {}): Promise<BackupSummary> {
    const fileKey = await this.keyOf(file, options.passphrase);
    return verifyFile(file, {
      signal: options.signal,
      maxSchemaVersion: this.deps.schemaVersion,
      fileKey,
      onBytes: (done, total) => this.progress({ phase: 'verify', done, total }, options),
    });
  }

  /**
   * Verifies the whole file, then (replace: after saving a safety backup) applies it and refreshes
   * the library, settings and search index. Rejects — having changed nothing — with BackupError /
   * GzipDamaged (bad file), RestoreCancelled (cancel, or the safety backup's save was cancelled:
   * `safetyCancelled` set) or StorageError.
   */
  async restore(
    file: Blob,
    mode: RestoreMode,
    options: RunOptions & { verified?: BackupSummary; passphrase?: string } = {},
  ): Promise<RestoreReport> {
    // `verified`: the summary `verify` gave for this same Blob (the UI verifies before asking to
    // confirm). Reading it again still checks every record; a failure then rolls back.
    const summary = options.verified ?? (await this.verify(file, options));
    await this.checkReferences(summary, mode);
    if (mode === 'replace') await this.safetyBackup(options);
    if (options.signal?.aborted) throw new RestoreCancelled();
    const read = {
      signal: options.signal,
      maxSchemaVersion: this.deps.schemaVersion,
      fileKey: await this.keyOf(file, options.passphrase),
    };
    const result = await applyBackup(this.deps.repo, recordChunks(file, read), mode, {
      signal: options.signal,
      // An older file's records are upgraded on the way (one edition per article): never past 100 %.
      onRecords: (done) =>
        this.progress({ phase: 'restore', done: Math.min(done, summary.records), total: summary.records }, options),
    });
    await this.refresh();
    return { ...result, mode, summary };
  }

  /**
   * The key of an encrypted backup (undefined for a plain one), derived once per file. Rejects with
   * BackupError 'not-decrypted' (no passphrase given) or 'wrong-passphrase', before anything is read.
   */
  private async keyOf(file: Blob, passphrase: string | undefined): Promise<FileKey | undefined> {
    if (!(await isEncrypted(file))) return undefined;
    const known = this.keys.get(file);
    if (known) return known;
    if (!passphrase)
      throw new BackupError('not-decrypted', 'This backup is encrypted: its passphrase is needed to read it.');
    const key = await fileKeyOf(file, passphrase);
    this.keys.set(file, key);
    return key;
  }

  /**
   * Every annotation and bookmark must point at an article present after the restore: one in the
   * backup or, in a merge, one the library already holds. Throws BackupError 'dangling-ref'.
   */
  private async checkReferences(summary: BackupSummary, mode: RestoreMode): Promise<void> {
    const dangling = summary.dangling ?? [];
    if (!dangling.length) return;
    const present =
      mode === 'merge' ? await this.deps.repo.articlesPresent(dangling.map((d) => d.articleId)) : new Set<string>();
    const missing = dangling.find((d) => !present.has(d.articleId));
    if (missing) throw danglingError(missing);
  }

  /** The safety backup before a replace; encrypted with the same passphrase when the restored file was. */
  private async safetyBackup(options: RunOptions & { passphrase?: string }): Promise<void> {
    const file = await this.create({
      signal: options.signal,
      onProgress: options.onProgress,
      passphrase: options.passphrase,
      phase: 'safety',
    });
    if (options.signal?.aborted) throw new RestoreCancelled();
    const saved = await this.deps.platform.save({ suggestedName: file.name, mime: file.blob.type, data: file.blob });
    if (!saved) throw Object.assign(new RestoreCancelled(), { safetyCancelled: true });
  }

  private async refresh(): Promise<void> {
    const { library, settings, search, stories, feeds } = this.deps;
    await library.load();
    // Outlet names first: the views re-read the library on its change just below.
    await stories?.restored().catch((e: unknown) => console.error('stories after restore failed', e));
    // An empty change makes views re-read the library without an incremental index update;
    // the index is rebuilt whole from what was restored just below.
    library.dispatchEvent(new CustomEvent('change', { detail: { added: [], removed: [] } }));
    if (settings) {
      await settings.load();
      for (const key of ['language', 'reader', 'library'])
        settings.dispatchEvent(new CustomEvent('change', { detail: key }));
    }
    void search?.rebuild?.().catch((e) => console.error('search rebuild after restore failed', e));
    await feeds?.load().catch((e: unknown) => console.error('feeds reload after restore failed', e));
  }

  private progress(p: BackupProgress, options: RunOptions): void {
    options.onProgress?.(p);
    this.dispatchEvent(new CustomEvent<BackupProgress>('progress', { detail: p }));
  }
}

/**
 * At start-up, before the library loads: undoes a restore a crash interrupted. Returns rows removed,
 * or -1 when there was nothing to undo. `onStart` is called first when there is (so the start-up
 * screen can say what takes the time: issue 13).
 */
export async function recoverRestore(repo: BackupRepo, onStart?: () => void): Promise<number> {
  if (!(await repo.hasJournal())) return -1;
  onStart?.();
  return repo.rollback();
}
