/**
 * The index lifecycle in Node (fake-indexeddb, in-thread builder): build when missing, load without
 * a rebuild, follow imports and deletes with persisted deltas, recover from stale, corrupt and
 * version-changed indexes, and keep answering while a rebuild runs.
 */
import { describe, it, expect, beforeEach, vi } from 'vitest';
import { ArticlesRepo } from '../../../renderer/storage/articles-repo';
import { SearchRepo } from '../../../renderer/storage/search-repo';
import type { WarraqDb } from '../../../renderer/storage/db';
import { SearchHost, type SegmentBuilder } from '../../../renderer/workers/search-host';
import { localBuilder } from '../../../renderer/workers/search-build';
import type { SearchStatus } from '../../../renderer/services/search-protocol';
import { freshDb, makeArticle } from '../support/db';

function article(n: number, body: string) {
  const a = makeArticle(n);
  const title = a.meta.title;
  const text = `${title}\n\n${body}`;
  a.text = {
    id: a.meta.id,
    text,
    titleRange: { start: 0, end: title.length },
    paragraphs: [{ start: title.length + 2, end: text.length }],
  };
  return a;
}

const BODIES = [
  'أعلنت وزارة الصحة عن حملة تقییماً لأداء المستشفيات في آذار المقبل.',
  'قالت المصادر إن قوات التحالف أحكمت السیطرة على المدينة بعد معارك عنيفة.',
  'نشرت الصحيفة المؤيدة للحكومة تقريراً عن ١٣٠٠ أسرة نازحة.',
  'ارتفع عدد الزوار إلى 34,502 زائر خلال موسم الصيف.',
];

async function setup(db: WarraqDb, count = BODIES.length) {
  const articles = new ArticlesRepo(db);
  await articles.putMany(Array.from({ length: count }, (_, i) => article(i + 1, BODIES[i % BODIES.length]!)));
  return articles;
}

function host(db: WarraqDb, segmentSize = 2, builder?: SegmentBuilder) {
  const repo = new SearchRepo(db);
  const statuses: SearchStatus[] = [];
  const h = new SearchHost(repo, builder ?? localBuilder(repo), (s) => statuses.push(s), segmentSize);
  return { h, repo, statuses };
}

const ids = (h: SearchHost, q: string) =>
  h
    .search(q, {})
    .hits.map((x) => x.id)
    .sort();

