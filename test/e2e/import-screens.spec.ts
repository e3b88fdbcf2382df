/**
 * Screenshots of the import dialogs at 1280×800, Arabic (RTL) and English (LTR), for a person to look
 * at: test-results/screenshots/import-*.png. Each also checks the layout mirrors with the language.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, headerMenu, switchLanguage } from './helpers';
import { FIX } from './import-helpers';

// SHOTS_DIR lets a run keep its pictures out of test-results/, which every Playwright run empties.
const SHOTS = process.env.SHOTS_DIR ?? join('test-results', 'screenshots');
let tmp = '';
test.beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'warraq-shots-'));
});
test.afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function bigArchive(): string {
  const path = join(tmp, 'أرشيف الصحيفة 2015.jsonl');
  const lines = Array.from({ length: 15_000 }, (_, i) =>
    JSON.stringify({
      source: 'المدينة',
      date: '2015-08-01',
      title: `تقرير رقم ${i} عن موسم الحج`,
      content: `قالت الجهات المختصة إن الاستعدادات للموسم رقم ${i} اكتملت.\n`.repeat(10),
    }),
  );
  writeFileSync(path, lines.join('\n'));
  return path;
}

async function shoot(page: Page, lang: 'ar' | 'en'): Promise<void> {
  await openApp(page);
  if (lang === 'en') await switchLanguage(page, 'en');
  const L =
    lang === 'ar'
      ? { files: 'استيراد ملفات', progress: 'جارٍ الاستيراد', report: 'تقرير الاستيراد' }
      : { files: 'Import files', progress: 'Importing', report: 'Import report' };
  let chooser = page.waitForEvent('filechooser');
  await headerMenu(page, L.files);
  await (await chooser).setFiles(bigArchive());
  const bar = page.getByRole('dialog', { name: L.progress }).getByRole('progressbar');
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(5);
  await page.screenshot({ path: join(SHOTS, `import-progress-${lang}.png`) });
  const box = (await page.getByRole('dialog', { name: L.progress }).boundingBox())!;
  // Docked at the inline end: right side in Arabic, left in English... (inset-inline-end)
  if (lang === 'ar') expect(box.x).toBeLessThan(640);
  else expect(box.x + box.width).toBeGreaterThan(640);
  await expect(page.getByRole('dialog', { name: L.report })).toBeVisible();
  await page.getByRole('button', { name: lang === 'ar' ? 'إغلاق' : 'Close', exact: true }).click();
  chooser = page.waitForEvent('filechooser');
  await headerMenu(page, L.files);
  await (
    await chooser
  ).setFiles([
    join(FIX, 'bad', 'empty.txt'),
    join(FIX, 'bad', 'binary-named.txt'),
    join(FIX, 'bad', 'report.docx'),
    join(FIX, 'html', 'page-truncated.html'),
    join(FIX, 'records', 'archive-bad-lines.jsonl'),
    join(FIX, 'text', 'khaleej.txt'),
  ]);
  await expect(page.getByRole('dialog', { name: L.report })).toBeVisible();
  await page.screenshot({ path: join(SHOTS, `import-report-${lang}.png`) });
}

test('import dialogs in Arabic', async ({ page }) => {
  await shoot(page, 'ar');
});

test('import dialogs in English', async ({ page }) => {
  await shoot(page, 'en');
});
