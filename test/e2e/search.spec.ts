/**
 * Search as a researcher meets it: every spelling variant from issue 5 finds its article, with the
 * hit marked on the original characters; phrases, source: and date filters; a result opens at its
 * first hit and steps through the others; the index survives a reload without a rebuild; a deleted
 * article leaves the results.
 */
import { test, expect, type Page } from '@playwright/test';
import { openApp, SAMPLE_TITLE, switchLanguage } from './helpers';
import { FIXTURES, toStored, storeArticles, statusLine, indexReady } from './search-helpers';
import { importFiles, expectCounts, closeReport } from './import-helpers';
import { join } from 'node:path';

const RALLY = FIXTURES[0]!.title;
const PORTS = FIXTURES[1]!.title;

async function withFixtures(page: Page): Promise<void> {
  await openApp(page);
  await page.goto('/#/search');
  await indexReady(page);
  await expect(statusLine(page)).toHaveAttribute('data-size', '1'); // the sample, indexed on first run
  await storeArticles(page, FIXTURES.map(toStored));
  await page.reload();
  await indexReady(page);
}

const box = (page: Page) => page.getByRole('searchbox', { name: 'بحث', exact: true });
const results = (page: Page) => page.getByRole('listbox', { name: 'نتائج البحث' });
const result = (page: Page, title: string) => results(page).getByRole('option', { name: title });

async function searchFor(page: Page, q: string): Promise<void> {
  await box(page).fill(q);
  await box(page).press('Enter');
}

/** The marked characters of a result's snippet. */
async function marks(page: Page, title: string): Promise<string[]> {
  const r = result(page, title);
  await expect(r.locator('mark.hit').first()).toBeVisible();
  return r.locator('mark.hit').allTextContents();
}

test('every spelling variant finds its article, marked on the original characters', async ({ page }) => {
  await withFixtures(page);
  const cases: Array<[string, string, string[]]> = [
    ['السيطرة', SAMPLE_TITLE, ['السیطرة']],
    ['اذار', SAMPLE_TITLE, ['آذار']], // أذار, further on, is checked by the find-bar test
    ['تقييما', SAMPLE_TITLE, ['تقییماً']],
    ['المويدة', RALLY, ['المؤيدة']],
    ['1300', RALLY, ['١٣٠٠']],
    ['34502', SAMPLE_TITLE, ['34,502']],
    ['التحالف', PORTS, ['بالتحالف']],
  ];
  for (const [q, title, expected] of cases) {
    await searchFor(page, q);
    await expect(result(page, title), q).toBeVisible();
    // Poll: the previous query's snippet for the same article can still be on screen for a moment.
    await expect
      .poll(() => result(page, title).locator('mark.hit').allTextContents(), {
        message: `${q} marks ${expected.join(', ')}`,
      })
      .toEqual(expect.arrayContaining(expected));
  }
  await searchFor(page, 'التحالف');
  const sample = await marks(page, SAMPLE_TITLE);
  expect(sample.some((m) => m === 'والتحالف' || m === 'التحالف')).toBe(true);
  await expect(results(page).getByRole('option')).toHaveCount(2);
});

test('results appear while typing, with count, help text and sort', async ({ page }) => {
  await withFixtures(page);
  await page.goto('/');
  await expect(page.getByRole('grid')).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(box(page)).toBeFocused();
  await page.keyboard.type('الموانئ', { delay: 40 });
  await expect(result(page, PORTS)).toBeVisible();
  await expect(page).toHaveURL(/#\/search\?q=/);
  await expect(page.getByText('نتيجة واحدة')).toBeVisible();
  await page.getByText('طريقة كتابة البحث').click();
  await expect(page.getByRole('group').getByText('"عبارة كاملة"')).toBeVisible();
  await expect(page.getByText('date:2015-07-01..2015-08-15')).toBeVisible();
  await searchFor(page, 'الحكومة');
  await expect(results(page).getByRole('option')).toHaveCount(2);
  await page.getByRole('combobox', { name: 'الترتيب' }).selectOption('date');
  await expect(results(page).getByRole('option').first()).toHaveAccessibleName(RALLY);
  await box(page).press('ArrowDown');
  await expect(results(page)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(result(page, PORTS)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(result(page, RALLY)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: PORTS })).toBeVisible();
});

test('typing a new query keeps the last results on screen until the new ones replace them', async ({ page }) => {
  await withFixtures(page);
  await searchFor(page, 'الحكومة');
  await expect(results(page).getByRole('option')).toHaveCount(2);
  // From here on, note every time the list is dropped for the empty prompt (the old view did at each key).
  await page.locator('warraq-search').evaluate((view) => {
    const w = window as unknown as { prompts: number };
    w.prompts = 0;
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes) if (n instanceof HTMLElement && n.matches('p.empty:not([role])')) w.prompts++;
    }).observe(view.shadowRoot!, { childList: true, subtree: true });
  });
  await box(page).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('الموانئ', { delay: 40 });
  await expect(result(page, PORTS)).toBeVisible();
  await expect(page.getByText('نتيجة واحدة')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { prompts: number }).prompts)).toBe(0);
  // An empty box still shows the prompt.
  await box(page).fill('');
  await expect(page.getByText('اكتب كلمة أو عبارة في مربع البحث.')).toBeVisible();
});

