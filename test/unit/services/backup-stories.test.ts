/**
 * Issue 12's data model in backups (format 2): editions, outlet names, metadata corrections, manual
 * splits and merges, and feed subscriptions survive back up → delete → restore; stories are rebuilt by
 * detection after the restore; a merge restore merges editions into the library's own articles without
 * duplicating any; a version-1 file still restores (one edition per article); inconsistent editions
 * are refused before anything changes. Node, fake-indexeddb, the detector in-process.
 */
import { describe, it, expect } from 'vitest';
import { ArticlesRepo } from '../../../renderer/storage/articles-repo';
import { StoriesRepo } from '../../../renderer/storage/stories-repo';
import { BackupRepo } from '../../../renderer/storage/backup-repo';
import { SCHEMA_VERSION, type WarraqDb } from '../../../renderer/storage/db';
import { LibraryService } from '../../../renderer/services/library';
import { Notifier } from '../../../renderer/services/notifier';
import { StoriesService } from '../../../renderer/services/stories';
import { StoryDetector } from '../../../renderer/services/stories-detector';
import { BackupService } from '../../../renderer/services/backup';
import type { DetectorPort, FromDetector, ToDetector } from '../../../renderer/services/stories-protocol';
import { writeBackup, type BackupRecord } from '../../../renderer/core/backup';
import { contentId, toArticle } from '../../../renderer/core/article/identity';
import type { ParsedArticle } from '../../../renderer/core/model';
import type { Platform } from '../../../renderer/platform/platform';
import { failureMessage } from '../../../renderer/ui/backup/messages';
import { freshDb } from '../support/db';
import { WIRE, WIRE_TITLE } from '../support/stories-fixtures';

let clock = 1_700_000_000_000;
async function article(title: string, body: string, outlet: string, url: string, published: string) {
  const paragraphs: ParsedArticle['paragraphs'] = [];
  let at = 0;
  for (const p of body.split('\n')) {
    paragraphs.push({ start: at, end: at + p.length });
    at += p.length + 1;
  }
  const parsed: ParsedArticle = {
    title,
    outlet,
    url,
    published,
    text: body,
    paragraphs,
    source: { kind: 'jsonl', name: 'test.jsonl' },
  };
  return toArticle(parsed, await contentId(parsed), clock++);
}

/** The detection worker in this process: messages run in order, as in workers/stories.worker.ts. */
function inProcess(db: WarraqDb): DetectorPort & { idle(): Promise<void> } {
  let chain = Promise.resolve();
  let detector: StoryDetector | null = null;
  const port = {
    onmessage: null as ((e: MessageEvent<FromDetector>) => void) | null,
    onerror: null,
    terminate() {},
    postMessage(m: ToDetector) {
      chain = chain.then(async () => {
        if (m.type === 'start' || m.type === 'restart') {
          detector = new StoryDetector(new StoriesRepo(db), (r) =>
            port.onmessage?.({ data: r } as MessageEvent<FromDetector>),
          );
          await detector.start();
          if (m.type === 'restart') await detector.regroupAll();
        } else if (m.type === 'added') await detector!.add(m.ids);
        else if (m.type === 'removed') await detector!.remove(m.ids);
        else await detector!.reloadDecisions();
      });
    },
    idle: () => chain,
  };
  return port;
}

async function open(db: WarraqDb) {
  await db.open();
  const library = new LibraryService(new ArticlesRepo(db), new Notifier());
  await library.load();
  const port = inProcess(db);
  const stories = new StoriesService(new StoriesRepo(db), library, () => port);
  await stories.load();
  stories.start();
  await port.idle();
  const feedLoads: number[] = [];
  const backup = new BackupService({
    repo: new BackupRepo(db),
    platform: { save: async () => true } as unknown as Platform,
    library,
    stories,
    feeds: { load: async () => void feedLoads.push(1) },
    schemaVersion: SCHEMA_VERSION,
    app: 'Warraq test',
  });
  return { db, library, stories, port, backup, feedLoads };
}

