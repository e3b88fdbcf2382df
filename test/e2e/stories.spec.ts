/**
 * Stories across outlets, end to end in Chromium through the real import, detection worker and UI.
 * Fixtures (ours): test/fixtures/stories/ — was.jsonl (a flood report from SPA, plus an unrelated item),
 * okaz.jsonl (the same report republished: new headline, Farsi ی in three words, 1,300 → 1,200, last
 * paragraph dropped), alriyadh.jsonl (SPA's copy, headline and text, from a third outlet and URL).
 */
import { test, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { openApp, switchLanguage } from './helpers';
import { importFiles, closeReport } from './import-helpers';
import { highlightWithNote, openDialog, download } from './export-helpers';
import Papa from 'papaparse';

const DIR = join(process.cwd(), 'test', 'fixtures', 'stories');
const OUT = 'test-results/screenshots';
const SPA_TITLE = 'الدفاع المدني يخلي 1300 أسرة في جازان بعد السيول';
const OKAZ_TITLE = 'إجلاء 1200 أسرة من قرى وادي بيش';
const ar = (n: number) => n.toLocaleString('ar-EG');

const grid = (page: Page) => page.getByRole('grid', { name: 'قائمة المقالات' });
const storyRow = (page: Page, title: string) =>
  grid(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) });
const strip = (page: Page) => page.locator('warraq-editions-strip');

async function importStories(page: Page, files: string[]): Promise<void> {
  await importFiles(
    page,
    files.map((f) => join(DIR, f)),
  );
  await closeReport(page);
}

