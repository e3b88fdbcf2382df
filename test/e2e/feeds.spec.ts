/**
 * Collect, end to end in Chromium against a local HTTP server the test starts (127.0.0.1, port 0):
 * subscribing to an Arabic windows-1256 RSS feed, an ISO-8859-6 feed whose pages are gone (the feed's
 * own text is kept), an Atom feed, a site announcing a JSON Feed and a feed without item ids; the
 * articles arrive with full text, titles and outlets; a second refresh adds nothing (only 304s); each
 * broken feed shows its own error while the others work; an OPML export re-imports to the same list;
 * a page saved by its link gets the usual import report, and a dragged link says it will be saved.
 */
import { test, expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openApp, articleLink, switchLanguage } from './helpers';
import { startCollectServer, type CollectServer } from './collect-server';
import { stories } from './collect-fixtures';

let server: CollectServer;
test.beforeAll(async () => {
  server = await startCollectServer();
});
test.afterAll(async () => {
  await server.close();
});

const ar = (n: number) => n.toLocaleString('ar-EG');
const feedList = (page: Page) => page.getByRole('list', { name: 'الخلاصات المشترك فيها' });
const feedRow = (page: Page, title: string) => feedList(page).getByRole('listitem', { name: title });

async function openFeeds(page: Page): Promise<void> {
  await openApp(page);
  await page.getByRole('navigation').getByRole('button', { name: 'المصادر' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'المصادر والخلاصات' })).toBeVisible();
}

async function subscribe(page: Page, url: string, title: string): Promise<void> {
  await page.getByRole('textbox', { name: /عنوان الخلاصة أو الموقع/ }).fill(url);
  await page.getByRole('button', { name: 'اشترك' }).click();
  await expect(
    feedList(page)
      .getByRole('listitem', { name: title })
      .filter({ hasText: url.endsWith('/site/') ? '' : url }),
  ).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'اشترك' })).toBeEnabled({ timeout: 30_000 });
}

async function libraryCount(page: Page): Promise<number> {
  await page.getByRole('navigation').getByRole('button', { name: 'المكتبة' }).click();
  return Number(await page.getByRole('grid').getAttribute('aria-rowcount')) - 1;
}

/** Opens an article from the library and checks title, outlet, its paragraphs and that the clutter is gone. */
async function expectStory(page: Page, s: { title: string; paragraphs: string[] }, outlet: string): Promise<void> {
  await articleLink(page, s.title).click();
  await expect(page.getByRole('heading', { level: 1, name: s.title })).toBeVisible();
  const reader = page.locator('warraq-reader');
  await expect(reader.locator('p.outlet')).toHaveText(outlet);
  const body = page.getByRole('region', { name: 'نص المقالة' });
  for (const p of s.paragraphs) await expect(body).toContainText(p);
  for (const clutter of ['شارك على فيسبوك', 'تعليق قارئ', 'اشترك الآن', 'خبر آخر لا علاقة له'])
    await expect(body).not.toContainText(clutter);
  await page.goBack();
  await expect(page.getByRole('grid')).toBeVisible();
}

