/**
 * The library (with a selection and the bulk bar), search and notebook in Arabic and English, written to
 * test-results/screenshots/ for the README and the closing note; and focus coming back to the search
 * result and the notebook entry that was opened (issue 18).
 */
import { test, expect, type Page } from '@playwright/test';
import { articleLink, openApp, storeArticle, SAMPLE_TITLE } from './helpers';

const SHOTS = 'test-results/screenshots';
const ARTICLES = [
  ['رست سفينة الحاويات في الميناء بعد تأخير دام ثلاثة أيام', 'صحيفة الوطن'],
  ['تراجعت أسعار الذهب في السوق المحلية مع نهاية الأسبوع', 'عكاظ'],
  ['أعلنت إدارة المطار افتتاح صالة جديدة للرحلات الداخلية', 'صحيفة الوطن'],
];

async function setUp(page: Page): Promise<void> {
  await openApp(page);
  for (const [i, [lead, outlet]] of ARTICLES.entries()) {
    const title = `${lead!.split(' ').slice(0, 4).join(' ')}`;
    await storeArticle(page, {
      id: `shot-${i}`,
      title,
      outlet: outlet!,
      text: `${title}\n\n${lead}، وقال مسؤول إن العمل يسير وفق الخطة المعلنة.`,
      published: `2024-0${i + 3}-1${i}`,
      importedAt: Date.now() + i,
    });
  }
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('warraq');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const tx = db.transaction('annotations', 'readwrite');
    const now = Date.now();
    tx.objectStore('annotations').put({
      id: 'shot-note',
      articleId: 'shot-0',
      selectors: [],
      note: 'يستحق المتابعة مع إدارة الميناء',
      tags: ['موانئ'],
      createdAt: now,
      updatedAt: now,
    });
    await new Promise((res) => (tx.oncomplete = res));
    db.close();
  });
  await page.reload();
  await expect(articleLink(page, SAMPLE_TITLE)).toBeVisible();
}

async function english(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Switch the interface to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

test('screenshots: library with a selection, search and notebook, in Arabic and English', async ({ page }) => {
  await setUp(page);
  for (const lang of ['ar', 'en'] as const) {
    if (lang === 'en') await english(page);
    const grid = page.getByRole('grid');
    await page.evaluate(() => (location.hash = '#/'));
    await expect(grid).toBeVisible();
    const select = lang === 'ar' ? 'تحديد «' : 'Select “';
    await page.getByRole('checkbox', { name: new RegExp(`^${select}رست`) }).click();
    await page.getByRole('checkbox', { name: new RegExp(`^${select}أعلنت`) }).click();
    await expect(page.getByRole('row', { selected: true })).toHaveCount(2);
    await page.screenshot({ path: `${SHOTS}/library-bulk-${lang}.png` });
    await page.keyboard.press('Escape');
    await page.evaluate(() => (location.hash = `#/search?q=${encodeURIComponent('الميناء')}`));
    await expect(page.locator('warraq-search').getByRole('option').first()).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/search-${lang}.png` });
    await page.evaluate(() => (location.hash = '#/notebook'));
    await expect(page.locator('warraq-notebook blockquote, warraq-notebook .note').first()).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/notebook-${lang}.png` });
  }
});

test('focus returns to the search result and to the notebook entry that was opened', async ({ page }) => {
  await setUp(page);
  const box = page.getByRole('searchbox', { name: 'بحث', exact: true });
  await box.fill('"الخطة المعلنة"');
  await box.press('Enter');
  const results = page.getByRole('listbox', { name: 'نتائج البحث' });
  await expect(results.getByRole('option')).toHaveCount(3);
  await results.getByRole('option').nth(1).click();
  await expect(page.locator('warraq-reader h1')).toBeVisible();
  await page.goBack();
  await expect(results).toBeFocused();
  await expect(results).toHaveAttribute('aria-activedescendant', 'r-1');

  await page.evaluate(() => (location.hash = '#/notebook'));
  const open = page.getByRole('button', { name: /^فتح «/ }).first();
  await open.click();
  await expect(page.locator('warraq-reader h1')).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('button', { name: /^فتح «/ }).first()).toBeFocused();
});
