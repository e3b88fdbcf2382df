/**
 * Issue 13: very long articles in the reader, in Chromium. Two synthetic articles (written here, not
 * corpus text) are generated inside the page and stored in IndexedDB: a 50 MB single line (one
 * paragraph of Arabic words) and a 1,000,000-paragraph article. Each is opened from its route and
 * measured:
 * - first paint: from setting the route to the first text block in the reader (polled every frame);
 * - scroll to end: from setting the scroller to its end to the block holding the last word;
 * - find: from typing a word only ~90 % of the way in (Ctrl+F) to the current hit being shown;
 * - peak JS heap of the page (CDP Runtime.getHeapUsage, sampled every 100 ms) over open + scroll + find.
 * Each article is opened twice: first with no reader head stored (the reader's fallback: imports, restores
 * and the v6 upgrade write heads; that open stores it),
 * then as after an import (the head is stored at import). `--profile DIR` writes CPU profiles.
 * Targets (issue 13): first paint ≤ 1 s, heap < 500 MB. Benchmarks never assert.
 * `npm run bench -- --only reader-long`
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { BenchContext, BenchRow } from './lib/context';
import { openBrowser, waitForFirstRow } from './lib/browser';

export const name = 'reader-long';

const FIND = 'زبرجدية';
const END = 'خاتمةالمقال';
const MB = 1024 * 1024;

interface Spec {
  id: string;
  label: string;
  kind: 'line' | 'paragraphs';
  /** UTF-8 bytes for 'line', paragraphs for 'paragraphs'. */
  size: number;
}

const SPECS: Spec[] = [
  { id: 'bench-long-line'.padEnd(64, '0'), label: '50 MB single line', kind: 'line', size: 50 * MB },
  { id: 'bench-long-paras'.padEnd(64, '0'), label: '1,000,000 paragraphs', kind: 'paragraphs', size: 1_000_000 },
];

/** Builds the article in the page (50 MB never crosses the CDP pipe) and stores it; returns its size. */
function store(page: Page, spec: Spec): Promise<{ chars: number; bytes: number; paragraphs: number }> {
  return page.evaluate(
    async ({ spec, FIND, END }) => {
      const words = [
        'أعلنت',
        'الوزارة',
        'اليوم',
        'عن',
        'افتتاح',
        'مشروع',
        'جديد',
        'للطرق',
        'في',
        'المنطقة',
        '2015',
        '٤٥',
      ];
      const enc = new TextEncoder();
      const wordBytes = words.map((w) => enc.encode(w).length + 1);
      const title = spec.kind === 'line' ? 'مقال من سطر واحد طوله خمسون ميغابايت' : 'مقال من مليون فقرة';
      const parts: string[] = [];
      const paragraphs: { start: number; end: number }[] = [];
      let at = title.length + 2;
      let bytes = 0;
      if (spec.kind === 'line') {
        const chunk: string[] = [];
        let i = 0;
        let findAt = Math.floor(spec.size * 0.9);
        while (bytes < spec.size) {
          if (bytes >= findAt) {
            findAt = Infinity;
            chunk.push(FIND);
          }
          const k = i++ % words.length;
          chunk.push(words[k]!);
          bytes += wordBytes[k]!;
          if (chunk.length === 10_000) parts.push(chunk.splice(0).join(' '));
        }
        chunk.push(END);
        parts.push(chunk.join(' '));
        const body = parts.join(' ');
        paragraphs.push({ start: at, end: at + body.length });
        parts.splice(0, parts.length, body);
      } else {
        for (let p = 0; p < spec.size; p++) {
          const text =
            p === spec.size - 1
              ? `الفقرة الأخيرة ${END}`
              : `الفقرة ${p + 1}: ${words[p % words.length]} ${words[(p * 7) % words.length]}${p === Math.floor(spec.size * 0.9) ? ` ${FIND}` : ''}`;
          parts.push(text);
          paragraphs.push({ start: at, end: at + text.length });
          at += text.length + 2;
        }
      }
      const text = `${title}\n\n${parts.join('\n\n')}`;
      bytes = enc.encode(text).length;
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('warraq');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const tx = db.transaction(['articles', 'texts'], 'readwrite');
      tx.objectStore('articles').put({
        id: spec.id,
        title,
        outlet: 'قياس',
        published: '2015-07-01',
        length: text.length,
        words: Math.round(text.length / 6),
        importedAt: Date.now(),
        source: { kind: 'text' },
        tags: [],
      });
      tx.objectStore('texts').put({ id: spec.id, text, titleRange: { start: 0, end: title.length }, paragraphs });
      await new Promise((res, rej) => {
        tx.oncomplete = res;
        tx.onerror = () => rej(tx.error);
      });
      db.close();
      return { chars: text.length, bytes, paragraphs: paragraphs.length };
    },
    { spec, FIND, END },
  );
}

