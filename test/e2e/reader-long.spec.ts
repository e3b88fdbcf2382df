/**
 * Issue 13: a very long article stays responsive. The reader renders a window of display blocks, not
 * the whole article: highlights, find, scrolling to the end and the reading position still work.
 * (First-paint times and heap of a 50 MB / 1,000,000-paragraph article are measured by `npm run bench`.)
 */
import { test, expect, type Page } from '@playwright/test';
import { openApp, articleLink, storeArticle } from './helpers';

const reader = (page: Page) => page.locator('warraq-reader');
const rendered = (page: Page) => reader(page).locator('section.body p[data-b]');
const scroller = (page: Page) => reader(page).locator('article');

const N = 30_000;
const UNIQUE = 'زمردية';

function longArticle() {
  const title = 'مقال طويل جدا للاختبار';
  const paras = Array.from(
    { length: N },
    (_, i) => `الفقرة ${i + 1} من تقرير طويل عن الأحداث في المنطقة${i === N - 10 ? ` ${UNIQUE}` : ''}`,
  );
  return { id: 'long-'.padEnd(64, '0'), title, outlet: 'اختبار', text: `${title}\n\n${paras.join('\n\n')}` };
}

/** The saved reading position's paragraph (0 when none). */
function readingOf(page: Page, id: string): Promise<number> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((res) => {
      const r = indexedDB.open('warraq');
      r.onsuccess = () => res(r.result);
    });
    const row = await new Promise<{ paragraph: number } | undefined>((res) => {
      const q = db.transaction('reading').objectStore('reading').get(id);
      q.onsuccess = () => res(q.result as { paragraph: number } | undefined);
    });
    db.close();
    return row?.paragraph ?? 0;
  }, id);
}

test('a 30,000-paragraph article: windowed, highlight, find, scroll to the end, reading position', async ({ page }) => {
  await openApp(page);
  const a = longArticle();
  await storeArticle(page, a);
  await articleLink(page, a.title).click();
  await expect(page.getByRole('heading', { level: 1, name: a.title })).toBeVisible();
  await expect(rendered(page).first()).toBeVisible();
  // Only a window is in the DOM, not 30,000 paragraphs.
  expect(await rendered(page).count()).toBeLessThan(500);

  // A highlight in paragraph 3, through the selection toolbar.
  await page.evaluate(() => {
    const root = document.querySelector('warraq-app')!.shadowRoot!.querySelector('warraq-reader')!.shadowRoot!;
    const text = root.querySelector('p[data-p="3"]')!.firstChild!;
    let node: Node = text;
    while (node.nodeType !== Node.TEXT_NODE || !node.textContent!.includes('تقرير طويل')) node = node.nextSibling!;
    const i = node.textContent!.indexOf('تقرير طويل');
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 'تقرير طويل'.length);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  });
  await page.getByRole('toolbar', { name: 'أدوات النص المحدد' }).getByRole('button', { name: 'تظليل أصفر' }).click();
  const hl = reader(page).locator('p[data-p="3"] mark.hl');
  await expect(hl).toHaveText('تقرير طويل');

  // Find a word that only the 29,991st paragraph holds: the reader brings it into the window.
  await scroller(page).focus();
  await page.keyboard.press('Control+f');
  await reader(page).getByRole('searchbox').fill(UNIQUE);
  const current = reader(page).locator('mark.hit.current');
  await expect(current).toHaveText(UNIQUE);
  await expect(current).toBeInViewport();
  await expect(current.locator('xpath=ancestor::p')).toHaveAttribute('data-p', String(N - 9));
  await expect(hl).toHaveCount(0); // paragraph 3 left the window

  // Back to the highlight from the panel: the window moves to it.
  await page.getByRole('complementary', { name: 'التظليلات والملاحظات' }).getByText('تقرير طويل').first().click();
  await expect(hl).toBeInViewport();

  // Scroll to the end (as the End key or dragging the scrollbar would): the last paragraph appears.
  await expect
    .poll(async () => {
      await scroller(page).evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      return reader(page).locator(`p[data-p="${N}"]`).isVisible();
    })
    .toBe(true);
  await expect(reader(page).locator(`p[data-p="${N}"]`)).toBeInViewport();

  // Scroll up a little from the end: the reading position is saved as a text offset and restored.
  await scroller(page).evaluate((el) => {
    el.scrollTop -= el.clientHeight * 3;
  });
  await expect.poll(() => readingOf(page, a.id)).toBeGreaterThan(N - 200);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: a.title })).toBeAttached();
  // The stored position is read after the reload: a save still settling when the page reloaded (the
  // window re-measuring under the scroll) may have moved it a little, and what matters is that the
  // reader opens where the stored position says, near the end, not at the top.
  await expect
    .poll(async () => {
      const at = await readingOf(page, a.id);
      const shown = await reader(page)
        .locator('article')
        .evaluate((el, at) => {
          const p = el.querySelector(`p[data-p="${at}"]`);
          if (!p) return false;
          const r = p.getBoundingClientRect();
          const v = el.getBoundingClientRect();
          return r.bottom > v.top && r.top < v.bottom;
        }, at);
      return at > N - 200 && shown;
    })
    .toBe(true);
});