test('phrase, exclusion, source: and date filters narrow the results', async ({ page }) => {
  await withFixtures(page);
  await searchFor(page, '"القوى المؤيدة"');
  await expect(results(page).getByRole('option')).toHaveCount(1);
  await expect(result(page, RALLY)).toBeVisible();
  await searchFor(page, '"المؤيدة القوى"');
  await expect(page.getByRole('status').filter({ hasText: 'لا نتائج' })).toBeVisible();
  await searchFor(page, 'التحالف source:الشرق');
  await expect(results(page).getByRole('option')).toHaveCount(1);
  await expect(result(page, PORTS)).toBeVisible();
  await searchFor(page, 'التحالف date:2015-07');
  await expect(results(page).getByRole('option')).toHaveCount(1);
  await expect(result(page, PORTS)).toBeVisible();
  await searchFor(page, 'الحكومة after:2016-01-01');
  await expect(results(page).getByRole('option')).toHaveCount(1);
  await expect(result(page, RALLY)).toBeVisible();
  await searchFor(page, 'التحالف -الموانئ');
  await expect(results(page).getByRole('option')).toHaveCount(1);
  await searchFor(page, 'ports OR المسيرة');
  await expect(results(page).getByRole('option')).toHaveCount(2);
});

test('exact spelling and searching within the results', async ({ page }) => {
  await withFixtures(page);
  await searchFor(page, 'السيطرة');
  await expect(results(page).getByRole('option')).toHaveCount(2);
  await page.getByRole('checkbox', { name: 'تهجئة مطابقة' }).check();
  // Only the port story spells it with an Arabic yeh; the sample has a Farsi one (السیطرة).
  await expect(results(page).getByRole('option')).toHaveCount(1);
  await expect(result(page, PORTS)).toBeVisible();
  await page.getByRole('checkbox', { name: 'تهجئة مطابقة' }).uncheck();
  await searchFor(page, 'التحالف');
  await expect(results(page).getByRole('option')).toHaveCount(2);
  await page.getByRole('button', { name: 'ابحث ضمن هذه النتائج' }).click();
  await searchFor(page, 'الحكومة');
  await expect(results(page).getByRole('option')).toHaveCount(1);
  await expect(result(page, PORTS)).toBeVisible();
  await page.getByRole('button', { name: 'إلغاء التقييد بالنتائج السابقة' }).click();
  await expect(results(page).getByRole('option')).toHaveCount(2);
});

