/**
 * The frame (issue 18): the header menu as a real menu (keyboard, Escape, focus back), the sidebar with its
 * counts, outlets and tags, the shortcuts overlay on `?`, no emoji or text glyph on any control, directional
 * icons mirrored in Arabic. Screenshots of the frame in Arabic and English, light and dark go to
 * test-results/screenshots/.
 */
import { test, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { openApp, storeArticle, articleLink, switchLanguage, SAMPLE_TITLE } from './helpers';

const SHOTS = join(process.cwd(), 'test-results', 'screenshots');
const ar = (n: number) => n.toLocaleString('ar-EG');

/** The element that has focus, looking into shadow roots: its tag, role and accessible label. */
function focused(page: Page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return {
      role: el?.getAttribute('role') ?? el?.tagName.toLowerCase(),
      label: el?.getAttribute('aria-label') ?? el?.textContent?.trim(),
    };
  });
}

async function twoOutlets(page: Page) {
  await openApp(page);
  await storeArticle(page, {
    id: 'frame-a',
    title: 'أمطار غزيرة على جدة',
    outlet: 'عكاظ',
    text: 'أمطار غزيرة على جدة\n\nهطلت أمطار غزيرة على جدة صباح اليوم.',
    tags: ['طقس', 'جدة'],
  });
  await storeArticle(page, {
    id: 'frame-b',
    title: 'موسم الحج يبدأ',
    outlet: 'عكاظ',
    text: 'موسم الحج يبدأ\n\nبدأ موسم الحج هذا العام بأعداد كبيرة.',
    tags: ['طقس'],
  });
  await expect(articleLink(page, 'موسم الحج يبدأ')).toBeVisible();
}

test('the header menu opens from the keyboard, moves with arrows, closes with Escape and gives focus back', async ({
  page,
}) => {
  await openApp(page);
  const button = page.getByRole('banner').getByRole('button', { name: 'المزيد من الإجراءات' });
  await expect(button).toHaveAttribute('aria-haspopup', 'menu');
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'المزيد من الإجراءات' });
  await expect(menu).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(menu.getByRole('menuitem')).toHaveText([
    'استيراد ملفات',
    'استيراد مجلد',
    'تصدير ونسخ احتياطي',
    'اختصارات لوحة المفاتيح',
    'Switch the interface to English',
  ]);
  await expect.poll(() => focused(page)).toEqual({ role: 'menuitem', label: 'استيراد ملفات' });
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focused(page)).toEqual({ role: 'menuitem', label: 'استيراد مجلد' });
  await page.keyboard.press('End');
  await expect.poll(() => focused(page)).toEqual({ role: 'menuitem', label: 'Switch the interface to English' });
  await page.keyboard.press('ArrowDown'); // wraps
  await expect.poll(() => focused(page)).toEqual({ role: 'menuitem', label: 'استيراد ملفات' });
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(() => focused(page)).toEqual({ role: 'button', label: 'المزيد من الإجراءات' });

  // ArrowUp opens on the last item; choosing "Export & backup" opens the dialog; closing it returns focus.
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => focused(page)).toEqual({ role: 'menuitem', label: 'Switch the interface to English' });
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => focused(page)).toEqual({ role: 'menuitem', label: 'تصدير ونسخ احتياطي' });
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'التصدير والنسخ الاحتياطي' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect.poll(() => focused(page)).toEqual({ role: 'button', label: 'المزيد من الإجراءات' });

  // A click outside closes it too.
  await button.click();
  await expect(menu).toBeVisible();
  await page.getByRole('heading', { level: 1 }).click();
  await expect(menu).toBeHidden();
});

test('the sidebar shows sections and outlets with counts; an outlet filters the library, a tag the notebook', async ({
  page,
}) => {
  await twoOutlets(page);
  const side = page.getByRole('navigation', { name: 'التنقل الرئيسي' });
  // Names stay the labels; the counts are descriptions.
  await expect(side.getByRole('button', { name: 'المكتبة', exact: true })).toHaveAttribute('aria-description', ar(3));
  await expect(side.getByRole('button', { name: 'المكتبة', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(side.getByRole('button', { name: 'دفتر الملاحظات' })).toHaveAttribute('aria-description', ar(0));
  const okaz = side.getByRole('button', { name: `عكاظ، ${ar(2)} مقالة` });
  await expect(okaz).toBeVisible();
  await expect(side.getByRole('button', { name: `الوسم طقس، ${ar(2)}` })).toBeVisible();
  await expect(side.getByRole('button', { name: `الوسم جدة، ${ar(1)}` })).toBeVisible();

  await okaz.click();
  await expect(okaz).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { level: 1, name: /المقالات: ٢\)/ })).toBeVisible();
  await expect(articleLink(page, SAMPLE_TITLE)).toBeHidden();
  await okaz.click(); // again: every outlet
  await expect(okaz).toHaveAttribute('aria-pressed', 'false');
  await expect(articleLink(page, SAMPLE_TITLE)).toBeVisible();

  await side.getByRole('button', { name: `الوسم طقس، ${ar(2)}` }).click();
  await expect(page).toHaveURL(/#\/notebook\?tag=/);
  await expect(page.getByRole('heading', { name: /دفتر الملاحظات/ })).toBeVisible();

  await side.getByRole('button', { name: 'الإشارات المرجعية' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'الإشارات المرجعية' })).toBeVisible();
});

