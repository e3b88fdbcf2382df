/**
 * The search box stays responsive while the index builds: with a few thousand articles being
 * indexed in the workers, typing into the search box shows results (from the index already
 * loaded) and no main-thread task runs over 100 ms (PerformanceObserver 'longtask').
 */
import { test, expect } from '@playwright/test';
import { openApp, SAMPLE_TITLE } from './helpers';
import { toStored, storeArticles, statusLine, indexReady } from './search-helpers';

const WORDS = ['أعلنت', 'الحكومة', 'اليوم', 'خطة', 'جديدة', 'لدعم', 'المدارس', 'المناطق', 'الريفية', 'وقال', 'وزير',
  'التعليم', 'المشروع', 'يشمل', 'بناء', 'مدرسة', 'عامين', 'وأضاف', 'التمويل', 'سيأتي', 'الموازنة', 'العامة', 'للدولة'];

function generated(n: number) {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const sentence = (len: number) => Array.from({ length: len }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
  return Array.from({ length: n }, (_, i) => ({
    title: `${sentence(6)} ${i}`,
    outlet: ['الرياض', 'عكاظ', 'الوطن'][i % 3]!,
    published: `2015-0${1 + (i % 9)}-1${i % 10}`,
    paragraphs: Array.from({ length: 4 + (i % 5) }, () => sentence(40 + Math.floor(rnd() * 40)) + '.'),
  }));
}

// The longtask API measures wall time: on this shared 2-core machine (load average 10–23 while other
// suites run) the OS can stretch a 20–30 ms task past 100 ms. Chrome traces of this test show the
// main thread's longest task at 14–27 ms, so retries separate preemption from a real regression.
test.describe.configure({ retries: 2 });

test('typing while the index builds: results appear and no main-thread task exceeds 100 ms', async ({ page }) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: Array<{ start: number; duration: number }> };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await openApp(page);
  await page.goto('/#/search');
  await indexReady(page);
  await expect(statusLine(page)).toHaveAttribute('data-size', '1');
  await storeArticles(page, generated(4000).map(toStored));
  await page.getByRole('button', { name: 'إعادة بناء الفهرس' }).click();
  await expect(statusLine(page)).toHaveAttribute('data-state', 'building');
  const t0 = await page.evaluate(() => performance.now());
  const box = page.getByRole('searchbox', { name: 'بحث', exact: true });
  await box.pressSequentially('التحالف', { delay: 30 });
  // The first results come from the index already loaded, while the new one is still building.
  const stateWhenShown = page.evaluate(() => new Promise<string>((resolve) => {
    const check = () => {
      const view = document.querySelector('warraq-app')?.shadowRoot?.querySelector('warraq-search')?.shadowRoot;
      const status = view?.querySelector('warraq-search-status')?.shadowRoot?.querySelector('[role=status]');
      if (view?.querySelector('[role=option]') && status) resolve(status.getAttribute('data-state') ?? '');
      else requestAnimationFrame(check);
    };
    check();
  }));
  expect(await stateWhenShown).toBe('building');
  await box.pressSequentially(' الدولي', { delay: 60 });
  await expect(page.getByRole('listbox', { name: 'نتائج البحث' }).getByRole('option', { name: SAMPLE_TITLE })).toBeVisible();
  await indexReady(page, 150_000);
  const t1 = await page.evaluate(() => performance.now());
  const tasks = await page.evaluate(() => (window as unknown as { longTasks: Array<{ start: number; duration: number }> }).longTasks);
  const during = tasks.filter((x) => x.start >= t0 && x.start <= t1);
  console.log(`build+typing window ${Math.round(t1 - t0)} ms; long tasks then: ${JSON.stringify(during)}`);
  expect(during.filter((x) => x.duration > 100)).toEqual([]);
  // The new index is live: the generated articles are found.
  await box.fill('المدارس الريفية');
  await box.press('Enter');
  await expect(page.getByRole('listbox', { name: 'نتائج البحث' }).getByRole('option').first()).toBeVisible();
  await expect(statusLine(page)).toHaveAttribute('data-size', '4001');
});
