/**
 * Annotate and bookmark, as a user meets it: select a phrase, highlight it, write a note, bookmark a
 * paragraph, reload and find them all; recolour, delete and undo; the notebook across two articles,
 * its tag filter and its Arabic-folded note search.
 */
import { test, expect, type Page } from '@playwright/test';
import { openApp, articleLink, storeArticle, SAMPLE_TITLE, readerTypography } from './helpers';

const reader = (page: Page) => page.locator('warraq-reader');
const panel = (page: Page) => page.getByRole('complementary', { name: 'التظليلات والملاحظات' });
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'أدوات النص المحدد' });

/** Selects the first occurrence of `phrase` in paragraph `p` (1-based) inside the reader's shadow root. */
async function select(page: Page, p: number, phrase: string): Promise<void> {
  // The reader renders after its article loads: wait for the paragraph (locators pierce shadow roots).
  await page.locator('warraq-reader').locator(`p[data-p="${p}"]`, { hasText: phrase }).waitFor();
  await page.evaluate(
    ({ p, phrase }) => {
      const root = document.querySelector('warraq-app')!.shadowRoot!.querySelector('warraq-reader')!.shadowRoot!;
      const para = root.querySelector(`p[data-p="${p}"]`)!;
      const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.indexOf(phrase);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + phrase.length);
        const sel = document.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        return;
      }
      throw new Error(`phrase not found in paragraph ${p}: ${phrase}`);
    },
    { p, phrase },
  );
  await expect(toolbar(page)).toBeVisible();
}

async function openSample(page: Page): Promise<void> {
  await openApp(page);
  await articleLink(page, SAMPLE_TITLE).click();
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
}

const mark = (page: Page, text: string) => reader(page).locator('mark.hl', { hasText: text });