test('? shows the keyboard shortcuts in both languages; Escape returns focus where it was', async ({ page }) => {
  await openApp(page);
  const link = articleLink(page, SAMPLE_TITLE);
  await page.getByRole('grid').focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'اختصارات لوحة المفاتيح' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('البحث في الأرشيف');
  await expect(dialog).toContainText('Ctrl');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('WARRAQ-APP');
  await expect.poll(() => focused(page).then((f) => f.role)).toBe('grid');
  await expect(link).toBeVisible();

  // Typing '?' in the search box types it.
  const box = page.getByRole('searchbox', { name: 'بحث', exact: true });
  await box.focus();
  await page.keyboard.press('?');
  await expect(dialog).toBeHidden();
  await expect(box).toHaveValue('?');

  await switchLanguage(page, 'en');
  await page.getByRole('banner').getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const en = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(en).toContainText('Search the archive');
  // Arrow keys are icons with a spoken name, not arrow glyphs.
  await expect(en.locator('kbd', { hasText: 'Up arrow' }).first()).toBeVisible();
  await expect(en.locator('kbd', { hasText: /[\u2190-\u21ff]/ })).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'shortcuts-en.png') });
  await en.getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => focused(page)).toEqual({ role: 'button', label: 'Keyboard shortcuts' });
});

/** Text of every control (buttons, links, menu items) in the page, through shadow roots. */
function controlTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.matches('button, a, summary, [role=button], [role=menuitem], [role=tab]'))
          out.push(el.textContent ?? '');
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return out;
  });
}

test('no control shows an emoji or a text glyph as its icon; directional icons mirror in Arabic', async ({ page }) => {
  await openApp(page);
  const glyph = /[\p{Extended_Pictographic}\p{So}\p{Sm}]/u;
  const screens: string[] = [];
  const check = async (where: string) => {
    const texts = await controlTexts(page);
    expect(texts.length, where).toBeGreaterThan(5);
    expect(
      texts.filter((s) => glyph.test(s)),
      where,
    ).toEqual([]);
    screens.push(where);
  };
  await expect(articleLink(page, SAMPLE_TITLE)).toBeVisible();
  await check('library');
  const mirrored = () =>
    page.evaluate(() => {
      const out: string[] = [];
      const walk = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll('.icon'))
          out.push(`${el.classList.contains('mirror')}:${getComputedStyle(el).transform}`);
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
      };
      walk(document);
      return [...new Set(out)].sort();
    });
  // Arabic: a directional icon is flipped, the others are not.
  expect(await mirrored()).toEqual(['false:none', 'true:matrix(-1, 0, 0, 1, 0, 0)']);
  await articleLink(page, SAMPLE_TITLE).click();
  await expect(page.locator('warraq-reader h1')).toBeVisible();
  await check('reader');
  await page.getByRole('button', { name: 'دفتر الملاحظات' }).click();
  await expect(page.getByRole('heading', { name: /دفتر الملاحظات/ })).toBeVisible();
  await check('notebook');
  await page.getByRole('banner').getByRole('button', { name: 'المزيد من الإجراءات' }).click();
  await check('menu');
  await page.keyboard.press('Escape');
  await switchLanguage(page, 'en');
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await expect(articleLink(page, SAMPLE_TITLE)).toBeVisible();
  await check('library en');
  expect(await mirrored()).toEqual(['false:none', 'true:none']);
  expect(screens).toHaveLength(5);
});

for (const lang of ['ar', 'en'] as const)
  for (const theme of ['light', 'dark'] as const)
    test(`screenshot of the frame: ${lang}, ${theme}`, async ({ page }) => {
      await twoOutlets(page);
      if (lang === 'en') await switchLanguage(page, 'en');
      if (theme === 'dark') await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
      await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: join(SHOTS, `frame-${lang}-${theme}.png`) });
      await page
        .getByRole('banner')
        .getByRole('button', { name: lang === 'ar' ? 'المزيد من الإجراءات' : 'More actions' })
        .click();
      await expect(page.getByRole('menu')).toBeVisible();
      await page.screenshot({ path: join(SHOTS, `frame-menu-${lang}-${theme}.png`) });
    });
