/**
 * Detection in step with an import: the import worker hands each batch's texts to the detector, which
 * then reads nothing back, finds the same links as when it reads them, and still reads what it was not
 * given. An id sent again (the library's own announcement after a large import) is detected once.
 */
import { describe, it, expect, vi } from 'vitest';
import { ArticlesRepo, type StoredArticle } from '../../../renderer/storage/articles-repo';
import { StoriesRepo } from '../../../renderer/storage/stories-repo';
import { StoryDetector } from '../../../renderer/services/stories-detector';
import { storyBody } from '../../../renderer/core/stories/body';
import { contentId, toArticle } from '../../../renderer/core/article/identity';
import type { ParsedArticle } from '../../../renderer/core/model';
import { freshDb } from '../support/db';
import { ROUNDUP, ROUNDUP_TITLE, WIRE, WIRE_TITLE } from '../support/stories-fixtures';

async function article(title: string, body: string, outlet: string, at: number): Promise<StoredArticle> {
  const paragraphs: ParsedArticle['paragraphs'] = [];
  let from = 0;
  for (const p of body.split('\n')) {
    paragraphs.push({ start: from, end: from + p.length });
    from += p.length + 1;
  }
  const parsed: ParsedArticle = { title, outlet, text: body, paragraphs, source: { kind: 'jsonl', name: 't.jsonl' } };
  return toArticle(parsed, await contentId(parsed), at);
}

async function library(name: string) {
  const db = freshDb(name);
  await db.open();
  const items = [
    await article(WIRE_TITLE, WIRE, 'okaz', 1),
    await article('افتتاح مستشفى الخرج', WIRE.replace(/ي/g, 'ی').replace('400', '350'), 'alriyadh', 2),
    await article(ROUNDUP_TITLE, ROUNDUP, 'alyaum', 3),
  ];
  await new ArticlesRepo(db).putMany(items);
  const repo = new StoriesRepo(db);
  const detector = new StoryDetector(repo, () => {});
  await detector.start();
  return { db, items, repo, detector };
}

const linksOf = async (repo: StoriesRepo) =>
  (await repo.allLinks()).map((l) => [l.id, l.relation] as const).sort((a, b) => a[0].localeCompare(b[0]));

describe('StoryDetector with texts handed over', () => {
  it('reads nothing it was given and finds the same stories as when it reads', async () => {
    const read = await library('bodies-read');
    // start() detected the library by reading it; a second library is detected from handed-over texts.
    const given = await library('bodies-given');
    const expected = await linksOf(read.repo);
    expect(expected.map(([, r]) => r).sort()).toEqual(['partial', 'partial', 'same']);

    const db = freshDb('bodies-fresh');
    await db.open();
    const repo = new StoriesRepo(db);
    const detector = new StoryDetector(repo, () => {});
    await detector.start();
    await new ArticlesRepo(db).putMany(given.items);
    const spy = vi.spyOn(repo, 'bodies');
    const bodies = given.items.map((i) => storyBody(i.meta.id, i.meta.title, i.meta.importedAt, i.text));
    await detector.add(
      bodies.map((b) => b.id),
      bodies,
    );
    expect(spy).not.toHaveBeenCalled();
    expect(await linksOf(repo)).toEqual(expected);
    // Announced again after the import: nothing is detected twice, nothing is read.
    await detector.add(bodies.map((b) => b.id));
    expect(spy).not.toHaveBeenCalled();
    expect(detector.stats().articles).toBe(3);
  });

  it('reads only the articles whose texts were not handed over', async () => {
    const { items } = await library('bodies-part-src');
    const db = freshDb('bodies-part');
    await db.open();
    const repo = new StoriesRepo(db);
    const detector = new StoryDetector(repo, () => {});
    await detector.start();
    await new ArticlesRepo(db).putMany(items);
    const spy = vi.spyOn(repo, 'bodies');
    const first = items[0]!;
    await detector.add(
      items.map((i) => i.meta.id),
      [storyBody(first.meta.id, first.meta.title, first.meta.importedAt, first.text)],
    );
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]![0]).toEqual(items.slice(1).map((i) => i.meta.id));
    expect((await linksOf(repo)).map(([, r]) => r).sort()).toEqual(['partial', 'partial', 'same']);
  });
});