/**
 * Evaluates `expr` (a CDP evaluation: the app's CSP forbids the page-side eval that waitForFunction uses)
 * until it is truthy, about every 16 ms; the expression measures its own time in the page.
 */
async function poll(page: Page, expr: string): Promise<unknown> {
  for (;;) {
    const v = await page.evaluate(expr);
    if (v) return v;
    await new Promise((r) => setTimeout(r, 16));
  }
}

const READER = `document.querySelector('warraq-app').shadowRoot.querySelector('warraq-reader')`;

/** Samples the page's JS heap every 100 ms until stopped. */
function heapSampler(cdp: CDPSession) {
  let peak = 0;
  let running = true;
  const heap = async () => ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await heap().catch(() => 0));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return peak;
    },
  };
}

/**
 * `--profile DIR`: a CPU profile of the page per phase (open, scroll, find), written as
 * DIR/<label>-<phase>.cpuprofile (open in Chrome DevTools; build with `--dev` for readable names).
 */
function profiler(cdp: CDPSession, dir: string | undefined, spec: Spec, pass: string) {
  if (dir) mkdirSync(dir, { recursive: true });
  return {
    start: async () => {
      if (!dir) return;
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    },
    stop: async (phase: string) => {
      if (!dir) return;
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(dir, `${spec.kind}-${pass}-${phase}.cpuprofile`), JSON.stringify(profile));
    },
  };
}

