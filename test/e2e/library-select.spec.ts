/**
 * The library's rows and multi-select (issue 18): title over a one-line lead, outlet, date, length;
 * checkboxes, Space, Shift+arrows, Shift+click and Ctrl+A; bulk tag (add and remove), export and delete; a delete of
 * several articles or of annotations asks first, and every delete undoes (notice and Ctrl+Z).
 */
import { test, expect, type Page } from '@playwright/test';
import { articleLink, openApp, storeArticle, storeNote, SAMPLE_TITLE } from './helpers';

const grid = (page: Page) => page.getByRole('grid', { name: 'قائمة المقالات' });
const bulk = (page: Page) => page.getByRole('toolbar', { name: 'إجراءات المقالات المحددة' });
const check = (page: Page, title: string) => page.getByRole('checkbox', { name: `تحديد «${title}»` });
const TITLES = ['خبر أول عن الميناء', 'خبر ثان عن السوق', 'خبر ثالث عن المطار'];
/** Distinct texts: articles sharing passages would be grouped into one story row. */
const LEADS = [
  'رست سفينة الحاويات في الميناء بعد تأخير دام ثلاثة أيام.',
  'تراجعت أسعار الذهب في السوق المحلية مع نهاية الأسبوع.',
  'أعلنت إدارة المطار افتتاح صالة جديدة للرحلات الداخلية.',
];

async function withArticles(page: Page): Promise<void> {
  await openApp(page);
  for (const [i, title] of TITLES.entries())
    await storeArticle(page, {
      id: `sel-${i}`,
      title,
      outlet: 'صحيفة الاختبار',
      text: `${title}\n\n${LEADS[i]}`,
      importedAt: Date.now() + i,
    });
  await expect(articleLink(page, TITLES[2]!)).toBeVisible();
}

test('rows show a lead; checkboxes, Space, Shift+arrows and Ctrl+A select; bulk tag', async ({ page }) => {
  await withArticles(page);
  // Stored without a lead (as before leads existed): the row's lead is filled from the text.
  await expect(grid(page).getByText(LEADS[0]!)).toBeVisible();
  await check(page, TITLES[0]!).click();
  await expect(bulk(page)).toContainText('المحدد: ١');
  await check(page, TITLES[2]!).click({ modifiers: ['Shift'] });
  await expect(bulk(page)).toContainText('المحدد: ٣');
  await page.keyboard.press('Escape');
  await expect(bulk(page)).toHaveCount(0);
  // Keyboard: Space toggles the active row, Shift+↓ extends, Ctrl+A selects all.
  await grid(page).focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Space');
  await expect(bulk(page)).toContainText('المحدد: ١');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(bulk(page)).toContainText('المحدد: ٢');
  await page.keyboard.press('Control+a');
  await expect(bulk(page)).toContainText('المحدد: ٤');
  await expect(page.getByRole('row', { selected: true })).toHaveCount(4);
  await page.screenshot({ path: 'test-results/screenshots/library-selection-ar.png' });
  await bulk(page).getByRole('button', { name: 'وسم' }).click();
  await bulk(page).getByRole('combobox', { name: 'اسم الوسم' }).fill('ملف الموانئ');
  await bulk(page).getByRole('button', { name: 'أضف الوسم' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'أُضيف الوسم «ملف الموانئ» إلى ٤ مقالة' })).toBeVisible();
  // The tag reaches the notebook's tag filter (it lists article tags).
  await page.goto('/#/notebook');
  await expect(page.getByRole('combobox', { name: 'الوسم' }).locator('option', { hasText: 'ملف الموانئ' })).toHaveCount(
    1,
  );
});

