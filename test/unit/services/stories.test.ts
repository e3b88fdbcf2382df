/**
 * StoriesService with the detector running in-process on fake-indexeddb: copies from two outlets make
 * one story row; an identical copy from a third outlet is an edition; search hits collapse per story;
 * a split and a merge survive a restart and later detection; outlet renames and metadata edits.
 */
import { describe, it, expect } from 'vitest';
import { ArticlesRepo, type StoredArticle } from '../../../renderer/storage/articles-repo';
import { StoriesRepo } from '../../../renderer/storage/stories-repo';
import type { WarraqDb } from '../../../renderer/storage/db';
import { LibraryService, type LibraryChange } from '../../../renderer/services/library';
import { Notifier } from '../../../renderer/services/notifier';
import { StoriesService } from '../../../renderer/services/stories';
import { StoryDetector } from '../../../renderer/services/stories-detector';
import type { DetectorPort, FromDetector, ToDetector } from '../../../renderer/services/stories-protocol';
import { contentId, toArticle } from '../../../renderer/core/article/identity';
import type { ParsedArticle } from '../../../renderer/core/model';
import { freshDb } from '../support/db';
import { ROUNDUP, ROUNDUP_TITLE, WIRE, WIRE_TITLE } from '../support/stories-fixtures';

let clock = 1_700_000_000_000;
async function article(
  title: string,
  body: string,
  outlet: string,
  url: string,
  published: string,
): Promise<StoredArticle> {
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

/** A DetectorPort whose "worker" is a StoryDetector in this process; messages run in order. */
function inProcess(db: WarraqDb): DetectorPort & { idle(): Promise<void> } {
  let chain = Promise.resolve();
  let detector: StoryDetector | null = null;
  const port = {
    onmessage: null as ((e: MessageEvent<FromDetector>) => void) | null,
    onerror: null,
    terminate() {},
    postMessage(m: ToDetector) {
      chain = chain.then(async () => {
        if (m.type === 'start') {
          detector = new StoryDetector(new StoriesRepo(db), (r) =>
            port.onmessage?.({ data: r } as MessageEvent<FromDetector>),
          );
          await detector.start();
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
  const library = new LibraryService(new ArticlesRepo(db), new Notifier());
  await library.load();
  const port = inProcess(db);
  const stories = new StoriesService(new StoriesRepo(db), library, () => port);
  await stories.load();
  stories.start();
  await port.idle();
  return { library, stories, port };
}

describe('StoriesService', () => {
  it("groups two outlets' copies, adds an identical third copy as an edition, and keeps manual decisions", async () => {
    const db = freshDb();
    await db.open();
    const { library, stories, port } = await open(db);
    const okaz = await article(WIRE_TITLE, WIRE, 'okaz', 'https://okaz.example/1', '2015-07-22');
    // Farsi yeh and a changed figure (400 → 350 nurses), another headline: another text, same story.
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
    await library.add([okaz, riyadh, other]);
    await port.idle();

    const rows = stories.storyRows({ minOutlets: 2 }).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outletCount: 2, earliest: '2015-07-21', outletNames: ['الرياض', 'عكاظ'] });
    expect(rows[0]!.lead.id).toBe(riyadh.meta.id);
    expect(stories.storyRows().total).toBe(2);

    // The very same text from a third outlet: an edition of the stored article, not another row.
    const was = await article(WIRE_TITLE, WIRE, 'was', 'https://spa.example/9', '2015-07-21');
    const r = await library.add([was]);
    expect(r.editions).toHaveLength(1);
    await port.idle();
    expect(stories.storyRows({ minOutlets: 3 }).rows[0]).toMatchObject({ outletCount: 3, editionCount: 3 });
    const view = await stories.storyOf(okaz.meta.id);
    expect(view?.editions.map((e) => e.outlet)).toEqual(['alriyadh', 'was', 'okaz']);

    // Search hits collapse to one per story.
    const hits = [{ id: okaz.meta.id }, { id: other.meta.id }, { id: riyadh.meta.id }];
    const collapsed = stories.collapse(hits);
    expect(collapsed.map((c) => [c.hit.id, c.others, c.moreOutlets])).toEqual([
      [okaz.meta.id, [riyadh.meta.id], 1],
      [other.meta.id, [], 0],
    ]);

    // A roundup quoting the wire is related, not merged.
    const roundup = await article(ROUNDUP_TITLE, ROUNDUP, 'alyaum', 'https://alyaum.example/4', '2015-07-22');
    await library.add([roundup]);
    await port.idle();
    expect(stories.storyIdOf(roundup.meta.id)).toBe(roundup.meta.id);
    expect((await stories.related(roundup.meta.id)).map((x) => x.relation)).toEqual(['partial', 'partial']);

    // Split the Riyadh copy out; it survives a restart and a later copy of the wire.
    await stories.split(riyadh.meta.id);
    expect(stories.storyIdOf(riyadh.meta.id)).not.toBe(stories.storyIdOf(okaz.meta.id));
    stories.dispose();
    const again = await open(db);
    expect(again.stories.storyIdOf(riyadh.meta.id)).toBe(riyadh.meta.id);
    const trimmed = await article(
      WIRE_TITLE,
      WIRE.split('\n').slice(0, 5).join('\n'),
      'aawsat',
      'https://aawsat.example/5',
      '2015-07-24',
    );
    await again.library.add([trimmed]);
    await again.port.idle();
    expect(again.stories.storyIdOf(trimmed.meta.id)).toBe(again.stories.storyIdOf(okaz.meta.id));
    expect(again.stories.storyIdOf(riyadh.meta.id)).toBe(riyadh.meta.id);

    // Merge it back by hand, undo, merge again: persists.
    const undo = await again.stories.merge(again.stories.storyIdOf(okaz.meta.id), riyadh.meta.id);
    expect(again.stories.storyIdOf(riyadh.meta.id)).toBe(again.stories.storyIdOf(okaz.meta.id));
    await undo.undo();
    expect(again.stories.storyIdOf(riyadh.meta.id)).toBe(riyadh.meta.id);
    await again.stories.merge(riyadh.meta.id, again.stories.storyIdOf(okaz.meta.id));
    again.stories.dispose();
    const third = await open(db);
    expect(third.stories.storyIdOf(riyadh.meta.id)).toBe(third.stories.storyIdOf(okaz.meta.id));
  });

  it('renames an outlet for every article and edits metadata beside the original, with undo', async () => {
    const db = freshDb();
    await db.open();
    const { library, stories } = await open(db);
    const a = await article(WIRE_TITLE, WIRE, 'okaz', 'https://okaz.example/1', '2015-07-22');
    await library.add([a]);
    const changes: LibraryChange[] = [];
    library.addEventListener('change', (e) => changes.push((e as CustomEvent<LibraryChange>).detail));
    expect(stories.outletName('okaz')).toBe('عكاظ');
    await stories.renameOutlet('okaz', 'صحيفة عكاظ', ['عكاظ', 'Okaz daily']);
    expect(stories.outlet('okaz')).toMatchObject({ name: 'صحيفة عكاظ', aliases: ['عكاظ', 'Okaz daily'] });
    expect(changes.at(-1)).toEqual({ added: [], removed: [], updated: [a.meta.id] });
    expect((await new StoriesRepo(db).outlets())[0]?.name).toBe('صحيفة عكاظ');

    const undo = await stories.editMeta(a.meta.id, { title: 'عنوان مصحح', published: '2015-07-20', url: '' });
    expect(library.meta(a.meta.id)).toMatchObject({ title: 'عنوان مصحح', published: '2015-07-20' });
    expect(library.meta(a.meta.id)?.url).toBeUndefined();
    const edits = await stories.metaEdits(a.meta.id);
    expect(edits.map((e) => [e.field, e.original, e.value])).toEqual([
      ['title', WIRE_TITLE, 'عنوان مصحح'],
      ['published', '2015-07-22', '2015-07-20'],
      ['url', 'https://okaz.example/1', ''],
    ]);
    expect((await library.get(a.meta.id))?.text).toBe(WIRE);
    expect((await stories.editionsOf(a.meta.id))[0]?.title).toBe(WIRE_TITLE);
    await undo.undo();
    expect(library.meta(a.meta.id)).toMatchObject({
      title: WIRE_TITLE,
      published: '2015-07-22',
      url: 'https://okaz.example/1',
    });
    expect(await stories.metaEdits(a.meta.id)).toEqual([]);
  });
});