async function measureOne(
  page: Page,
  cdp: CDPSession,
  spec: Spec,
  pass: 'cold' | 'warm',
  profileDir?: string,
): Promise<BenchRow[]> {
  const prof = profiler(cdp, profileDir, spec, pass);
  const label = pass === 'cold' ? `${spec.label}, first open (no head stored)` : spec.label;
  await cdp.send('HeapProfiler.collectGarbage');
  const base = ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  const sampler = heapSampler(cdp);
  await prof.start();
  // Long tasks from the open to the end of find: whether the page stayed responsive meanwhile.
  await page.evaluate(
    `window.__lt = []; window.__ltObs?.disconnect(); window.__ltObs = new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__lt.push(e.duration))); window.__ltObs.observe({ type: 'longtask' })`,
  );
  await page.evaluate(`window.__t0 = performance.now(); location.hash = '#/article/${spec.id}'`);
  const firstPaint = (await await poll(
    page,
    `(() => { const r = ${READER}; return r && r.shadowRoot.querySelector('section.body p[data-b]') ? performance.now() - window.__t0 : 0; })()`,
  )) as number;
  await prof.stop('open');
  await page.evaluate('window.__s0 = undefined');
  await prof.start();
  const scroll = (await await poll(
    page,
    `(() => {
        const r = ${READER}.shadowRoot;
        const sc = r.querySelector('article');
        if (window.__s0 === undefined) window.__s0 = performance.now();
        sc.scrollTop = sc.scrollHeight;
        const ps = r.querySelectorAll('section.body p[data-b]');
        return ps.length && ps[ps.length - 1].textContent.includes('${END}') ? performance.now() - window.__s0 : 0;
      })()`,
  )) as number;
  await prof.stop('scroll');
  await page.evaluate(
    `(() => { const sc = ${READER}.shadowRoot.querySelector('article'); sc.scrollTop = 0; sc.focus(); })()`,
  );
  const reader = page.locator('warraq-reader');
  await prof.start();
  const t0 = performance.now();
  await page.keyboard.press('Control+f');
  await reader.getByRole('searchbox').fill(FIND);
  await reader.locator('mark.hit.current', { hasText: FIND }).waitFor({ timeout: 600_000 });
  const find = performance.now() - t0;
  await prof.stop('find');
  const peak = await sampler.stop();
  const tasks = (await page.evaluate('window.__lt')) as number[];
  await cdp.send('HeapProfiler.collectGarbage');
  const open = ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  const blocks = (await page.evaluate(
    `${READER}.shadowRoot.querySelectorAll('section.body p[data-b]').length`,
  )) as number;
  await page.evaluate(`location.hash = '#/'`);
  await waitForFirstRow(page);
  return [
    {
      metric: `${label}: first paint`,
      value: firstPaint,
      unit: 'ms',
      n: 1,
      note: 'route set → first text block (target ≤ 1,000)',
    },
    {
      metric: `${label}: scroll to end`,
      value: scroll,
      unit: 'ms',
      n: 1,
      note: `last word's block shown; ${blocks} blocks in the DOM after find`,
    },
    {
      metric: `${label}: find (Ctrl+F, word at ~90 %)`,
      value: find,
      unit: 'ms',
      n: 1,
      note: 'includes Playwright typing',
    },
    {
      metric: `${label}: longest main-thread task`,
      value: Math.max(0, ...tasks),
      unit: 'ms',
      n: tasks.length,
      note: `open+scroll+find; ${tasks.filter((d) => d > 100).length} tasks > 100 ms`,
    },
    {
      metric: `${label}: peak JS heap`,
      value: peak / MB,
      unit: 'MB',
      n: 1,
      note: `open+scroll+find; ${(base / MB).toFixed(0)} MB before, ${(open / MB).toFixed(0)} MB after GC with it open (target < 500)`,
    },
  ];
}

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  // `--limit N`: a quick run with N paragraphs and N × 50 bytes instead of the issue's sizes.
  const specs = ctx.limit
    ? SPECS.map((x) => ({
        ...x,
        size: x.kind === 'line' ? ctx.limit! * 50 : ctx.limit!,
        label: x.kind === 'line' ? `${((ctx.limit! * 50) / MB).toFixed(1)} MB single line` : `${ctx.limit} paragraphs`,
      }))
    : SPECS;
  const s = await openBrowser();
  try {
    await s.page.goto(s.url);
    await waitForFirstRow(s.page);
    const sizes: BenchRow[] = [];
    for (const spec of specs) {
      const size = await store(s.page, spec);
      sizes.push({
        metric: `${spec.label}: article`,
        value: size.bytes / MB,
        unit: 'MB',
        note: `${size.chars.toLocaleString('en')} characters, ${size.paragraphs.toLocaleString('en')} paragraphs (UTF-8 size)`,
      });
    }
    await s.page.reload();
    await waitForFirstRow(s.page);
    const cdp = await s.page.context().newCDPSession(s.page);
    const out: BenchRow[] = [];
    // The rows are written without a reader head (the fallback path): the first open reads the whole text and
    // stores the head; the second open starts from it, as every open of an imported article does.
    for (const spec of specs)
      for (const pass of ['cold', 'warm'] as const)
        out.push(...(await measureOne(s.page, cdp, spec, pass, ctx.profile)));
    return [...sizes, ...out];
  } finally {
    await s.close();
  }
}
