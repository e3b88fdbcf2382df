/**
 * Issue 18's defect list, one test each, as a new user met them: toasts stacking over the text, Arabic
 * titles clipped at their beginning in the English interface, focus lost after Escape, the find bar
 * coming back after a reload, mm/dd/yyyy date fields, a notebook date filter that does not say which
 * date, search within results stopping at 1,000, and an "empty" library after the last article of a
 * filtered outlet goes.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleLink, openApp, storeArticle, storeNote, switchLanguage, SAMPLE_TITLE } from './helpers';
import { importFiles, closeReport } from './import-helpers';
import { statusLine, indexReady } from './search-helpers';

const grid = (page: Page) => page.getByRole('grid', { name: 'قائمة المقالات' });
const latin = (s: string) =>
  s.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[٬,]/g, '');
const arabic = (s: string) => s.replace(/\d/g, (c) => String.fromCharCode(0x0660 + Number(c)));

/** Distinct texts: articles sharing passages would be grouped into one story (one row, two articles). */
const BODIES = [
  'افتتح معرض الكتاب أبوابه للزوار صباح السبت',
  'هطلت أمطار غزيرة على مرتفعات الجنوب ليلا',
  'ارتفعت أسعار الخضار في الأسواق المركزية',
];

function article(n: number, extra: Partial<Parameters<typeof storeArticle>[1]> = {}) {
  const title = `خبر الاختبار رقم ${n}`;
  return {
    id: `test-${n}`,
    title,
    outlet: 'صحيفة الاختبار',
    text: `${title}\n\n${BODIES[n % BODIES.length]}.`,
    importedAt: Date.now() + n,
    ...extra,
  };
}

test('notices show one at a time, and every delete stays undoable after its notice', async ({ page }) => {
  await openApp(page);
  await storeArticle(page, article(1));
  await storeArticle(page, article(2));
  await expect(articleLink(page, 'خبر الاختبار رقم 2')).toBeVisible();
  for (const title of [SAMPLE_TITLE, 'خبر الاختبار رقم 1', 'خبر الاختبار رقم 2']) {
    await page.getByRole('button', { name: `حذف «${title}»` }).click();
    await expect(articleLink(page, title)).toHaveCount(0);
  }
  const notices = page.locator('warraq-notices .notice');
  await expect(notices).toHaveCount(1);
  await expect(notices).toContainText('حُذف «خبر الاختبار رقم 2»');
  await expect(notices).toContainText('+٢');
  await page.getByRole('button', { name: 'إغلاق التنبيه' }).click();
  await page.getByRole('button', { name: 'إغلاق التنبيه' }).click();
  await page.getByRole('button', { name: 'إغلاق التنبيه' }).click();
  await expect(notices).toHaveCount(0);
  // Every notice is gone; Ctrl+Z still undoes each delete, newest first.
  await page.locator('body').press('Control+z');
  await expect(articleLink(page, 'خبر الاختبار رقم 2')).toBeVisible();
  await page.locator('body').press('Control+z');
  await expect(articleLink(page, 'خبر الاختبار رقم 1')).toBeVisible();
  await page.locator('body').press('Control+z');
  await expect(articleLink(page, SAMPLE_TITLE)).toBeVisible();
});

test('the English interface clips a long Arabic title at its end, with the ellipsis there', async ({ page }) => {
  const long = `${'تقرير مطول عن مفاوضات السلام في المنطقة '.repeat(6)}نهاية`;
  await page.setViewportSize({ width: 1000, height: 700 });
  await openApp(page);
  await storeArticle(page, article(1, { title: long, text: `${long}\n\nنص الخبر.` }));
  await switchLanguage(page, 'en');
  const link = page.getByRole('grid', { name: 'Articles' }).getByRole('link', { name: long });
  await expect(link).toBeVisible();
  const geometry = await link.evaluate((el) => {
    const text =
      el.firstChild && el.firstChild.nodeType === 3 ? el.firstChild : [...el.childNodes].find((n) => n.nodeType === 3)!;
    const box = el.getBoundingClientRect();
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 1);
    const first = range.getBoundingClientRect();
    const len = text.textContent!.length;
    range.setStart(text, len - 1);
    range.setEnd(text, len);
    const last = range.getBoundingClientRect();
    const s = getComputedStyle(el);
    return {
      direction: s.direction,
      overflow: s.textOverflow,
      clipped: el.scrollWidth > el.clientWidth,
      firstInside: first.right <= box.right + 1 && first.left >= box.left - 1,
      lastOutside: last.right < box.left || last.left > box.right,
    };
  });
  expect(geometry).toEqual({
    direction: 'rtl',
    overflow: 'ellipsis',
    clipped: true,
    firstInside: true,
    lastOutside: true,
  });
  await page.screenshot({ path: 'test-results/screenshots/library-long-title-en.png' });
});

