/**
 * Back up and restore, as a user meets it: two articles annotated through the reader, a backup
 * downloaded, everything deleted, the backup restored — every article, annotation and bookmark back
 * in place; the same backup merged into another library (none of its articles lost); replace with
 * its confirmation and safety backup; and bad files (made here from the real backup) refused with a
 * clear message while the library stays as it was.
 */
import { test, expect, type Page } from '@playwright/test';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gunzipSync, gzipSync } from 'fflate';
import { openApp, articleLink, SAMPLE_TITLE } from './helpers';
import {
  addArticle,
  annotateTwoArticles,
  counts,
  download,
  mark,
  openArticle,
  openDialog,
  panel,
  NOTE_SAMPLE,
  NOTE_SECOND,
  SECOND,
} from './export-helpers';

const dir = mkdtempSync(join(tmpdir(), 'warraq-backup-e2e-'));

async function makeBackup(page: Page): Promise<string> {
  const dialog = await openDialog(page);
  const { download: d, bytes } = await download(page, dialog.getByRole('button', { name: 'إنشاء نسخة احتياطية…' }));
  expect(d.suggestedFilename()).toMatch(/^warraq-backup-.*\.jsonl\.gz$/);
  await expect(dialog.getByRole('status').filter({ hasText: 'حُفظت النسخة الاحتياطية' })).toContainText(
    '٢ مقالة، ٢ ملاحظة، ١ إشارة مرجعية',
  );
  const path = join(dir, d.suggestedFilename());
  writeFileSync(path, bytes);
  await page.keyboard.press('Escape');
  return path;
}

/** Chooses `path` in the restore picker (merge or replace) and waits for the dialog's answer. */
async function restore(page: Page, path: string, mode: 'دمج' | 'استبدال' = 'دمج') {
  const dialog = await openDialog(page);
  await dialog.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    dialog.getByRole('button', { name: 'اختيار ملف النسخة…' }).click(),
  ]);
  await chooser.setFiles(path);
  return dialog;
}

async function expectNotesInPlace(page: Page): Promise<void> {
  await openArticle(page, SAMPLE_TITLE);
  await expect(mark(page, 'أقر التحالف الدولي')).toBeVisible();
  await expect(panel(page).locator('.note').filter({ hasText: 'Airwars' })).toHaveText(NOTE_SAMPLE);
  await expect(panel(page).getByRole('button', { name: /إشارة مرجعية: الفقرة ٤/ })).toBeVisible();
  await openArticle(page, SECOND.title);
  await expect(mark(page, 'نقص المياه والكهرباء')).toBeVisible();
  await expect(panel(page).locator('.note')).toHaveText(NOTE_SECOND);
}

test('back up, delete everything, restore: every article, annotation and bookmark is back; merge into another library loses none', async ({
  page,
  browser,
}) => {
  await openApp(page);
  await annotateTwoArticles(page);
  const before = await counts(page);
  expect(before).toMatchObject({ articles: 2, annotations: 2, bookmarks: 1 });
  const path = await makeBackup(page);

  await page.getByRole('button', { name: 'المكتبة', exact: true }).click();
  for (const title of [SAMPLE_TITLE, SECOND.title]) {
    await page.getByRole('button', { name: `حذف «${title}»` }).click();
    // Each holds an annotation: the library asks first (issue 18).
    await page
      .getByRole('dialog', { name: `حذف «${title}»؟` })
      .getByRole('button', { name: 'احذف', exact: true })
      .click();
    await expect(articleLink(page, title)).toHaveCount(0);
  }
  await expect(page.getByRole('status').filter({ hasText: 'المكتبة فارغة' })).toBeVisible();
  expect(await counts(page)).toMatchObject({ articles: 0, annotations: 0, bookmarks: 0 });

  const dialog = await restore(page, path);
  await expect(dialog.getByRole('status').filter({ hasText: 'تمت الاستعادة' })).toContainText(
    'أُضيفت ٢ مقالة و٢ ملاحظة',
  );
  await page.keyboard.press('Escape');
  await expect(articleLink(page, SAMPLE_TITLE)).toBeVisible();
  await expect(articleLink(page, SECOND.title)).toBeVisible();
  expect(await counts(page)).toEqual(before);
  await expectNotesInPlace(page);
  // The search index (deleted articles left it) is rebuilt from what was restored.
  await page.getByRole('searchbox', { name: 'بحث', exact: true }).fill('نقص المياه والكهرباء');
  await expect(
    page.getByRole('listbox', { name: 'نتائج البحث' }).getByRole('option', { name: SECOND.title }),
  ).toBeVisible();

  // Another library (fresh profile): the sample and an article of its own; merge keeps both.
  const other = await (await browser.newContext()).newPage();
  await openApp(other);
  const OWN = {
    id: 'e2e-own-article',
    title: 'بلدية الموصل تبدأ إعادة إعمار الجسر القديم',
    outlet: 'نينوى اليوم',
    text: 'بلدية الموصل تبدأ إعادة إعمار الجسر القديم\n\nبدأت بلدية الموصل أعمال إعادة إعمار الجسر القديم بتمويل من UNDP.',
  };
  await addArticle(other, OWN);
  const merged = await restore(other, path);
  await expect(merged.getByRole('status').filter({ hasText: 'تمت الاستعادة' })).toContainText('بقيت ١ مقالة');
  await other.keyboard.press('Escape');
  for (const title of [SAMPLE_TITLE, SECOND.title, OWN.title]) await expect(articleLink(other, title)).toBeVisible();
  expect(await counts(other)).toMatchObject({ articles: 3, texts: 3, annotations: 2, bookmarks: 1 });
  await expectNotesInPlace(other);
  await other.context().close();
});