test('highlight, note and bookmark survive a reload; recolour, delete and undo', async ({ page }) => {
  await openSample(page);
  await select(page, 1, 'أقر التحالف الدولي');
  await toolbar(page).getByRole('button', { name: 'تظليل أصفر' }).click();
  await expect(mark(page, 'أقر التحالف الدولي')).toHaveClass(/hl-yellow/);
  await expect(toolbar(page)).toHaveCount(0);

  // A highlight over Latin-free Arabic with digits inside: "34,502 غارة" keeps its order.
  await select(page, 2, 'شن 34,502 غارة');
  await toolbar(page).getByRole('button', { name: 'تظليل مع ملاحظة' }).click();
  const editor = panel(page).getByRole('textbox', { name: 'نص الملاحظة' });
  await expect(editor).toBeFocused();
  const note = 'قارن مع أرقام SOHR في التقرير\nالعدد يشمل العراق';
  await editor.fill(note);
  await panel(page)
    .getByRole('textbox', { name: /الوسوم/ })
    .fill('غارات، أرقام');
  await panel(page).getByRole('button', { name: 'حفظ' }).click();
  await expect(panel(page).getByText('قارن مع أرقام SOHR في التقرير')).toBeVisible();

  await select(page, 4, 'لا يزال هناك 111 تقريراً');
  await toolbar(page).getByRole('button', { name: 'إشارة مرجعية إلى الفقرة' }).click();
  await expect(panel(page).getByRole('button', { name: /إشارة مرجعية: الفقرة ٤/ })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  await expect(mark(page, 'أقر التحالف الدولي')).toHaveClass(/hl-yellow/);
  await expect(mark(page, '34,502')).toHaveText('شن 34,502 غارة');
  const items = panel(page).getByRole('list', { name: 'التظليلات والملاحظات' }).locator(':scope > li');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('أقر التحالف الدولي');
  await expect(items.nth(1)).toContainText('شن 34,502 غارة');
  const noteEl = items.nth(1).locator('.note');
  await expect(noteEl).toHaveText(note);
  await expect(noteEl).toHaveAttribute('dir', 'auto');
  await expect(items.nth(1).getByRole('list', { name: 'الوسوم' })).toContainText('أرقام');
  await expect(items.nth(2)).toContainText('إشارة مرجعية: الفقرة ٤');

  // Recolour the first highlight from the panel.
  await items.nth(0).getByRole('button', { name: 'تغيير اللون إلى أخضر' }).click();
  await expect(mark(page, 'أقر التحالف الدولي')).toHaveClass(/hl-green/);

  // Delete it, then undo from the notice; then delete again and undo with Ctrl+Z.
  await items.nth(0).getByRole('button', { name: 'حذف التظليل' }).click();
  await expect(mark(page, 'أقر التحالف الدولي')).toHaveCount(0);
  await page.getByRole('status').filter({ hasText: 'حُذف التظليل' }).getByRole('button', { name: 'تراجع' }).click();
  await expect(mark(page, 'أقر التحالف الدولي')).toHaveClass(/hl-green/);
  await panel(page)
    .getByRole('listitem')
    .filter({ hasText: 'أقر التحالف الدولي' })
    .getByRole('button', { name: 'حذف التظليل' })
    .click();
  await expect(mark(page, 'أقر التحالف الدولي')).toHaveCount(0);
  await reader(page).locator('article').focus();
  await page.keyboard.press('Control+z');
  await expect(mark(page, 'أقر التحالف الدولي')).toHaveClass(/hl-green/);
  await page.reload();
  await expect(mark(page, 'أقر التحالف الدولي')).toHaveClass(/hl-green/);

  // Offsets, not pixels: a larger text size and another theme leave every mark on the same words.
  await readerTypography(page);
  await page.getByRole('button', { name: 'تكبير الخط' }).click();
  await page.getByRole('radio', { name: 'بنّية' }).click();
  await expect(mark(page, 'أقر التحالف الدولي')).toHaveText('أقر التحالف الدولي');
  await expect(mark(page, '34,502')).toHaveText('شن 34,502 غارة');

  // Clicking a quote in the panel scrolls to its mark and flashes it.
  await panel(page)
    .getByRole('button', { name: /الانتقال إلى «شن 34,502 غارة»/ })
    .click();
  await expect(mark(page, '34,502')).toHaveClass(/flash/);
  await expect(mark(page, '34,502')).toBeInViewport();
});

test('a highlight across two paragraphs is painted in both, and keyboard selection reaches the toolbar', async ({
  page,
}) => {
  await openSample(page);
  // Escape closes the toolbar and leaves the reader open.
  await select(page, 1, 'مساء الجمعة');
  await page.keyboard.press('Escape');
  await expect(toolbar(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  await page.evaluate(() => {
    const root = document.querySelector('warraq-app')!.shadowRoot!.querySelector('warraq-reader')!.shadowRoot!;
    const text = (p: number) =>
      document.createTreeWalker(root.querySelector(`p[data-p="${p}"]`)!, NodeFilter.SHOW_TEXT).nextNode()!;
    const a = text(3);
    const b = text(4);
    const r = document.createRange();
    r.setStart(a, a.textContent!.length - 20);
    r.setEnd(b, 10);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(r);
  });
  await toolbar(page).getByRole('button', { name: 'تظليل أزرق' }).click();
  await expect(reader(page).locator('p[data-p="3"] mark.hl-blue')).toHaveCount(1);
  await expect(reader(page).locator('p[data-p="4"] mark.hl-blue')).toHaveCount(1);
  const ids = await reader(page)
    .locator('mark.hl-blue')
    .evaluateAll((ms) => ms.map((m) => m.getAttribute('data-ids')));
  expect(new Set(ids).size).toBe(1);

  // Keyboard: a caret at the start of paragraph 5 (as a click leaves it), Shift+arrows select from
  // there, Tab reaches the toolbar, Enter highlights.
  await reader(page).locator('article').focus();
  await page.evaluate(() => {
    const root = document.querySelector('warraq-app')!.shadowRoot!.querySelector('warraq-reader')!.shadowRoot!;
    const t = document.createTreeWalker(root.querySelector('p[data-p="5"]')!, NodeFilter.SHOW_TEXT).nextNode()!;
    document.getSelection()!.collapse(t, 0);
  });
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowLeft');
  await expect(toolbar(page)).toBeVisible();
  const selected = await page.evaluate(() =>
    (
      document.querySelector('warraq-app')!.shadowRoot!.querySelector('warraq-reader')!.shadowRoot as unknown as {
        getSelection(): Selection;
      }
    )
      .getSelection()
      .toString(),
  );
  expect(selected).toMatch(/^وتق/);
  await page.keyboard.press('Tab');
  await expect(toolbar(page).getByRole('button', { name: 'تظليل أصفر' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(reader(page).locator('p[data-p="5"] mark.hl-yellow')).toHaveText(selected);
});

const SECOND = {
  id: 'e2e-second-article',
  title: 'وزارة الصحة تعلن حصيلة جديدة',
  outlet: 'وكالة الأنباء التجريبية',
  text: 'وزارة الصحة تعلن حصيلة جديدة\n\nقالت وزارة الصحة إن الحصيلة ارتفعت إلى 45 قتيلاً.\n\nوحمّلت الوزارة الجهات المسلحة المسؤولية الكاملة عن الهجوم.',
};

function addSecondArticle(page: Page): Promise<void> {
  return storeArticle(page, { ...SECOND, words: 20, importedAt: Date.now() });
}

test('the notebook lists annotations from two articles, filters by tag and finds a folded spelling', async ({
  page,
}) => {
  await openApp(page);
  await addSecondArticle(page);
  await articleLink(page, SAMPLE_TITLE).click();
  await select(page, 1, 'بمقتل أكثر من 1300 مدني');
  await toolbar(page).getByRole('button', { name: 'تظليل وردي' }).click();
  await expect(mark(page, '1300')).toBeVisible();

  await page.getByRole('button', { name: 'المكتبة', exact: true }).click();
  await articleLink(page, SECOND.title).click();
  await select(page, 2, 'الجهات المسلحة');
  await toolbar(page).getByRole('button', { name: 'تظليل مع ملاحظة' }).click();
  await panel(page)
    .getByRole('textbox', { name: 'نص الملاحظة' })
    .fill('تقع المسؤولية على الجهات المسلحة according to the ministry');
  await panel(page)
    .getByRole('textbox', { name: /الوسوم/ })
    .fill('ضحايا');
  await panel(page).getByRole('button', { name: 'حفظ' }).click();
  await expect(panel(page).locator('.note')).toContainText('according to the ministry');

  await page.getByRole('button', { name: 'دفتر الملاحظات' }).click();
  const entries = page.getByRole('list', { name: 'التظليلات والملاحظات' }).locator(':scope > li');
  await expect(entries).toHaveCount(2);
  await expect(entries.filter({ hasText: SECOND.title })).toHaveCount(1);
  await expect(entries.filter({ hasText: SAMPLE_TITLE })).toHaveCount(1);

  await page.getByRole('combobox', { name: 'الوسم' }).selectOption('ضحايا');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('الجهات المسلحة');
  await page.getByRole('combobox', { name: 'الوسم' }).selectOption('');
  await expect(entries).toHaveCount(2);

  // The note says مسؤولية (hamza on waw, teh marbuta); the search types مسئوليه.
  await page.getByRole('searchbox', { name: 'البحث في الملاحظات والاقتباسات' }).fill('مسئوليه');
  await expect(entries).toHaveCount(1);
  await expect(entries.first().locator('.note')).toContainText('تقع المسؤولية');
  const ids = await page
    .locator('warraq-notebook')
    .evaluate((el) => (el as unknown as { currentIds: string[] }).currentIds);
  expect(ids).toHaveLength(1);

  await entries
    .first()
    .getByRole('button', { name: /^فتح «الجهات المسلحة»/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: SECOND.title })).toBeVisible();
  // The annotation is scrolled into view (its 1.7 s flash can be over before a loaded machine looks).
  await expect(mark(page, 'الجهات المسلحة')).toBeInViewport();
});

test('the bookmarks list and "continue reading" open the article at the right paragraph', async ({ page }) => {
  await openSample(page);
  await select(page, 6, 'ويؤكد التحالف الدولي');
  await toolbar(page).getByRole('button', { name: 'إشارة مرجعية إلى الفقرة' }).click();
  await expect(panel(page).getByRole('button', { name: /إشارة مرجعية: الفقرة ٦/ })).toBeVisible();
  // Scroll to paragraph 8 and wait until the reading position is stored (the reader saves it once scrolling stops).
  await reader(page)
    .locator('p[data-p="8"]')
    .evaluate((p) => {
      const article = p.closest('article')!;
      article.scrollTop += p.getBoundingClientRect().top - article.getBoundingClientRect().top;
    });
  await expect.poll(() => lastReadParagraph(page)).toBe(8);

  await page.getByRole('button', { name: 'المكتبة', exact: true }).click();
  await page.getByRole('button', { name: `متابعة القراءة: ${SAMPLE_TITLE}` }).click();
  await expect(reader(page).locator('p[data-p="8"]')).toBeInViewport();

  await page.getByRole('button', { name: 'دفتر الملاحظات' }).click();
  const bookmarks = page.getByRole('list', { name: 'الإشارات المرجعية' });
  await expect(bookmarks.getByRole('listitem')).toHaveCount(1);
  await bookmarks.getByRole('button', { name: /^فتح «.*» عند الفقرة ٦$/ }).click();
  await expect(reader(page).locator('p[data-p="6"]')).toBeInViewport();
});

test('copy with citation puts the quote and its citation on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openSample(page);
  await select(page, 2, 'شن 34,502 غارة');
  await toolbar(page).getByRole('button', { name: 'نسخ مع الاستشهاد' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'نُسخ الاقتباس مع استشهاده' })).toBeVisible();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  const [quote, cite] = text.split('\n');
  // All in the citation's own direction: no invisible isolates (a Latin field would get them).
  expect(quote).toBe('«شن 34,502 غارة»');
  // The credit line gives the outlet and the source agency, never an author.
  expect(cite).toContain('، عشتار تيفي كوم، نقلاً عن الجزيرة، ');
  expect(cite).not.toContain('عشتار تيفي كوم - الجزيرة');
  expect(cite).toMatch(/فقرة ٢$/);
});

test('a highlight whose words left the text is listed as orphaned with its quote; article notes and tags', async ({
  page,
}) => {
  await openSample(page);
  const id = await page.evaluate(() => location.hash.split('/').pop()!);
  await page.evaluate(async (articleId) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('warraq');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const tx = db.transaction('annotations', 'readwrite');
    tx.objectStore('annotations').put({
      id: 'orphan-1',
      articleId,
      note: 'كان هذا في النسخة الأولى',
      tags: [],
      color: 'blue',
      paragraph: 3,
      createdAt: 1,
      updatedAt: 1,
      selectors: [
        { type: 'TextPositionSelector', start: 99999, end: 100020 },
        { type: 'TextQuoteSelector', exact: 'جملة حُذفت من المقالة لاحقاً', prefix: '', suffix: '' },
      ],
    });
    await new Promise((res, rej) => {
      tx.oncomplete = res;
      tx.onerror = () => rej(tx.error);
    });
    db.close();
  }, id);
  await page.reload();
  const orphans = panel(page).getByRole('region', { name: 'تظليلات لم يُعثر على موضعها' });
  await expect(orphans).toContainText('جملة حُذفت من المقالة لاحقاً');
  await expect(orphans).toContainText('كان هذا في النسخة الأولى');

  // A note on the whole article, and a tag on the article that the notebook filters by.
  await panel(page).getByRole('button', { name: 'إضافة ملاحظة على المقالة' }).click();
  await panel(page).getByRole('textbox', { name: 'نص الملاحظة' }).fill('مقالة مرجعية لتقرير أيار');
  await panel(page).getByRole('button', { name: 'حفظ' }).click();
  await expect(panel(page).getByRole('region', { name: 'ملاحظة على المقالة' })).toContainText(
    'مقالة مرجعية لتقرير أيار',
  );
  const tags = panel(page).getByRole('textbox', { name: 'وسوم المقالة' });
  await tags.fill('سوريا، تقارير');
  await tags.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'حُفظت الوسوم' })).toBeVisible();
  await page.reload();
  await expect(panel(page).getByRole('textbox', { name: 'وسوم المقالة' })).toHaveValue('سوريا، تقارير');

  await page.getByRole('button', { name: 'دفتر الملاحظات' }).click();
  await page.getByRole('combobox', { name: 'الوسم' }).selectOption('سوريا');
  const entries = page.getByRole('list', { name: 'التظليلات والملاحظات' }).locator(':scope > li');
  await expect(entries).toHaveCount(2); // the article note and the orphan, both on the tagged article
  await expect(entries.filter({ hasText: 'ملاحظة على المقالة كلها' })).toContainText('مقالة مرجعية لتقرير أيار');
});

/** The paragraph of the most recently saved reading position, read from the app's IndexedDB. */
function lastReadParagraph(page: Page): Promise<number | null> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('warraq');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const rows = await new Promise<Array<{ paragraph: number; updatedAt: number }>>((res, rej) => {
      const q = db.transaction('reading').objectStore('reading').getAll();
      q.onsuccess = () => res(q.result);
      q.onerror = () => rej(q.error);
    });
    db.close();
    return rows.sort((a, b) => b.updatedAt - a.updatedAt)[0]?.paragraph ?? null;
  });
}
