/**
 * Import when things go wrong, through the real UI: bad files each get their message in the report and
 * the library keeps what it had; a 50 MB text file, Arabic names with spaces, a drop on the window,
 * cancel then re-import, the English report and "Copy report".
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync, rmSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, articleLink, SAMPLE_TITLE, headerMenu, switchLanguage } from './helpers';
import { FIX, OWN, ar, importFiles, importFolder, expectCounts, closeReport, expectArticle } from './import-helpers';

const GOLD = 'أسعار الذهب تقفز إلى أعلى مستوى منذ عامين';
let tmp = '';
test.beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'warraq-import-'));
});
test.afterAll(() => rmSync(tmp, { recursive: true, force: true }));
test.beforeEach(async ({ page }) => openApp(page));

const rows = (page: Page) => page.getByRole('grid').getByRole('row');

test('bad inputs each give their message, the good files import, and the library keeps what it had', async ({
  page,
}) => {
  const report = await importFiles(page, [
    join(FIX, 'bad', 'empty.txt'),
    join(FIX, 'bad', 'binary-named.txt'),
    join(FIX, 'bad', 'report.docx'),
    join(FIX, 'html', 'page-garbage.html'),
    join(FIX, 'html', 'page-truncated.html'),
    join(FIX, 'records', 'archive-bad-lines.jsonl'),
    join(OWN, 'أرشيف المراسل', 'ملفات 2018', 'خبر عن سوق الذهب.txt'),
  ]);
  // imported: the truncated page's text, 2 good lines of the JSONL, the gold article; failed: 3 files + 4 lines
  await expectCounts(report, { imported: 4, failed: 7, skipped: 1 });
  const item = (name: string) => report.getByRole('listitem').filter({ hasText: name });
  await expect(item('empty.txt')).toContainText('الملف فارغ.');
  await expect(item('binary-named.txt')).toContainText('الامتداد لا يطابق المحتوى');
  await expect(item('report.docx')).toContainText(/نوع ملف غير مدعوم \(\u2066?\.docx\u2069?\)/);
  await expect(item('page-garbage.html')).toContainText('لم يُعثر فيه على نص مقالة');
  await expect(item('page-truncated.html')).toContainText('الصفحة مقطوعة');
  await expect(item('archive-bad-lines.jsonl')).toHaveCount(4);
  await expect(item('archive-bad-lines.jsonl').first()).toContainText(`السطر ${ar(2)} ليس سجلاً صالحاً`);
  await closeReport(page);
  await expect(rows(page)).toHaveCount(1 + 1 + 4);
  await expect(articleLink(page, SAMPLE_TITLE)).toBeVisible();
  await expectArticle(page, {
    title: GOLD,
    outlet: 'صحيفة النهار الاقتصادي',
    published: '2018-11-08',
    first: 'قفزت أسعار الذهب',
  });
});

test('folder and file names in Arabic with spaces: the report and the stored source keep them', async ({ page }) => {
  const report = await importFolder(page, join(OWN, 'أرشيف المراسل'));
  await expectCounts(report, { imported: 1 });
  await closeReport(page);
  await expectArticle(page, {
    title: GOLD,
    outlet: 'صحيفة النهار الاقتصادي',
    published: '2018-11-08',
    first: 'قفزت أسعار الذهب',
  });
  const again = await importFolder(page, join(OWN, 'أرشيف المراسل'));
  await expectCounts(again, { imported: 0, duplicates: 1 });
});

test('a 50 MB text file imports as one article', async ({ page }) => {
  // A limit, not a timing check: parsing and storing 50 MB took over a minute on the loaded 2-core machine.
  test.setTimeout(400_000);
  const path = join(tmp, 'تقرير طويل جداً.txt');
  const fd = openSync(path, 'w');
  writeSync(fd, 'وكالة الأنباء المحلية\nسجل الأرصاد الجوية الكامل للعقد الماضي\nعمّان - 3 آذار 2020\n\n');
  const para =
    'سجلت محطة الرصد درجات حرارة أعلى من المعدل في معظم أيام الشهر، وهطلت أمطار متفرقة على المرتفعات الشمالية.\n';
  const chunk = para.repeat(2000);
  let written = 0;
  while (written < 50 * 1024 * 1024) written += writeSync(fd, chunk);
  closeSync(fd);
  const report = await importFiles(page, [path]);
  await expectCounts(report, { imported: 1 });
  await closeReport(page);
  await expect(articleLink(page, 'سجل الأرصاد الجوية الكامل للعقد الماضي')).toBeVisible();
});

test('a report with hundreds of problems lists every one of them', async ({ page }) => {
  // The lists fill in a hundred items a frame (one long task before): all 260 must arrive, in order.
  const path = join(tmp, 'أرشيف تالف.jsonl');
  const good = JSON.stringify({
    source: 'alwatan',
    url: 'https://alwatan.example/260',
    date_extracted: '2015-07-21 02:51:32',
    title: 'خبر سليم بين أسطر تالفة',
    content: 'افتتح أمير المنطقة معرض الكتاب الدولي بمشاركة خمسمئة دار نشر.',
  });
  writeFileSync(path, [good, ...Array.from({ length: 260 }, (_, i) => `سطر تالف رقم ${i + 1}`)].join('\n'));
  const report = await importFiles(page, [path]);
  await expectCounts(report, { imported: 1, failed: 260 });
  const items = report.getByRole('listitem').filter({ hasText: 'أرشيف تالف.jsonl' });
  await expect(items).toHaveCount(260);
  await expect(items.first()).toContainText(`السطر ${ar(2)} ليس سجلاً صالحاً`);
  await expect(items.last()).toContainText(`السطر ${ar(261)} ليس سجلاً صالحاً`);
  await closeReport(page);
});

test('files dropped on the window are imported', async ({ page }) => {
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(
      new File(
        [
          'صحيفة المساء\nافتتاح حديقة عامة في وسط المدينة\nحمص - 2 أيار 2021\nافتتحت البلدية حديقة عامة جديدة بمساحة عشرة دونمات.\n',
        ],
        'خبر الحديقة.txt',
        { type: 'text/plain' },
      ),
    );
    (window as unknown as { __dt: DataTransfer }).__dt = dt;
  });
  // The overlay hides itself when no dragover came for a moment (the drag left the window). A real drag
  // repeats dragover while it hovers; so does this, until the overlay shows, however busy the machine.
  const overlay = page.getByText('أفلت الملفات أو المجلدات هنا لاستيرادها');
  await expect
    .poll(async () => {
      await page.evaluate(() => {
        const dt = (window as unknown as { __dt: DataTransfer }).__dt;
        window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      });
      return overlay.isVisible();
    })
    .toBe(true);
  await page.evaluate(() => {
    const dt = (window as unknown as { __dt: DataTransfer }).__dt;
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await expect(overlay).toHaveCount(0);
  const report = page.getByRole('dialog', { name: 'تقرير الاستيراد' });
  await expectCounts(report, { imported: 1 });
  await closeReport(page);
  await expectArticle(page, {
    title: 'افتتاح حديقة عامة في وسط المدينة',
    outlet: 'صحيفة المساء',
    published: '2021-05-02',
    first: 'افتتحت البلدية حديقة',
  });
});

test('a folder dragged from the desktop is walked recursively, names in Arabic kept', async ({ page }) => {
  // DevTools' drag interception hands Chromium real paths, so the drop carries directory entries.
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: [join(FIX, 'folder'), join(OWN, 'أرشيف المراسل')], dragOperationsMask: 1 };
  await cdp.send('Input.dispatchDragEvent', { type: 'dragEnter', x: 600, y: 400, data });
  // As above: keep the drag hovering (dragover repeats) until the overlay shows.
  const overlay = page.getByText('أفلت الملفات أو المجلدات هنا لاستيرادها');
  await expect
    .poll(async () => {
      await cdp.send('Input.dispatchDragEvent', { type: 'dragOver', x: 600, y: 400, data });
      return overlay.isVisible();
    })
    .toBe(true);
  // Chromium does not always hand a synthetic drop to the page (twice in CI the page never got a 'drop'
  // event: no import, no notice). What the page received is recorded, and the drag is only repeated when no
  // drop arrived, as a person would drop again; a drop the app received and ignored still fails below.
  await page.evaluate(() => {
    const w = window as unknown as { __drops: string[][] };
    w.__drops = [];
    window.addEventListener('drop', (e) => w.__drops.push([...(e.dataTransfer?.types ?? [])]), { capture: true });
  });
  const drops = () => page.evaluate(() => (window as unknown as { __drops: string[][] }).__drops);
  let attempts = 0;
  await expect
    .poll(async () => {
      if ((await drops()).length === 0) {
        if (attempts++ > 0) await cdp.send('Input.dispatchDragEvent', { type: 'dragEnter', x: 600, y: 400, data });
        await cdp.send('Input.dispatchDragEvent', { type: 'dragOver', x: 600, y: 400, data });
        await cdp.send('Input.dispatchDragEvent', { type: 'drop', x: 600, y: 400, data });
      }
      return (await drops()).length;
    })
    .toBeGreaterThan(0);
  expect((await drops())[0]).toContain('Files');
  const report = page.getByRole('dialog', { name: 'تقرير الاستيراد' });
  await expectCounts(report, { imported: 4, duplicates: 1, skipped: 3 });
  await expect(report.getByRole('listitem').filter({ hasText: 'folder/صفحة محفوظة_files/style.css' })).toHaveCount(1);
  await closeReport(page);
  await expectArticle(page, {
    title: GOLD,
    outlet: 'صحيفة النهار الاقتصادي',
    published: '2018-11-08',
    first: 'قفزت أسعار الذهب',
  });
});

test('cancel stops cleanly with whole articles; importing again completes without duplicates', async ({ page }) => {
  const n = 20_000;
  const path = join(tmp, 'أرشيف كبير.jsonl');
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(
      JSON.stringify({
        source: 'الرياض',
        date: '2015-07-21',
        title: `خبر رقم ${i} عن مشاريع الطرق`,
        content: `أعلنت الوزارة عن المشروع رقم ${i} لتوسعة الطرق.\n`.repeat(8),
      }),
    );
  }
  writeFileSync(path, lines.join('\n'));
  const chooser = page.waitForEvent('filechooser');
  await headerMenu(page, 'استيراد ملفات');
  await (await chooser).setFiles(path);
  const progress = page.getByRole('dialog', { name: 'جارٍ الاستيراد' });
  await expect(progress.getByRole('progressbar', { name: 'تقدّم الاستيراد' })).toBeVisible();
  await expect
    .poll(async () => Number(await progress.getByRole('progressbar').getAttribute('aria-valuenow')))
    .toBeGreaterThan(0);
  await progress.getByRole('button', { name: 'إلغاء الاستيراد' }).click();
  const report = page.getByRole('dialog', { name: 'تقرير الاستيراد' });
  await expect(report).toContainText('أُلغي الاستيراد قبل نهايته');
  const text = (await report.textContent()) ?? '';
  // Arabic-Indic digits with the Arabic thousands separator (١٬٨٠٠).
  const imported = Number(
    /مقالات مستوردة: ([٠-٩٬]+)/
      .exec(text)![1]!
      .replace(/٬/g, '')
      .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)),
  );
  expect(imported).toBeGreaterThan(0);
  expect(imported).toBeLessThan(n);
  await closeReport(page);
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<number>((res) => {
            const r = indexedDB.open('warraq');
            r.onsuccess = () => {
              const c = r.result.transaction('texts').objectStore('texts').count();
              c.onsuccess = () => {
                res(c.result);
                r.result.close();
              };
            };
          }),
      ),
    )
    .toBe(imported + 1); // + the sample; every stored meta has its text
  const again = await importFiles(page, [path]);
  await expectCounts(again, { imported: n - imported, duplicates: imported });
});

test("the English report reads left to right, with the parsers' reasons, and copies as text", async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await switchLanguage(page, 'en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  const chooser = page.waitForEvent('filechooser');
  await headerMenu(page, 'Import files');
  await (
    await chooser
  ).setFiles([
    join(FIX, 'bad', 'empty.txt'),
    join(FIX, 'records', 'archive-bad-lines.jsonl'),
    join(FIX, 'bad', 'report.docx'),
  ]);
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report).toContainText('Articles imported: 2');
  await expect(report).toContainText('Failures: 5');
  await expect(report.getByRole('listitem').filter({ hasText: 'empty.txt' })).toContainText('The file is empty.');
  await report.getByRole('button', { name: 'Copy report' }).click();
  await expect(report.getByRole('status')).toHaveText('Report copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Warraq import report');
  expect(copied).toContain('- archive-bad-lines.jsonl: Line 4 is not valid JSON');
  expect(copied).toContain('- report.docx: Unsupported file type');
});
