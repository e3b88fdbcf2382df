import { PageAssembler } from '../../../renderer/core/article/reader-pages';
import { describe, it, expect, beforeEach } from 'vitest';
import { ArticlesRepo } from '../../../renderer/storage/articles-repo';
import { SettingsRepo } from '../../../renderer/storage/settings-repo';
import { toStorageError } from '../../../renderer/storage/errors';
import type { WarraqDb } from '../../../renderer/storage/db';
import { freshDb, makeArticle } from '../support/db';

describe('ArticlesRepo', () => {
  let db: WarraqDb;
  let repo: ArticlesRepo;
  beforeEach(async () => {
    db = freshDb();
    await db.open();
    repo = new ArticlesRepo(db);
  });

  it('stores a batch once and skips duplicates within and across batches', async () => {
    const a = makeArticle(1);
    const b = makeArticle(2);
    expect(await repo.putMany([a, b, a])).toMatchObject({
      added: [a.meta.id, b.meta.id],
      skipped: [a.meta.id],
      editions: [],
    });
    expect(await repo.putMany([b, makeArticle(3)])).toMatchObject({
      added: ['id-0003'],
      skipped: [b.meta.id],
      editions: [],
    });
    expect(await repo.count()).toBe(3);
    const got = await repo.get(a.meta.id);
    expect(got?.title).toBe(a.meta.title);
    expect(got?.text.slice(got.paragraphs[0]!.start, got.paragraphs[0]!.end)).toMatch(/^قال مسؤولون/);
  });

  /** The text and paragraphs put back from the stored reader pages, one read per page. */
  async function readAllPages(id: string) {
    const a = new PageAssembler(id);
    while (!a.done) if (!a.add(await repo.page(id, a.wanted))) return undefined;
    return a.result();
  }

  it('stores the reader head and pages of a very long article at import, deletes them with the article', async () => {
    const long = makeArticle(7);
    const title = long.meta.title;
    const body = 'كلمة '.repeat(200_000);
    long.text = {
      ...long.text,
      text: `${title}\n\n${body}`,
      paragraphs: [{ start: title.length + 2, end: title.length + 2 + body.length }],
    };
    await repo.putMany([long, makeArticle(8)]);
    expect(await db.readerHeads.count()).toBe(1); // the short one needs none
    expect(await readAllPages(long.meta.id)).toEqual({ text: long.text.text, paragraphs: long.text.paragraphs });
    expect(await repo.page(makeArticle(8).meta.id, 0)).toBeUndefined();
    const head = await repo.head(long.meta.id);
    expect(head?.title).toBe(title);
    expect(long.text.text.startsWith(head!.text)).toBe(true);
    expect(head!.text.length).toBeLessThan(long.text.text.length / 10);
    expect(head!.paragraphs).toEqual([{ start: title.length + 2, end: head!.text.length }]);
    expect(await repo.head(makeArticle(8).meta.id)).toBeUndefined();
    const deleted = (await repo.delete(long.meta.id))!;
    expect(await db.readerHeads.count()).toBe(0);
    expect(await db.readerPages.count()).toBe(0);
    // An undo puts them back with the text.
    await repo.undelete(deleted);
    expect((await repo.head(long.meta.id))?.text).toBe(head!.text);
    expect((await readAllPages(long.meta.id))?.text).toBe(long.text.text);
    // An article without a head or pages (e.g. from an older build) gets them when the reader has read it whole.
    await db.readerHeads.clear();
    await db.readerPages.clear();
    await repo.keepHead((await repo.get(long.meta.id))!);
    expect((await repo.head(long.meta.id))?.text).toBe(head!.text);
    expect(await readAllPages(long.meta.id)).toEqual({ text: long.text.text, paragraphs: long.text.paragraphs });
  });

  it('a failing batch stores nothing (one transaction)', async () => {
    const good = makeArticle(1);
    const bad = makeArticle(2);
    (bad.text as unknown as { id: unknown }).id = undefined; // texts' key path missing → the add fails
    await expect(repo.putMany([good, bad])).rejects.toThrow();
    expect(await repo.count()).toBe(0);
    expect(await db.texts.count()).toBe(0);
  });

  it('delete takes annotations, bookmarks and reading state with it, and undelete restores them all', async () => {
    const a = makeArticle(1);
    await repo.putMany([a]);
    await db.annotations.add({
      id: 'n1',
      articleId: a.meta.id,
      selectors: [],
      note: 'ملاحظة',
      tags: [],
      createdAt: 1,
      updatedAt: 1,
    });
    await db.bookmarks.add({ id: 'b1', articleId: a.meta.id, paragraph: 1, label: '', createdAt: 1 });
    await new SettingsRepo(db).putReading({ articleId: a.meta.id, paragraph: 2, fraction: 0.5, updatedAt: 5 });
    const removed = await repo.delete(a.meta.id);
    expect(removed?.annotations).toHaveLength(1);
    expect(await repo.count()).toBe(0);
    expect(await db.annotations.count()).toBe(0);
    expect(await db.bookmarks.count()).toBe(0);
    await repo.undelete(removed!);
    expect(await repo.get(a.meta.id)).toBeTruthy();
    expect(await db.annotations.get('n1')).toMatchObject({ note: 'ملاحظة' });
    expect(await db.bookmarks.get('b1')).toBeTruthy();
    expect((await new SettingsRepo(db).getReading(a.meta.id))?.paragraph).toBe(2);
  });

  it('deleting a missing article returns undefined', async () => {
    expect(await repo.delete('nope')).toBeUndefined();
  });
});

describe('toStorageError', () => {
  it.each([
    [{ name: 'QuotaExceededError', message: 'full' }, 'quota'],
    [{ name: 'AbortError', inner: { name: 'QuotaExceededError' }, message: 'x' }, 'quota'],
    [{ name: 'DatabaseClosedError', message: 'closed' }, 'closed'],
    [{ name: 'VersionError', message: 'newer' }, 'version'],
    [new Error('strange'), 'unknown'],
  ])('%o → %s', (e, problem) => {
    expect(toStorageError(e).problem).toBe(problem);
  });
});
