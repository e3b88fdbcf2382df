/**
 * Composition root: open the database → build the services → mount the app. Nothing else here.
 */
import { WarraqDb, SCHEMA_VERSION } from './storage/db';
import { ArticlesRepo } from './storage/articles-repo';
import { SettingsRepo } from './storage/settings-repo';
import { AnnotationsRepo } from './storage/annotations-repo';
import { BackupRepo } from './storage/backup-repo';
import { StoriesRepo } from './storage/stories-repo';
import { CountsRepo } from './storage/counts-repo';
import { BrowserPlatform } from './platform/browser-platform';
import { ElectronPlatform, findBridge } from './platform/electron-platform';
import type { Platform } from './platform/platform';
import { Notifier } from './services/notifier';
import { SettingsService } from './services/settings';
import { LibraryService } from './services/library';
import type { LibraryPrefs } from './services/settings';
import { SearchService } from './services/search';
import { AnnotationsService } from './services/annotations';
import { ImportService, type ImportWorker } from './services/importer';
import { ExporterService, librarySources } from './services/exporter';
import { BackupService, recoverRestore } from './services/backup';
import { StoriesService } from './services/stories';
import { CountsService } from './services/counts';
import type { DetectorPort } from './services/stories-protocol';
import { seedSample } from './services/first-run';
import { parseSampleArticle } from './services/sample';
import type { Services } from './services/services';
import { FeedsRepo } from './storage/feeds-repo';
import { FeedsService, type NetworkStatus } from './services/collect/feeds';
import { ImportQueue } from './services/collect/import-queue';
import { workerCodec, type CodecWorker } from './services/collect/feed-codec';
import { SaveLinkService } from './services/collect/save-link';
import { WatchService } from './services/collect/watch';
import { ImportHistory } from './services/collect/history';
import { setLanguage, t } from './ui/strings/i18n';
import { ar as safetyAr, en as safetyEn } from './ui/strings/features/safety';
import { isByStory, storyQuery, type StoryLibraryPrefs } from './ui/library/library-items';
import './ui/app/app-shell';

const SAMPLE = 'sample/ishtar-coalition-2019.txt';
/** Rows read before the app is drawn: more than a tall window shows (52 px rows). */
const FIRST_SCREEN = 50;
/** The longest the rest of the library waits for the search index to be read (seconds at 31,000 articles). */
const INDEX_WAIT_MS = 10_000;

function choosePlatform(): Platform {
  const bridge = findBridge();
  return bridge ? new ElectronPlatform(bridge) : new BrowserPlatform();
}

async function start(): Promise<void> {
  const platform = choosePlatform();
  const db = new WarraqDb();
  await db.open();
  // A restore a crash interrupted is undone before anything reads the library (see services/backup-apply.ts).
  const backupRepo = new BackupRepo(db);
  // Said on the start-up screen (both languages: settings are read after), then as a notice (issue 13).
  const undone = await recoverRestore(backupRepo, () => {
    const boot = document.getElementById('boot');
    if (boot) boot.textContent = `${safetyAr['restore.recovering']} — ${safetyEn['restore.recovering']}`;
  });
  const notifier = new Notifier();
  const settings = new SettingsService(new SettingsRepo(db));
  await settings.load();
  setLanguage(settings.get('language'));
  const library = new LibraryService(new ArticlesRepo(db), notifier);
  // The index lives in a worker: loading, building and querying never block this thread.
  const search = new SearchService(
    library,
    () => new Worker(new URL('./workers/search.worker.js', document.baseURI), { type: 'module' }),
  );
  const rest = async (): Promise<void> => {
    if (firstScreen) {
      await library.load();
      library.announce({ added: [], removed: [] });
      await stories.indexSources();
    }
    await seedSample(
      library,
      settings,
      {
        name: SAMPLE.split('/').pop()!,
        bytes: async () => new Uint8Array(await (await fetch(SAMPLE)).arrayBuffer()),
      },
      parseSampleArticle,
    );
  };
  const importer = new ImportService(
    library,
    () =>
      new Worker(new URL('./workers/import.worker.js', document.baseURI), {
        type: 'module',
      }) as unknown as ImportWorker,
  );
  const collect = makeCollect(db, platform, library, importer);
  const annotationsRepo = new AnnotationsRepo(db);
  const annotations = new AnnotationsService(annotationsRepo, library, settings, notifier);
  const storiesRepo = new StoriesRepo(db);
  const stories = new StoriesService(
    storiesRepo,
    library,
    () =>
      new Worker(new URL('./workers/stories.worker.js', document.baseURI), {
        type: 'module',
      }) as unknown as DetectorPort,
  );
  // Detection follows each import batch by batch with the texts the import worker already holds,
  // sent from worker to worker.
  for (const i of [importer, collect.collector]) i.storiesPort = () => stories.bodiesPort();
  const exporter = new ExporterService(
    librarySources(annotationsRepo, library, document.baseURI, {
      editions: (ids) => storiesRepo.editionsOf(ids),
      outletName: (id) => stories.outletName(id),
    }),
    platform,
    () => settings.get('dates').months,
  );
  const backup = new BackupService({
    repo: backupRepo,
    platform,
    library,
    settings,
    search,
    stories,
    feeds: collect.services.feeds,
    schemaVersion: SCHEMA_VERSION,
    app: 'Warraq',
  });
  await stories.loadOutlets();
  // The first screen of the library comes from one indexed query (50 rows in the list's order: the
  // story list's by publication date, or the article list's by import); the rest is read in pages after
  // the app is drawn (30,000 metas take ~1 s).
  const firstScreen = await loadFirstScreen(library, stories, settings.get('library'));
  if (!firstScreen) {
    await library.load();
    await stories.indexSources();
  }
  const counts = new CountsService(new CountsRepo(db), [library, annotations, stories]);
  // The search worker reads its stored index (~50 MB at 31,000 articles) first, once the first screen is
  // painted: the rest of the library's metas and the sidebar's counts (a scan of every article's index
  // entries) would otherwise share the one IndexedDB backend queue with it and hold search back by seconds.
  // Bounded: an index that cannot be read (a stuck IndexedDB request) must not keep the library from loading.
  const indexLoaded = Promise.race([search.loaded(), new Promise<void>((r) => setTimeout(r, INDEX_WAIT_MS))]);
  counts.holdUntil(indexLoaded);
  const services: Services = {
    platform,
    notifier,
    settings,
    library,
    importer,
    annotations,
    search,
    exporter,
    backup,
    stories,
    ...collect.services,
    counts,
  };
  const app = document.createElement('warraq-app');
  app.services = services;
  document.getElementById('boot')?.remove();
  document.body.append(app);
  if (undone >= 0)
    notifier.notify({ kind: 'info', message: 'restore.recovered', params: { rows: undone }, timeout: 0 });
  // Everything that reads IndexedDB in bulk starts once the first screen is painted: Chromium serves one
  // origin's database from one backend queue, so the search worker's segments or the detector's features
  // read first would hold the first screen's few small reads behind megabytes (issue 17).
  await painted();
  // The heading's article count: one walk of the articles store, kept off the first row's path.
  void library.countStored().catch((e) => console.warn('count:', e));
  search.start();
  await indexLoaded;
  await rest();
  stories.start();
  await collect.start();
  void platform.persistStorage().then((granted) => {
    if (!granted && platform.kind === 'browser') console.info(t('storage.persistDenied'));
  });
}

