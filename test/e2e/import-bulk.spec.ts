/**
 * Issue 12 (no long main-thread task while detection runs): during a bulk import the library keeps the
 * rows it shows instead of rebuilding them after every regrouping, says so, shows what has come in on
 * request, and follows again when the import ends.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, headerMenu } from './helpers';
import { ar, bulkJsonl, closeReport } from './import-helpers';

const N = 12_000;
let tmp = '';
test.beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'warraq-bulk-'));
});
test.afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** How many articles the running import has stored so far. */
const imported = (page: Page) =>
  page.evaluate(
    () =>
      (
        document.querySelector('warraq-app') as unknown as {
          services: { importer: { state: { progress: { imported: number } } } };
        }
      ).services.importer.state.progress.imported,
  );

test('a bulk import holds the rows on screen until it ends, and shows them on request', async ({ page }) => {
  test.setTimeout(300_000);
  const file = join(tmp, 'bulk.jsonl');
  writeFileSync(file, bulkJsonl(N));
  await openApp(page);
  const heading = page.getByRole('heading', { name: /المكتبة/ });
  const chooser = page.waitForEvent('filechooser');
  await headerMenu(page, 'استيراد ملفات');
  await (await chooser).setFiles(file);

  const note = page.getByRole('status').filter({ hasText: 'يتواصل الاستيراد؛ تُحدَّث القائمة عند انتهائه.' });
  await expect(note).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/library-import-held-ar.png' });
  const held = await heading.textContent();
  const firstRow = page.getByRole('grid').getByRole('row').nth(1);
  const first = await firstRow.textContent();
  // A thousand more articles stored and regrouped: the heading's counts and the rows stay as they were.
  const at = await imported(page);
  await expect.poll(() => imported(page)).toBeGreaterThan(at + 1000);
  await expect(heading).toHaveText(held!);
  await expect(firstRow).toHaveText(first!);

  // On request the list shows what has come in (more articles than before), and holds again after.
  await note.getByRole('button', { name: 'اعرض ما استُورد حتى الآن' }).click();
  await expect(heading).not.toHaveText(held!);

  // When the import ends the list follows: every article is counted.
  const report = page.getByRole('dialog', { name: 'تقرير الاستيراد' });
  await expect(report).toBeVisible();
  await closeReport(page);
  await expect(heading).toContainText(`المقالات: ${ar(N + 1)}`);
  await expect(note).toHaveCount(0);
});
