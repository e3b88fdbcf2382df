/**
 * Issue 12's data in a backup, as a monitor meets it (companion of backup.spec.ts): two outlets'
 * copies imported (one story, then a third outlet's identical copy: an edition), an outlet renamed, a
 * headline corrected, a copy split out of its story — backed up through the dialog, then restored
 * into an empty profile (the lost laptop): the editions, the name, the correction and the split are
 * all back, `source:` finds the renamed outlet, and the detection worker rebuilt the story.
 * Fixtures (ours): test/fixtures/stories/ (see stories.spec.ts).
 */
import { test, expect, type Page } from '@playwright/test';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'fflate';
import { openApp } from './helpers';
import { importFiles, closeReport } from './import-helpers';
import { download, openDialog } from './export-helpers';

const DIR = join(process.cwd(), 'test', 'fixtures', 'stories');
const SPA_TITLE = 'الدفاع المدني يخلي 1300 أسرة في جازان بعد السيول';
const OKAZ_TITLE = 'إجلاء 1200 أسرة من قرى وادي بيش';
const CORRECTED = 'عكاظ: إجلاء 1200 أسرة من قرى وادي بيش';
const ar = (n: number) => n.toLocaleString('ar-EG');

const grid = (page: Page) => page.getByRole('grid', { name: 'قائمة المقالات' });
const storyRow = (page: Page, title: string) =>
  grid(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) });
const strip = (page: Page) => page.locator('warraq-editions-strip');
const library = (page: Page) => page.getByRole('button', { name: 'المكتبة', exact: true });

/** Rows of the stories tables, read straight from IndexedDB. */
function rows(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('warraq');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const out: Record<string, number> = {};
    for (const t of ['articles', 'editions', 'metaEdits', 'outlets', 'storyDecisions', 'storyFeatures']) {
      out[t] = await new Promise<number>((res) => {
        const r = db.transaction(t).objectStore(t).count();
        r.onsuccess = () => res(r.result);
      });
    }
    db.close();
    return out;
  });
}

async function searchSource(page: Page): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'بحث', exact: true });
  await box.fill('بيش source:الحجاز');
  await box.press('Enter');
  const results = page.getByRole('listbox', { name: 'نتائج البحث' });
  await expect(results.getByRole('option')).toHaveCount(1);
  await expect(results.getByRole('option')).toContainText('صحيفة الحجاز');
}

test('editions, an outlet name, a correction and a split survive back up → empty profile → restore', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await openApp(page);
  await importFiles(
    page,
    ['was.jsonl', 'okaz.jsonl', 'alriyadh.jsonl'].map((f) => join(DIR, f)),
  );
  await closeReport(page);
  const row = storyRow(page, SPA_TITLE);
  await expect(row.getByLabel(`عدد المصادر: ${ar(3)}`)).toBeVisible({ timeout: 30_000 });

  // Rename Okaz, correct its headline, split its copy out of the story.
  await grid(page)
    .getByRole('button', { name: `اعرض نسخ «${SPA_TITLE}»` })
    .click();
  await grid(page)
    .getByRole('link', { name: /^افتح نسخة عكاظ/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: OKAZ_TITLE })).toBeVisible();
  await strip(page).getByRole('button', { name: 'سمِّ المصدر' }).click();
  const name = page.getByRole('dialog', { name: 'اسم المصدر' });
  await name.getByRole('textbox', { name: 'الاسم المعروض' }).fill('صحيفة الحجاز');
  await name.getByRole('textbox', { name: 'أسماء أخرى' }).fill('Hijaz Daily');
  await name.getByRole('button', { name: 'احفظ' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'صار اسم المصدر «صحيفة الحجاز»' })).toBeVisible();
  await strip(page).getByRole('button', { name: 'صحّح البيانات' }).click();
  const meta = page.getByRole('dialog', { name: 'تصحيح بيانات المقال' });
  await meta.getByRole('textbox', { name: 'العنوان' }).fill(CORRECTED);
  await meta.getByRole('button', { name: 'احفظ' }).click();
  await expect(meta).toBeHidden();
  await strip(page).getByRole('button', { name: 'افصل هذا المقال عن خبره' }).click();
  await expect(page.getByRole('heading', { name: 'نشره مصدر واحد' })).toBeVisible();
  await library(page).click();
  await expect(storyRow(page, CORRECTED)).toHaveCount(1);
  await expect(row.getByLabel(`عدد المصادر: ${ar(2)}`)).toBeVisible();
  const before = await rows(page);
  expect(before).toMatchObject({ metaEdits: 1, outlets: 1, storyDecisions: 1 });
  expect(before.editions).toBe(before.articles! + 1); // SPA's report carries Al Riyadh's identical copy

  // Back up through the dialog: the file carries the stories tables.
  const dialog = await openDialog(page);
  const { download: d, bytes } = await download(page, dialog.getByRole('button', { name: 'إنشاء نسخة احتياطية…' }));
  await expect(dialog.getByRole('status').filter({ hasText: 'حُفظت النسخة الاحتياطية' })).toBeVisible();
  const path = join(mkdtempSync(join(tmpdir(), 'warraq-backup-stories-')), d.suggestedFilename());
  writeFileSync(path, bytes);
  const text = new TextDecoder().decode(gunzipSync(new Uint8Array(bytes)));
  expect(JSON.parse(text.slice(0, text.indexOf('\n')))).toMatchObject({ version: 2 });
  for (const t of ['editions', 'metaEdits', 'outlets', 'storyDecisions']) expect(text).toContain(`{"t":"${t}"`);
  expect(text).not.toContain('{"t":"storyFeatures"');

  // The lost laptop: an empty profile restores the file.
  const other = await (await browser.newContext()).newPage();
  await openApp(other);
  await openDialog(other);
  const restoring = other.getByRole('dialog', { name: /التصدير والنسخ الاحتياطي/ });
  const [chooser] = await Promise.all([
    other.waitForEvent('filechooser'),
    restoring.getByRole('button', { name: 'اختيار ملف النسخة…' }).click(),
  ]);
  await chooser.setFiles(path);
  await expect(restoring.getByRole('status').filter({ hasText: 'تمت الاستعادة' })).toBeVisible({ timeout: 60_000 });
  await other.keyboard.press('Escape');

  // Everything is back: the story of two outlets, the split copy under its corrected headline and name.
  await library(other).click();
  await expect(storyRow(other, SPA_TITLE).getByLabel(`عدد المصادر: ${ar(2)}`)).toBeVisible();
  await expect(storyRow(other, CORRECTED)).toHaveCount(1);
  await expect(storyRow(other, CORRECTED)).toContainText('صحيفة الحجاز');
  await grid(other).getByRole('link', { name: CORRECTED, exact: true }).click();
  await expect(other.getByRole('heading', { name: 'نشره مصدر واحد' })).toBeVisible();
  await library(other).click();
  await storyRow(other, SPA_TITLE).getByRole('link', { name: SPA_TITLE, exact: true }).click();
  await expect(other.getByRole('heading', { name: 'نشره مصدران' })).toBeVisible();
  await expect(
    other.getByRole('list', { name: 'نسخ الخبر، الأقدم أولًا' }).getByRole('button', { name: /^افتح نسخة/ }),
  ).toHaveCount(2);
  await searchSource(other);
  // Stories are derived: the detection worker rebuilt its features for every restored article.
  await expect.poll(async () => (await rows(other)).storyFeatures).toBe((await rows(other)).articles);
  const after = await rows(other);
  expect({ ...after, storyFeatures: 0 }).toEqual({ ...before, storyFeatures: 0 });
  await other.context().close();
});