test('replace asks first, saves a safety backup, then leaves exactly the backup', async ({ page }) => {
  await openApp(page);
  await annotateTwoArticles(page);
  const path = await makeBackup(page);
  const OWN = {
    id: 'e2e-replaced-article',
    title: 'خبر سيُستبدل: افتتاح معرض الكتاب في عمّان',
    outlet: 'الرأي',
    text: 'خبر سيُستبدل: افتتاح معرض الكتاب في عمّان\n\nافتُتح معرض عمّان الدولي للكتاب بمشاركة 400 دار نشر.',
  };
  await addArticle(page, OWN);

  const dialog = await restore(page, path, 'استبدال');
  const confirm = page.getByRole('alertdialog', { name: 'استبدال المكتبة كلها؟' });
  await expect(confirm).toContainText('ستُحذف من هذه المكتبة ٣ مقالة');
  await page.screenshot({ path: 'test-results/screenshots/backup-replace-confirm-ar.png' });
  // "Keep my library" changes nothing.
  await confirm.getByRole('button', { name: 'إبقاء مكتبتي' }).click();
  await expect(confirm).toBeHidden();
  expect((await counts(page)).articles).toBe(3);

  await page.keyboard.press('Escape');
  await restore(page, path, 'استبدال');
  const [safety] = await Promise.all([
    page.waitForEvent('download'),
    confirm.getByRole('button', { name: 'استبدال المكتبة' }).click(),
  ]);
  expect(safety.suggestedFilename()).toMatch(/^warraq-safety-backup-.*\.jsonl\.gz$/);
  const lines = new TextDecoder()
    .decode(gunzipSync(new Uint8Array(await (await import('node:fs/promises')).readFile((await safety.path())!))))
    .trim()
    .split('\n');
  expect(lines.some((l) => l.includes(OWN.title))).toBe(true);
  await expect(dialog.getByRole('status').filter({ hasText: 'تمت الاستعادة' })).toContainText('صارت المكتبة ٢ مقالة');
  await page.keyboard.press('Escape');
  await expect(articleLink(page, OWN.title)).toHaveCount(0);
  expect(await counts(page)).toMatchObject({ articles: 2, annotations: 2, bookmarks: 1 });
});