test('subscribing to each kind of feed brings the full articles in; a second refresh adds nothing', async ({
  page,
}) => {
  test.setTimeout(180_000); // five subscriptions and six articles opened, on a shared 2-core machine
  await openFeeds(page);
  const before = { lib: 1 };
  await subscribe(page, `${server.url}/ar/rss.xml`, 'صحيفة الوطن');
  await subscribe(page, `${server.url}/iso/rss.xml`, 'جريدة المغرب');
  await subscribe(page, `${server.url}/atom.xml`, 'وكالة الأنباء الأطلسية');
  await subscribe(page, `${server.url}/site/`, 'النهار الرقمي'); // autodiscovery → /feed.json
  await subscribe(page, `${server.url}/noids.xml`, 'نشرة بلا معرّفات');
  await expect(feedRow(page, 'النهار الرقمي')).toContainText(`${server.url}/feed.json`);
  for (const [title, n] of [
    ['صحيفة الوطن', 3],
    ['جريدة المغرب', 2],
    ['وكالة الأنباء الأطلسية', 2],
    ['النهار الرقمي', 2],
    ['نشرة بلا معرّفات', 2],
  ] as const) {
    await expect(feedRow(page, title)).toContainText('تعمل');
    await expect(feedRow(page, title)).toContainText(`جديد في آخر تحديث: ${ar(n)}`);
    await expect(feedRow(page, title)).toContainText('آخر جلب:');
  }
  const total = 11;
  await expect.poll(() => libraryCount(page)).toBe(before.lib + total);

  await expectStory(page, stories.ar[0]!, 'صحيفة الوطن'); // windows-1256 feed and pages
  await expectStory(page, stories.ar[2]!, 'صحيفة الوطن');
  await expectStory(page, stories.iso[1]!, 'جريدة المغرب'); // ISO-8859-6 by header; pages gone → the feed's own text
  await expectStory(page, stories.atom[0]!, 'وكالة الأنباء الأطلسية'); // Atom with a summary only: the page's text
  await expectStory(page, stories.json[1]!, 'النهار الرقمي');
  await expectStory(page, stories.noids[0]!, 'نشرة بلا معرّفات');

  // Second refresh: every feed answers 304 to the conditional request, nothing is fetched or added.
  const pagesBefore = server.pages;
  const notModifiedBefore = server.notModified;
  await page.getByRole('navigation').getByRole('button', { name: 'المصادر' }).click();
  await page.getByRole('button', { name: 'تحديث كل الخلاصات' }).click();
  await expect.poll(() => server.notModified - notModifiedBefore).toBe(5);
  await expect(page.getByRole('button', { name: 'تحديث كل الخلاصات' })).toBeEnabled();
  await expect(page.locator('warraq-feeds .status')).not.toContainText('جارٍ التحديث');
  for (const title of ['صحيفة الوطن', 'جريدة المغرب', 'وكالة الأنباء الأطلسية', 'النهار الرقمي', 'نشرة بلا معرّفات']) {
    await expect(feedRow(page, title)).toContainText(`جديد في آخر تحديث: ${ar(0)}`);
  }
  expect(server.pages).toBe(pagesBefore);
  expect(await libraryCount(page)).toBe(before.lib + total);
});

test('each broken feed shows its own error while the others still work', async ({ page }) => {
  test.setTimeout(120_000); // the slow feed alone takes the 15 s time-out
  await openFeeds(page);
  // Added together from one OPML list, so they refresh side by side.
  const opml = `<?xml version="1.0" encoding="utf-8"?><opml version="2.0"><head><title>t</title></head><body>
    <outline text="أخبار" title="أخبار">
      <outline type="rss" text="خلاصة بطيئة" xmlUrl="${server.url}/slow.xml"/>
      <outline type="rss" text="خلاصة تالفة" xmlUrl="${server.url}/malformed.xml"/>
      <outline type="rss" text="حلقة تحويل" xmlUrl="${server.url}/loop.xml"/>
      <outline type="rss" text="خلاصة محذوفة" xmlUrl="${server.url}/gone.xml"/>
      <outline type="rss" text="موقع بلا إذن" xmlUrl="${server.url}/nocors.xml"/>
      <outline type="rss" text="127.0.0.1" xmlUrl="${server.url}/atom.xml"/>
    </outline></body></opml>`;
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'استيراد قائمة OPML' }).click();
  await (await chooser).setFiles({ name: 'list.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml) });
  // The working feed is collected while the slow one is still waiting.
  await expect(feedRow(page, 'وكالة الأنباء الأطلسية')).toContainText('تعمل');
  await expect(feedRow(page, 'خلاصة بطيئة')).toContainText('لم تُجلب بعد');
  await expect(feedRow(page, 'خلاصة تالفة')).toContainText('الخلاصة تالفة');
  await expect(feedRow(page, 'حلقة تحويل')).toContainText('حلقة تحويل)');
  await expect(feedRow(page, 'خلاصة محذوفة')).toContainText('غير موجودة (404)');
  await expect(feedRow(page, 'موقع بلا إذن')).toContainText('استخدم تطبيق سطح المكتب');
  await expect(feedRow(page, 'خلاصة بطيئة')).toContainText('انتهت مهلة الانتظار', { timeout: 30_000 });
  // Backoff: "Refresh all" leaves the five broken feeds alone and says so; a feed's own button asks it now.
  await expect(feedRow(page, 'خلاصة محذوفة')).toContainText('المحاولة التالية:');
  const gone = () => server.hits.get('/gone.xml') ?? 0;
  const atom = () => server.hits.get('/atom.xml') ?? 0;
  const [goneBefore, atomBefore] = [gone(), atom()];
  await page.getByRole('button', { name: 'تحديث كل الخلاصات' }).click();
  await expect.poll(atom).toBe(atomBefore + 1);
  await expect(page.locator('warraq-feeds .status')).toContainText(`لم تُسأل ${ar(5)} من الخلاصات`);
  expect(gone()).toBe(goneBefore);
  await page.getByRole('button', { name: 'تحديث «خلاصة محذوفة»' }).click();
  await expect.poll(gone).toBe(goneBefore + 1);
  await page.getByRole('navigation').getByRole('button', { name: 'المكتبة' }).click();
  await expect(articleLink(page, stories.atom[1]!.title)).toBeVisible();
});