const FEED = {
  id: 'https://okaz.example/rss',
  url: 'https://okaz.example/rss',
  title: 'عكاظ',
  addedAt: 1,
  failures: 0,
};

/** A library as a monitor leaves it: two outlets' copies of a wire, a third outlet's identical copy, edits. */
async function monitorsLibrary() {
  const app = await open(freshDb());
  const okaz = await article(WIRE_TITLE, WIRE, 'okaz', 'https://okaz.example/1', '2015-07-22');
  const riyadh = await article(
    'افتتاح مستشفى الخرج',
    WIRE.replace(/ي/g, 'ی').replace('400', '350'),
    'alriyadh',
    'https://riyadh.example/2',
    '2015-07-21',
  );
  const other = await article(
    'ارتفاع أسعار الذهب',
    'ارتفعت أسعار الذهب في الأسواق العالمية اليوم مع تراجع الدولار وتزايد المخاوف.',
    'sabq',
    'https://sabq.example/3',
    '2015-07-23',
  );
  await app.library.add([okaz, riyadh, other]);
  const was = await article(WIRE_TITLE, WIRE, 'was', 'https://spa.example/9', '2015-07-20');
  await app.library.add([was]);
  await app.port.idle();
  expect(app.stories.storyIdOf(riyadh.meta.id)).toBe(app.stories.storyIdOf(okaz.meta.id));
  await app.stories.renameOutlet('sabq', 'صحيفة سبق', ['سبق', 'Sabq']);
  await app.stories.editMeta(other.meta.id, { title: 'الذهب يرتفع', byline: 'مراسل الاقتصاد' });
  await app.stories.split(riyadh.meta.id);
  await app.stories.merge(app.stories.storyIdOf(okaz.meta.id), other.meta.id);
  await app.port.idle();
  await app.db.feeds.put(FEED);
  return { app, okaz, riyadh, other };
}

/** What a person can see of the stories data model. */
async function view(app: Awaited<ReturnType<typeof open>>, ids: { okaz: string; riyadh: string; other: string }) {
  const { stories, library } = app;
  return {
    okazEditions: (await stories.editionsOf(ids.okaz)).map((e) => [e.outlet, e.url, e.published]),
    okazMeta: { editions: library.meta(ids.okaz)?.editions, outlets: library.meta(ids.okaz)?.outlets },
    riyadhApart: stories.storyIdOf(ids.riyadh) !== stories.storyIdOf(ids.okaz),
    otherMerged: stories.storyIdOf(ids.other) === stories.storyIdOf(ids.okaz),
    outlet: stories.outlet('sabq'),
    otherMeta: { title: library.meta(ids.other)?.title, byline: library.meta(ids.other)?.byline },
    edits: (await stories.metaEdits(ids.other)).map((e) => [e.field, e.original, e.value]),
    feeds: (await app.db.feeds.toArray()).map((f) => f.id),
  };
}

