/**
 * Issue 18: axe-core (through @axe-core/playwright) on every screen, in Arabic and English and in the
 * light and dark themes: no serious or critical violation, colour contrast (WCAG AA) included.
 * A failure lists each rule with the elements it found, so the fix is obvious from the report.
 */
import { test, expect, type Page } from '@playwright/test';
import { articleLink, SAMPLE_TITLE } from './helpers';
import { lowContrast, openWith, seriousViolations, type Lang, type Theme } from './a11y-helpers';

/** The sample article's id, read from its library link. */
async function sampleId(page: Page): Promise<string> {
  const href = await articleLink(page, SAMPLE_TITLE).first().getAttribute('href');
  return decodeURIComponent(href!.replace(/^#\/article\//, ''));
}

const screens: Array<{ name: string; show: (page: Page, id: string) => Promise<void> }> = [
  {
    name: 'library',
    show: async (page) => {
      await page.evaluate(() => (location.hash = '#/'));
      await expect(page.getByRole('grid')).toBeVisible();
    },
  },
  {
    name: 'reader',
    show: async (page, id) => {
      await page.evaluate((id) => (location.hash = `#/article/${encodeURIComponent(id)}`), id);
      await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
    },
  },
  {
    name: 'search',
    show: async (page) => {
      await page.evaluate(() => (location.hash = `#/search?q=${encodeURIComponent('التحالف')}`));
      await expect(page.locator('warraq-search').getByRole('option', { name: SAMPLE_TITLE })).toBeVisible();
    },
  },
  {
    name: 'notebook',
    show: async (page) => {
      await page.evaluate(() => (location.hash = '#/notebook'));
      await expect(page.locator('warraq-notebook')).toBeVisible();
    },
  },
  {
    name: 'sources',
    show: async (page) => {
      await page.evaluate(() => (location.hash = '#/feeds'));
      await expect(page.locator('warraq-feeds')).toBeVisible();
    },
  },
];

for (const lang of ['ar', 'en'] as Lang[]) {
  for (const theme of ['light', 'dark'] as Theme[]) {
    test(`axe: no serious or critical violations on every screen — ${lang}, ${theme}`, async ({ page }) => {
      test.setTimeout(300_000);
      await openWith(page, lang, theme);
      const id = await sampleId(page);
      const found: Record<string, unknown> = {};
      for (const s of screens) {
        await s.show(page, id);
        await page.evaluate(() => document.fonts.ready);
        const v = await seriousViolations(page);
        if (v.length) found[s.name] = v;
        // axe leaves Arabic-only text "for review"; our own measurement covers it (a11y-helpers.ts).
        const low = await lowContrast(page);
        if (low.length) found[`${s.name} (contrast)`] = low;
      }
      expect(found, JSON.stringify(found, null, 2)).toEqual({});
    });
  }
}

test('the checks see inside the app’s shadow roots, Arabic text included (the check above can fail)', async ({
  page,
}) => {
  await openWith(page, 'ar', 'light');
  await page.evaluate(() => {
    const root = document.querySelector('warraq-app')!.shadowRoot!;
    const b = document.createElement('button');
    b.style.cssText = 'position:fixed;top:0;left:0;z-index:9999;font-size:16px;color:#ccc;background:#fff;border:0';
    b.textContent = 'زر باهت';
    root.append(b);
    const unnamed = document.createElement('button');
    root.append(unnamed);
  });
  const ids = (await seriousViolations(page)).map((v) => v.id);
  expect(ids).toContain('button-name');
  // axe files Arabic-only text under "needs review": the page's own measurement finds the pale button.
  expect(ids).not.toContain('color-contrast');
  expect((await lowContrast(page)).map((l) => l.text)).toContain('زر باهت');
});
