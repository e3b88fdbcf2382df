/**
 * Issue 18, visual regression: the key screens (library, the library with a selection and its bulk bar,
 * reader, search, notebook, import report, export dialog) in Arabic and English, light and dark, compared with the images committed beside this spec
 * (visual.spec.ts-snapshots/). The bundled fonts draw every glyph, so the images are the same on every
 * machine with this Chromium; a small tolerance absorbs anti-aliasing. After an intended change:
 * `npx playwright test test/e2e/visual.spec.ts --update-snapshots`, look at the images, commit them.
 */
import { test, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { articleLink, headerMenu, SAMPLE_TITLE } from './helpers';
import { openWith, type Lang, type Theme } from './a11y-helpers';
import { ar } from '../../renderer/ui/strings/ar';
import { en } from '../../renderer/ui/strings/en';

const FILE = join(process.cwd(), 'test', 'fixtures', 'import', 'text', 'cairo-agency.txt');

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await expect(page).toHaveScreenshot(`${name}.png`, {
    animations: 'disabled',
    caret: 'hide',
    maxDiffPixelRatio: 0.01,
  });
}

for (const lang of ['ar', 'en'] as Lang[]) {
  for (const theme of ['light', 'dark'] as Theme[]) {
    test(`key screens look as committed — ${lang}, ${theme}`, async ({ page }) => {
      test.setTimeout(300_000);
      const s = lang === 'ar' ? ar : en;
      await openWith(page, lang, theme);
      const tag = `${lang}-${theme}`;
      await shot(page, `library-${tag}`);

      // The library with a selection: the checked row and the bulk bar over the list.
      await page.getByRole('checkbox', { name: s['library.select'].replace('{title}', SAMPLE_TITLE) }).click();
      const bulk = page.getByRole('toolbar', { name: s['library.bulk.label'] });
      await expect(bulk).toBeVisible();
      await shot(page, `library-selected-${tag}`);
      await bulk.getByRole('button', { name: s['library.bulk.clear'] }).click();
      await expect(bulk).toHaveCount(0);

      await articleLink(page, SAMPLE_TITLE).first().click();
      await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
      await shot(page, `reader-${tag}`);

      await page.evaluate(() => (location.hash = `#/search?q=${encodeURIComponent('التحالف')}`));
      await expect(page.locator('warraq-search').getByRole('option', { name: SAMPLE_TITLE })).toBeVisible();
      await expect(page.locator('warraq-search mark').first()).toBeVisible();
      await shot(page, `search-${tag}`);

      await page.evaluate(() => (location.hash = '#/notebook'));
      await expect(page.locator('warraq-notebook')).toBeVisible();
      await shot(page, `notebook-${tag}`);

      await page.evaluate(() => (location.hash = '#/'));
      const chooser = page.waitForEvent('filechooser');
      await headerMenu(page, s['import.files']);
      await (await chooser).setFiles(FILE);
      const report = page.getByRole('dialog', { name: s['import.report.title'] });
      await expect(report).toBeVisible();
      await shot(page, `import-report-${tag}`);
      await report.getByRole('button', { name: s['import.report.close'], exact: true }).click();
      await expect(report).toHaveCount(0);

      await headerMenu(page, s['xb.open']);
      await expect(page.getByRole('dialog', { name: s['xb.title'] })).toBeVisible();
      await shot(page, `export-${tag}`);
    });
  }
}
