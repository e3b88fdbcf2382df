/** Shared steps for the import end-to-end specs: pick through the real file chooser, read the report. */
import { expect, type Page, type Locator } from '@playwright/test';
import { join } from 'node:path';
import { articleLink, headerMenu } from './helpers';

export const FIX = join(process.cwd(), 'test', 'fixtures', 'import');
export const OWN = join(process.cwd(), 'test', 'fixtures', 'import-e2e');
export const ar = (n: number) => n.toLocaleString('ar-EG');

/** Imports through the header menu's item `item` ("استيراد ملفات", "Import folder"…) and waits for the report. */
export async function choose(page: Page, item: string, paths: string | string[]): Promise<Locator> {
  const chooser = page.waitForEvent('filechooser');
  await headerMenu(page, item);
  await (await chooser).setFiles(paths);
  const report = page.getByRole('dialog', { name: 'تقرير الاستيراد' });
  // The report opens when the import is done; how long that takes depends on the machine's load, so the only
  // limit is the test's own timeout (playwright.config.ts: expect timeout 0).
  await expect(report).toBeVisible();
  return report;
}

/** A JSON Lines archive of `n` distinct short reports from one outlet (bulk imports). */
export function bulkJsonl(n: number): string {
  return (
    Array.from({ length: n }, (_, i) =>
      JSON.stringify({
        source: 'الوطن',
        title: `خبر رقم ${i} عن افتتاح مدرسة جديدة في الحي ${i % 97}`,
        date: '2015-07-21',
        content: `افتتح وزير التعليم المدرسة رقم ${i} في حي النسيم.\nوحضر الافتتاح أولياء الأمور والمعلمون، وقال الوزير إن المدرسة تتسع لـ${i % 900} طالب.`,
      }),
    ).join('\n') + '\n'
  );
}

export const importFiles = (page: Page, paths: string[]) => choose(page, 'استيراد ملفات', paths);
export const importFolder = (page: Page, dir: string) => choose(page, 'استيراد مجلد', dir);

export async function expectCounts(
  report: Locator,
  c: { imported: number; duplicates?: number; failed?: number; skipped?: number },
): Promise<void> {
  await expect(report).toContainText(`مقالات مستوردة: ${ar(c.imported)}`);
  await expect(report).toContainText(`مكررات تُركت: ${ar(c.duplicates ?? 0)}`);
  await expect(report).toContainText(`إخفاقات: ${ar(c.failed ?? 0)}`);
  await expect(report).toContainText(`ملفات تُخطّيت: ${ar(c.skipped ?? 0)}`);
}

export async function closeReport(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'إغلاق', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'تقرير الاستيراد' })).toHaveCount(0);
}

/** Opens the article from the library and checks what the reader shows. */
export async function expectArticle(
  page: Page,
  a: { title: string; outlet?: string; published?: string; first: string },
): Promise<void> {
  await articleLink(page, a.title).click();
  await expect(page.getByRole('heading', { level: 1, name: a.title })).toBeVisible();
  const reader = page.locator('warraq-reader');
  if (a.outlet) await expect(reader.locator('p.outlet')).toHaveText(a.outlet);
  if (a.published) await expect(reader.locator('time').first()).toHaveAttribute('datetime', a.published);
  await expect(reader.locator('p[data-p="1"]')).toContainText(a.first);
  await page.goBack();
  await expect(page.getByRole('grid')).toBeVisible();
}
