/**
 * Watched folders (desktop app): files added or changed in the chosen folders are imported through the
 * usual pipeline and report. The folders are rescanned at start and whenever the window regains focus
 * (files changed while the app was closed or asleep), and watched by the main process while it runs.
 */
import type { FolderWatchDoor, PickedFile } from '../../platform/platform';
import type { FeedsRepo, WatchedFolderRow } from '../../storage/feeds-repo';
import type { ImportQueue } from './import-queue';

export class WatchService extends EventTarget {
  folders: WatchedFolderRow[] = [];
  private unsubscribe = () => {};

  constructor(
    private readonly door: FolderWatchDoor | undefined,
    private readonly repo: FeedsRepo,
    private readonly queue: ImportQueue,
  ) {
    super();
  }

  /** False in a browser tab (no folder watching there). */
  get available(): boolean {
    return !!this.door;
  }

  /** Loads the folders, rescans them and starts watching. */
  async start(): Promise<void> {
    if (!this.door) return;
    this.folders = await this.repo.folders();
    this.changed();
    this.unsubscribe = this.door.onFiles((files) => void this.import(files));
    await this.rescan();
  }

  stop(): void {
    this.unsubscribe();
    this.unfollow();
  }

  private unfollow = () => {};

  /** Rescans whenever `target` (the window) regains focus: files changed while the app was not looking. */
  followFocus(target: EventTarget): void {
    if (!this.door) return;
    const rescan = () => void this.rescan().catch((e) => console.warn('watched folders:', e));
    target.addEventListener('focus', rescan);
    this.unfollow = () => target.removeEventListener('focus', rescan);
  }

  /** Asks for a folder to watch; resolves false when cancelled. */
  async add(): Promise<boolean> {
    const chosen = await this.door?.choose();
    if (!chosen) return false;
    if (!this.folders.some((f) => f.path === chosen.path)) {
      const row: WatchedFolderRow = { path: chosen.path, name: chosen.name, addedAt: Date.now(), scannedAt: 0 };
      await this.repo.putFolder(row);
      this.folders = [...this.folders, row];
      this.changed();
    }
    await this.rescan();
    return true;
  }

  async remove(path: string): Promise<void> {
    await this.repo.removeFolder(path);
    this.folders = this.folders.filter((f) => f.path !== path);
    this.changed();
    await this.door?.watch(
      this.folders.map((f) => f.path),
      Date.now(),
    );
  }

  /** Imports what changed since the oldest folder's last scan (a duplicate is skipped by content anyway). */
  async rescan(): Promise<void> {
    if (!this.door) return;
    const since = this.folders.length ? Math.min(...this.folders.map((f) => f.scannedAt)) : Date.now();
    const started = Date.now();
    const files = await this.door.watch(
      this.folders.map((f) => f.path),
      since,
    );
    await this.import(files);
    for (const f of this.folders) await this.repo.putFolder({ ...f, scannedAt: started });
    this.folders = this.folders.map((f) => ({ ...f, scannedAt: started }));
  }

  private async import(files: PickedFile[]): Promise<void> {
    if (!files.length) return;
    const names = [...new Set(files.map((f) => f.path.split('/')[0]))].join('، ');
    await this.queue.add(files, { origin: 'watch', label: names });
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
