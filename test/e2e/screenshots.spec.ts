/**
 * Screenshots of the main screens at 1280×800, in both languages and in the light and dark themes,
 * saved to test-results/screenshots/ for a person to look at (README images are copied from here).
 */
import { test, expect } from '@playwright/test';
import { openApp, articleLink, SAMPLE_TITLE, switchLanguage, readerTypography } from './helpers';

const OUT = 'test-results/screenshots';

for (const theme of ['light', 'dark'] as const) {
  test(`library and reader screenshots, ${theme} theme`, async ({ page }) => {
    await openApp(page);
    if (theme === 'dark') {
      await articleLink(page, SAMPLE_TITLE).click();
      await readerTypography(page);
      await page.getByRole('radio', { name: 'داكنة' }).click();
      await page.getByRole('button', { name: 'العودة إلى المكتبة' }).click();
    }
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `${OUT}/library-${theme}.png` });
    await articleLink(page, SAMPLE_TITLE).click();
    await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `${OUT}/reader-${theme}.png` });
  });
}

test('reader screenshot in English', async ({ page }) => {
  await openApp(page);
  await switchLanguage(page, 'en');
  await articleLink(page, SAMPLE_TITLE).click();
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${OUT}/reader-english.png` });
});
