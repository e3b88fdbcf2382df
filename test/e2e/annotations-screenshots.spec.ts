/**
 * Screenshots for a person to look at (test-results/screenshots/): highlights in all five colours,
 * two of them overlapping, one across a paragraph break, with a note; the notebook in Arabic and in
 * English; the dark theme reader with highlights.
 */
import { test, expect, type Page } from '@playwright/test';
import { openApp, articleLink, SAMPLE_TITLE, switchLanguage, readerTypography } from './helpers';

const OUT = 'test-results/screenshots';
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'أدوات النص المحدد' });

/** Selects from `from` in paragraph `p1` to the end of `to` in paragraph `p2` (shadow DOM, programmatic). */
async function select(page: Page, p1: number, from: string, p2: number, to: string): Promise<void> {
  await page.locator('warraq-reader').locator(`p[data-p="${p2}"]`, { hasText: to }).waitFor();
  await page.evaluate(
    ({ p1, from, p2, to }) => {
      const root = document.querySelector('warraq-app')!.shadowRoot!.querySelector('warraq-reader')!.shadowRoot!;
      const find = (p: number, s: string, end: boolean): [Node, number] => {
        const walker = document.createTreeWalker(root.querySelector(`p[data-p="${p}"]`)!, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = n.textContent!.indexOf(s);
          if (i >= 0) return [n, end ? i + s.length : i];
        }
        throw new Error(`not found: ${s}`);
      };
      const r = document.createRange();
      r.setStart(...find(p1, from, false));
      r.setEnd(...find(p2, to, true));
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(r);
    },
    { p1, from, p2, to },
  );
  await expect(toolbar(page)).toBeVisible();
}

/** Distinct highlights painted in the reader. */
const painted = (page: Page) =>
  page
    .locator('warraq-reader mark.hl')
    .evaluateAll((ms) => new Set(ms.flatMap((m) => (m.getAttribute('data-ids') ?? '').split(' '))).size);

async function highlight(page: Page, p1: number, from: string, p2: number, to: string, colour: string): Promise<void> {
  const before = await painted(page);
  await select(page, p1, from, p2, to);
  await toolbar(page)
    .getByRole('button', { name: `تظليل ${colour}` })
    .click();
  await expect(toolbar(page)).toHaveCount(0);
  // The paragraphs are re-rendered with the new mark; select again only after that.
  await expect.poll(() => painted(page)).toBe(before + 1);
}

async function seed(page: Page): Promise<void> {
  await openApp(page);
  await articleLink(page, SAMPLE_TITLE).click();
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  await highlight(page, 1, 'أقر التحالف', 1, 'واشنطن', 'أصفر');
  await highlight(page, 1, 'بقيادة', 1, 'مساء الجمعة', 'أزرق'); // overlaps the yellow one
  await highlight(page, 1, 'أكثر من 1300', 1, 'مدني', 'أخضر');
  await select(page, 2, 'شن 34,502', 2, 'غارة');
  await toolbar(page).getByRole('button', { name: 'تظليل مع ملاحظة' }).click();
  const panel = page.getByRole('complementary', { name: 'التظليلات والملاحظات' });
  await panel.getByRole('textbox', { name: 'نص الملاحظة' }).fill('قارن مع أرقام SOHR: أكثر من 3800 مدني');
  await panel.getByRole('textbox', { name: /الوسوم/ }).fill('ضحايا، مصادر');
  await panel.getByRole('button', { name: 'حفظ' }).click();
  await highlight(page, 2, 'آب/أغسطس', 2, 'الحالي', 'وردي'); // Latin-free slash run with digits
  await highlight(page, 3, 'ومن المرجّح', 4, 'مقتل مدنيين', 'بنفسجي'); // across a paragraph break
  await highlight(page, 3, 'قتلوا بدون قصد', 3, 'قتلوا بدون قصد', 'وردي'); // inside the purple one
}

test('highlights in five colours, overlapping, and the notebook — Arabic, dark theme and English', async ({ page }) => {
  await seed(page);
  await expect(page.locator('warraq-reader mark.hl')).not.toHaveCount(0);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${OUT}/annotations-reader-ar.png` });

  await readerTypography(page);
  await page.getByRole('radio', { name: 'داكنة' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'الخط والسمة' })).toBeHidden();
  await page.screenshot({ path: `${OUT}/annotations-reader-dark.png` });
  await readerTypography(page);
  await page.getByRole('radio', { name: 'فاتحة' }).click();

  await page.getByRole('button', { name: 'دفتر الملاحظات' }).click();
  await expect(page.getByRole('heading', { name: /دفتر الملاحظات/ })).toBeVisible();
  await page.screenshot({ path: `${OUT}/notebook-ar.png` });

  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { name: /Notebook/ })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search notes and quotes' }).fill('sohr');
  await expect(page.getByRole('list', { name: 'Annotations' }).locator(':scope > li')).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Search notes and quotes' }).fill('');
  await expect(page.getByRole('list', { name: 'Annotations' }).locator(':scope > li')).toHaveCount(7);
  await page.screenshot({ path: `${OUT}/notebook-en.png` });

  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await articleLink(page, SAMPLE_TITLE).click();
  await expect(page.getByRole('complementary', { name: 'Highlights and notes' })).toBeVisible();
  await page.screenshot({ path: `${OUT}/annotations-reader-en.png` });
});
