/**
 * Start-up with a large library (issue 17): the story list's first rows come from one indexed query,
 * before the whole library is read, already in the list's order (newest story first, not the newest
 * import); the rest loads behind them without the list changing under the reader, and the app works.
 * 6,000 articles (more than the list groups at once) are written straight into IndexedDB; the newest
 * published is the oldest imported, so an import-order first screen would show another title first.
 * State only: the page records what the library held when the first row appeared.
 */
import { test, expect, type Page } from '@playwright/test';
import { openApp, seededSetting } from './helpers';

const N = 6000;
const ar = (n: number) => n.toLocaleString('ar-EG');
const title = (i: number) => `نشرة المساء رقم ${i}`;
const grid = (page: Page) => page.getByRole('grid', { name: 'قائمة المقالات' });

/** Articles 0 … n-1: article i published i days after 2000-01-01, imported in the reverse order. */
async function storeMany(page: Page, n: number): Promise<void> {
  await page.evaluate(
    async ({ n, names }) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('warraq');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const tx = db.transaction(['articles', 'texts'], 'readwrite');
      const day = Date.UTC(2000, 0, 1);
      for (let i = 0; i < n; i++) {
        const id = `bulk-${String(i).padStart(6, '0')}`;
        const t = `${names[0]} ${i}`;
        // Words of its own in every article, so story detection links none of them.
        const body = Array.from({ length: 12 }, (_, k) => `كلمة${i}س${k}`).join(' ');
        const text = `${t}\n\n${body}`;
        tx.objectStore('articles').put({
          id,
          title: t,
          outlet: 'okaz',
          published: new Date(day + i * 86_400_000).toISOString().slice(0, 10),
          length: body.length,
          words: 12,
          importedAt: 1_700_000_000_000 + (n - i),
          source: { kind: 'text' },
          tags: [],
        });
        tx.objectStore('texts').put({
          id,
          text,
          titleRange: { start: 0, end: t.length },
          paragraphs: [{ start: t.length + 2, end: text.length }],
        });
      }
      await new Promise((res, rej) => {
        tx.oncomplete = res;
        tx.onerror = () => rej(tx.error);
      });
      db.close();
    },
    { n, names: [title(0).replace(/ 0$/, '')] },
  );
}

// Before the app starts: when the list's first row appears, what the library holds (read in the
// frame the row is drawn, before the rest of the library is requested).
const WATCH = `(() => {
  const look = () => {
    const app = document.querySelector('warraq-app');
    const root = app?.shadowRoot?.querySelector('warraq-library')?.shadowRoot;
    const row = root?.querySelector('[role=row][aria-rowindex="2"]');
    if (!row) return void requestAnimationFrame(look);
    const library = app.services.library;
    window.firstScreen = { text: row.textContent, complete: library.complete, held: library.allMeta().length, total: library.total, heading: root.querySelector('h1').textContent };
  };
  requestAnimationFrame(look);
})()`;

test('a large library draws its newest stories first, then loads the rest behind them', async ({ page }) => {
  test.setTimeout(300_000);
  await openApp(page);
  await expect.poll(() => page.evaluate(seededSetting)).toBe(true);
  await storeMany(page, N);
  await page.addInitScript(WATCH);
  await page.reload();

  // The first rows are the newest published stories, in order.
  const rows = grid(page).getByRole('row');
  await expect(rows.nth(1)).toContainText(title(N - 1));
  await expect(rows.nth(2)).toContainText(title(N - 2));
  const first = await page.evaluate(
    () =>
      (
        window as unknown as {
          firstScreen: { text: string; complete: boolean; held: number; total: number | null; heading: string };
        }
      ).firstScreen,
  );
  expect(first.text, 'the first row drawn is the newest story').toContain(title(N - 1));
  expect(first.complete, 'drawn before the whole library was read').toBe(false);
  expect(first.held).toBeLessThan(N);
  // Counting the stored articles walks the whole store: it waits until the first screen is drawn.
  expect(first.total, 'not counted before the first row').toBeNull();
  expect(first.heading.trim()).toBe('المكتبة');

  // Once every meta is read and grouped, the heading counts stories, and the list has not moved.
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`الأخبار: ${ar(N + 1)} · المقالات: ${ar(N + 1)}`);
  await expect(rows.nth(1)).toContainText(title(N - 1));

  // The library is whole: the oldest story is at the end of the list.
  await grid(page).focus();
  await page.keyboard.press('End');
  await expect(grid(page).getByRole('link', { name: title(0), exact: true })).toBeVisible();

  // Search answers from the index the worker built meanwhile.
  const box = page.getByRole('searchbox', { name: 'بحث', exact: true });
  await box.fill(String(N - 3));
  await box.press('Enter');
  await expect(
    page.getByRole('listbox', { name: 'نتائج البحث' }).getByRole('option', { name: title(N - 3) }),
  ).toBeVisible();
});
