/**
 * Backup and restore of the whole corpus, in Chromium, through the app's own BackupService:
 * articles (the whole --corpus, or --limit N, or 30,000 generated) with a note on every tenth are
 * written into IndexedDB, then: backup (gzip, and plain for comparison), whole-file verification,
 * and restore over the full library (merge: nothing to add) and into an emptied library (merge).
 * Time per phase, and peak memory sampled every 100 ms during it: the page's JS heap (CDP
 * Runtime.getHeapUsage) and the resident memory of every Chromium process (/proc, Linux), which is
 * where Blob parts live.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Page, CDPSession } from 'playwright-core';
import type { BenchContext, BenchRow } from './lib/context';
import { openBrowser, waitForFirstRow } from './lib/browser';
import type { CorpusRecord } from './lib/corpus';
import { benchRecords, corpusArticle, storeRows, type SeedRow } from './lib/seed';

export const name = 'backup';

/** A corpus article with a note on every tenth (when its first paragraph is long enough). */
function withNote(r: CorpusRecord, i: number): SeedRow {
  const row = corpusArticle(r, i);
  const { id, text, paragraphs } = row.text;
  const p = paragraphs[0];
  row.annotations =
    i % 10 === 0 && p && p.end - p.start > 20
      ? [
          {
            id: `bench-${i}`,
            articleId: id,
            paragraph: 1,
            color: 'yellow',
            note: 'ملاحظة للقياس',
            tags: ['قياس'],
            createdAt: 1_700_000_000_000 + i,
            updatedAt: 1_700_000_000_000 + i,
            selectors: [
              { type: 'TextPositionSelector', start: p.start, end: p.start + 20 },
              { type: 'TextQuoteSelector', exact: text.slice(p.start, p.start + 20), prefix: '', suffix: '' },
            ],
          },
        ]
      : [];
  return row;
}

/**
 * Resident memory (bytes) of every process this bench started (Chromium's browser, renderer, GPU and
 * utility processes: the descendants of this Node process, not itself), from /proc; 0 without /proc.
 */