/** Whether the reader head of article `id` is stored (IndexedDB `readerHeads`), and how many pages (`readerPages`). */
function readerRows(page: Page, id: string): Promise<{ head: boolean; pages: number }> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((res) => {
      const r = indexedDB.open('warraq');
      r.onsuccess = () => res(r.result);
    });
    const tx = db.transaction(['readerHeads', 'readerPages']);
    const [row, pages] = await Promise.all([
      new Promise<unknown>((res) => {
        const q = tx.objectStore('readerHeads').get(id);
        q.onsuccess = () => res(q.result);
      }),
      new Promise<number>((res) => {
        const q = tx.objectStore('readerPages').index('id').count(id);
        q.onsuccess = () => res(q.result);
      }),
    ]);
    db.close();
    return { head: row !== undefined, pages };
  }, id);
}

/** From now on, records the name of every IndexedDB store read by key in the page (`window.__reads`). */
function recordReads(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __reads: string[] };
    w.__reads = [];
    const get = IDBObjectStore.prototype.get;
    IDBObjectStore.prototype.get = function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
      w.__reads.push(this.name);
      return get.call(this, key);
    };
  });
}

test('a 2 MB single-line article: a bounded DOM, find far in, the last word, then opened from its head and pages', async ({
  page,
}) => {
  await openApp(page);
  const title = 'مقال من سطر واحد للاختبار';
  const words = ['أعلنت', 'الوزارة', 'اليوم', 'عن', 'افتتاح', 'مشروع', 'جديد'];
  const body = Array.from({ length: 180_000 }, (_, i) => (i === 162_000 ? UNIQUE : words[i % words.length])).join(' ');
  const a = { id: 'line-'.padEnd(64, '0'), title, outlet: 'اختبار', text: `${title}\n\n${body} خاتمةالمقال` };
  await storeArticle(page, a); // written as a restore would: no reader head yet
  const open = async () => {
    await articleLink(page, a.title).click();
    await expect(page.getByRole('heading', { level: 1, name: a.title })).toBeVisible();
    await expect(rendered(page).first()).toContainText('أعلنت الوزارة');
  };
  await open();
  // One paragraph of 1.2M characters is cut into display blocks; only a window of them is in the DOM.
  expect(await rendered(page).count()).toBeLessThan(200);
  // Reading it whole stored its head and its pages (1.2M characters: 5 of 256K), for a fast start next time.
  await expect.poll(() => readerRows(page, a.id)).toEqual({ head: true, pages: 5 });

  // Find a word 90 % of the way in.
  await scroller(page).focus();
  await page.keyboard.press('Control+f');
  await reader(page).getByRole('searchbox').fill(UNIQUE);
  const current = reader(page).locator('mark.hit.current');
  await expect(current).toHaveText(UNIQUE);
  await expect(current).toBeInViewport();
  await expect(reader(page).getByRole('search', { name: 'البحث في المقالة' }).getByRole('status')).toHaveText(
    /^(1|١) من (1|١)$/,
  );

  // Scroll to the end: the last word appears.
  const last = reader(page).locator('section.body p[data-b]', { hasText: 'خاتمةالمقال' });
  await expect
    .poll(async () => {
      await scroller(page).evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      return last.isVisible();
    })
    .toBe(true);
  expect(await rendered(page).count()).toBeLessThan(200);

  // Opened again, from its head: the same article, whole once its pages are read (find works again,
  // and the last word is there). Its whole `texts` row is never read: that one read blocks the page
  // for seconds on a 50 MB article, where each page is a short task.
  await page.evaluate(() => {
    location.hash = '#/';
  });
  await expect(page.getByRole('heading', { level: 1, name: a.title })).toBeHidden();
  await recordReads(page);
  await open();
  await scroller(page).focus();
  await page.keyboard.press('Control+f');
  await reader(page).getByRole('searchbox').fill(UNIQUE);
  await expect(current).toHaveText(UNIQUE);
  await expect(current).toBeInViewport();
  await reader(page).getByRole('searchbox').fill('خاتمةالمقال');
  await expect(current).toHaveText('خاتمةالمقال');
  const reads = (await page.evaluate('window.__reads')) as string[];
  expect(reads.filter((r) => r === 'readerPages').length).toBe(5);
  expect(reads).not.toContain('texts');
});
