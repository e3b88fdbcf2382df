/**
 * What reaches the reader, search and the library from new files: a saved .mhtml page with a consent
 * banner, the headline and byline repeated and share/related blocks keeps only the article (so search
 * finds no banner and its snippets hold none), and a text file with an unfamiliar outlet and a credit
 * line shows the site as outlet and the source as the original source, with no author.
 */
import { test, expect } from '@playwright/test';
import { join } from 'node:path';
import { articleLink, openApp } from './helpers';
import { FIX, closeReport, expectCounts, importFiles } from './import-helpers';

const SCHOOLS = 'المدارس تعود إلى الدوام الكامل بعد عامين من التعليم عن بعد';
const FLOOD = 'ارتفاع منسوب دجلة يغمر أراضي زراعية في محافظة واسط';

test('a cluttered .mhtml keeps only the article; a credit line gives outlet and source', async ({ page }) => {
  await openApp(page);
  const report = await importFiles(page, [
    join(FIX, 'html-clutter', 'consent-byline.mhtml'),
    join(FIX, 'text-outlets', 'rafidain-credit.txt'),
  ]);
  await expectCounts(report, { imported: 2 });
  await closeReport(page);

  await articleLink(page, SCHOOLS).click();
  const reader = page.locator('warraq-reader');
  await expect(reader.locator('p[data-p="1"]')).toHaveText(/^عادت المدارس الحكومية/);
  await expect(reader.locator('section.body p')).toHaveCount(4);
  await expect(reader.locator('section.body')).not.toContainText('ملفات تعريف الارتباط');
  await expect(reader.locator('header.head')).toContainText('رامي الحسن');
  await expect(reader.locator('header.head time')).toHaveAttribute('datetime', '2022-03-09');

  const box = page.getByRole('searchbox', { name: 'بحث', exact: true });
  const results = page.getByRole('listbox', { name: 'نتائج البحث' });
  await box.fill('الدوام الكامل');
  await box.press('Enter');
  const hit = results.getByRole('option', { name: SCHOOLS });
  await expect(hit.locator('mark.hit').first()).toBeVisible();
  await expect(hit).not.toContainText('ملفات تعريف الارتباط');
  await box.fill('ملفات تعريف الارتباط');
  await box.press('Enter');
  await expect(page.getByText('لا نتائج لهذا البحث.')).toBeVisible();

  await page.goto('/');
  await articleLink(page, FLOOD).click();
  const head = page.locator('warraq-reader header.head');
  await expect(head.locator('p.outlet')).toHaveText('صوت الرافدين');
  // The credit line is shown as what it means: the source, not a byline repeating the outlet.
  await expect(head.locator('.agency')).toHaveText('نقلاً عن رويترز');
  await expect(head).not.toContainText('صوت الرافدين - رويترز');
  await expect(head.locator('time')).toHaveAttribute('datetime', '2019-03-14');
  await head.screenshot({ path: 'test-results/screenshots/credit-line.png' });
});