test('an OPML export re-imports to the same list', async ({ page }) => {
  await openFeeds(page);
  await subscribe(page, `${server.url}/atom.xml`, 'وكالة الأنباء الأطلسية');
  await subscribe(page, `${server.url}/noids.xml`, 'نشرة بلا معرّفات');
  const before = await feedList(page).getByRole('listitem').allInnerTexts();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'تصدير قائمة OPML' }).click();
  const file = await (await download).path();
  const text = await readFile(file, 'utf8');
  expect(text).toContain(`xmlUrl="${server.url}/atom.xml"`);
  for (const title of ['وكالة الأنباء الأطلسية', 'نشرة بلا معرّفات']) {
    await page.getByRole('button', { name: `إلغاء الاشتراك في «${title}»` }).click();
    await expect(feedRow(page, title)).toHaveCount(0);
  }
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'استيراد قائمة OPML' }).click();
  await (await chooser).setFiles(file);
  await expect(feedList(page).getByRole('listitem')).toHaveCount(2);
  await expect(feedRow(page, 'نشرة بلا معرّفات')).toContainText('تعمل');
  await expect(feedRow(page, 'وكالة الأنباء الأطلسية')).toContainText('تعمل');
  const names = async () =>
    await feedList(page)
      .getByRole('listitem')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  expect(await names()).toEqual(['وكالة الأنباء الأطلسية', 'نشرة بلا معرّفات']);
  expect(before.length).toBe(2);
});

test('a page saved by its link gets the usual import report', async ({ page }) => {
  await openFeeds(page);
  await page.getByRole('textbox', { name: 'رابط الصفحة' }).fill(`${server.url}/link/page.html`);
  await page.getByRole('button', { name: 'احفظ الصفحة' }).click();
  const report = page.getByRole('dialog', { name: 'تقرير الاستيراد' });
  await expect(report).toBeVisible();
  await expect(report).toContainText(`مقالات مستوردة: ${ar(1)}`);
  await page.getByRole('button', { name: 'إغلاق', exact: true }).click();
  await expect(page.getByRole('list', { name: 'سجل الاستيراد' })).toContainText('رابط');
  await page.getByRole('navigation').getByRole('button', { name: 'المكتبة' }).click();
  await expectStory(page, stories.link[0]!, 'مرصد الأخبار');
});