test('a result opens at its first hit; next/previous and F3 step through every hit', async ({ page }) => {
  await withFixtures(page);
  await searchFor(page, 'التحالف');
  await box(page).press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  await expect(page).toHaveURL(/#\/article\/.+\?q=/);
  const body = page.getByRole('region', { name: 'نص المقالة' });
  const hits = body.locator('mark.hit');
  await expect(hits.first()).toBeVisible();
  const n = await hits.count();
  expect(n).toBeGreaterThan(10);
  const current = body.locator('mark.hit.current');
  await expect(current).toHaveCount(1);
  const count = page.getByRole('search', { name: 'البحث في المقالة' }).getByRole('status');
  await expect(count).toHaveText(/^(1|١) من /);
  const first = await current.getAttribute('data-start');
  await page.getByRole('button', { name: 'النتيجة التالية' }).click();
  await expect(count).toHaveText(/^(2|٢) من /);
  expect(await current.getAttribute('data-start')).not.toBe(first);
  await page.getByRole('button', { name: 'النتيجة السابقة' }).click();
  await expect(current).toHaveAttribute('data-start', first!);
  await page.keyboard.press('Shift+F3');
  await expect(current).toBeInViewport();
  await expect(count).toHaveText(new RegExp(`^(${n}|${n.toLocaleString('ar-EG')}) من `));
  await page.screenshot({ path: 'test-results/screenshots/search-reader-hits-ar.png' });
});

test('Ctrl+F finds within the article with the same folding', async ({ page }) => {
  await withFixtures(page);
  await page.goto('/');
  await page.getByRole('grid').getByRole('link', { name: SAMPLE_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  await page.keyboard.press('Control+f');
  const field = page.getByRole('searchbox', { name: 'ابحث في المقالة' });
  await expect(field).toBeFocused();
  await field.fill('السيطرة');
  const current = page.locator('warraq-reader mark.hit.current');
  await expect(current).toHaveText('السیطرة');
  await field.fill('اذار');
  await expect(page.locator('warraq-reader mark.hit')).toHaveText(['آذار', 'أذار']);
  await field.press('Enter');
  await expect(current).toHaveText('أذار');
  await field.press('Escape');
  await expect(page.locator('warraq-reader mark.hit')).toHaveCount(0);
});

test('the index survives a reload without a rebuild; a deleted article leaves the results', async ({ page }) => {
  await withFixtures(page);
  // The sample was indexed on first run; the three stored behind the app's back are found stale.
  await expect(statusLine(page)).toHaveAttribute('data-built', '3');
  await expect(statusLine(page)).toHaveAttribute('data-reason', 'stale');
  await page.reload();
  await indexReady(page);
  await expect(statusLine(page)).toHaveAttribute('data-built', '0');
  await expect(statusLine(page)).toHaveAttribute('data-loaded', '4');
  await expect(statusLine(page)).toContainText('حُمّل من القرص');
  await searchFor(page, 'المؤيدة');
  await expect(result(page, RALLY)).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/search-view-ar.png' });
  await page.goto('/');
  await page.getByRole('button', { name: `حذف «${RALLY}»` }).click();
  // The undo notice appears once the delete is stored; a reload before that would lose the delete.
  await expect(page.getByRole('button', { name: 'تراجع' })).toBeVisible();
  await page.goto('/#/search?q=' + encodeURIComponent('المؤيدة'));
  await expect(page.getByRole('status').filter({ hasText: 'لا نتائج' })).toBeVisible();
  await page.reload();
  await indexReady(page);
  await expect(statusLine(page)).toHaveAttribute('data-built', '0');
  await expect(statusLine(page)).toHaveAttribute('data-size', '3');
  await expect(page.getByRole('status').filter({ hasText: 'لا نتائج' })).toBeVisible();
});

test('the English interface shows the same search left to right', async ({ page }) => {
  await withFixtures(page);
  await switchLanguage(page, 'en');
  const enBox = page.getByRole('searchbox', { name: 'Search', exact: true });
  await enBox.fill('ports');
  await enBox.press('Enter');
  await expect(
    page.getByRole('listbox', { name: 'Search results' }).getByRole('option', { name: FIXTURES[2]!.title }),
  ).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await page.screenshot({ path: 'test-results/screenshots/search-view-en.png' });
  await enBox.fill('الموانئ');
  await enBox.press('Enter');
  await page.getByRole('listbox', { name: 'Search results' }).getByRole('option', { name: PORTS }).click();
  await expect(page.getByRole('search', { name: 'Find in article' }).getByRole('status')).toHaveText('1 of 1');
  await expect(page.locator('warraq-reader mark.hit.current')).toHaveText('الموانئ');
  await page.screenshot({ path: 'test-results/screenshots/search-reader-hits-en.png' });
});

test('an article imported through the UI is found at once, without a rebuild', async ({ page }) => {
  await withFixtures(page);
  const report = await importFiles(page, [join(process.cwd(), 'test', 'fixtures', 'search-e2e', 'book-fair.txt')]);
  await expectCounts(report, { imported: 1 });
  await closeReport(page);
  await expect(statusLine(page)).toHaveAttribute('data-size', '5');
  await expect(statusLine(page)).toHaveAttribute('data-reason', 'added');
  await searchFor(page, 'المخطوطات 300');
  await expect(result(page, 'افتتاح معرض الكتاب الدولي في بغداد بمشاركة ٣٠٠ دار نشر')).toBeVisible();
  await page.reload();
  await indexReady(page);
  await expect(statusLine(page)).toHaveAttribute('data-built', '0');
  await expect(statusLine(page)).toHaveAttribute('data-size', '5');
});
