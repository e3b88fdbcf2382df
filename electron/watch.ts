/**
 * Watched folders (desktop): chokidar watches the folders the user chose while the app runs, and a
 * rescan (at start and when the window regains focus, asked by the renderer) finds what changed while
 * it was not looking. Every file found is granted like a picked file (files.ts) and handed to the
 * renderer as a PickedEntry, which imports it through the usual pipeline; an unchanged file is a
 * duplicate there (content-hash id), so reporting a file twice never stores it twice.
 */
import { watch, type FSWatcher } from 'chokidar';
import { lstat, readFile, readdir, writeFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { FOLDER_MAX_FILES, type PickedEntry } from './ipc/contract';
import type { FileGrants } from './files';

// Editors and browsers write in several steps; a file is reported once it stopped growing for this long.
const SETTLE_MS = 700;
// Changes within this window are sent as one batch (a folder copied in arrives as one import).
const BATCH_MS = 400;

export interface WatchTimings {
  /** A file is reported once its size and time stayed the same this long (ms). */
  settleMs: number;
  /** Files reported within this window travel as one batch (ms). */
  batchMs: number;
}

/** Dot-files, `_files` companion folders and partial downloads are never watched. */
export function isIgnoredPath(path: string): boolean {
  return (
    path.split(/[\\/]/).some((part) => part.startsWith('.') || part.endsWith('_files')) ||
    /\.(crdownload|part|tmp|download)$/i.test(path)
  );
}

export class FolderWatcher {
  private watcher: FSWatcher | null = null;
  private roots: string[] = [];
  private pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  private allowed: Set<string> | null = null;
  private readonly timings: WatchTimings;
  /** Rescanned files still being written: each is reported once its size stops changing. */
  private settling = new Map<string, ReturnType<typeof setTimeout>>();
  private setting: Promise<unknown> = Promise.resolve();

  /**
   * `allowFile` keeps the folders the user chose in a dialog (JSON in userData): the renderer may only
   * ask to watch those, so it can never name an arbitrary folder to read.
   */
  constructor(
    private readonly grants: FileGrants,
    private readonly send: (files: PickedEntry[]) => void,
    private readonly allowFile?: string,
    timings: Partial<WatchTimings> = {},
  ) {
    this.timings = { settleMs: SETTLE_MS, batchMs: BATCH_MS, ...timings };
  }

  /** Records a folder the user chose in the dialog as one the renderer may watch. */
  async allow(folder: string): Promise<void> {
    const set = await this.allowedSet();
    set.add(folder);
    if (this.allowFile)
      await writeFile(this.allowFile, JSON.stringify([...set])).catch((e) =>
        console.warn('watch: could not save the folder list', e),
      );
  }

  private async allowedSet(): Promise<Set<string>> {
    if (this.allowed) return this.allowed;
    let list: unknown = [];
    if (this.allowFile)
      list = await readFile(this.allowFile, 'utf8').then(
        (t) => JSON.parse(t) as unknown,
        () => [],
      );
    this.allowed = new Set(Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : []);
    return this.allowed;
  }

  /**
   * Watches exactly `roots` from now on; resolves with the files below them modified at or after `since`.
   * Throws when a root is not a folder the user chose (see `allow`).
   * The watcher is ready before the folders are read, so a file written at any moment is either in the
   * answer or reported later by the watcher. A file modified within the settle time may still be being
   * written: it is left out of the answer and reported (whole) once its size stops changing.
   */
  set(roots: string[], since: number): Promise<PickedEntry[]> {
    // One change of the watched set at a time (two quick focus rescans must not leave two watchers).
    const run = this.setting.then(() => this.replace(roots, since));
    this.setting = run.catch(() => undefined);
    return run;
  }

  private async replace(roots: string[], since: number): Promise<PickedEntry[]> {
    const allowed = await this.allowedSet();
    const foreign = roots.find((r) => !allowed.has(r));
    if (foreign !== undefined) throw new Error('watchFolders: only folders chosen in the folder dialog can be watched');
    await this.stop();
    this.roots = roots;
    if (roots.length) {
      const watcher = watch(roots, {
        ignoreInitial: true,
        // A link inside a chosen folder must not lead the watcher (and its grants) outside it.
        followSymlinks: false,
        awaitWriteFinish: { stabilityThreshold: this.timings.settleMs, pollInterval: 100 },
        ignored: (p: string) => isIgnoredPath(relativeToRoots(roots, p)),
      });
      this.watcher = watcher;
      watcher
        .on('add', (p) => this.queue(p))
        .on('change', (p) => this.queue(p))
        .on('error', (e) => console.warn('watch:', e));
      await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    }
    const found: PickedEntry[] = [];
    const recent = Date.now() - this.timings.settleMs;
    for (const root of roots) {
      for (const file of await modifiedSince(root, since).catch(() => [])) {
        if (file.mtimeMs >= recent) this.settle(file.path, file);
        else found.push(this.entry(root, file.path, file));
      }
    }
    return found;
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
    for (const t of this.settling.values()) clearTimeout(t);
    this.settling.clear();
    await this.watcher?.close();
    this.watcher = null;
  }

  /** Reports `path` once its size and time stayed the same for the settle time (checked every 100 ms). */
  private settle(path: string, seen: { size: number; mtimeMs: number }, stableSince = Date.now()): void {
    clearTimeout(this.settling.get(path));
    const check = async (): Promise<void> => {
      const now = await lstat(path).catch(() => null);
      if (!now?.isFile()) return void this.settling.delete(path);
      if (now.size !== seen.size || now.mtimeMs !== seen.mtimeMs) return this.settle(path, now);
      if (Date.now() - stableSince < this.timings.settleMs) return this.settle(path, now, stableSince);
      this.settling.delete(path);
      this.queue(path);
    };
    this.settling.set(
      path,
      setTimeout(() => void check(), 100),
    );
  }

  private queue(path: string): void {
    this.pending.add(path);
    if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.timings.batchMs);
  }

  private async flush(): Promise<void> {
    this.timer = null;
    const paths = [...this.pending];
    this.pending.clear();
    const out: PickedEntry[] = [];
    for (const p of paths) {
      const info = await lstat(p).catch(() => null);
      const root = this.roots.find((r) => p.startsWith(r + sep));
      if (info?.isFile() && root) out.push(this.entry(root, p, info));
    }
    if (out.length) this.send(out);
  }

  /** A grant for one file, its path shown relative to the watched folder's parent ("المراسل/خبر.txt"). */
  private entry(root: string, path: string, file: FileIdentity): PickedEntry {
    const shown = [basename(root), ...relative(root, path).split(sep)].join('/');
    // The grant pins the file's identity (device + inode), so a link swapped in after the scan is refused at read time.
    return { path: shown, size: file.size, token: this.grants.grant(path, file) };
  }
}

function relativeToRoots(roots: string[], p: string): string {
  const root = roots.find((r) => p === r || p.startsWith(r + sep));
  return root ? relative(root, p) : p;
}

interface FileIdentity {
  size: number;
  dev: number;
  ino: number;
}

type FoundFile = { path: string; mtimeMs: number } & FileIdentity;

/**
 * Regular files below `root` (not following links, not hidden) modified at or after `since`, at most
 * FOLDER_MAX_FILES. "At or after": a file written in the very millisecond of the last scan is not lost
 * (reporting it twice is harmless: the import knows it by its content).
 */
export async function modifiedSince(root: string, since: number): Promise<FoundFile[]> {
  const out: FoundFile[] = [];
  const pending = [root];
  while (pending.length && out.length < FOLDER_MAX_FILES) {
    const dir = pending.pop()!;
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (isIgnoredPath(e.name)) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) pending.push(path);
      else if (e.isFile()) {
        const info = await lstat(path);
        if (info.isFile() && info.mtimeMs >= since)
          out.push({ path, mtimeMs: info.mtimeMs, size: info.size, dev: info.dev, ino: info.ino });
      }
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}
