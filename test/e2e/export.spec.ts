/**
 * Export notes, as a user meets it: two articles annotated through the reader's toolbar, then every
 * format downloaded from the Export & backup dialog and read back — Markdown quotes with citations,
 * a standalone RTL HTML page with the font embedded, a W3C Web Annotation collection (validated
 * against the W3C model tests when ../shared has them), CSV with BOM parsed back with papaparse,
 * CSL-JSON and RIS; and an export scoped to the article being read.
 */
import { test, expect } from '@playwright/test';
import Papa from 'papaparse';
import { openApp, usedFonts, SAMPLE_TITLE } from './helpers';
import { annotateTwoArticles, download, openDialog, panel, NOTE_SAMPLE, NOTE_SECOND, SECOND } from './export-helpers';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The core engineer's W3C checker (test/unit/core/export/w3c-schemas.ts) locates ../shared through
 * CommonJS `__dirname`; Playwright loads specs as ES modules, so give it that global, then import it.
 */
async function w3cChecker() {
  (globalThis as { __dirname?: string }).__dirname = resolve(
    dirname(fileURLToPath(import.meta.url)),
    '../unit/core/export',
  );
  return (await import('../unit/core/export/w3c-schemas')).loadW3c();
}

test("every export format holds both articles' notes with their citations", async ({ page }) => {
  await openApp(page);
  await annotateTwoArticles(page);
  await page.getByRole('button', { name: 'المكتبة', exact: true }).click();
  const dialog = await openDialog(page);
  await expect(dialog.getByRole('radio', { name: 'كل ملاحظات المكتبة' })).toBeChecked();
  await expect(dialog.getByRole('status').filter({ hasText: 'ملاحظة' })).toContainText('٢ ملاحظة من ٢ مقالة');
  const get = async (format: RegExp) => {
    await dialog.getByRole('radio', { name: format }).check();
    return download(page, dialog.getByRole('button', { name: 'تصدير', exact: true }));
  };

  const md = await get(/^Markdown/);
  expect(md.download.suggestedFilename()).toMatch(/^warraq-notes-\d{4}-\d\d-\d\d\.md$/);
  const mdText = md.bytes.toString('utf8');
  expect(mdText).toContain('> أقر التحالف الدولي');
  expect(mdText).toContain('الرقم أعلى مما في تقرير Airwars');
  // The citation under the quote: title in «», outlet, and the paragraph as the locator.
  // Only a field running against the Arabic citation (Latin, a URL) is wrapped in FSI…PDI; these are all Arabic.
  const quoteAt = mdText.indexOf('> أقر التحالف الدولي');
  const citation = mdText
    .slice(quoteAt)
    .split('\n')
    .find((l) => l.startsWith('— '))!;
  expect(citation).toContain(`«${SAMPLE_TITLE}»، عشتار تيفي كوم، `);
  expect(citation).toMatch(/، فقرة ١$/);
  expect(mdText).toContain('> نقص المياه والكهرباء');
  expect(mdText).toContain('https://example.org/unhcr/aleppo?lang=ar');

  const html = (await get(/^HTML/)).bytes.toString('utf8');
  expect(html).toMatch(/<html lang="ar" dir="rtl">/);
  expect(html).toMatch(
    /@font-face \{ font-family: 'Noto Naskh Arabic'.*src: url\(data:font\/woff2;base64,[A-Za-z0-9+/]{1000}/,
  );
  expect(html).toContain('<mark class="hl-yellow">أقر التحالف الدولي</mark>');
  // Opened on its own (no app around it), the page draws the quote in the embedded Naskh font.
  const view = await page.context().newPage();
  await view.setContent(html);
  await view.evaluate(() => document.fonts.ready);
  expect((await usedFonts(view, 'class', 'hl-yellow'))[0]).toMatch(/Noto Naskh Arabic/);
  await view.screenshot({ path: 'test-results/screenshots/export-html-ar.png', fullPage: true });
  await view.close();

  const json = JSON.parse((await get(/^JSON/)).bytes.toString('utf8'));
  expect(json).toMatchObject({ type: 'AnnotationCollection', total: 2, first: { type: 'AnnotationPage' } });
  const quotes = json.first.items.map(
    (a: any) => a.target.selector.find((s: any) => s.type === 'TextQuoteSelector').exact,
  );
  expect(quotes.sort()).toEqual(['أقر التحالف الدولي', 'نقص المياه والكهرباء'].sort());
  const w3c = await w3cChecker();
  if (!w3c) console.log('W3C Web Annotation tests not found in ../shared: structural checks only');
  else {
    expect(w3c.check('collections/collectionMusts.test', json)).toEqual([]);
    for (const item of json.first.items)
      expect(w3c.check('annotations/annotationMusts.test', { '@context': json['@context'], ...item })).toEqual([]);
  }

  const csv = (await get(/^CSV/)).bytes;
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<Record<string, string>>(csv.toString('utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data).toHaveLength(2);
  const second = parsed.data.find((r) => r.title === SECOND.title)!;
  expect(second).toMatchObject({
    outlet: SECOND.outlet,
    URL: SECOND.url,
    paragraph: '2',
    quote: 'نقص المياه والكهرباء',
    note: NOTE_SECOND,
    tags: 'عودة',
  });
  expect(parsed.data.find((r) => r.title === SAMPLE_TITLE)).toMatchObject({
    note: NOTE_SAMPLE,
    author: '',
    'source agency': 'الجزيرة',
  });

  const csl = JSON.parse((await get(/^CSL-JSON/)).bytes.toString('utf8'));
  expect(csl.map((i: any) => i.title).sort()).toEqual([SAMPLE_TITLE, SECOND.title].sort());
  expect(csl.find((i: any) => i.id === SECOND.id)).toMatchObject({
    type: 'article-newspaper',
    'container-title': SECOND.outlet,
    URL: SECOND.url,
    author: [{ literal: 'رنا الأحمد' }],
  });

  const ris = (await get(/^RIS/)).bytes.toString('utf8');
  expect(ris.match(/^TY {2}- NEWS\r$/gm)).toHaveLength(2);
  expect(ris).toContain(`TI  - ${SECOND.title}\r\n`);
});

test('from the reader, the export is scoped to the article being read', async ({ page }) => {
  await openApp(page);
  await annotateTwoArticles(page);
  await panel(page).getByRole('button', { name: 'تصدير الملاحظات' }).click();
  const dialog = page.getByRole('dialog', { name: 'التصدير والنسخ الاحتياطي' });
  await expect(dialog.getByRole('radio', { name: /ملاحظات هذه المقالة/ })).toBeChecked();
  await expect(dialog.getByRole('status').filter({ hasText: 'ملاحظة' })).toContainText('١ ملاحظة من ١ مقالة');
  const { download: d, bytes } = await download(page, dialog.getByRole('button', { name: 'تصدير', exact: true }));
  expect(d.suggestedFilename()).toContain('مفوضية اللاجئين');
  const md = bytes.toString('utf8');
  expect(md).toContain('> نقص المياه والكهرباء');
  expect(md).not.toContain('أقر التحالف الدولي');
  await expect(dialog.getByRole('status').filter({ hasText: 'صُدّرت' })).toBeVisible();
});

test('from the notebook, the export holds the notes its current filter shows', async ({ page }) => {
  await openApp(page);
  await annotateTwoArticles(page);
  await page.getByRole('button', { name: 'دفتر الملاحظات' }).click();
  await page.getByRole('combobox', { name: 'الوسم' }).selectOption('عودة');
  await expect(page.getByRole('list', { name: 'التظليلات والملاحظات' }).locator(':scope > li')).toHaveCount(1);
  await page.getByRole('button', { name: 'تصدير الملاحظات' }).click();
  const dialog = page.getByRole('dialog', { name: 'التصدير والنسخ الاحتياطي' });
  await expect(dialog.getByRole('radio', { name: 'الملاحظات المعروضة في الدفتر (١)' })).toBeChecked();
  await dialog.getByRole('radio', { name: /^CSV/ }).check();
  const { bytes } = await download(page, dialog.getByRole('button', { name: 'تصدير', exact: true }));
  const rows = Papa.parse<Record<string, string>>(bytes.toString('utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
  expect(rows.map((r) => r.quote)).toEqual(['نقص المياه والكهرباء']);
  // The header button on the notebook screen offers the same scope.
  await page.keyboard.press('Escape');
  const again = await openDialog(page);
  await expect(again.getByRole('radio', { name: 'الملاحظات المعروضة في الدفتر (١)' })).toBeChecked();
});
