/**
 * Import through the real UI in Chromium: the header buttons open the browser's file chooser, the
 * worker parses and stores, the report dialog gives the counts, and the library/reader show what was
 * stored (title, outlet, date, first paragraph). Fixtures: test/fixtures/import/** (the parsers') and
 * test/fixtures/import-e2e/** (ours). Large files are generated at run time into a temp dir.
 */
import { test, expect } from '@playwright/test';
import { join } from 'node:path';
import { openApp, articleLink } from './helpers';
import { FIX, importFiles, importFolder, expectCounts, closeReport, expectArticle } from './import-helpers';

test.describe('import through the UI', () => {
  test.beforeEach(async ({ page }) => openApp(page));

  test('a UTF-8 text article and a Windows-1256 text article', async ({ page }) => {
    const report = await importFiles(page, [
      join(FIX, 'text', 'khaleej.txt'),
      join(FIX, 'encodings', 'watan-cp1256-crlf.txt'),
    ]);
    await expectCounts(report, { imported: 2 });
    await closeReport(page);
    await expectArticle(page, {
      title: 'تدشين أكبر محطة لتحلية المياه في المنطقة',
      outlet: 'جريدة الخليج',
      published: '2017-04-14',
      first: 'دشنت هيئة المياه',
    });
    await expectArticle(page, {
      title: 'افتتاح خط حافلات جديد بين دمشق وحمص',
      outlet: 'صحيفة الوطن',
      published: '2019-05-05',
      first: 'أعلنت وزارة النقل',
    });
  });

  test('a saved HTML page full of clutter keeps only the article', async ({ page }) => {
    const report = await importFiles(page, [join(FIX, 'html', 'page-cluttered.html')]);
    await expectCounts(report, { imported: 1 });
    await closeReport(page);
    const title = 'افتتاح مكتبة عامة جديدة في حلب القديمة';
    await expectArticle(page, { title, outlet: 'شبكة الشهباء', published: '2021-04-11', first: 'افتتحت' });
    await articleLink(page, title).click();
    const body = page.getByRole('region', { name: 'نص المقالة' });
    await expect(body).toBeVisible();
    for (const clutter of ['شارك على', 'أخبار ذات صلة', 'التعليقات', 'اشترك الآن', 'الأكثر قراءة', 'جميع الحقوق'])
      await expect(body).not.toContainText(clutter);
  });

  test('an .mhtml page saved by Chrome', async ({ page }) => {
    const report = await importFiles(page, [join(FIX, 'mhtml', 'page-chrome-qp.mhtml')]);
    await expectCounts(report, { imported: 1 });
    await closeReport(page);
    await expectArticle(page, {
      title: 'افتتاح مكتبة عامة جديدة في حلب القديمة',
      outlet: 'شبكة الشهباء',
      published: '2021-04-11',
      first: 'افتتحت',
    });
  });

  test('a nested folder with a duplicate, an unsupported file and a companion folder; importing it again adds nothing', async ({
    page,
  }) => {
    const report = await importFolder(page, join(FIX, 'folder'));
    await expectCounts(report, { imported: 3, duplicates: 1, skipped: 3 });
    await expect(report.getByRole('listitem').filter({ hasText: 'شعار الموقع.png' })).toContainText(
      /نوع ملف غير مدعوم \(\u2066?\.png\u2069?\)/,
    );
    await expect(report.getByRole('listitem').filter({ hasText: 'style.css' })).toContainText('صفحة ويب محفوظة');
    await closeReport(page);
    await expectArticle(page, {
      title: 'افتتاح جسر جديد على نهر دجلة في الموصل',
      outlet: 'شبكة الإعلام العراقي',
      published: '2019-11-21',
      first: 'افتتحت محافظة نينوى',
    });
    await expect(page.getByRole('grid').getByRole('row')).toHaveCount(1 + 1 + 3); // header + sample + 3
    const again = await importFolder(page, join(FIX, 'folder'));
    await expectCounts(again, { imported: 0, duplicates: 4, skipped: 3 });
    await closeReport(page);
    await expect(page.getByRole('grid').getByRole('row')).toHaveCount(1 + 1 + 3);
  });

  test('a JSON Lines archive (and its .gz) imports one article per record', async ({ page }) => {
    const report = await importFiles(page, [join(FIX, 'records', 'archive.jsonl')]);
    await expectCounts(report, { imported: 3 });
    await closeReport(page);
    await expectArticle(page, {
      title: 'افتتاح معرض للكتاب في جدة',
      outlet: 'الوطن',
      published: '2015-07-21',
      first: 'افتتح أمير المنطقة معرض الكتاب',
    });
    const gz = await importFiles(page, [join(FIX, 'records', 'archive.jsonl.gz')]);
    await expectCounts(gz, { imported: 0, duplicates: 3 });
  });
});
