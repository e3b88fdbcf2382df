/**
 * Import in Chromium through the app's own path: the header button opens the real file chooser, the
 * import worker parses and stores the archive (.jsonl.gz, streamed), and the page follows. Measures the
 * whole import, articles/s, the longest main-thread task while it ran (PerformanceObserver 'longtask',
 * buffered), and the library's time to first row after a reload. With --corpus: that file (or its first
 * --limit records); without: a generated archive of a few thousand records. Run `node scripts/build.mjs` first.
 */
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { once } from 'node:events';
import type { Page } from 'playwright-core';
import type { BenchContext, BenchRow } from './lib/context';
import { median } from './lib/context';
import { openBrowser, waitForFirstRow } from './lib/browser';
import { readCorpus, generateCorpus, type CorpusRecord } from './lib/corpus';

export const name = 'import';

const GENERATED = 3000;
// A monitor's folder tree: this many .txt files in 20 sub-folders.
const FOLDER_FILES = 1000;

/** Writes FOLDER_FILES news text files (UTF-8, the layout of the seed article) and returns the folder. */
function writeFolder(dir: string): string {
  const root = join(dir, 'أرشيف نصي');
  let i = 0;
  for (const r of generateCorpus(FOLDER_FILES)) {
    const sub = join(root, `مجلد ${i % 20}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(
      join(sub, `خبر ${i++}.txt`),
      `${r.source}\n${r.title} (نسخة نصية)\nالرياض - ${r.date_extracted.slice(0, 10)}\n\n${r.content}\n`,
    );
  }
  return root;
}

/** Writes records as a .jsonl.gz (the corpus' own format) and returns its path. */
async function writeArchive(
  dir: string,
  records: AsyncIterable<CorpusRecord> | Iterable<CorpusRecord>,
): Promise<string> {
  const path = join(dir, 'archive.jsonl.gz');
  const gz = createGzip();
  const out = gz.pipe(createWriteStream(path));
  for await (const r of records) if (!gz.write(JSON.stringify(r) + '\n')) await once(gz, 'drain');
  gz.end();
  await once(out, 'finish');
  return path;
}

interface Measured {
  /** Set when the import stopped early (the worker could not start, storage failed). */
  error?: string;
  ms: number;
  imported: number;
  duplicates: number;
  editions: number;
  failed: number;
  longest: number;
  over50: number;
  over100: number;
  /** Longest task before the service's one library re-read at the end (the worker's share of the import). */
  longestBeforeLoad: number;
  reloaded: boolean;
  /** The file chooser's own task that hands the files over (before the import starts). */
  picker: number;
  /** ms from the end of the import until story detection was idle again (0 when it kept up). */
  detectAfter: number;
  /** Longest main-thread task while detection ran after the import. */
  longestDetect: number;
}

/** Imports through the header button and the file chooser; timing and long tasks come from the page. */
async function importThroughUi(page: Page, path: string, button = 'استيراد ملفات', detect = true): Promise<Measured> {
  await page.evaluate(() => {
    const w = window as unknown as {
      __long: { start: number; dur: number }[];
      __t: { start?: number; end?: number; load?: number; detecting?: number; detected?: number };
    };
    w.__long = [];
    w.__t = {};
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push({ start: e.startTime, dur: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    const services = (
      document.querySelector('warraq-app') as unknown as {
        services: { importer: EventTarget & { state: { phase: string } }; library: { load(): Promise<void> } };
      }
    ).services;
    const importer = services.importer;
    // Story detection runs in its own worker, batch by batch as the import stores them: when it is idle
    // after having run, the import's stories are known.
    const stories = (services as unknown as { stories: EventTarget & { progress: { state: string } } }).stories;
    stories.addEventListener('progress', () => {
      if (stories.progress.state === 'running') {
        w.__t.detecting ??= performance.now();
        w.__t.detected = undefined;
      } else if (w.__t.detecting !== undefined) w.__t.detected = performance.now();
    });
    // When the service re-reads the library after a big import: long tasks from then on are that re-read's.
    const load = services.library.load.bind(services.library);
    services.library.load = () => {
      w.__t.load ??= performance.now();
      return load();
    };
    importer.addEventListener('change', () => {
      if (importer.state.phase === 'running') w.__t.start ??= performance.now();
      if (importer.state.phase === 'done') w.__t.end ??= performance.now();
    });
  });
  const chooser = page.waitForEvent('filechooser');
  // Import is an item of the header menu ("More actions").
  await page
    .getByRole('banner')
    .getByRole('button', { name: /^(المزيد من الإجراءات|More actions)$/ })
    .click();
  await page.getByRole('menu').getByRole('menuitem', { name: button }).click();
  await (await chooser).setFiles(path);
  await page.getByRole('dialog', { name: 'تقرير الاستيراد' }).waitFor({ timeout: 600_000 });
  if (detect)
    await page.waitForFunction(
      () => {
        const t = (window as unknown as { __t: { detected?: number } }).__t;
        const st = (
          document.querySelector('warraq-app') as unknown as { services: { stories: { progress: { state: string } } } }
        ).services.stories.progress.state;
        return t.detected !== undefined && st === 'idle';
      },
      undefined,
      { timeout: 3_600_000, polling: 500 },
    );
  const m = await page.evaluate(() => {
    const w = window as unknown as {
      __long: { start: number; dur: number }[];
      __t: { start: number; end: number; load?: number; detected?: number };
    };
    // A task already running when the import starts is the file chooser's (Blink building the FileList).
    const inImport = w.__long.filter((l) => l.start >= w.__t.start && l.start <= w.__t.end);
    const picker = w.__long.filter((l) => l.start < w.__t.start && l.start + l.dur >= w.__t.start).map((l) => l.dur);
    const during = inImport.map((l) => l.dur);
    const beforeLoad = inImport
      .filter((l) => w.__t.load === undefined || l.start + l.dur < w.__t.load)
      .map((l) => l.dur);
    const p = (
      document.querySelector('warraq-app') as unknown as {
        services: {
          importer: {
            state: {
              report: {
                imported: number;
                duplicates: number;
                editions: number;
                failed: unknown[];
                unlisted: number;
                unlistedBy?: Record<string, number>;
                error?: { message: string };
              };
            };
          };
        };
      }
    ).services.importer.state.report;
    return {
      error: p.error?.message,
      ms: w.__t.end - w.__t.start,
      imported: p.imported,
      duplicates: p.duplicates,
      editions: p.editions,
      // As the report counts them (services/import-counts.ts): the cap's overflow per list, so editions
      // beyond the listed 500 are not failures.
      failed: p.failed.length + (p.unlistedBy ? (p.unlistedBy.failed ?? 0) : p.unlisted),
      longest: Math.max(0, ...during),
      over50: during.length,
      over100: during.filter((d) => d > 100).length,
      longestBeforeLoad: Math.max(0, ...beforeLoad),
      reloaded: w.__t.load !== undefined,
      picker: Math.max(0, ...picker),
      detectAfter: w.__t.detected === undefined ? 0 : Math.max(0, w.__t.detected - w.__t.end),
      longestDetect: Math.max(
        0,
        ...w.__long.filter((l) => l.start > w.__t.end && l.start <= (w.__t.detected ?? 0)).map((l) => l.dur),
      ),
    };
  });
  if (m.error) throw new Error(`the import stopped: ${m.error}`);
  return m;
}

/**
 * The same import with story detection switched off, for the cost detection adds: the page's Worker
 * constructor hands the stories service a worker that never answers (bench only; the app is unchanged).
 */
const NO_DETECTION = `(() => {
  const Real = window.Worker;
  window.Worker = function (url, options) {
    if (String(url).includes('stories.worker')) return { onmessage: null, onerror: null, postMessage() {}, terminate() {}, addEventListener() {}, removeEventListener() {} };
    return new Real(url, options);
  };
})()`;

async function withoutDetection(path: string): Promise<Measured> {
  const s = await openBrowser();
  try {
    await s.page.addInitScript(NO_DETECTION);
    await s.page.goto(s.url);
    await waitForFirstRow(s.page);
    const m = await importThroughUi(s.page, path, 'استيراد ملفات', false);
    console.error(`  import without detection: ${JSON.stringify(m)}`);
    return m;
  } finally {
    await s.close();
  }
}

/** The folder import on its own profile, so the search worker indexing a big import does not share the CPU. */
async function folderOnFreshProfile(dir: string): Promise<Measured> {
  const s = await openBrowser();
  try {
    await s.page.goto(s.url);
    await waitForFirstRow(s.page);
    const f = await importThroughUi(s.page, writeFolder(dir), 'استيراد مجلد');
    console.error(`  folder: ${JSON.stringify(f)}`);
    return f;
  } finally {
    await s.close();
  }
}

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'warraq-import-bench-'));
  try {
    const whole = ctx.corpus && !ctx.limit;
    const path = whole
      ? ctx.corpus!
      : await writeArchive(
          dir,
          ctx.corpus ? readCorpus(ctx.corpus, ctx.limit) : generateCorpus(ctx.limit ?? GENERATED),
        );
    const note = ctx.corpus
      ? `${whole ? 'whole corpus' : `first ${ctx.limit} of corpus`}, ${(statSync(path).size / 1e6).toFixed(1)} MB gz`
      : `generated, ${(statSync(path).size / 1e6).toFixed(1)} MB gz`;
    const f = await folderOnFreshProfile(dir);
    const bare = await withoutDetection(path);
    const s = await openBrowser();
    try {
      await s.page.goto(s.url);
      await waitForFirstRow(s.page);
      const m = await importThroughUi(s.page, path);
      console.error(`  import: ${JSON.stringify(m)}`);
      const firstRow: number[] = [];
      for (let i = 0; i < 3; i++) {
        await s.page.reload();
        await waitForFirstRow(s.page);
        firstRow.push(await s.page.evaluate(() => performance.now()));
        console.error(`  first row after reload ${i + 1}: ${firstRow[i]!.toFixed(0)} ms`);
      }
      return [
        { metric: 'import through the UI: total', value: m.ms / 1000, unit: 's', n: 1, note },
        {
          metric: 'articles imported',
          value: m.imported,
          unit: 'articles',
          note: `${m.editions} more editions of them, ${m.duplicates} duplicates, ${m.failed} failed`,
        },
        { metric: 'import throughput', value: m.imported / (m.ms / 1000), unit: 'articles/s' },
        {
          metric: 'the same import with story detection switched off',
          value: bare.ms / 1000,
          unit: 's',
          n: 1,
          note: `with detection, import + catch-up took ${((m.ms + m.detectAfter) / 1000).toFixed(1)} s: detection adds ${((100 * (m.ms + m.detectAfter - bare.ms)) / bare.ms).toFixed(0)}% (target ≤ 25%); longest task without it ${bare.longest.toFixed(0)} ms`,
        },
        {
          metric: 'story detection after the import (its own worker)',
          value: m.detectAfter / 1000,
          unit: 's',
          note: `adds ${((100 * m.detectAfter) / m.ms).toFixed(0)}% to the import; longest main-thread task meanwhile ${m.longestDetect.toFixed(0)} ms`,
        },
        {
          metric: 'longest main-thread task during import',
          value: m.longest,
          unit: 'ms',
          note: `${m.over50} tasks > 50 ms, ${m.over100} > 100 ms`,
        },
        {
          metric: '… before the final library re-read',
          value: m.longestBeforeLoad,
          unit: 'ms',
          note: m.reloaded ? 'library.load() once at the end' : 'no re-read (small import)',
        },
        { metric: 'time to first row after reload', value: median(firstRow), unit: 'ms', n: firstRow.length },
        {
          metric: `folder of ${FOLDER_FILES} .txt files: total`,
          value: f.ms / 1000,
          unit: 's',
          n: 1,
          note: `${f.imported} imported, ${f.duplicates} duplicates, ${f.failed} failed`,
        },
        {
          metric: 'folder: longest main-thread task',
          value: f.longest,
          unit: 'ms',
          note: `${f.over100} > 100 ms; the folder picker's own task before it: ${f.picker.toFixed(0)} ms`,
        },
      ];
    } finally {
      await s.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
