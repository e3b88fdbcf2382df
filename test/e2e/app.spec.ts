/**
 * The foundation, as a user meets it: first run, reading, preferences that survive a reload,
 * delete with undo, and the English (left-to-right) interface.
 */
import { test, expect } from '@playwright/test';
import { openApp, articleLink, usedFonts, SAMPLE_TITLE, switchLanguage, readerTypography } from './helpers';

test('an empty profile opens on a library holding the sample article', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: /المكتبة/ })).toBeVisible();
  await expect(articleLink(page, SAMPLE_TITLE)).toBeVisible();
  await expect(page.getByRole('grid').getByRole('gridcell', { name: 'عشتار تيفي كوم' })).toBeVisible();
});

test('opening the sample shows its title and paragraphs right to left in the bundled font', async ({ page }) => {
  await openApp(page);
  await articleLink(page, SAMPLE_TITLE).click();
  const heading = page.getByRole('heading', { level: 1, name: SAMPLE_TITLE });
  await expect(heading).toBeVisible();
  const body = page.getByRole('region', { name: 'نص المقالة' });
  const first = body.locator('p').first();
  await expect(first).toContainText('أقر التحالف الدولي بقيادة واشنطن');
  expect(await body.locator('p').count()).toBeGreaterThan(10);
  expect(await first.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await page.evaluate(() => document.fonts.ready);
  const fonts = await usedFonts(page, 'data-p', '1');
  expect(fonts[0]).toMatch(/Noto Naskh Arabic/);
  const numbers = body.locator('p').filter({ hasText: '34,502' });
  await expect(numbers).toHaveCount(1);
});

test('text size and theme survive a reload', async ({ page }) => {
  await openApp(page);
  await articleLink(page, SAMPLE_TITLE).click();
  await readerTypography(page);
  const size = page.getByRole('status', { name: 'حجم الخط' });
  const before = await size.textContent();
  await page.getByRole('button', { name: 'تكبير الخط' }).click();
  await page.getByRole('button', { name: 'تكبير الخط' }).click();
  await expect(size).not.toHaveText(before!);
  await page.getByRole('radio', { name: 'داكنة' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // Both clicks applied (20 → 24 px): wait for the state, not for the first change only.
  const articleSize = () => page.locator('warraq-reader article').evaluate((el) => getComputedStyle(el).fontSize);
  await expect.poll(articleSize).toBe('24px');
  const fontSize = await articleSize();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await readerTypography(page);
  await expect(page.getByRole('radio', { name: 'داكنة' })).toHaveAttribute('aria-checked', 'true');
  expect(await page.locator('warraq-reader article').evaluate((el) => getComputedStyle(el).fontSize)).toBe(fontSize);
  expect(fontSize).toBe('24px');
});

test('deleting an article and pressing undo brings it back', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: `حذف «${SAMPLE_TITLE}»` }).click();
  await expect(articleLink(page, SAMPLE_TITLE)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'المكتبة فارغة' })).toBeVisible();
  await page.getByRole('button', { name: 'تراجع' }).click();
  await expect(articleLink(page, SAMPLE_TITLE)).toBeVisible();
  await page.reload();
  await expect(articleLink(page, SAMPLE_TITLE)).toBeVisible();
});

test('the library is usable from the keyboard: focus the list, Enter opens, Escape returns', async ({ page }) => {
  await openApp(page);
  await page.getByRole('grid', { name: 'قائمة المقالات' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('grid', { name: 'قائمة المقالات' })).toBeVisible();
  await page.getByRole('grid', { name: 'قائمة المقالات' }).focus();
  await page.keyboard.press('Delete');
  await expect(articleLink(page, SAMPLE_TITLE)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(articleLink(page, SAMPLE_TITLE)).toBeVisible();
});

test('switching to English mirrors the layout to left-to-right', async ({ page }) => {
  await openApp(page);
  const brand = page.locator('warraq-app .brand');
  const rtlX = (await brand.boundingBox())!.x;
  await switchLanguage(page, 'en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { name: /Library/ })).toBeVisible();
  const ltrX = (await brand.boundingBox())!.x;
  expect(rtlX).toBeGreaterThan(600);
  expect(ltrX).toBeLessThan(100);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { name: /Library/ })).toBeVisible();
});