function treeRss(root = process.pid): number {
  let kids: Map<number, number[]>;
  try {
    kids = new Map();
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const ppid = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${d}/status`, 'utf8'))?.[1]);
        kids.set(ppid, [...(kids.get(ppid) ?? []), Number(d)]);
      } catch {}
    }
  } catch {
    return 0;
  }
  let total = 0;
  const stack = [...(kids.get(root) ?? [])];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {}
    stack.push(...(kids.get(pid) ?? []));
  }
  return total;
}

interface Measured<T> {
  ms: number;
  heapPeak: number;
  heapBase: number;
  rssPeak: number;
  rssBase: number;
  result: T;
}

/** Runs `fn` in the page while sampling heap and RSS every 100 ms. */
async function measure<T>(page: Page, cdp: CDPSession, pid: number, fn: () => Promise<T>): Promise<Measured<T>> {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = async () => ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  const heapBase = await heap();
  const rssBase = treeRss(pid);
  let heapPeak = heapBase;
  let rssPeak = rssBase;
  let running = true;
  const sampler = (async () => {
    while (running) {
      heapPeak = Math.max(heapPeak, await heap().catch(() => 0));
      rssPeak = Math.max(rssPeak, treeRss(pid));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const t0 = performance.now();
  try {
    const result = await fn();
    return { ms: performance.now() - t0, heapPeak, heapBase, rssPeak, rssBase, result };
  } finally {
    running = false;
    await sampler;
  }
}

const MB = 1024 * 1024;

function rows(label: string, m: Measured<unknown>, note: string): BenchRow[] {
  return [
    { metric: `${label}: time`, value: m.ms, unit: 'ms', n: 1, note },
    {
      metric: `${label}: peak JS heap`,
      value: m.heapPeak / MB,
      unit: 'MB',
      n: 1,
      note: `+${((m.heapPeak - m.heapBase) / MB).toFixed(0)} MB over ${(m.heapBase / MB).toFixed(0)} MB before`,
    },
    {
      metric: `${label}: peak Chromium RSS`,
      value: m.rssPeak / MB,
      unit: 'MB',
      n: 1,
      note: `+${((m.rssPeak - m.rssBase) / MB).toFixed(0)} MB over ${(m.rssBase / MB).toFixed(0)} MB before (all processes)`,
    },
  ];
}

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const items = (await benchRecords(ctx, 30_000)).map(withNote);
  const notes = items.reduce((n, i) => n + (i.annotations?.length ?? 0), 0);
  const s = await openBrowser();
  try {
    await s.page.goto(s.url);
    await waitForFirstRow(s.page);
    await storeRows(s.page, items);
    const cdp = await s.page.context().newCDPSession(s.page);
    const pid = process.pid;
    const svc = 'document.querySelector("warraq-app").services';
    const backup = (gzip: boolean, how = '') =>
      measure(
        s.page,
        cdp,
        pid,
        () =>
          s.page.evaluate(`(async () => {
      const r = await ${svc}.backup.create({ gzip: ${gzip} ${how} });
      window.__backup = r.blob;
      return r.blob.size;
    })()`) as Promise<number>,
      );
    const plain = await backup(false);
    const gz = await backup(true, ", compressor: 'stream'");
    const fflate1 = await backup(true, ", compressor: 'fflate', level: 1");
    // Last, so window.__backup (verified and restored below) is the app's default: fflate level 6.
    const fflate6 = await backup(true, ", compressor: 'fflate', level: 6");
    const verify = await measure(
      s.page,
      cdp,
      pid,
      () => s.page.evaluate(`${svc}.backup.verify(window.__backup).then((x) => x.records)`) as Promise<number>,
    );
    const restore = () =>
      measure(
        s.page,
        cdp,
        pid,
        () =>
          s.page.evaluate(
            `${svc}.backup.restore(window.__backup, 'merge').then((r) => r.added.articles)`,
          ) as Promise<number>,
      );
    const overFull = await restore();
    // A restore ends by asking the search worker for a rebuild; let it finish so it does not compete with the next phase.
    await s.page.evaluate(`${svc}.search.rebuild().catch(() => {})`);
    await s.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('warraq');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const stores = ['articles', 'texts', 'annotations', 'bookmarks', 'reading'];
      const tx = db.transaction(stores, 'readwrite');
      for (const st of stores) tx.objectStore(st).clear();
      await new Promise((res, rej) => {
        tx.oncomplete = res;
        tx.onerror = () => rej(tx.error);
      });
      db.close();
    });
    const intoEmpty = await restore();
    const what = `${items.length} articles + ${notes} notes, ${ctx.corpus ? 'from --corpus' : 'generated'}`;
    return [
      { metric: 'library backed up', value: items.length, unit: 'articles', note: what },
      ...rows('backup (gzip: CompressionStream)', gz, `file ${(gz.result / MB).toFixed(1)} MB`),
      ...rows('backup (gzip: fflate level 6)', fflate6, `file ${(fflate6.result / MB).toFixed(1)} MB`),
      ...rows('backup (gzip: fflate level 1)', fflate1, `file ${(fflate1.result / MB).toFixed(1)} MB`),
      ...rows(
        'backup (plain JSON Lines)',
        plain,
        `file ${(plain.result / MB).toFixed(1)} MB; gzip is ${(plain.result / gz.result).toFixed(1)}× smaller`,
      ),
      ...rows('verify whole file (gzip)', verify, `${verify.result} records`),
      ...rows(
        'restore into empty library (merge)',
        intoEmpty,
        `${intoEmpty.result} articles added; verify + stage + commit + library.load`,
      ),
      ...rows('restore over full library (merge)', overFull, `${overFull.result} added (all present)`),
    ];
  } finally {
    await s.close();
  }
}