test('Escape from an article puts focus back on the row that was opened', async ({ page }) => {
  await openApp(page);
  await storeArticle(page, article(1));
  await storeArticle(page, article(2));
  await articleLink(page, 'خبر الاختبار رقم 1').click();
  await expect(page.getByRole('heading', { level: 1, name: 'خبر الاختبار رقم 1' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(grid(page)).toBeFocused();
  const id = await grid(page).getAttribute('aria-activedescendant');
  await expect(page.locator(`warraq-library [role=row]#${id}`)).toContainText('خبر الاختبار رقم 1');
  // The keyboard goes on from there.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'خبر الاختبار رقم 1' })).toBeVisible();
});

test('closing the find bar forgets ?q=, so a reload does not reopen it', async ({ page }) => {
  await openApp(page);
  const box = page.getByRole('searchbox', { name: 'بحث', exact: true });
  await box.fill('التحالف');
  await box.press('Enter');
  await page.getByRole('listbox', { name: 'نتائج البحث' }).getByRole('option', { name: SAMPLE_TITLE }).click();
  await expect(page).toHaveURL(/\?q=/);
  const bar = page.getByRole('search', { name: 'البحث في المقالة' });
  await expect(bar).toBeVisible();
  await bar.getByRole('button', { name: 'إغلاق البحث في المقالة' }).click();
  await expect(bar).toHaveCount(0);
  await expect(page).not.toHaveURL(/q=/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  await expect(page.locator('warraq-reader article p[data-p]').first()).toBeVisible();
  await expect(bar).toHaveCount(0);
});

test('notebook dates: day/month/year in Arabic digits, and the filter says which date it uses', async ({ page }) => {
  await openApp(page);
  await storeArticle(page, article(1, { published: '2015-07-01' }));
  await storeNote(page, { id: 'n1', articleId: 'test-1', note: 'ملاحظة الاختبار' });
  await page.goto('/#/notebook');
  await page.reload();
  const count = page.getByRole('heading', { name: /دفتر الملاحظات/ }).getByRole('status');
  await expect(count).toContainText('١');
  await expect(page.locator('warraq-notebook input[type=date]')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'التصفية بتاريخ' })).toHaveValue('annotation');
  await expect(page.getByRole('combobox', { name: 'التصفية بتاريخ' }).locator('option:checked')).toHaveText(
    'إنشاء التعليق',
  );
  const from = page.getByRole('textbox', { name: 'من (يوم/شهر/سنة)' });
  const day = (offset: number) => {
    const d = new Date(Date.now() + offset * 86_400_000);
    return arabic(`${d.getDate()}/${d.getMonth() + 1}/${d.getFullYear()}`);
  };
  await from.fill(day(1));
  await from.press('Enter');
  await expect(count).toContainText('٠');
  await from.fill(day(0));
  await from.press('Enter');
  await expect(count).toContainText('١');
  await expect(from).toHaveValue(/^[٠-٩]{2}\/[٠-٩]{2}\/[٠-٩]{4}$/);
  // By the article's date instead: it was published in 2015.
  await page.getByRole('combobox', { name: 'التصفية بتاريخ' }).selectOption('article');
  await expect(count).toContainText('٠');
  await from.fill('1/7/2015');
  await from.press('Enter');
  await expect(count).toContainText('١');
  await from.fill('31/2/2024');
  await from.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'تاريخ غير صالح' })).toBeVisible();
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: 'test-results/screenshots/notebook-dates-ar.png' });
});

test('search within results narrows the whole earlier result set, past 1,000 hits', async ({ page }) => {
  // 1,200 generated articles hold "التحالف", every second one "اليمن" too; imported through the app.
  const N = 1200;
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const letters = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';
  const word = () =>
    Array.from({ length: 3 + Math.floor(rand() * 4) }, () => letters[Math.floor(rand() * letters.length)]).join('');
  const lines = Array.from({ length: N }, (_, i) => {
    const body = Array.from({ length: 40 }, word).join(' ');
    const content = `${body} التحالف ${i % 2 === 0 ? 'اليمن ' : ''}${Array.from({ length: 20 }, word).join(' ')}`;
    return JSON.stringify({
      source: 'مولد',
      url: `https://gen.example/${i}`,
      date_extracted: '2016-01-01 00:00:00',
      title: `خبر مولد ${i} ${word()}`,
      content,
    });
  });
  const dir = mkdtempSync(join(tmpdir(), 'warraq-within-'));
  const file = join(dir, 'generated.jsonl');
  writeFileSync(file, lines.join('\n'));
  await openApp(page);
  await importFiles(page, [file]);
  await closeReport(page);
  await page.goto('/#/search');
  await expect(statusLine(page)).toHaveAttribute('data-size', String(N + 1));
  await indexReady(page);
  const box = page.getByRole('searchbox', { name: 'بحث', exact: true });
  const summary = page.locator('warraq-search .summary');
  const total = async () => Number(latin((await summary.textContent())!.trim().split(/\s/)[0]!));
  const search = async (q: string) => {
    await box.fill(q);
    await box.press('Enter');
  };
  await search('التحالف اليمن');
  await expect.poll(total).toBeGreaterThanOrEqual(N / 2);
  const direct = await total();
  await search('التحالف');
  await expect.poll(total).toBeGreaterThan(1000);
  await page.getByRole('button', { name: 'ابحث ضمن هذه النتائج' }).click();
  await search('اليمن');
  await expect.poll(total).toBe(direct);
  await expect(page.getByText(/ضمن .* نتيجة سابقة/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/search-within-ar.png' });
});

test('deleting the last article of a filtered outlet says so and offers every outlet', async ({ page }) => {
  await openApp(page);
  await storeArticle(page, article(1));
  await page.getByRole('combobox', { name: 'تصفية حسب المصدر' }).selectOption('صحيفة الاختبار');
  await expect(articleLink(page, SAMPLE_TITLE)).toHaveCount(0);
  await page.getByRole('button', { name: 'حذف «خبر الاختبار رقم 1»' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'لا مقالات من «صحيفة الاختبار» بعد الآن.' })).toBeVisible();
  await expect(page.getByText('المكتبة فارغة')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'تصفية حسب المصدر' })).toHaveValue('صحيفة الاختبار');
  await page.getByRole('button', { name: 'عرض كل المصادر' }).click();
  await expect(articleLink(page, SAMPLE_TITLE)).toBeVisible();
});
