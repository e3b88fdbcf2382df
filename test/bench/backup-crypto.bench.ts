/**
 * Issue 13: encrypted (age, scrypt passphrase) vs plain backup and restore of the whole corpus, in
 * Chromium, through the app's own BackupService. The library (--corpus, or --limit N of it, or 30,000
 * generated articles) is written into IndexedDB, then, each timed with the page's peak JS heap:
 * plain backup (gzip, the app's default), encrypted backup (the same gzip file as an age file, scrypt
 * at age's default work factor 2^18), and a restore of each into an emptied library (merge; verify +
 * stage + commit + library load). `npm run bench -- --corpus PATH --only backup-crypto`
 */
import type { CDPSession, Page } from 'playwright-core';
import type { BenchContext, BenchRow } from './lib/context';
import { openBrowser, waitForFirstRow } from './lib/browser';
import { benchRecords, corpusArticle, storeRows } from './lib/seed';

export const name = 'backup-crypto';

const MB = 1024 * 1024;
const SVC = 'document.querySelector("warraq-app").services';
const PASSPHRASE = 'نخلة-قمر-بحر-ساعة-مفتاح-42';

async function timed<T>(cdp: CDPSession, fn: () => Promise<T>): Promise<{ ms: number; heap: number; result: T }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = async () => ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  let heap = await usage();
  let running = true;
  const sampler = (async () => {
    while (running) {
      heap = Math.max(heap, await usage().catch(() => 0));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const t0 = performance.now();
  try {
    const result = await fn();
    return { ms: performance.now() - t0, heap, result };
  } finally {
    running = false;
    await sampler;
  }
}

/** Empties every table a backup restores (what "delete everything" leaves). */
function emptyLibrary(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('warraq');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const stores = [
      'articles',
      'texts',
      'annotations',
      'bookmarks',
      'reading',
      'editions',
      'metaEdits',
      'storyDecisions',
    ];
    const tx = db.transaction(stores, 'readwrite');
    for (const st of stores) tx.objectStore(st).clear();
    await new Promise((res, rej) => {
      tx.oncomplete = res;
      tx.onerror = () => rej(tx.error);
    });
    db.close();
  });
}

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const items = (await benchRecords(ctx, 30_000)).map(corpusArticle);
  const s = await openBrowser();
  try {
    await s.page.goto(s.url);
    await waitForFirstRow(s.page);
    await storeRows(s.page, items);
    await s.page.reload();
    await waitForFirstRow(s.page);
    const cdp = await s.page.context().newCDPSession(s.page);
    const backup = (encrypted: boolean) =>
      timed(
        cdp,
        () =>
          s.page.evaluate(`(async () => {
            const r = await ${SVC}.backup.create(${encrypted ? `{ passphrase: ${JSON.stringify(PASSPHRASE)} }` : '{}'});
            window.__${encrypted ? 'enc' : 'plain'} = r.blob;
            return r.blob.size;
          })()`) as Promise<number>,
      );
    const plain = await backup(false);
    const enc = await backup(true);
    const restore = async (encrypted: boolean) => {
      await emptyLibrary(s.page);
      return timed(
        cdp,
        () =>
          s.page.evaluate(
            `${SVC}.backup.restore(window.__${encrypted ? 'enc' : 'plain'}, 'merge'${encrypted ? `, { passphrase: ${JSON.stringify(PASSPHRASE)} }` : ''}).then((r) => r.added.articles)`,
          ) as Promise<number>,
      );
    };
    const plainRestore = await restore(false);
    await s.page.evaluate(`${SVC}.search.rebuild().catch(() => {})`);
    const encRestore = await restore(true);
    const what = `${items.length} articles, ${ctx.corpus ? 'from --corpus' : 'generated'}`;
    const row = (metric: string, m: { ms: number; heap: number }, note: string): BenchRow[] => [
      { metric: `${metric}: time`, value: m.ms, unit: 'ms', n: 1, note },
      { metric: `${metric}: peak JS heap`, value: m.heap / MB, unit: 'MB', n: 1 },
    ];
    return [
      { metric: 'library', value: items.length, unit: 'articles', note: what },
      ...row('backup, plain (gzip)', plain, `file ${(plain.result / MB).toFixed(1)} MB`),
      ...row(
        'backup, encrypted (age scrypt 2^18)',
        enc,
        `file ${(enc.result / MB).toFixed(1)} MB; one scrypt derivation + ChaCha20-Poly1305 in 64 KiB chunks`,
      ),
      ...row('restore into empty library, plain', plainRestore, `${plainRestore.result} articles added`),
      ...row(
        'restore into empty library, encrypted',
        encRestore,
        `${encRestore.result} articles added; key derived once for verify + apply`,
      ),
    ];
  } finally {
    await s.close();
  }
}