describe('backups carry the stories data model (issue 12)', () => {
  it('back up, delete everything, restore: editions, outlet names, corrections, split and merge, feeds are back', async () => {
    const { app, okaz, riyadh, other } = await monitorsLibrary();
    const ids = { okaz: okaz.meta.id, riyadh: riyadh.meta.id, other: other.meta.id };
    const before = await view(app, ids);
    expect(before).toMatchObject({
      okazEditions: [
        ['was', 'https://spa.example/9', '2015-07-20'],
        ['okaz', 'https://okaz.example/1', '2015-07-22'],
      ],
      riyadhApart: true,
      otherMerged: true,
      outlet: { name: 'صحيفة سبق', aliases: ['سبق', 'Sabq'] },
      otherMeta: { title: 'الذهب يرتفع', byline: 'مراسل الاقتصاد' },
      feeds: [FEED.id],
    });
    const { blob } = await app.backup.create({ gzip: true });

    // "Delete everything": another, empty profile (the lost laptop) restores the file.
    const fresh = await open(freshDb('after'));
    const report = await fresh.backup.restore(blob, 'merge');
    await fresh.port.idle();
    expect(report.summary.counts).toMatchObject({ articles: 3, editions: 4, metaEdits: 2, outlets: 1, feeds: 1 });
    expect(report.summary.counts.storyDecisions).toBe(2);
    expect(await view(fresh, ids)).toEqual(before);
    expect(fresh.feedLoads).toHaveLength(1);
    // Stories are derived: the detector rebuilt its features and links for every restored article.
    expect(await fresh.db.storyFeatures.count()).toBe(3);
    expect((await fresh.db.storyLinks.toArray()).map((l) => l.relation)).toEqual(['same']);
    expect(fresh.stories.storyRows({ minOutlets: 2 }).rows[0]).toMatchObject({ outletCount: 3 });

    // Merging the same file again adds nothing: no edition, correction or decision twice.
    const again = await fresh.backup.restore(blob, 'merge');
    expect(Object.values(again.added).reduce((a, b) => a + b, 0)).toBe(0);
    expect(await fresh.db.editions.count()).toBe(4);
    expect(fresh.library.meta(ids.okaz)?.editions).toBe(2);
  });

  it('replace drops the derived story rows of articles the backup lacks and rebuilds the grouping', async () => {
    const { app, okaz, riyadh, other } = await monitorsLibrary();
    const { blob } = await app.backup.create({ gzip: true });
    const late = await article(
      WIRE_TITLE,
      WIRE.split('\n').slice(0, 5).join('\n'),
      'aawsat',
      'https://a.example/5',
      '2015-07-24',
    );
    await app.library.add([late]);
    await app.port.idle();
    expect(await app.db.storyFeatures.get(late.meta.id)).toBeDefined();
    await app.backup.restore(blob, 'replace');
    await app.port.idle();
    expect(app.library.meta(late.meta.id)).toBeUndefined();
    expect(await app.db.storyFeatures.get(late.meta.id)).toBeUndefined();
    expect(await app.db.storyLinks.where('a').equals(late.meta.id).or('b').equals(late.meta.id).count()).toBe(0);
    expect((await app.db.stories.toArray()).flatMap((s) => s.articleIds)).not.toContain(late.meta.id);
    expect(await view(app, { okaz: okaz.meta.id, riyadh: riyadh.meta.id, other: other.meta.id })).toMatchObject({
      riyadhApart: true,
      otherMerged: true,
    });
  });

  it("a merge restore merges editions and corrections into the library's own copy of an article", async () => {
    const { app, okaz, other } = await monitorsLibrary();
    const { blob } = await app.backup.create({ gzip: true });
    // Another laptop imported the Okaz copy and the gold report only, and corrected nothing.
    const mine = await open(freshDb('mine'));
    const okaz2 = await article(WIRE_TITLE, WIRE, 'okaz', 'https://okaz.example/1', '2015-07-22');
    const other2 = await article(
      'ارتفاع أسعار الذهب',
      'ارتفعت أسعار الذهب في الأسواق العالمية اليوم مع تراجع الدولار وتزايد المخاوف.',
      'sabq',
      'https://sabq.example/3',
      '2015-07-23',
    );
    await mine.library.add([okaz2, other2]);
    await mine.port.idle();
    expect(okaz2.meta.id).toBe(okaz.meta.id);
    expect(mine.library.meta(okaz.meta.id)?.editions).toBe(1);
    expect(mine.stories.outletName('sabq')).not.toBe('صحيفة سبق');

    const r = await mine.backup.restore(blob, 'merge');
    await mine.port.idle();
    expect(r.added.editions).toBe(1 /* was */ + 1 /* riyadh's own */);
    expect(r.updated.sort()).toEqual([okaz.meta.id, other.meta.id].sort());
    expect(await mine.db.editions.where('articleId').equals(okaz.meta.id).count()).toBe(2);
    expect(mine.library.meta(okaz.meta.id)).toMatchObject({
      editions: 2,
      outlets: ['okaz', 'was'],
      earliest: '2015-07-20',
    });
    expect(mine.library.meta(other.meta.id)).toMatchObject({ title: 'الذهب يرتفع', byline: 'مراسل الاقتصاد' });
    // The renamed outlet's name is read again (not the name cached before the restore).
    expect(mine.stories.outletName('sabq')).toBe('صحيفة سبق');
  });
});

