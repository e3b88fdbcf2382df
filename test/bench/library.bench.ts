/**
 * Library at archive scale, in Chromium: 30,000 stored articles (generated, or the first N of --corpus),
 * then time to first row after a reload and scrolling through the whole list.
 */
import { createHash } from 'node:crypto';
import type { BenchContext, BenchRow } from './lib/context';
import { median, percentile } from './lib/context';
import { openBrowser, waitForFirstRow } from './lib/browser';
import { readCorpus, generateCorpus, type CorpusRecord } from './lib/corpus';

export const name = 'library';

function toStored(r: CorpusRecord, i: number) {
  const text = `${r.title}\n\n${r.content}`;
  const id = createHash('sha256').update(text).digest('hex');
  const paragraphs: { start: number; end: number }[] = [];
  let at = r.title.length + 2;
  for (const p of r.content.split('\n')) {
    if (p.trim()) paragraphs.push({ start: at, end: at + p.length });
    at += p.length + 1;
  }
  const meta = {
    id, title: r.title || `#${i}`, outlet: r.source, published: r.date_extracted.slice(0, 10), url: r.url,
    length: r.content.length, words: r.content.split(/\s+/).length, importedAt: 1_700_000_000_000 + i,
    source: { kind: 'jsonl' }, tags: [],
  };
  return { meta, text: { id, text, titleRange: { start: 0, end: r.title.length }, paragraphs } };
}

async function records(ctx: BenchContext, n: number): Promise<CorpusRecord[]> {
  const out: CorpusRecord[] = [];
  if (ctx.corpus) for await (const r of readCorpus(ctx.corpus, n)) out.push(r);
  else out.push(...generateCorpus(n));
  return out;
}

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const n = ctx.limit ?? 30_000;
  const items = (await records(ctx, n)).map(toStored);
  const s = await openBrowser();
  try {
    await s.page.goto(s.url);
    await waitForFirstRow(s.page);
    for (let i = 0; i < items.length; i += 2000) {
      await s.page.evaluate(async (batch) => {
        const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open('warraq'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
        const tx = db.transaction(['articles', 'texts'], 'readwrite');
        for (const b of batch) { tx.objectStore('articles').put(b.meta); tx.objectStore('texts').put(b.text); }
        await new Promise((res, rej) => { tx.oncomplete = res; tx.onerror = () => rej(tx.error); });
        db.close();
      }, items.slice(i, i + 2000));
    }
    const firstRow: number[] = [];
    for (let i = 0; i < 5; i++) {
      await s.page.reload();
      await waitForFirstRow(s.page);
      firstRow.push(await s.page.evaluate(() => performance.now()));
    }
    // Scroll a page per frame through the first 300 pages, then 100 jumps to anywhere in the list.
    // A string, not a function: tsx's keepNames would inject a `__name` helper the page lacks.
    const scroll: { pages: number[]; jumps: number[]; rows: number } = await s.page.evaluate(`(async () => {
      const v = document.querySelector('warraq-app').shadowRoot.querySelector('warraq-library').shadowRoot.querySelector('lit-virtualizer');
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
      const time = async (to) => { const t = performance.now(); v.scrollTop = to; await frame(); await frame(); return performance.now() - t; };
      const pages = [];
      for (let i = 1; i <= 300; i++) pages.push(await time(i * v.clientHeight));
      const jumps = [];
      for (let i = 0; i < 100; i++) jumps.push(await time(((i * 7919) % 100) / 100 * v.scrollHeight));
      return { pages, jumps, rows: v.querySelectorAll('[role=row]').length };
    })()`);
    return [
      { metric: `articles stored`, value: items.length, unit: 'articles', note: ctx.corpus ? 'from --corpus' : 'generated' },
      { metric: 'time to first row (reload)', value: median(firstRow), unit: 'ms', n: firstRow.length },
      { metric: 'scroll one page (2 frames)', value: median(scroll.pages), unit: 'ms', n: scroll.pages.length, note: `p95 ${percentile(scroll.pages, 95).toFixed(1)} ms` },
      { metric: 'jump anywhere in the list (2 frames)', value: median(scroll.jumps), unit: 'ms', n: scroll.jumps.length, note: `p95 ${percentile(scroll.jumps, 95).toFixed(1)} ms; ${scroll.rows} rows in the DOM` },
    ];
  } finally {
    await s.close();
  }
}
