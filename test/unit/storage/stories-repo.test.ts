/**
 * StoriesRepo.applyStories: one regrouping in one transaction — stories put and removed, and each moved
 * article's storyId set (in one request for all of them); an article deleted meanwhile is skipped.
 */
import { describe, it, expect } from 'vitest';
import { ArticlesRepo } from '../../../renderer/storage/articles-repo';
import { StoriesRepo } from '../../../renderer/storage/stories-repo';
import { freshDb, makeArticle } from '../support/db';

describe('StoriesRepo.applyStories', () => {
  it('puts and removes stories and moves every article, skipping one that is gone', async () => {
    const db = freshDb();
    await db.open();
    const [a, b, c] = [1, 2, 3].map((i) => makeArticle(i));
    await new ArticlesRepo(db).putMany([a!, b!, c!]);
    const repo = new StoriesRepo(db);
    const story = { id: a!.meta.id, articleIds: [a!.meta.id, b!.meta.id], outletCount: 1, editionCount: 2 };
    await repo.applyStories(
      [story],
      [],
      [
        [a!.meta.id, a!.meta.id],
        [b!.meta.id, a!.meta.id],
        ['gone', a!.meta.id],
      ],
    );
    expect((await repo.metas([a!.meta.id, b!.meta.id, c!.meta.id])).map((m) => m.storyId)).toEqual([
      a!.meta.id,
      a!.meta.id,
      undefined,
    ]);
    expect(await repo.metas(['gone'])).toEqual([]);
    expect(await repo.allStories()).toEqual([story]);

    await repo.applyStories([], [a!.meta.id], [[b!.meta.id, b!.meta.id]]);
    expect((await repo.metas([b!.meta.id]))[0]!.storyId).toBe(b!.meta.id);
    expect(await repo.allStories()).toEqual([]);
  });
});
