/**
 * Search in the running app (Chromium), with the app's own workers: time to index the corpus
 * (stale build at start-up, then a forced rebuild), the longest main-thread task while building,
 * cold load of the persisted index after a reload, and query latency through SearchService
 * (postMessage round trip included). `--corpus PATH [--limit N]`; without it, 5,000 generated
 * articles. `--queries FILE` takes the query strings from a queries-public.jsonl-style file.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { BenchContext, BenchRow } from './lib/context';
import { median, percentile } from './lib/context';
import { openBrowser, waitForFirstRow } from './lib/browser';
import { readCorpus, generateCorpus, type CorpusRecord } from './lib/corpus';
import { corpusArticle, storeRows } from './lib/seed';

export const name = 'search-app';

const QUERIES = [
  'السيطرة',
  'اذار',
  'تقييما',
  'المويدة',
  '1300',
  '34502',
  'التحالف',
  '"وزارة الصحة"',
  'وزير التعليم',
  'الرياض source:الرياض',
  'اقتصاد*',
  'الملك -الرياض',
  'الأمطار OR السيول',
  'المدارس date:2015-07',
  'title:الحكومة',
];

// Runs in the page before the app: records long tasks and when the index state changes.
function watch(): void {
  const w = window as unknown as { longTasks: Array<[number, number]>; states: Array<[string, number]> };
  w.longTasks = [];
  w.states = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => w.longTasks.push([e.startTime, e.duration]))).observe({
    type: 'longtask',
    buffered: true,
  });
  let last = '';
  setInterval(() => {
    const s = (
      document.querySelector('warraq-app') as unknown as { services?: { search: { status: { state: string } } } }
    )?.services?.search.status.state;
    if (s && s !== last) w.states.push([(last = s), performance.now()]);
  }, 20);
}

interface Status {
  state: string;
  size: number;
  loaded: number;
  built: number;
  loadMs: number;
  buildMs: number;
  reason: string;
}

const status = (page: Page) =>
  page.evaluate(
    () =>
      (document.querySelector('warraq-app') as unknown as { services: { search: { status: Status } } }).services.search
        .status,
  );

async function waitReady(page: Page, size: number): Promise<Status> {
  for (;;) {
    const s = await page.evaluate(
      () =>
        (document.querySelector('warraq-app') as unknown as { services?: { search: { status: Status } } })?.services
          ?.search.status ?? null,
    );
    if (s && s.state === 'ready' && s.size >= size) return s;
    if (s?.state === 'error') throw new Error('index error');
    await page.waitForTimeout(100);
  }
}

/** Longest task in [from, to) and the window itself, from the page's watcher. */
const longest = (page: Page, from: string, to: string) =>
  page.evaluate(
    ([a, b]) => {
      const w = window as unknown as { longTasks: Array<[number, number]>; states: Array<[string, number]> };
      const start = [...w.states].reverse().find((s) => s[0] === a)?.[1] ?? 0;
      const end = [...w.states].reverse().find((s) => s[0] === b)?.[1] ?? performance.now();
      const inside = w.longTasks.filter(([t]) => t >= start && t < end).map(([, d]) => d);
      return { max: Math.max(0, ...inside), count: inside.length, window: end - start };
    },
    [from, to],
  );

function queries(ctx: BenchContext): string[] {
  if (!ctx.queries) return QUERIES;
  return readFileSync(ctx.queries, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, 300)
    .map((l) => (JSON.parse(l) as { query: string }).query);
}

async function queryLatency(page: Page, qs: string[]): Promise<{ round: number[]; engine: number[] }> {
  return page.evaluate(async (list) => {
    const search = (
      document.querySelector('warraq-app') as unknown as {
        services: { search: { search(q: string, o: object): Promise<{ tookMs: number }> } };
      }
    ).services.search;
    const round: number[] = [];
    const engine: number[] = [];
    for (const q of list) {
      const t = performance.now();
      const r = await search.search(q, { limit: 20 });
      round.push(performance.now() - t);
      engine.push(r.tookMs);
    }
    return { round, engine };
  }, qs);
}

/** Forces a rebuild with `builders` workers; returns its final status and the longest task meanwhile. */
async function rebuild(page: Page, n: number, builders: number) {
  await page.evaluate(
    (b) =>
      (
        document.querySelector('warraq-app') as unknown as {
          services: { search: { rebuild(o: object): Promise<void> } };
        }
      ).services.search.rebuild({ builders: b }),
    builders,
  );
  await page.waitForFunction(
    () =>
      (document.querySelector('warraq-app') as unknown as { services: { search: { status: Status } } }).services.search
        .status.state === 'building',
  );
  const status = await waitReady(page, n);
  await page.waitForTimeout(100); // let the watcher see 'ready'
  return { status, task: await longest(page, 'building', 'ready') };
}

/**
 * The search worker's JS heap after a full GC (index + runtime), through the DevTools protocol: the
 * worker is a target of its own, reached with Target.sendMessageToTarget. NaN when it is not found.
 */