const network: NetworkStatus = {
  online: () => navigator.onLine,
  onChange: (listener) => {
    window.addEventListener('online', listener);
    window.addEventListener('offline', listener);
    return () => {
      window.removeEventListener('online', listener);
      window.removeEventListener('offline', listener);
    };
  },
};

/** The first screen of the list the library opens on; false when no indexed query gives it (load all). */
async function loadFirstScreen(
  library: LibraryService,
  stories: StoriesService,
  prefs: LibraryPrefs & StoryLibraryPrefs,
): Promise<boolean> {
  if (!isByStory(prefs)) return library.loadFirst(prefs, FIRST_SCREEN);
  return stories.loadFirst(storyQuery(prefs), FIRST_SCREEN);
}

/** Resolves after the next frame has been painted (a rAF callback runs before paint; the timeout after it). */
function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * The feed codec's worker, started by its first message: a worker spawned before the first screen
 * competes with it for the two cores, and most sessions read no feed.
 */
function lazyCodecWorker(): CodecWorker {
  let worker: Worker | null = null;
  let listener: CodecWorker['onmessage'] = null;
  return {
    get onmessage() {
      return listener;
    },
    set onmessage(f) {
      listener = f;
      if (worker) worker.onmessage = f;
    },
    postMessage(m) {
      worker ??= new Worker(new URL('./workers/feed.worker.js', document.baseURI), { type: 'module' });
      worker.onmessage = listener;
      worker.postMessage(m);
    },
  };
}

/**
 * Feeds (their own import worker per refresh), save by link, watched folders and the import history:
 * built before the app is drawn, started (their stored state read, schedules armed) after.
 */
function makeCollect(db: WarraqDb, platform: Platform, library: LibraryService, importer: ImportService) {
  const repo = new FeedsRepo(db);
  const collector = new ImportService(
    library,
    () =>
      new Worker(new URL('./workers/import.worker.js', document.baseURI), {
        type: 'module',
      }) as unknown as ImportWorker,
  );
  const fetch = (r: Parameters<Platform['fetchUrl']>[0]) => platform.fetchUrl(r);
  const codec = workerCodec(lazyCodecWorker());
  const feeds = new FeedsService({ repo, fetch, codec, collector, network });
  const queue = new ImportQueue(importer);
  const history = new ImportHistory(repo);
  history.follow(importer);
  history.follow(collector);
  const watch = new WatchService(platform.folders, repo, queue);
  const start = async (): Promise<void> => {
    await Promise.all([feeds.load(), history.load()]);
    feeds.startSchedule();
    void watch.start().catch((e) => console.warn('watched folders:', e));
    watch.followFocus(window);
  };
  return { services: { feeds, links: new SaveLinkService(fetch, queue), watch, history }, start, collector };
}

start().catch((e) => {
  console.error(e);
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.style.padding = '2rem';
  p.textContent = t('error.startup', { detail: (e as Error)?.message ?? String(e) });
  document.body.replaceChildren(p);
});