test('a link dragged over the window says it will be saved; dropped, it is saved with the usual report', async ({
  page,
}) => {
  await openApp(page);
  const overlay = page.locator('warraq-import .overlay');
  // A drag repeats 'dragover' while it is over the window, as a browser does, until the drop.
  const drag = (kind: 'link' | 'file', url: string) =>
    page.evaluate(
      ([kind, url]) => {
        const dt = new DataTransfer();
        if (kind === 'link') {
          dt.setData('text/uri-list', url);
          dt.setData('text/plain', url);
        } else dt.items.add(new File(['نص'], 'خبر.txt', { type: 'text/plain' }));
        const over = () =>
          window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
        over();
        const w = window as unknown as { __drag?: number; __dt?: DataTransfer };
        clearInterval(w.__drag);
        w.__drag = window.setInterval(over, 50);
        w.__dt = dt;
      },
      [kind, url] as const,
    );
  const stopDrag = () => page.evaluate(() => clearInterval((window as unknown as { __drag?: number }).__drag));

  await drag('file', '');
  await expect(overlay).toHaveText('أفلت الملفات أو المجلدات هنا لاستيرادها');
  await stopDrag();
  await expect(overlay).toHaveCount(0);

  const url = `${server.url}/link/page.html`;
  await drag('link', url);
  await expect(overlay).toHaveText('أفلت الرابط هنا لحفظ الصفحة');
  await page.evaluate(() => {
    const w = window as unknown as { __drag?: number; __dt: DataTransfer };
    clearInterval(w.__drag);
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: w.__dt, bubbles: true, cancelable: true }));
  });
  await expect(overlay).toHaveCount(0);
  const report = page.getByRole('dialog', { name: 'تقرير الاستيراد' });
  await expect(report).toContainText(`مقالات مستوردة: ${ar(1)}`);
  await page.getByRole('button', { name: 'إغلاق', exact: true }).click();
  await expectStory(page, stories.link[0]!, 'مرصد الأخبار');

  // In English too.
  await switchLanguage(page, 'en');
  await drag('link', url);
  await expect(overlay).toHaveText('Drop the link here to save the page');
  await stopDrag();
});

test('offline, a refresh waits and says so, then runs when the connection returns', async ({ page, context }) => {
  await openFeeds(page);
  await subscribe(page, `${server.url}/noids.xml`, 'نشرة بلا معرّفات');
  const asked = () => server.hits.get('/noids.xml') ?? 0;
  const before = asked();
  await context.setOffline(true);
  await page.getByRole('button', { name: 'تحديث كل الخلاصات' }).click();
  await expect(page.locator('warraq-feeds .status')).toContainText(
    'لا اتصال بالشبكة: سيُجرى التحديث تلقائياً حين يعود الاتصال.',
  );
  expect(asked()).toBe(before);
  await context.setOffline(false);
  await expect.poll(asked).toBe(before + 1);
  await expect(page.locator('warraq-feeds .status')).not.toContainText('لا اتصال');
});

test('screenshots of the Sources screen and a feed error, Arabic and English', async ({ page }) => {
  await openFeeds(page);
  await subscribe(page, `${server.url}/ar/rss.xml`, 'صحيفة الوطن');
  await subscribe(page, `${server.url}/gone.xml`, '127.0.0.1');
  await subscribe(page, `${server.url}/malformed.xml`, '127.0.0.1');
  await expect(feedList(page).getByRole('listitem').nth(2)).toContainText('الخلاصة تالفة');
  await dismissNotices(page, 'إغلاق التنبيه');
  await page.screenshot({ path: 'test-results/screenshots/feeds-ar.png' });
  await feedList(page).getByRole('listitem').nth(1).screenshot({ path: 'test-results/screenshots/feed-error-ar.png' });
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Sources and feeds' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Subscribed feeds' }).getByRole('listitem').nth(1)).toContainText(
    'Not found (404)',
  );
  await dismissNotices(page, 'Dismiss notice');
  await page.screenshot({ path: 'test-results/screenshots/feeds-en.png' });
  await page
    .getByRole('list', { name: 'Subscribed feeds' })
    .getByRole('listitem')
    .nth(2)
    .screenshot({ path: 'test-results/screenshots/feed-error-en.png' });
});

async function dismissNotices(page: Page, name: string): Promise<void> {
  const close = page.getByRole('button', { name });
  while (await close.count()) await close.first().click();
  await expect(close).toHaveCount(0);
}
