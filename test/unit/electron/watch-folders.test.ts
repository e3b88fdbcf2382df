/**
 * Watched folders end to end in Node, with every real part but the window: chokidar (electron/watch.ts)
 * on a real temporary folder, the real bridge handlers and device+inode grants (electron/ipc/handlers.ts,
 * electron/files.ts), the renderer's ElectronPlatform over a bridge wired to those handlers (values
 * cloned as IPC clones them), WatchService, ImportQueue, ImportService with the real pipeline, and the
 * library on fake-indexeddb. Only ipcMain and the folder dialog are stand-ins (they need a real Electron).
 * Every wait is on state: a report reaching the import queue; "never reported" is proven by a file
 * written afterwards that does arrive.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdir, mkdtemp, open, readFile, rename, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PickedEntry, WarraqBridge } from '../../../electron/ipc/contract';
import type { PickedFile } from '../../../renderer/platform/platform';
import type { ImportItem, ImportReport, ImportSource } from '../../../renderer/services/importer';
import { freshDb } from '../support/db';
import { inProcessWorker } from '../support/import-worker';

const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
      registered.set(channel, fn),
  },
}));

const { setupIpc } = await import('../../../electron/ipc/handlers');
const { FileGrants } = await import('../../../electron/files');
const { FolderWatcher } = await import('../../../electron/watch');
const { CHANNELS } = await import('../../../electron/ipc/contract');
const { ElectronPlatform } = await import('../../../renderer/platform/electron-platform');
const { WatchService } = await import('../../../renderer/services/collect/watch');
const { ImportQueue } = await import('../../../renderer/services/collect/import-queue');
const { ImportHistory } = await import('../../../renderer/services/collect/history');
const { ImportService } = await import('../../../renderer/services/importer');
const { LibraryService } = await import('../../../renderer/services/library');
const { Notifier } = await import('../../../renderer/services/notifier');
const { ArticlesRepo } = await import('../../../renderer/storage/articles-repo');
const { FeedsRepo } = await import('../../../renderer/storage/feeds-repo');

const win = { isDestroyed: () => false, webContents: { id: 7 } };
const fromApp = { sender: { id: 7 }, senderFrame: { url: 'app://warraq/index.html', parent: null } };

/** An article file the text importer reads: outlet, title, dateline, body; `n` makes it unique. */
const article = (n: number, extra = '') =>
  `صحيفة الغد\nافتتاح الجسر رقم ${n} فوق النهر\nبغداد - الأحد 23 آذار 2019\nافتتحت البلدية الجسر رقم ${n} بحضور السكان.${extra}\n`;

interface Seen {
  paths: string[];
  source: ImportSource;
  report: ImportReport;
}