describe('SearchHost', () => {
  let db: WarraqDb;
  beforeEach(async () => {
    db = freshDb(`search-${Math.random()}`);
    await db.open();
  });

  it('builds a missing index in segments, persists each, and finds every spelling variant', async () => {
    await setup(db);
    const { h, repo, statuses } = host(db);
    await h.start();
    expect(h.status).toMatchObject({ state: 'ready', loaded: 0, built: 4, reason: 'missing', segments: 2 });
    expect(statuses.some((s) => s.state === 'building' && s.total === 4)).toBe(true);
    expect((await repo.segments()).length).toBe(2);
    expect(ids(h, 'السيطرة')).toEqual(['id-0002']);
    expect(ids(h, 'اذار')).toEqual(['id-0001']);
    expect(ids(h, 'تقييما')).toEqual(['id-0001']);
    expect(ids(h, 'المويدة')).toEqual(['id-0003']);
    expect(ids(h, '1300')).toEqual(['id-0003']);
    expect(ids(h, '34502')).toEqual(['id-0004']);
  });

  it('a second start loads the persisted index without building anything', async () => {
    await setup(db);
    await host(db).h.start();
    const { h, statuses } = host(db);
    await h.start();
    expect(h.status).toMatchObject({ state: 'ready', loaded: 4, built: 0, reason: '' });
    expect(statuses.some((s) => s.state === 'building')).toBe(false);
    expect(ids(h, 'التحالف')).toEqual(['id-0002']);
  });

  it('answers searches while it loads, newest segment first, and says so in its status', async () => {
    await setup(db);
    await host(db).h.start();
    const repo = new SearchRepo(db);
    const seen: Array<{ done: number; total: number; budget: string[]; alliance: string[] }> = [];
    const h: SearchHost = new SearchHost(
      repo,
      localBuilder(repo),
      (st) => {
        if (st.state === 'loading' && st.total > 0 && seen.at(-1)?.done !== st.done)
          seen.push({ done: st.done, total: st.total, budget: ids(h, '34502'), alliance: ids(h, 'التحالف') });
      },
      2,
    );
    await h.start();
    // Segment 2 (articles 3 and 4) was written last, so it loads and answers first.
    expect(seen).toEqual([
      { done: 1, total: 2, budget: ['id-0004'], alliance: [] },
      { done: 2, total: 2, budget: ['id-0004'], alliance: ['id-0002'] },
    ]);
    expect(h.status).toMatchObject({ state: 'ready', loaded: 4, built: 0 });
  });

  it('reads the next segment and the library ids while a segment decodes, and rewrites no meta row', async () => {
    await setup(db, 6);
    await host(db).h.start();
    const repo = new SearchRepo(db);
    const log: string[] = [];
    const keys = await repo.segmentIds();
    const segment = repo.segment.bind(repo);
    vi.spyOn(repo, 'segment').mockImplementation((id) => {
      log.push(`read ${keys.indexOf(id)}`);
      return segment(id);
    });
    const articleIds = repo.articleIds.bind(repo);
    vi.spyOn(repo, 'articleIds').mockImplementation(() => {
      log.push('ids');
      return articleIds();
    });
    const setMeta = vi.spyOn(repo, 'setMeta');
    const h = new SearchHost(
      repo,
      localBuilder(repo),
      (st) => {
        if (st.state === 'loading' && st.done > 0 && !log.includes(`loaded ${st.done}`)) log.push(`loaded ${st.done}`);
      },
      2,
    );
    await h.start();
    // Newest first; each next row is asked for before the current one is decoded and added.
    expect(log).toEqual(['ids', 'read 2', 'read 1', 'loaded 1', 'read 0', 'loaded 2', 'loaded 3']);
    expect(setMeta).not.toHaveBeenCalled();
    expect(h.status).toMatchObject({ state: 'ready', loaded: 6, built: 0 });
  });

  it('stores each word once for all segments (the lexicon row) and rebuilds when that row is lost', async () => {
    await setup(db);
    await host(db).h.start();
    const lexicon = await db.searchMeta.get('lexicon-g1');
    expect(lexicon?.value).toBeInstanceOf(ArrayBuffer);
    const word = new TextEncoder().encode('التحالف');
    const contains = (hay: Uint8Array, needle: Uint8Array) =>
      hay.some((_, i) => needle.every((b, j) => hay[i + j] === b));
    expect(contains(new Uint8Array(lexicon!.value as ArrayBuffer), word)).toBe(true);
    for (const row of await db.searchSegments.toArray())
      expect(contains(new Uint8Array(row.data as ArrayBuffer), word)).toBe(false);
    await db.searchMeta.delete('lexicon-g1');
    const { h } = host(db);
    await h.start();
    expect(h.status).toMatchObject({ state: 'ready', loaded: 0, built: 4, reason: 'corrupt' });
    expect(ids(h, 'التحالف')).toEqual(['id-0002']);
  });

  it('upgrades a profile indexed in format 1 by rebuilding it', async () => {
    await setup(db);
    await host(db).h.start();
    // What a profile written before format 6 holds: its fingerprint starts with index format 1.
    const fingerprint = (await db.searchMeta.get('fingerprint'))!.value as string;
    await db.searchMeta.put({ key: 'fingerprint', value: fingerprint.replace(/^\d+\|/, '1|') });
    await db.searchMeta.delete('lexicon-g1');
    const { h } = host(db);
    await h.start();
    expect(h.status).toMatchObject({ state: 'ready', loaded: 0, built: 4, reason: 'version' });
    expect(ids(h, 'السيطرة')).toEqual(['id-0002']);
  });

  it('follows imports and deletes without a rebuild, and the delta survives a restart', async () => {
    const articles = await setup(db);
    const first = host(db);
    await first.h.start();
    await articles.putMany([article(9, 'وصل وفد بالتحالف إلى العاصمة.')]);
    await first.h.update(['id-0009'], ['id-0002']);
    expect(ids(first.h, 'التحالف')).toEqual(['id-0009']);
    await articles.delete('id-0002');
    const second = host(db);
    await second.h.start();
    expect(second.h.status).toMatchObject({ loaded: 4, built: 0 });
    expect(ids(second.h, 'التحالف')).toEqual(['id-0009']);
  });

  it('indexes articles added while it was not running (stale) and drops deleted ones', async () => {
    const articles = await setup(db);
    await host(db).h.start();
    await articles.putMany([article(7, 'اجتماع طارئ لوزراء الخارجية.')]);
    await articles.delete('id-0001');
    const { h } = host(db);
    await h.start();
    expect(h.status).toMatchObject({ loaded: 4, built: 1, reason: 'stale' });
    expect(ids(h, 'وزراء')).toEqual(['id-0007']);
    expect(ids(h, 'اذار')).toEqual([]);
  });

  it('rebuilds only the segment that fails to decode', async () => {
    await setup(db);
    await host(db).h.start();
    const rows = await db.searchSegments.toArray();
    await db.searchSegments.put({ ...rows[0]!, data: new Uint8Array([1, 2, 3]).buffer });
    const { h } = host(db);
    await h.start();
    expect(h.status).toMatchObject({ loaded: 2, built: 2, reason: 'corrupt', state: 'ready' });
    expect(ids(h, 'السيطرة')).toEqual(['id-0002']);
    expect(ids(h, 'اذار')).toEqual(['id-0001']);
  });

  it('rebuilds everything when the analysis fingerprint changed', async () => {
    await setup(db);
    await host(db).h.start();
    await db.searchMeta.put({ key: 'fingerprint', value: '0|old pipeline' });
    const { h } = host(db);
    await h.start();
    expect(h.status).toMatchObject({ loaded: 0, built: 4, reason: 'version' });
  });

  it('a forced rebuild keeps answering from the old index until the new one is complete', async () => {
    await setup(db);
    const repo = new SearchRepo(db);
    const inner = localBuilder(repo);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let calls = 0;
    const slow: SegmentBuilder = {
      parallel: 1,
      build: async (x) => {
        if (calls++ >= 2) await gate;
        return inner.build(x);
      },
    };
    const { h } = host(db, 2, slow);
    await h.start();
    const rebuilding = h.rebuild();
    // Wait for the rebuild to reach its gated build (a fixed sleep was too short on a loaded machine).
    await vi.waitFor(() => expect(calls).toBeGreaterThan(2), { timeout: 5000, interval: 5 });
    expect(h.status.state).toBe('building');
    expect(ids(h, 'السيطرة')).toEqual(['id-0002']);
    release();
    await rebuilding;
    expect(h.status).toMatchObject({ state: 'ready', reason: 'forced' });
    expect(ids(h, 'السيطرة')).toEqual(['id-0002']);
    expect((await db.searchSegments.toArray()).every((r) => r.id.startsWith('g2-'))).toBe(true);
  });

  it('merges many small import segments into one', async () => {
    const articles = await setup(db);
    const { h } = host(db, 4000);
    await h.start();
    for (let n = 10; n < 20; n++) {
      await articles.putMany([article(n, `خبر رقم ${n} عن الانتخابات البلدية.`)]);
      await h.update([`id-00${n}`], []);
    }
    expect(h.status.segments).toBeLessThanOrEqual(9);
    expect(ids(h, 'الانتخابات')).toHaveLength(10);
    const { h: again } = host(db, 4000);
    await again.start();
    expect(again.status.built).toBe(0);
    expect(ids(again, 'الانتخابات')).toHaveLength(10);
  });

  it('merges segments of one size class four at a time (tiered), without the texts', async () => {
    await setup(db, 8);
    const { h, repo } = host(db, 1);
    await h.start();
    // Eight one-article segments: each run of four becomes one segment.
    expect(h.status.segments).toBe(2);
    expect((await repo.segments()).map((r) => r.docIds.length).sort()).toEqual([4, 4]);
    expect(ids(h, 'المويدة')).toEqual(['id-0003', 'id-0007']);
    const { h: again } = host(db, 1);
    await again.start();
    expect(again.status).toMatchObject({ built: 0, loaded: 8, segments: 2 });
    expect(ids(again, 'التحالف')).toEqual(['id-0002', 'id-0006']);
  });

  it('rebuilds a segment once more than a quarter of it was deleted', async () => {
    const articles = await setup(db, 8);
    const { h } = host(db, 4);
    await h.start();
    expect((await db.searchSegments.toArray()).map((r) => r.docIds.length)).toEqual([4, 4]);
    await articles.delete('id-0001');
    await h.update([], ['id-0001']);
    expect((await db.searchSegments.toArray()).map((r) => r.docIds.length).sort()).toEqual([4, 4]); // 1 of 4 dead: kept
    await articles.delete('id-0002');
    await h.update([], ['id-0002']);
    const rows = await db.searchSegments.toArray();
    expect(rows.map((r) => r.docIds.length).sort()).toEqual([2, 4]);
    expect(h.status.reason).toBe('compact');
    const { h: again } = host(db, 4);
    await again.start();
    expect(again.status).toMatchObject({ built: 0, size: 6 });
    expect(ids(again, 'السيطرة')).toEqual(['id-0006']);
  });

  it('writes a run of deletes once, after the last one', async () => {
    const articles = await setup(db, 8);
    const repo = new SearchRepo(db);
    // A delay far above the loop's duration on a loaded machine (50 ms was flaky); waited on by state.
    const h = new SearchHost(repo, localBuilder(repo), () => {}, 8, 1000);
    await h.start();
    const writes: string[] = [];
    const put = repo.putSegment.bind(repo);
    repo.putSegment = async (row) => {
      writes.push(row.id);
      await put(row);
    };
    for (const id of ['id-0003', 'id-0004']) {
      await articles.delete(id);
      await h.update([], [id]);
    }
    expect(writes).toEqual([]);
    expect(ids(h, 'المويدة')).toEqual(['id-0007']);
    await vi.waitFor(() => expect(writes).toHaveLength(1), { timeout: 5000, interval: 20 });
    const { h: again, statuses } = host(db, 8);
    await again.start();
    expect(again.status).toMatchObject({ built: 0, size: 6 });
    expect(statuses.some((s) => s.state === 'building')).toBe(false);
  });

  it('gives hits on the original characters and a snippet around them', async () => {
    await setup(db);
    const { h } = host(db);
    await h.start();
    const a = article(2, BODIES[1]!);
    const hits = await h.findAll('id-0002', 'السيطرة', false);
    expect(hits.map((r) => a.text.text.slice(r.start, r.end))).toEqual(['السیطرة']);
    const snip = (await h.snippets(['id-0002'], 'التحالف', false))['id-0002']!;
    expect(snip.highlights.map((r) => snip.text.slice(r.start, r.end))).toEqual(['التحالف']);
    expect(await h.findAll('id-0002', 'السيطرة', true)).toEqual([]);
  });
});
