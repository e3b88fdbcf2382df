/** Search e2e helpers: store fixture articles straight into IndexedDB, read the index status line. */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { expect, type Page } from '@playwright/test';

interface Fixture {
  title: string;
  outlet: string;
  published: string;
  paragraphs: string[];
}

export const FIXTURES: Fixture[] = JSON.parse(
  readFileSync(new URL('../fixtures/search-e2e/articles.json', import.meta.url), 'utf8'),
);

/** Stored rows (meta + text) for fixtures, shaped like the app's own imports. */
export function toStored(f: Fixture, i: number) {
  const text = `${f.title}\n\n${f.paragraphs.join('\n\n')}`;
  const id = createHash('sha256').update(text).digest('hex');
  const paragraphs: { start: number; end: number }[] = [];
  let at = f.title.length + 2;
  for (const p of f.paragraphs) {
    paragraphs.push({ start: at, end: at + p.length });
    at += p.length + 2;
  }
  const words = f.paragraphs.join(' ').split(/\s+/).length;
  return {
    meta: {
      id,
      title: f.title,
      outlet: f.outlet,
      published: f.published,
      length: text.length,
      words,
      importedAt: 1_700_000_000_000 + i,
      source: { kind: 'text' },
      tags: [],
    },
    text: { id, text, titleRange: { start: 0, end: f.title.length }, paragraphs },
  };
}

/**
 * Writes articles into the app's IndexedDB directly (a stand-in for another app window or a
 * restore: the running app does not hear of them), so a reload must find them stale and index them.
 */
export async function storeArticles(page: Page, items: ReturnType<typeof toStored>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 1000) {
    await page.evaluate(
      async (batch) => {
        const db = await new Promise<IDBDatabase>((res, rej) => {
          const r = indexedDB.open('warraq');
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
        const tx = db.transaction(['articles', 'texts'], 'readwrite');
        for (const b of batch) {
          tx.objectStore('articles').put(b.meta);
          tx.objectStore('texts').put(b.text);
        }
        await new Promise((res, rej) => {
          tx.oncomplete = res;
          tx.onerror = () => rej(tx.error);
        });
        db.close();
      },
      items.slice(i, i + 1000),
    );
  }
}

/** The index status line (role=status inside the search view). */
export const statusLine = (page: Page) => page.locator('warraq-search-status [role=status]');

/** Waits until the index answers from a complete index. */
export async function indexReady(page: Page, timeout = 0): Promise<void> {
  await expect(statusLine(page)).toHaveAttribute('data-state', 'ready', { timeout });
}
