/**
 * FeedsService refreshes against a local HTTP server (feeds-harness.ts): conditional requests (ETag and
 * Last-Modified), backoff after errors for every kind of refresh, and feeds × editions — the same
 * article from two outlets is one article with two editions, and item ids and links never bring an
 * item twice.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BACKOFF_FIRST_MS } from '../../../../renderer/services/collect/politeness';
import { feedsApp, LocalSite, page, rss } from './feeds-harness';

const site = new LocalSite();
beforeAll(() => site.start());
afterAll(() => site.stop());

let app: Awaited<ReturnType<typeof feedsApp>>;
beforeEach(async () => {
  site.routes.clear();
  site.hits.length = 0;
  app = await feedsApp();
});
afterEach(() => app.db.close());

const RSS = 'application/rss+xml; charset=utf-8';
const paragraphs = (n: number) => [
  `أعلنت وزارة النقل افتتاح الطريق الدائري رقم ${n} الذي يربط الأحياء الشمالية بوسط المدينة بعد عامين من العمل المتواصل.`,
  'وقال المتحدث باسم الوزارة إن الطريق سيخفف الازدحام في ساعات الذروة ويختصر زمن الرحلة إلى النصف تقريباً.',
  'وأضاف أن المرحلة الثانية من المشروع ستبدأ مطلع العام المقبل وتشمل جسوراً للمشاة ومحطات للحافلات.',
];
const title = (n: number) => `افتتاح الطريق الدائري رقم ${n}`;

describe('conditional requests', () => {
  it('sends the ETag and the Last-Modified it was given; a 304 fetches no page and adds nothing', async () => {
    const u = `${site.base}/etag.xml`;
    const v = `${site.base}/lm.xml`;
    site.routes.set('/etag.xml', {
      type: RSS,
      etag: '"e1"',
      body: rss('صحيفة الأولى', site.base, [{ title: title(1), link: `${site.base}/a/1`, guid: 'a1' }]),
    });
    site.routes.set('/lm.xml', {
      type: RSS,
      lastModified: 'Mon, 07 Dec 2026 06:00:00 GMT',
      body: rss('صحيفة الثانية', site.base, [{ title: title(2), link: `${site.base}/b/2`, guid: 'b2' }]),
    });
    site.routes.set('/a/1', { body: page(title(1), paragraphs(1)) });
    site.routes.set('/b/2', { body: page(title(2), paragraphs(2)) });
    await app.feeds.subscribe(u);
    await app.feeds.subscribe(v);
    expect(app.feed(u)).toMatchObject({ etag: '"e1"', lastNew: 1, collected: 1 });
    expect(app.feed(v)).toMatchObject({ lastModified: 'Mon, 07 Dec 2026 06:00:00 GMT', lastNew: 1 });
    expect(await app.articles.count()).toBe(2);

    site.hits.length = 0;
    expect(await app.feeds.refresh()).toBeUndefined();
    expect(site.hits).toEqual(
      expect.arrayContaining([
        { path: '/etag.xml', ifNoneMatch: '"e1"' },
        { path: '/lm.xml', ifModifiedSince: 'Mon, 07 Dec 2026 06:00:00 GMT' },
      ]),
    );
    expect(site.hits).toHaveLength(2); // 304s, and no page asked
    expect(app.feed(u)).toMatchObject({ lastNew: 0, collected: 1, failures: 0 });

    // A new version: new validator kept, only the new item's page fetched.
    site.routes.set('/etag.xml', {
      type: RSS,
      etag: '"e2"',
      body: rss('صحيفة الأولى', site.base, [
        { title: title(3), link: `${site.base}/a/3`, guid: 'a3' },
        { title: title(1), link: `${site.base}/a/1`, guid: 'a1' },
      ]),
    });
    site.routes.set('/a/3', { body: page(title(3), paragraphs(3)) });
    site.hits.length = 0;
    expect(await app.feeds.refresh([u])).toMatchObject({ imported: 1, duplicates: 0 });
    expect(site.hits.map((h) => h.path).sort()).toEqual(['/a/3', '/etag.xml']);
    expect(app.feed(u)).toMatchObject({ etag: '"e2"', lastNew: 1, collected: 2 });
  });
});

describe('backoff after errors', () => {
  it('"refresh all" and the schedule leave a failing feed alone; refreshing that feed asks it; success resets', async () => {
    const bad = `${site.base}/bad.xml`;
    const good = `${site.base}/good.xml`;
    site.routes.set('/bad.xml', { status: 500, body: 'oops' });
    site.routes.set('/good.xml', { type: RSS, body: rss('صحيفة سليمة', site.base, []) });
    await app.feeds.subscribe(bad);
    await app.feeds.subscribe(good);
    const t0 = app.clock.now;
    expect(app.feed(bad)).toMatchObject({ failures: 1, retryAt: t0 + BACKOFF_FIRST_MS, lastError: { code: 'http' } });

    // A minute later: "refresh all" asks the good feed only, and says one feed is resting, until when.
    app.clock.now = t0 + 60_000;
    await app.feeds.refresh();
    expect(site.count('/bad.xml')).toBe(1);
    expect(site.count('/good.xml')).toBe(2);
    expect(app.feeds.status.resting).toEqual({ count: 1, until: t0 + BACKOFF_FIRST_MS });

    // The schedule too (the good feed is not due either).
    app.clock.now = t0 + BACKOFF_FIRST_MS - 1;
    expect(await app.feeds.refreshDue()).toBeUndefined();
    expect(site.count('/bad.xml')).toBe(1);

    // The user asks that feed by itself: asked despite the backoff; failing again doubles the pause.
    await app.feeds.refresh([bad]);
    expect(site.count('/bad.xml')).toBe(2);
    expect(app.feed(bad)).toMatchObject({ failures: 2, retryAt: app.clock.now + 2 * BACKOFF_FIRST_MS });

    // Fixed: asked by itself again, it works, and the backoff is gone.
    site.routes.set('/bad.xml', {
      type: RSS,
      body: rss('صحيفة عادت', site.base, [{ title: title(4), link: `${site.base}/c/4`, guid: 'c4' }]),
    });
    site.routes.set('/c/4', { body: page(title(4), paragraphs(4)) });
    app.clock.now += 60_000;
    expect(await app.feeds.refresh([bad])).toMatchObject({ imported: 1 });
    expect(app.feed(bad)).toMatchObject({ failures: 0, lastNew: 1 });
    expect(app.feed(bad).retryAt).toBeUndefined();
    expect(app.feed(bad).lastError).toBeUndefined();
    await app.feeds.refresh();
    expect(app.feeds.status.resting).toBeUndefined();
    expect(site.count('/bad.xml')).toBe(4);

    // Due by the schedule once the pause is over.
    site.routes.set('/good.xml', { status: 404 });
    await app.feeds.refresh([good]);
    app.clock.now += BACKOFF_FIRST_MS - 1;
    await app.feeds.refreshDue();
    const asked = site.count('/good.xml');
    app.clock.now += 30 * 60_000;
    await app.feeds.refreshDue();
    expect(site.count('/good.xml')).toBe(asked + 1);
  });
});

describe('feeds and editions together', () => {
  it('the same article from two outlets is one article with two editions; refreshing again adds nothing', async () => {
    const okaz = `${site.base}/okaz.xml`;
    const riyadh = `${site.base}/riyadh.xml`;
    site.routes.set('/okaz.xml', {
      type: RSS,
      body: rss('صحيفة عكاظ', `${site.base}/okaz/`, [{ title: title(5), link: `${site.base}/okaz/5`, guid: 'okaz-5' }]),
    });
    site.routes.set('/riyadh.xml', {
      type: RSS,
      body: rss('جريدة الرياض', `${site.base}/riyadh/`, [
        { title: title(5), link: `${site.base}/riyadh/5`, guid: 'riyadh-5' },
      ]),
    });
    site.routes.set('/okaz/5', { body: page(title(5), paragraphs(5)) });
    site.routes.set('/riyadh/5', { body: page(title(5), paragraphs(5)) });
    await app.repo.addNew([
      { id: okaz, url: okaz, title: 'صحيفة عكاظ', addedAt: 1, failures: 0 },
      { id: riyadh, url: riyadh, title: 'جريدة الرياض', addedAt: 2, failures: 0 },
    ]);
    await app.feeds.load();
    const report = await app.feeds.refresh();
    expect(report).toMatchObject({ imported: 1, editions: 1, duplicates: 0, failed: [] });
    const metas = await app.articles.listMeta();
    expect(metas).toHaveLength(1);
    expect(metas[0]).toMatchObject({ title: title(5), editions: 2 });
    expect([...(metas[0]!.outlets ?? [])].sort()).toEqual(['جريدة الرياض', 'صحيفة عكاظ']);

    // Again (no validators: both feeds are read again): nothing new, no page fetched.
    site.hits.length = 0;
    expect(await app.feeds.refresh()).toBeUndefined();
    expect(site.hits.map((h) => h.path).sort()).toEqual(['/okaz.xml', '/riyadh.xml']);
    expect(await app.articles.count()).toBe(1);

    // Same item id, moved to another link; same link under a new id: neither is new.
    site.routes.set('/okaz.xml', {
      type: RSS,
      body: rss('صحيفة عكاظ', `${site.base}/okaz/`, [
        { title: title(5), link: `${site.base}/okaz/2026/5`, guid: 'okaz-5' },
      ]),
    });
    site.routes.set('/riyadh.xml', {
      type: RSS,
      body: rss('جريدة الرياض', `${site.base}/riyadh/`, [
        { title: title(5), link: `${site.base}/riyadh/5`, guid: 'tag:riyadh,2026:5' },
      ]),
    });
    site.hits.length = 0;
    expect(await app.feeds.refresh()).toBeUndefined();
    expect(site.hits.map((h) => h.path).sort()).toEqual(['/okaz.xml', '/riyadh.xml']);
    expect(app.feed(okaz)).toMatchObject({ lastNew: 0, collected: 1 });
    expect(app.feed(riyadh)).toMatchObject({ lastNew: 0, collected: 1 });
    expect(await app.articles.count()).toBe(1);
    expect((await app.articles.listMeta())[0]).toMatchObject({ editions: 2 });
  });
});