test("two outlets' copies become one story; the reader lists and compares the editions; a third outlet adds one", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  await importStories(page, ['was.jsonl', 'okaz.jsonl']);
  // Detection runs in a worker after the import: wait for the story row to carry both outlets.
  const row = storyRow(page, SPA_TITLE);
  await expect(row.getByLabel(`عدد المصادر: ${ar(2)}`)).toBeVisible({ timeout: 30_000 });
  await expect(storyRow(page, OKAZ_TITLE)).toHaveCount(0);
  await expect(row).toContainText('عكاظ');
  await row.getByRole('button', { name: `اعرض نسخ «${SPA_TITLE}»` }).click();
  await expect(grid(page).getByRole('link', { name: /^افتح نسخة/ })).toHaveCount(2);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${OUT}/stories-library-ar.png` });

  await row.getByRole('link', { name: SPA_TITLE }).click();
  const editions = page.getByRole('list', { name: 'نسخ الخبر، الأقدم أولًا' });
  await expect(page.getByRole('heading', { name: 'نشره مصدران' })).toBeVisible();
  const open = editions.getByRole('button', { name: /^افتح نسخة/ });
  await expect(open).toHaveCount(2);
  await expect(open.first()).toHaveAccessibleName(/^افتح نسخة واس/);
  await expect(open.last()).toHaveAccessibleName(new RegExp(`^افتح نسخة عكاظ .*${OKAZ_TITLE}`));
  await page.screenshot({ path: `${OUT}/stories-strip-ar.png` });

  await editions.getByRole('button', { name: 'قارن بنسخة عكاظ' }).click();
  const dialog = page.getByRole('dialog', { name: 'مقارنة نسختين' });
  await expect(dialog.getByRole('list', { name: 'أرقام تغيّرت' }).getByRole('listitem')).toHaveText(['1,300 صار 1,200']);
  await expect(dialog.locator('ins.figure', { hasText: '1,200' }).first()).toBeVisible();
  // Farsi ی is folded away: no spelling difference until asked for, then three.
  await expect(dialog.locator('.spelling')).toHaveCount(0);
  await dialog.getByRole('checkbox', { name: 'أظهر فروق الإملاء' }).check();
  await expect(dialog.getByRole('status')).toContainText(`فروق إملاء: ${ar(3)}`);
  await page.screenshot({ path: `${OUT}/stories-compare-ar.png` });
  await dialog.getByRole('button', { name: 'أغلق المقارنة' }).click();

  // The Okaz copy opens from the strip.
  await open.last().click();
  await expect(page.getByRole('heading', { level: 1, name: OKAZ_TITLE })).toBeVisible();

  // The same interface in English.
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { name: 'Published by 2 outlets' })).toBeVisible();
  await page
    .getByRole('list', { name: 'Editions, earliest first' })
    .getByRole('button', { name: 'Compare with the edition of واس' })
    .click();
  const en = page.getByRole('dialog', { name: 'Compare two editions' });
  await expect(en.getByRole('list', { name: 'Changed figures' }).getByRole('listitem')).toHaveText([
    '1,300 became 1,200',
  ]);
  await page.screenshot({ path: `${OUT}/stories-compare-en.png` });
  await en.getByRole('button', { name: 'Close the comparison' }).click();
  await page.screenshot({ path: `${OUT}/stories-strip-en.png` });
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await expect(
    page
      .getByRole('grid', { name: 'Articles' })
      .getByRole('row')
      .filter({ hasText: SPA_TITLE })
      .getByLabel('2 outlets'),
  ).toBeVisible();
  await page.screenshot({ path: `${OUT}/stories-library-en.png` });
  await switchLanguage(page, 'ar');

  // An identical copy from a third outlet adds an edition to the story.
  await importStories(page, ['alriyadh.jsonl']);
  await expect(row.getByLabel(`عدد المصادر: ${ar(3)}`)).toBeVisible();
  await row.getByRole('link', { name: SPA_TITLE }).click();
  await expect(page.getByRole('heading', { name: `نشرته ${ar(3)} مصادر` })).toBeVisible();
  await expect(editions.getByRole('button', { name: /^افتح نسخة/ })).toHaveCount(3);
});

test('search shows one result for the story; a split and a merge survive a reload', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await importStories(page, ['was.jsonl', 'okaz.jsonl', 'alriyadh.jsonl']);
  const row = storyRow(page, SPA_TITLE);
  await expect(row.getByLabel(`عدد المصادر: ${ar(3)}`)).toBeVisible({ timeout: 30_000 });

  await searchFor(page, 'وادي بيش');
  await expect(results(page).getByRole('option')).toHaveCount(1);
  await expect(results(page).getByRole('option')).toContainText(`ونشرته ${ar(2)} مصادر أخرى`);

  // A highlight made on Okaz's copy is listed on SPA's and painted where its quote anchors.
  await page.getByRole('button', { name: 'المكتبة', exact: true }).click();
  await row.getByRole('button', { name: `اعرض نسخ «${SPA_TITLE}»` }).click();
  await grid(page)
    .getByRole('link', { name: /^افتح نسخة عكاظ/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: OKAZ_TITLE })).toBeVisible();
  await highlightWithNote(page, 1, 'ضفاف وادي بيش', 'أين تقع القرى؟', 'جغرافيا');
  await strip(page)
    .getByRole('button', { name: /^افتح نسخة واس/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: SPA_TITLE })).toBeVisible();
  const fromOthers = page.getByRole('region', { name: 'من نسخ أخرى لهذا الخبر' });
  await expect(fromOthers).toContainText('أين تقع القرى؟');
  await expect(fromOthers).toContainText('على نسخة عكاظ، وموضعها هنا');
  await expect(page.locator('warraq-reader').locator('p[data-p="1"] mark.hl')).toHaveText('ضفاف وادي بيش');
  await strip(page)
    .getByRole('button', { name: /^افتح نسخة عكاظ/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: OKAZ_TITLE })).toBeVisible();

  // Split Okaz's copy out of the story: two rows, also after a reload.
  await strip(page).getByRole('button', { name: 'افصل هذا المقال عن خبره' }).click();
  await expect(page.getByRole('heading', { name: 'نشره مصدر واحد' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'نشره مصدر واحد' })).toBeVisible();
  await searchFor(page, 'وادي بيش');
  await expect(results(page).getByRole('option')).toHaveCount(2);

  // Merge it back from the reader's related list: one story again, also after a reload.
  await page.getByRole('button', { name: 'المكتبة', exact: true }).click();
  await grid(page).getByRole('link', { name: OKAZ_TITLE }).click();
  await strip(page)
    .getByRole('button', { name: `ادمج «${SPA_TITLE}» في هذا الخبر` })
    .click();
  await expect(page.getByRole('heading', { name: `نشرته ${ar(3)} مصادر` })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: `نشرته ${ar(3)} مصادر` })).toBeVisible();
  await page.getByRole('button', { name: 'المكتبة', exact: true }).click();
  await expect(row.getByLabel(`عدد المصادر: ${ar(3)}`)).toBeVisible();
  await expect(storyRow(page, OKAZ_TITLE)).toHaveCount(0);
});

const box = (page: Page) => page.getByRole('searchbox', { name: 'بحث', exact: true });
const results = (page: Page) => page.getByRole('listbox', { name: 'نتائج البحث' });

async function searchFor(page: Page, q: string): Promise<void> {
  await box(page).fill(q);
  await box(page).press('Enter');
}

test('an identical copy from another outlet is an edition of the same article', async ({ page }) => {
  await openApp(page);
  await importStories(page, ['was.jsonl', 'alriyadh.jsonl']);
  const row = storyRow(page, SPA_TITLE);
  await expect(row.getByLabel(`عدد المصادر: ${ar(2)}`)).toBeVisible();
  await row.getByRole('button', { name: `اعرض نسخ «${SPA_TITLE}»` }).click();
  await expect(grid(page).getByRole('link', { name: /^افتح نسخة/ })).toHaveCount(2);
  await expect(
    grid(page)
      .getByRole('link', { name: /^افتح نسخة/ })
      .last(),
  ).toHaveAccessibleName(/^افتح نسخة الرياض/);
});

test('renaming an outlet makes source: find it by the new name and its aliases', async ({ page }) => {
  await openApp(page);
  await importStories(page, ['okaz.jsonl']);
  await searchFor(page, 'بيش source:الحجاز');
  await expect(page.getByRole('status').filter({ hasText: 'لا نتائج' })).toBeVisible();

  await page.getByRole('button', { name: 'المكتبة', exact: true }).click();
  await grid(page).getByRole('link', { name: OKAZ_TITLE }).click();
  await strip(page).getByRole('button', { name: 'سمِّ المصدر' }).click();
  const dialog = page.getByRole('dialog', { name: 'اسم المصدر' });
  await dialog.getByRole('textbox', { name: 'الاسم المعروض' }).fill('صحيفة الحجاز');
  await dialog.getByRole('textbox', { name: 'أسماء أخرى' }).fill('Hijaz Daily، الحجاز اليومية');
  await dialog.getByRole('button', { name: 'احفظ' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'صار اسم المصدر «صحيفة الحجاز»' })).toBeVisible();

  await searchFor(page, 'بيش source:الحجاز');
  await expect(results(page).getByRole('option')).toHaveCount(1);
  await expect(results(page).getByRole('option')).toContainText('صحيفة الحجاز');
  await searchFor(page, 'بيش source:hijaz');
  await expect(results(page).getByRole('option')).toHaveCount(1);
  // The name is stored: after a reload the library's outlet filter offers it.
  await page.reload();
  await page.getByRole('button', { name: 'المكتبة', exact: true }).click();
  await expect(
    page.getByRole('combobox', { name: 'تصفية حسب المصدر' }).getByRole('option', { name: 'صحيفة الحجاز' }),
  ).toHaveCount(1);
});

test("an article's details are corrected beside the originals and the correction can be undone", async ({ page }) => {
  await openApp(page);
  await importStories(page, ['okaz.jsonl']);
  await grid(page).getByRole('link', { name: OKAZ_TITLE }).click();
  await strip(page).getByRole('button', { name: 'صحّح البيانات' }).click();
  const dialog = page.getByRole('dialog', { name: 'تصحيح بيانات المقال' });
  await expect(dialog.getByRole('textbox', { name: 'العنوان' })).toHaveValue(OKAZ_TITLE);
  await dialog.getByRole('textbox', { name: 'العنوان' }).fill('عكاظ: إجلاء 1200 أسرة من قرى وادي بيش');
  await dialog.getByRole('textbox', { name: 'سطر المصدر' }).fill('جازان - محمد الحربي');
  await dialog.getByRole('textbox', { name: 'تاريخ النشر' }).fill('21 يوليو');
  await dialog.getByRole('button', { name: 'احفظ' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('اكتب التاريخ بالشكل 2015-07-01');
  await dialog.getByRole('textbox', { name: 'تاريخ النشر' }).fill('2015-07-22');
  await dialog.getByRole('button', { name: 'احفظ' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'المكتبة', exact: true }).click();
  await expect(grid(page).getByRole('link', { name: 'عكاظ: إجلاء 1200 أسرة من قرى وادي بيش' })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(grid(page).getByRole('link', { name: OKAZ_TITLE, exact: true })).toBeVisible();
  await page.reload();
  await expect(grid(page).getByRole('link', { name: OKAZ_TITLE, exact: true })).toBeVisible();
});

test('the export lists the editions of an annotated article', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await importStories(page, ['was.jsonl', 'alriyadh.jsonl']);
  await grid(page).getByRole('link', { name: SPA_TITLE }).click();
  await highlightWithNote(page, 1, 'إخلاء 1,300 أسرة', 'الرقم في عكاظ 1,200', 'أرقام');
  await page.getByRole('button', { name: 'المكتبة', exact: true }).click();
  const dialog = await openDialog(page);
  const get = async (format: RegExp) => {
    await dialog.getByRole('radio', { name: format }).check();
    return (await download(page, dialog.getByRole('button', { name: 'تصدير', exact: true }))).bytes.toString('utf8');
  };
  const csv = Papa.parse<Record<string, string>>((await get(/^CSV/)).replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  expect(csv.errors).toEqual([]);
  expect(csv.meta.fields).toEqual(expect.arrayContaining(['story', 'editions']));
  expect(csv.data).toHaveLength(1);
  expect(csv.data[0]!.editions).toContain('https://example.org/alriyadh/jazan');
  // CSL-JSON: one record per edition (the library's other articles are there too).
  const csl = JSON.parse(await get(/^CSL-JSON/)) as { URL?: string; title?: string }[];
  expect(
    csl
      .filter((i) => i.title === SPA_TITLE)
      .map((i) => i.URL)
      .sort(),
  ).toEqual(['https://example.org/alriyadh/jazan', 'https://example.org/was/jazan-floods']);
});