/** The tags stored on an article (read from the app's database, the source of truth). */
async function storedTags(page: Page, id: string): Promise<string[]> {
  return page.evaluate(async (key) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('warraq');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const meta = await new Promise<{ tags: string[] }>((res, rej) => {
      const r = db.transaction('articles').objectStore('articles').get(key);
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    db.close();
    return meta.tags;
  }, id);
}

async function bulkTag(page: Page, tag: string, button: 'أضف الوسم' | 'أزل الوسم'): Promise<void> {
  await bulk(page).getByRole('button', { name: 'وسم' }).click();
  await bulk(page).getByRole('combobox', { name: 'اسم الوسم' }).fill(tag);
  await bulk(page).getByRole('button', { name: button }).click();
}

test('bulk tag removes a tag from the selected articles, with an undo', async ({ page }) => {
  await withArticles(page);
  await check(page, TITLES[0]!).click();
  await check(page, TITLES[1]!).click();
  await bulkTag(page, 'ملف الموانئ', 'أضف الوسم');
  await expect(page.getByRole('status').filter({ hasText: 'أُضيف الوسم «ملف الموانئ» إلى ٢ مقالة' })).toBeVisible();
  await expect.poll(() => storedTags(page, 'sel-1')).toEqual(['ملف الموانئ']);
  // Remove it from both; the third article never had it.
  await check(page, TITLES[2]!).click();
  await bulkTag(page, 'ملف الموانئ', 'أزل الوسم');
  await expect(page.getByRole('status').filter({ hasText: 'أُزيل الوسم «ملف الموانئ» من ٢ مقالة' })).toBeVisible();
  await expect.poll(() => storedTags(page, 'sel-0')).toEqual([]);
  await expect.poll(() => storedTags(page, 'sel-1')).toEqual([]);
  // Undo puts it back on exactly those two.
  await page.getByRole('button', { name: 'تراجع' }).click();
  await expect.poll(() => storedTags(page, 'sel-0')).toEqual(['ملف الموانئ']);
  await expect.poll(() => storedTags(page, 'sel-1')).toEqual(['ملف الموانئ']);
  expect(await storedTags(page, 'sel-2')).toEqual([]);
  // A tag none of them carries: nothing changes, and the notice says so.
  await bulkTag(page, 'لا وجود له', 'أزل الوسم');
  await expect(
    page.getByRole('status').filter({ hasText: 'لا تحمل المقالات المحددة الوسم «لا وجود له»' }),
  ).toBeVisible();
});

test('bulk delete asks first and undoes with Ctrl+Z; one article without notes goes at once', async ({ page }) => {
  await withArticles(page);
  await check(page, TITLES[0]!).click();
  await check(page, TITLES[1]!).click();
  await bulk(page).getByRole('button', { name: 'حذف المحدد' }).click();
  const dialog = page.getByRole('dialog', { name: 'حذف ٢ مقالة؟' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('يمكنك التراجع');
  await page.screenshot({ path: 'test-results/screenshots/library-confirm-ar.png' });
  await dialog.getByRole('button', { name: 'إلغاء' }).click();
  await expect(articleLink(page, TITLES[0]!)).toBeVisible();
  await bulk(page).getByRole('button', { name: 'حذف المحدد' }).click();
  await dialog.getByRole('button', { name: 'احذف', exact: true }).click();
  await expect(articleLink(page, TITLES[0]!)).toHaveCount(0);
  await expect(articleLink(page, TITLES[1]!)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'حُذفت ٢ مقالة' })).toBeVisible();
  await grid(page).focus();
  await page.keyboard.press('Control+z');
  await expect(articleLink(page, TITLES[0]!)).toBeVisible();
  await expect(articleLink(page, TITLES[1]!)).toBeVisible();
  // The quiet row action: one article without annotations goes without a question, with an undo.
  await page.getByRole('button', { name: `حذف «${TITLES[2]}»` }).click();
  await expect(articleLink(page, TITLES[2]!)).toHaveCount(0);
  await page.getByRole('button', { name: 'تراجع' }).click();
  await expect(articleLink(page, TITLES[2]!)).toBeVisible();
});

test('deleting an article with annotations asks first; export takes the selection', async ({ page }) => {
  await withArticles(page);
  await storeNote(page, { id: 'a1', articleId: 'sel-0', note: 'ملاحظة' });
  await page.getByRole('button', { name: `حذف «${TITLES[0]}»` }).click();
  const dialog = page.getByRole('dialog', { name: `حذف «${TITLES[0]}»؟` });
  await expect(dialog).toContainText('تُحذف معها التظليلات والملاحظات عليها: ١.');
  await dialog.getByRole('button', { name: 'إلغاء' }).click();
  await expect(articleLink(page, TITLES[0]!)).toBeVisible();
  await check(page, TITLES[0]!).click();
  await check(page, SAMPLE_TITLE).click();
  await bulk(page).getByRole('button', { name: 'تصدير المحدد' }).click();
  const exportDialog = page.getByRole('dialog', { name: /تصدير/ });
  await expect(exportDialog.getByRole('radio', { name: 'المقالات المحددة (٢) وتعليقاتها' })).toBeChecked();
});
