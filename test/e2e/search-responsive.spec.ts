/**
 * The search box answers while the index rebuilds: with a few thousand articles being indexed in the
 * workers, typing into the search box shows results from the index already loaded, and once the rebuild
 * is done the new articles are found. How long main-thread tasks get meanwhile is a measurement, not a
 * pass/fail condition on a shared machine: `npm run bench -- --only search-typing` reports it.
 */
import { test, expect } from '@playwright/test';
import { openApp, SAMPLE_TITLE } from './helpers';
import { toStored, storeArticles, statusLine, indexReady } from './search-helpers';

const WORDS = [
  'أعلنت',
  'الحكومة',
  'اليوم',
  'خطة',
  'جديدة',
  'لدعم',
  'المدارس',
  'المناطق',
  'الريفية',
  'وقال',
  'وزير',
  'التعليم',
  'المشروع',
  'يشمل',
  'بناء',
  'مدرسة',
  'عامين',
  'وأضاف',
  'التمويل',
  'سيأتي',
  'الموازنة',
  'العامة',
  'للدولة',
];

function generated(n: number) {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const sentence = (len: number) =>
    Array.from({ length: len }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
  return Array.from({ length: n }, (_, i) => ({
    title: `${sentence(6)} ${i}`,
    outlet: ['الرياض', 'عكاظ', 'الوطن'][i % 3]!,
    published: `2015-0${1 + (i % 9)}-1${i % 10}`,
    paragraphs: Array.from({ length: 4 + (i % 5) }, () => sentence(40 + Math.floor(rnd() * 40)) + '.'),
  }));
}

test('typing while the index builds: results appear from the loaded index, then the new index is live', async ({
  page,
}) => {
  // Generous limits, not timing checks: on a loaded 2-core machine storing and indexing 4,000 articles can take minutes.
  test.setTimeout(420_000);
  await openApp(page);
  await page.goto('/#/search');
  await indexReady(page);
  await expect(statusLine(page)).toHaveAttribute('data-size', '1');
  await storeArticles(page, generated(4000).map(toStored));
  await page.getByRole('button', { name: 'إعادة بناء الفهرس' }).click();
  await expect(statusLine(page)).toHaveAttribute('data-state', 'building');
  const box = page.getByRole('searchbox', { name: 'بحث', exact: true });
  await box.pressSequentially('التحالف', { delay: 30 });
  // The first results come from the index already loaded, while the new one is still building.
  const stateWhenShown = page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const check = () => {
          const view = document.querySelector('warraq-app')?.shadowRoot?.querySelector('warraq-search')?.shadowRoot;
          const status = view?.querySelector('warraq-search-status')?.shadowRoot?.querySelector('[role=status]');
          if (view?.querySelector('[role=option]') && status) resolve(status.getAttribute('data-state') ?? '');
          else requestAnimationFrame(check);
        };
        check();
      }),
  );
  expect(await stateWhenShown).toBe('building');
  await box.pressSequentially(' الدولي', { delay: 60 });
  await expect(
    page.getByRole('listbox', { name: 'نتائج البحث' }).getByRole('option', { name: SAMPLE_TITLE }),
  ).toBeVisible();
  await indexReady(page, 360_000);
  // The new index is live: the generated articles are found.
  await box.fill('المدارس الريفية');
  await box.press('Enter');
  await expect(page.getByRole('listbox', { name: 'نتائج البحث' }).getByRole('option').first()).toBeVisible();
  await expect(statusLine(page)).toHaveAttribute('data-size', '4001');
});
