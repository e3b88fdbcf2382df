/**
 * Puts a library into the app's IndexedDB for a bench: corpus (or generated) records as stored
 * articles, written in 2,000-row transactions straight into the app's object stores (the import
 * path itself is timed by import.bench.ts; these benches time what comes after).
 */
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { BenchContext } from './context';
import { readCorpus, generateCorpus, type CorpusRecord } from './corpus';
import { leadOf } from '../../../renderer/core/article/lead';

export interface SeedRow {
  meta: Record<string, unknown> & { id: string };
  text: {
    id: string;
    text: string;
    titleRange: { start: number; end: number };
    paragraphs: { start: number; end: number }[];
  };
  annotations?: Record<string, unknown>[];
}

/** A corpus record as the app stores it (title + blank line + content; one paragraph per content line). */
export function corpusArticle(r: CorpusRecord, i: number): SeedRow {
  const text = `${r.title}\n\n${r.content}`;
  const id = createHash('sha256').update(text).digest('hex');
  const paragraphs: { start: number; end: number }[] = [];
  let at = r.title.length + 2;
  for (const p of r.content.split('\n')) {
    if (p.trim()) paragraphs.push({ start: at, end: at + p.length });
    at += p.length + 1;
  }
  const meta = {
    id,
    // As an import stores it (docs/decisions/library-leads.md): the list never reads texts to draw a lead.
    lead: leadOf(text, paragraphs),
    title: r.title || `#${i}`,
    outlet: r.source,
    published: r.date_extracted.slice(0, 10),
    url: r.url,
    length: r.content.length,
    words: r.content.split(/\s+/).length,
    importedAt: 1_700_000_000_000 + i,
    source: { kind: 'jsonl' },
    tags: [],
  };
  return { meta, text: { id, text, titleRange: { start: 0, end: r.title.length }, paragraphs } };
}

/** `--limit` (or `fallback`) records of `--corpus`, or as many generated ones. */
export async function benchRecords(ctx: BenchContext, fallback: number): Promise<CorpusRecord[]> {
  const n = ctx.limit ?? (ctx.corpus ? Infinity : fallback);
  const out: CorpusRecord[] = [];
  if (ctx.corpus) for await (const r of readCorpus(ctx.corpus, n)) out.push(r);
  else out.push(...generateCorpus(n));
  return out;
}

/** Writes rows into the open app's database (the page must have started the app once). */
export async function storeRows(page: Page, rows: SeedRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    await page.evaluate(
      async (batch) => {
        const db = await new Promise<IDBDatabase>((res, rej) => {
          const r = indexedDB.open('warraq');
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
        const tx = db.transaction(['articles', 'texts', 'annotations'], 'readwrite');
        for (const b of batch) {
          tx.objectStore('articles').put(b.meta);
          tx.objectStore('texts').put(b.text);
          for (const a of b.annotations ?? []) tx.objectStore('annotations').put(a);
        }
        await new Promise((res, rej) => {
          tx.oncomplete = res;
          tx.onerror = () => rej(tx.error);
        });
        db.close();
      },
      rows.slice(i, i + 2000),
    );
  }
}
