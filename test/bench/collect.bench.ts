/**
 * Collect: refreshing 100 feeds of 20 items each from a local server (test/e2e/collect-server.ts) in
 * Chromium through the app's own path — an OPML list imported on the Sources screen subscribes to them,
 * and the first refresh fetches every feed and every item's page (two requests per host at a time) and
 * imports the pages in the import worker. Then "Refresh all feeds" again: only conditional requests,
 * answered 304, and 0 new articles. Measures time, articles/s and the longest main-thread task
 * (PerformanceObserver 'longtask'). Run `node scripts/build.mjs` first. The corpus is not used.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BenchContext, BenchRow } from './lib/context';
import { openBrowser, waitForFirstRow } from './lib/browser';
import { startCollectServer } from '../e2e/collect-server';
import { tasksIn, startProfile, stopProfile } from './lib/profile';

export const name = 'collect';

const FEEDS = 100;
const ITEMS = 20;

interface Measured {
  ms: number;
  imported: number;
  duplicates: number;
  failed: number;
  longest: number;
  over50: number;
  errors: number;
}

/** Installs the long-task observer and marks the refresh's start and end from the feeds service's status. */
async function watchRefresh(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __long: { start: number; dur: number }[]; __t: { start?: number; end?: number } };
    w.__long = [];
    w.__t = {};
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push({ start: e.startTime, dur: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    const feeds = (
      document.querySelector('warraq-app') as unknown as {
        services: { feeds: EventTarget & { status: { refreshing: boolean } } };
      }
    ).services.feeds;
    feeds.addEventListener('change', () => {
      if (feeds.status.refreshing) w.__t.start ??= performance.now();
      else if (w.__t.start !== undefined) w.__t.end ??= performance.now();
    });
  });
}

async function measured(page: Page, reportBefore: unknown): Promise<Measured> {
  await page.waitForFunction(() => (window as unknown as { __t: { end?: number } }).__t.end !== undefined, undefined, {
    timeout: 900_000,
    polling: 200,
  });
  return page.evaluate((before) => {
    const w = window as unknown as { __long: { start: number; dur: number }[]; __t: { start: number; end: number } };
    const during = w.__long.filter((l) => l.start + l.dur >= w.__t.start && l.start <= w.__t.end).map((l) => l.dur);
    const feeds = (
      document.querySelector('warraq-app') as unknown as {
        services: {
          feeds: {
            feeds: { lastError?: unknown }[];
            status: { lastReport?: { imported: number; duplicates: number; failed: unknown[]; finishedAt: number } };
          };
        };
      }
    ).services.feeds;
    const r = feeds.status.lastReport;
    const fresh = r && r.finishedAt !== before;
    return {
      ms: w.__t.end - w.__t.start,
      imported: fresh ? r.imported : 0,
      duplicates: fresh ? r.duplicates : 0,
      failed: fresh ? r.failed.length : 0,
      longest: Math.max(0, ...during),
      over50: during.length,
      errors: feeds.feeds.filter((f) => f.lastError).length,
    };
  }, reportBefore);
}

export async function run(_ctx: BenchContext): Promise<BenchRow[]> {
  const server = await startCollectServer();
  const dir = mkdtempSync(join(tmpdir(), 'warraq-collect-bench-'));
  const s = await openBrowser();
  try {
    const opml = join(dir, 'feeds.opml');
    writeFileSync(
      opml,
      `<?xml version="1.0" encoding="utf-8"?><opml version="2.0"><head><title>bench</title></head><body>${Array.from(
        { length: FEEDS },
        (_, i) => `<outline type="rss" text="127.0.0.1" xmlUrl="${server.url}/bench/feed-${i}.xml"/>`,
      ).join('')}</body></opml>`,
    );
    await s.page.goto(`${s.url}#/feeds`);
    await s.page.getByRole('button', { name: 'استيراد قائمة OPML' }).waitFor();
    await watchRefresh(s.page);
    // BENCH_PROFILE=1: a CPU profile of the first refresh, its longest busy stretches and what took their time.
    const cdp = process.env.BENCH_PROFILE ? await s.page.context().newCDPSession(s.page) : undefined;
    if (cdp) await startProfile(cdp);
    const anchor = cdp ? await s.page.evaluate(() => performance.now()) : 0;
    const chooser = s.page.waitForEvent('filechooser');
    await s.page.getByRole('button', { name: 'استيراد قائمة OPML' }).click();
    await (await chooser).setFiles(opml);
    const first = await measured(s.page, undefined);
    console.error(`  first refresh: ${JSON.stringify(first)}; server: ${server.pages} pages`);
    if (cdp) {
      const profile = await stopProfile(cdp);
      writeFileSync(join(tmpdir(), 'warraq-collect.cpuprofile'), JSON.stringify(profile));
      const tasks = await s.page.evaluate(() =>
        (window as unknown as { __long: { start: number; dur: number }[] }).__long
          .sort((a, b) => b.dur - a.dur)
          .slice(0, 4)
          .map((l) => [l.start, l.dur] as [number, number]),
      );
      for (const task of tasksIn(profile, anchor, tasks))
        console.error(
          `  task ${task.ms} ms: self ${JSON.stringify(task.self)}\n    inclusive ${JSON.stringify(task.inclusive)}`,
        );
    }
    const reportAt = await s.page.evaluate(
      () =>
        (
          document.querySelector('warraq-app') as unknown as {
            services: { feeds: { status: { lastReport?: { finishedAt: number } } } };
          }
        ).services.feeds.status.lastReport?.finishedAt,
    );
    const pagesBefore = server.pages;
    const notModifiedBefore = server.notModified;
    await watchRefresh(s.page);
    await s.page.getByRole('button', { name: 'تحديث كل الخلاصات' }).click();
    const second = await measured(s.page, reportAt);
    const n304 = server.notModified - notModifiedBefore;
    console.error(
      `  second refresh: ${JSON.stringify(second)}; 304s: ${n304}; pages fetched: ${server.pages - pagesBefore}`,
    );
    await waitForFirstRow(s.page).catch(() => {});
    return [
      {
        group: 'collect',
        metric: `first refresh, ${FEEDS} feeds × ${ITEMS} items: total`,
        value: first.ms / 1000,
        unit: 's',
        n: 1,
        note: `${first.imported} imported, ${first.duplicates} duplicates, ${first.failed} failed, ${first.errors} feed errors`,
      },
      {
        group: 'collect',
        metric: 'first refresh throughput',
        value: first.imported / (first.ms / 1000),
        unit: 'articles/s',
        note: 'feeds and pages fetched 2 per host at a time',
      },
      {
        group: 'collect',
        metric: 'first refresh: longest main-thread task',
        value: first.longest,
        unit: 'ms',
        note: `${first.over50} tasks > 50 ms`,
      },
      {
        group: 'collect',
        metric: 'second refresh (conditional requests only): total',
        value: second.ms,
        unit: 'ms',
        note: `${n304} answered 304, ${server.pages - pagesBefore} pages fetched, ${second.imported} new articles`,
      },
      {
        group: 'collect',
        metric: 'second refresh: longest main-thread task',
        value: second.longest,
        unit: 'ms',
        note: `${second.over50} tasks > 50 ms`,
      },
    ];
  } finally {
    await s.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