/** The app's ImportQueue, recording what reaches it; `until` waits for a report, never for time. */
class RecordingQueue extends ImportQueue {
  seen: Seen[] = [];
  private waiters: (() => void)[] = [];
  /** Imports that threw (the app drops them with a warning): a waiting test fails with the reason. */
  errors: unknown[] = [];
  override async add(items: ImportItem[], source: ImportSource): Promise<ImportReport> {
    try {
      const report = await super.add(items, source);
      this.seen.push({ paths: items.map((i) => i.path), source, report });
      return report;
    } catch (e) {
      this.errors.push(e);
      throw e;
    } finally {
      for (const w of this.waiters.splice(0)) w();
    }
  }
  /** Resolves with the first report (from index `from` on) that holds `path`. */
  async until(path: string, from = 0): Promise<Seen> {
    for (;;) {
      const hit = this.seen.slice(from).find((s) => s.paths.includes(path));
      if (hit) return hit;
      if (this.errors.length) throw new Error(`an import failed while waiting for ${path}: ${String(this.errors[0])}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
  get paths(): string[] {
    return this.seen.flatMap((s) => s.paths);
  }
}

let base: string;
let root: string;
let other: string;
let outside: string;

/** One app session: main-process watcher + handlers, renderer platform + services, over a shared database. */
async function session(db: ReturnType<typeof freshDb>, dialogAnswers: string[] = []) {
  registered.clear();
  const grants = new FileGrants();
  const listeners = new Set<(files: PickedEntry[]) => void>();
  // A longer settle time than the app's 700 ms: this machine is shared and loaded, and a writer's pauses must stay shorter.
  const watcher = new FolderWatcher(
    grants,
    (files) => listeners.forEach((l) => l(structuredClone(files))),
    join(base, 'watched-folders.json'),
    { settleMs: 1500 },
  );
  setupIpc({
    getWindow: () => win as never,
    grants,
    openExternal: async () => false,
    showOpenFiles: async () => null,
    showOpenFolder: async () => dialogAnswers.shift() ?? null,
    showSave: async () => null,
    writeFile: async () => undefined,
    setMenuLanguage: () => {},
    fetchUrl: async () => ({ ok: false as const, code: 'network' as const, message: 'not in this test' }),
    watchFolders: (paths, since) => watcher.set(paths, since),
    allowWatchFolder: (path) => watcher.allow(path),
  });
  const invoke = async <T>(channel: string, ...args: unknown[]): Promise<T> =>
    structuredClone((await registered.get(channel)!(fromApp, ...args)) as T);
  const bridge = {
    readFile: (token: string, offset: number, length: number) => invoke(CHANNELS.readFile, token, offset, length),
    chooseWatchFolder: () => invoke(CHANNELS.chooseWatchFolder),
    watchFolders: (paths: string[], since: number) => invoke(CHANNELS.watchFolders, paths, since),
    onWatchedFiles: (listener: (files: PickedEntry[]) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as WarraqBridge;
  const platform = new ElectronPlatform(bridge);
  const articles = new ArticlesRepo(db);
  const library = new LibraryService(articles, new Notifier());
  await library.load();
  const importer = new ImportService(library, () => inProcessWorker(articles));
  const repo = new FeedsRepo(db);
  const history = new ImportHistory(repo);
  await history.load();
  const historyBefore = history.rows.length;
  history.follow(importer);
  const queue = new RecordingQueue(importer);
  const watch = new WatchService(platform.folders, repo, queue);
  const focus = new EventTarget();
  watch.followFocus(focus);
  return {
    watch,
    watcher,
    queue,
    platform,
    articles,
    history,
    focus,
    async close() {
      watch.stop();
      await watcher.stop();
      // Every finished import is written to the history before the database closes.
      await vi.waitUntil(() => history.rows.length >= historyBefore + queue.seen.length, { timeout: 60_000 });
    },
  };
}

type Session = Awaited<ReturnType<typeof session>>;

/** The stored texts whose title names bridge `n`. */
async function textsOf(s: Session, n: number): Promise<string[]> {
  const metas = (await s.articles.listMeta()).filter((m) => m.title.includes(`الجسر رقم ${n} `));
  return Promise.all(metas.map(async (m) => (await s.articles.getText(m.id))!.text));
}

let db: ReturnType<typeof freshDb>;
let open_: Session[] = [];
const start = async (answers: string[] = []) => {
  const s = await session(db, answers);
  open_.push(s);
  return s;
};

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'warraq-watch-'));
  root = join(base, 'المراسل');
  other = join(base, 'الأرشيف');
  outside = join(base, 'خارج');
  await Promise.all([mkdir(root), mkdir(other), mkdir(outside)]);
  db = freshDb();
  await db.open();
  open_ = [];
});

afterEach(async () => {
  for (const s of open_) await s.close();
  db.close();
  await rm(base, { recursive: true, force: true });
});

describe('watched folders, from the disk to the library', () => {
  it('rescans at start: everything when first chosen, then only what changed while the app was closed', async () => {
    await writeFile(join(root, 'قديم.txt'), article(1));
    await utimes(join(root, 'قديم.txt'), new Date('2020-01-01'), new Date('2020-01-01'));
    const first = await start([root]);
    await first.watch.start();
    expect(await first.watch.add()).toBe(true);
    const chosen = await first.queue.until('المراسل/قديم.txt');
    expect(chosen.report).toMatchObject({ imported: 1, duplicates: 0, failed: [] });
    expect(chosen.source).toEqual({ origin: 'watch', label: 'المراسل' });
    expect(first.watch.folders.map((f) => [f.path, f.name])).toEqual([[root, 'المراسل']]);
    await first.close();

    // While the app is closed: a nested folder with an Arabic name, and a new file.
    await mkdir(join(root, 'تقارير', 'الرياض'), { recursive: true });
    await writeFile(join(root, 'تقارير', 'الرياض', 'خبر عاجل.txt'), article(2));
    await writeFile(join(root, 'جديد.txt'), article(3));
    for (const p of [join(root, 'تقارير', 'الرياض', 'خبر عاجل.txt'), join(root, 'جديد.txt')])
      await utimes(p, new Date(Date.now() - 10_000), new Date(Date.now() - 10_000)); // written, and settled, a while ago
    // The last scan must be older than those files for "changed while closed" to hold.
    const repo = new FeedsRepo(db);
    const [row] = await repo.folders();
    await repo.putFolder({ ...row!, scannedAt: Date.now() - 60_000 });

    const second = await start();
    await second.watch.start();
    const seen = await second.queue.until('المراسل/جديد.txt');
    expect(seen.paths.sort()).toEqual(['المراسل/تقارير/الرياض/خبر عاجل.txt', 'المراسل/جديد.txt']);
    expect(seen.report).toMatchObject({ imported: 2, duplicates: 0, failed: [] });
    expect(second.queue.paths).not.toContain('المراسل/قديم.txt');
    expect(await textsOf(second, 2)).toHaveLength(1);
    // Both imports are in the import history, as watched-folder imports.
    await vi.waitUntil(() => second.history.rows.some((h) => h.imported === 2), { timeout: 60_000, interval: 20 });
    expect((await repo.history()).map((h) => [h.origin, h.label, h.imported])).toEqual(
      expect.arrayContaining([
        ['watch', 'المراسل', 1],
        ['watch', 'المراسل', 2],
      ]),
    );
  });

  it('while running: added, changed and nested files with Arabic names are imported; ignored ones never', async () => {
    const s = await start([root]);
    await s.watch.start();
    await s.watch.add();

    await writeFile(join(root, 'خبر أول.txt'), article(10));
    expect((await s.queue.until('المراسل/خبر أول.txt')).report).toMatchObject({ imported: 1, failed: [] });

    let from = s.queue.seen.length;
    await writeFile(join(root, 'خبر أول.txt'), article(10, ' وأضاف المحافظ أن الجسر يخدم ثلاثة أحياء.'));
    expect((await s.queue.until('المراسل/خبر أول.txt', from)).report).toMatchObject({ imported: 1 });
    expect((await textsOf(s, 10)).some((t) => t.includes('ثلاثة أحياء'))).toBe(true);

    from = s.queue.seen.length;
    await mkdir(join(root, 'تقارير', 'جدة'), { recursive: true });
    await writeFile(join(root, 'تقارير', 'جدة', 'تقرير الأمطار.txt'), article(11));
    expect((await s.queue.until('المراسل/تقارير/جدة/تقرير الأمطار.txt', from)).report).toMatchObject({
      imported: 1,
    });

    // Hidden files, partial downloads, a saved page's companion folder, and a link to a folder outside.
    await writeFile(join(root, '.مخفي.txt'), article(12));
    await writeFile(join(root, 'تنزيل.txt.crdownload'), article(13));
    await mkdir(join(root, 'صفحة_files'));
    await writeFile(join(root, 'صفحة_files', 'نص.txt'), article(14));
    await symlink(outside, join(root, 'رابط'), 'dir');
    await writeFile(join(outside, 'سري.txt'), article(15));
    await writeFile(join(root, 'علامة.txt'), article(16)); // written last: once it arrives, the others had their chance
    await s.queue.until('المراسل/علامة.txt');
    expect(s.queue.paths.filter((p) => /مخفي|crdownload|_files|رابط|سري/.test(p))).toEqual([]);

    // Events missed (the watcher gone, as across a sleep): the window regaining focus rescans and finds
    // the file, and the rescan does not follow the link either.
    await s.watcher.stop();
    from = s.queue.seen.length;
    await writeFile(join(root, 'بعد التركيز.txt'), article(17));
    s.focus.dispatchEvent(new Event('focus'));
    expect((await s.queue.until('المراسل/بعد التركيز.txt', from)).report).toMatchObject({ imported: 1 });
    expect(s.queue.paths.filter((p) => /رابط|سري/.test(p))).toEqual([]);
  });

  it('a file still being written is imported whole, by the watcher and by a rescan', async () => {
    const s = await start([root]);
    await s.watch.start();
    await s.watch.add();

    // Watcher: written in twenty pieces with short pauses.
    const text = article(20, ' '.concat('وقال شاهد إن الحركة المرورية عادت إلى طبيعتها. '.repeat(200), 'نهاية الخبر.'));
    const bytes = new TextEncoder().encode(text);
    const handle = await open(join(root, 'بطيء.txt'), 'w');
    const piece = Math.ceil(bytes.length / 20);
    for (let at = 0; at < bytes.length; at += piece) {
      await handle.write(bytes.subarray(at, at + piece));
      await new Promise((r) => setImmediate(r));
    }
    await handle.close();
    await s.queue.until('المراسل/بطيء.txt');
    const texts = await textsOf(s, 20);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('نهاية الخبر.');

    // Rescan (window focus) in the middle of a write: the half-written file is not reported as it is.
    const from = s.queue.seen.length;
    const half = await open(join(root, 'نصف.txt'), 'w');
    await half.write(article(21, ' الجزء الأول.'));
    await half.sync();
    await s.watch.rescan();
    await half.write(' الجزء الثاني ونهاية الخبر.\n');
    await half.close();
    await s.queue.until('المراسل/نصف.txt', from);
    const halves = await textsOf(s, 21);
    expect(halves).toHaveLength(1);
    expect(halves[0]).toContain('الجزء الثاني ونهاية الخبر.');
  });

  it('removed files and removed folders bring nothing in; a file swapped after the report is refused', async () => {
    const s = await start([root, other]);
    await s.watch.start();
    await s.watch.add();
    await s.watch.add();
    expect(s.watch.folders.map((f) => f.name).sort()).toEqual(['الأرشيف', 'المراسل']);

    await writeFile(join(root, 'يبقى.txt'), article(30));
    await s.queue.until('المراسل/يبقى.txt');
    await rm(join(root, 'يبقى.txt'));
    await s.watch.remove(root);
    expect(s.watch.folders.map((f) => f.name)).toEqual(['الأرشيف']);
    await writeFile(join(root, 'بعد الإزالة.txt'), article(31));
    await writeFile(join(other, 'علامة.txt'), article(32));
    await s.queue.until('الأرشيف/علامة.txt');
    expect(s.queue.paths.filter((p) => p.startsWith('المراسل/')).sort()).toEqual(['المراسل/يبقى.txt']);
    expect(await textsOf(s, 31)).toEqual([]);

    // The grant pins the file (device + inode): replaced by another file after the scan, it is not read.
    await writeFile(join(other, 'أصل.txt'), article(33));
    await utimes(join(other, 'أصل.txt'), new Date(Date.now() - 5000), new Date(Date.now() - 5000));
    const picked: PickedFile[] = await s.platform.folders.watch([other], 0);
    const original = picked.find((p) => p.path === 'الأرشيف/أصل.txt')!;
    expect(await (await original.blob()).text()).toBe(article(33));
    await writeFile(join(base, 'بديل.txt'), article(34));
    await rename(join(base, 'بديل.txt'), join(other, 'أصل.txt'));
    await expect(original.blob()).rejects.toThrow(/replaced/);
    // And the bridge refuses a folder that was never chosen in the dialog.
    await expect(s.platform.folders.watch([outside], 0)).rejects.toThrow(/only folders chosen/);
    expect(await readFile(join(base, 'watched-folders.json'), 'utf8')).not.toContain('خارج');
  });
});