async function workerHeap(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: Array<{ targetId: string; type: string; url: string }>;
    };
    const target = targetInfos.find((t) => t.type === 'worker' && t.url.includes('search.worker'));
    if (!target) return NaN;
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as {
      sessionId: string;
    };
    let next = 0;
    const call = (method: string) =>
      new Promise<Record<string, number>>((resolve) => {
        const id = ++next;
        const onMessage = (e: { sessionId: string; message: string }) => {
          const m = JSON.parse(e.message) as { id?: number; result?: Record<string, number> };
          if (e.sessionId === sessionId && m.id === id) {
            cdp.off('Target.receivedMessageFromTarget', onMessage);
            resolve(m.result ?? {});
          }
        };
        cdp.on('Target.receivedMessageFromTarget', onMessage);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    await call('HeapProfiler.collectGarbage');
    return (await call('Runtime.getHeapUsage')).usedSize ?? NaN;
  } finally {
    await cdp.detach();
  }
}

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const limit = ctx.limit ?? (ctx.corpus ? Infinity : 5000);
  const records: CorpusRecord[] = [];
  if (ctx.corpus)
    for await (const r of readCorpus(ctx.corpus, limit)) {
      if (r.content?.trim()) records.push(r);
    }
  else records.push(...generateCorpus(limit));
  const items = records.map(corpusArticle);
  const n = new Set(items.map((i) => i.meta.id)).size + 1; // + the sample
  const s = await openBrowser();
  try {
    await s.page.addInitScript(watch);
    await s.page.goto(s.url);
    await waitForFirstRow(s.page);
    await waitReady(s.page, 1);
    await storeRows(s.page, items);
    await s.page.reload();
    const stale = await waitReady(s.page, n);
    const staleTask = await longest(s.page, 'building', 'ready');
    const forced = await rebuild(s.page, n, 2);
    const single = await rebuild(s.page, n, 1);
    const loads: number[] = [];
    const wall: number[] = [];
    for (let i = 0; i < 3; i++) {
      await s.page.reload();
      const st = await waitReady(s.page, n);
      await s.page.waitForTimeout(100); // let the watcher see 'ready'
      if (st.built !== 0) throw new Error(`reload rebuilt ${st.built} articles`);
      loads.push(st.loadMs);
      wall.push(
        await s.page.evaluate(
          () =>
            (window as unknown as { states: Array<[string, number]> }).states.find((x) => x[0] === 'ready')?.[1] ?? NaN,
        ),
      );
    }
    const heap = await workerHeap(s.browser!);
    const stored = await s.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('warraq');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const rows = await new Promise<Array<{ data: ArrayBuffer }>>((res) => {
        const q = db.transaction('searchSegments').objectStore('searchSegments').getAll();
        q.onsuccess = () => res(q.result);
      });
      db.close();
      return { bytes: rows.reduce((n, r) => n + r.data.byteLength, 0), rows: rows.length };
    });
    const qs = queries(ctx);
    await queryLatency(s.page, qs.slice(0, 20)); // warm-up
    const lat = await queryLatency(s.page, qs);
    const final = await status(s.page);
    return [
      {
        metric: 'articles indexed',
        value: final.size,
        unit: 'articles',
        note: ctx.corpus ? 'from --corpus' : 'generated',
      },
      {
        metric: 'build at start-up (stale; default: cores − 1 builders)',
        value: stale.buildMs,
        unit: 'ms',
        n: 1,
        note: `longest main-thread task while building ${staleTask.max.toFixed(0)} ms (${staleTask.count} over 50 ms; includes start-up)`,
      },
      {
        metric: 'forced rebuild, 2 builder workers',
        value: forced.status.buildMs,
        unit: 'ms',
        n: 1,
        note: `longest main-thread task ${forced.task.max.toFixed(0)} ms (${forced.task.count} over 50 ms)`,
      },
      {
        metric: 'forced rebuild, 1 builder worker',
        value: single.status.buildMs,
        unit: 'ms',
        n: 1,
        note: `longest main-thread task ${single.task.max.toFixed(0)} ms`,
      },
      {
        metric: 'cold load of the persisted index (worker)',
        value: median(loads),
        unit: 'ms',
        n: loads.length,
        note: 'reload → segments decoded; no rebuild',
      },
      { metric: 'reload → index ready (page clock)', value: median(wall), unit: 'ms', n: wall.length },
      {
        metric: 'search worker JS heap after GC',
        value: heap / 1e6,
        unit: 'MB',
        n: 1,
        note: 'V8 heap only: typed-array backing stores are external (≈ the persisted bytes below)',
      },
      {
        metric: 'persisted index',
        value: stored.bytes / 1e6,
        unit: 'MB',
        n: stored.rows,
        note: `${stored.rows} segment rows`,
      },
      {
        metric: 'query via SearchService p50',
        value: median(lat.round),
        unit: 'ms',
        n: lat.round.length,
        note: `p95 ${percentile(lat.round, 95).toFixed(1)} ms; engine alone p50 ${median(lat.engine).toFixed(2)} / p95 ${percentile(lat.engine, 95).toFixed(2)} ms`,
      },
    ];
  } finally {
    await s.close();
  }
}