async function fileOf(records: BackupRecord[], version?: number): Promise<Blob> {
  const parts: Uint8Array[] = [];
  for await (const c of writeBackup(
    { schemaVersion: version === 1 ? 3 : SCHEMA_VERSION, app: 'test', createdAt: 0, version },
    records,
  ))
    parts.push(c);
  return new Blob(parts as BlobPart[]);
}

describe('older and inconsistent backups', () => {
  it('a version-1 (schema 3) backup restores with one edition per article', async () => {
    const a = await article(WIRE_TITLE, WIRE, 'okaz', 'https://okaz.example/1', '2015-07-22');
    const meta = { ...a.meta, editions: 3, outlets: ['okaz', 'was', 'x'], earliest: '2015-01-01' };
    const app = await open(freshDb('v1'));
    const report = await app.backup.restore(
      await fileOf(
        [
          { table: 'articles', data: meta },
          { table: 'texts', data: a.text },
        ],
        1,
      ),
      'merge',
    );
    await app.port.idle();
    expect(report.summary.header).toMatchObject({ version: 1, schemaVersion: 3 });
    expect((await app.stories.editionsOf(a.meta.id)).map((e) => [e.outlet, e.url])).toEqual([
      ['okaz', 'https://okaz.example/1'],
    ]);
    expect(app.library.meta(a.meta.id)).toMatchObject({ editions: 1, outlets: ['okaz'] });
    expect(app.library.meta(a.meta.id)?.earliest).toBeUndefined();
    expect(await app.db.storyFeatures.count()).toBe(1);
  });

  it('an article stored without an edition (by hand, or by an older restore) gets its first one', async () => {
    const a = await article(WIRE_TITLE, WIRE, 'okaz', 'https://okaz.example/1', '2015-07-22');
    const app = await open(freshDb('bare'));
    await app.backup.restore(
      await fileOf([
        { table: 'articles', data: a.meta },
        { table: 'texts', data: a.text },
      ]),
      'replace',
    );
    expect((await app.stories.editionsOf(a.meta.id)).map((e) => [e.outlet, e.url])).toEqual([
      ['okaz', 'https://okaz.example/1'],
    ]);
  });

  it('refuses an edition or a correction of no article, changing nothing', async () => {
    const { app } = await monitorsLibrary();
    const before = await app.db.editions.count();
    const cases: [BackupRecord[], string, string][] = [
      [
        [
          {
            table: 'editions',
            data: {
              id: 'x|y|',
              articleId: 'nowhere',
              outlet: 'y',
              title: 't',
              source: { kind: 'text' },
              importedAt: 1,
            },
          },
        ],
        'dangling-ref',
        'restore.error.dangling',
      ],
      [
        [{ table: 'metaEdits', data: { id: 'e', articleId: 'nowhere', field: 'title', value: 'v', at: 1 } }],
        'dangling-ref',
        'restore.error.dangling',
      ],
    ];
    for (const [records, code, words] of cases) {
      const e = await app.backup.restore(await fileOf(records), 'merge').then(
        () => undefined,
        (err: unknown) => err,
      );
      expect((e as { code?: string })?.code).toBe(code);
      expect(failureMessage(e).key).toBe(words);
    }
    expect(await app.db.editions.count()).toBe(before);
    expect(app.library.size).toBe(3);
  });
});