test('bad files are refused with a clear message and change nothing', async ({ page }) => {
  await openApp(page);
  await annotateTwoArticles(page);
  const good = gunzipSync(new Uint8Array(await (await import('node:fs/promises')).readFile(await makeBackup(page))));
  const text = new TextDecoder().decode(good);
  const flipped = good.slice();
  // A byte inside the first text record (byte offset, not UTF-16 index: Arabic letters take 2 bytes).
  const at = new TextEncoder().encode(text.slice(0, text.indexOf('"texts"'))).length + 120;
  flipped[at] = flipped[at]! ^ 0x04;
  const gz = gzipSync(good);
  const bad: [string, Uint8Array | string, RegExp][] = [
    ['truncated.jsonl', good.subarray(0, Math.floor(good.length * 0.7)), /النسخة ناقصة: انقطع الملف قبل نهايته/],
    ['flipped.jsonl', flipped, /النسخة تالفة: السجل ٣ لا يطابق مجموعه الاختباري/],
    ['newer.jsonl', text.replace('"version":2', '"version":7'), /بإصدار أحدث من ورّاق \(الصيغة ٧\)/],
    ['notes.csv', 'العنوان,الرابط\nخبر,https://example.org\n', /هذا الملف ليس نسخة احتياطية من ورّاق/],
    ['empty.jsonl', '', /الملف فارغ/],
    ['cut.jsonl.gz', gz.subarray(0, gz.length - 64), /الملف المضغوط تالف أو ناقص/],
  ];
  await page.getByRole('button', { name: 'المكتبة', exact: true }).click();
  const before = await counts(page);
  for (const [name, bytes, message] of bad) {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const dialog = await restore(page, path, name === 'newer.jsonl' ? 'استبدال' : 'دمج');
    const alert = dialog.getByRole('alert');
    await expect(alert, name).toHaveText(message);
    await expect(alert, name).toContainText('لم يتغير شيء');
    if (name === 'flipped.jsonl') await page.screenshot({ path: 'test-results/screenshots/backup-bad-file-ar.png' });
    expect(await counts(page), name).toEqual(before);
    await page.keyboard.press('Escape');
  }
});

test('a backup and a restore show progress and can be cancelled, leaving nothing saved and nothing changed', async ({
  page,
}) => {
  await openApp(page);
  // 4,000 articles of ~3 KB: big enough that both runs last long enough to press Cancel.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('warraq');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const tx = db.transaction(['articles', 'texts'], 'readwrite');
    const para =
      'قال مراسلنا إن القصف استمر طوال الليل على الأحياء الشرقية، وإن فرق الدفاع المدني انتشلت جثث الضحايا من تحت الأنقاض. '.repeat(
        25,
      );
    for (let i = 0; i < 4000; i++) {
      const id = `bulk-${String(i).padStart(5, '0')}`;
      const title = `تقرير ميداني رقم ${i}`;
      const text = `${title}\n\n${para}${i}`;
      tx.objectStore('articles').put({
        id,
        title,
        outlet: 'مراسل',
        length: text.length,
        words: 500,
        importedAt: i,
        source: { kind: 'text' },
        tags: [],
      });
      tx.objectStore('texts').put({ id, text, paragraphs: [{ start: title.length + 2, end: text.length }] });
    }
    await new Promise((res, rej) => {
      tx.oncomplete = res;
      tx.onerror = () => rej(tx.error);
    });
    db.close();
  });
  await page.reload();
  const dialog = await openDialog(page);
  let downloads = 0;
  page.on('download', () => downloads++);
  await dialog.getByRole('button', { name: 'إنشاء نسخة احتياطية…' }).click();
  await expect(dialog.getByRole('progressbar', { name: 'تُكتب النسخة الاحتياطية…' })).toBeVisible();
  await dialog.getByRole('button', { name: 'إلغاء' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('أُلغيت العملية، ولم يتغير شيء في المكتبة.');
  await expect(dialog.getByRole('progressbar')).toHaveCount(0);

  const { bytes } = await download(page, dialog.getByRole('button', { name: 'إنشاء نسخة احتياطية…' }));
  expect(downloads).toBe(1);
  const path = join(dir, 'bulk.jsonl.gz');
  writeFileSync(path, bytes);
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('warraq');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const tx = db.transaction(['articles', 'texts'], 'readwrite');
    tx.objectStore('articles').clear();
    tx.objectStore('texts').clear();
    await new Promise((res, rej) => {
      tx.oncomplete = res;
      tx.onerror = () => rej(tx.error);
    });
    db.close();
  });
  const before = await counts(page);
  await page.keyboard.press('Escape');
  await restore(page, path);
  await expect(dialog.getByRole('progressbar', { name: 'تُستعاد المحتويات…' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/backup-restore-progress-ar.png' });
  await dialog.getByRole('button', { name: 'إلغاء' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('أُلغيت العملية، ولم يتغير شيء في المكتبة.');
  expect(await counts(page)).toEqual(before);
});
