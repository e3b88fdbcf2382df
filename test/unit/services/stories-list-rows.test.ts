/**
 * The library's story rows at scale (issue 17: no main-thread task over 50 ms): above a few thousand
 * articles StoriesService.listRows groups in slices between tasks, says so with a 'change' event, and
 * then answers exactly what the one-shot storyRows answers; a library change makes the next answer
 * stale until the regrouping is done. A small library is grouped at once.
 */
import { describe, it, expect } from 'vitest';
import { ArticlesRepo } from '../../../renderer/storage/articles-repo';
import { StoriesRepo } from '../../../renderer/storage/stories-repo';
import { LibraryService } from '../../../renderer/services/library';
import { Notifier } from '../../../renderer/services/notifier';
import { StoriesService } from '../../../renderer/services/stories';
import type { ArticleMeta } from '../../../renderer/core/model';
import { freshDb } from '../support/db';

function metas(n: number, from = 0): ArticleMeta[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const id = i.toString(16).padStart(16, '0');
    const m: ArticleMeta = {
      id,
      title: `خبر ${i}`,
      outlet: ['okaz', 'was', 'sabq'][i % 3]!,
      importedAt: 1_700_000_000_000 + i,
      published: `2016-0${1 + (i % 9)}-1${i % 10}`,
      source: { kind: 'jsonl', name: 'x.jsonl' },
    } as ArticleMeta;
    // Every fifth article joins the story of the last multiple of fifty (ten articles a story).
    if (i % 5 === 0 && i % 50 !== 0) m.storyId = (i - (i % 50)).toString(16).padStart(16, '0');
    return m;
  });
}

async function setup(n: number) {
  const db = await freshDb();
  const library = new LibraryService(new ArticlesRepo(db), new Notifier());
  library.addMetas(metas(n), { announce: false });
  const stories = new StoriesService(new StoriesRepo(db), library);
  return { library, stories };
}

const nextChange = (stories: StoriesService): Promise<void> =>
  new Promise((resolve) => stories.addEventListener('change', () => resolve(), { once: true }));

describe('StoriesService.listRows', () => {
  it('groups a small library at once', async () => {
    const { stories } = await setup(300);
    const q = { sort: 'earliest' as const, descending: true };
    expect(stories.listRows(q)).toEqual(stories.storyRows(q));
  });

  it('groups a large library in slices, then answers what storyRows answers', async () => {
    const { library, stories } = await setup(12_000);
    const q = { sort: 'earliest' as const, descending: true, minOutlets: 1 };
    const changed = nextChange(stories);
    expect(stories.listRows(q)).toBeUndefined();
    await changed;
    const rows = stories.listRows(q);
    expect(rows).toBeDefined();
    expect(rows!.total).toBeLessThan(12_000);
    expect(rows).toEqual(stories.storyRows(q));

    // A change makes the cached answer stale: the old rows until the new grouping is ready.
    const again = nextChange(stories);
    library.addMetas(metas(10, 12_000));
    expect(stories.listRows(q)).toBe(rows);
    await again;
    const fresh = stories.listRows(q)!;
    expect(fresh.total).toBe(rows!.total + 9); // 12,005 joins 12,000's story
    expect(fresh).toEqual(stories.storyRows(q));
  });

  it('sorts in runs and merges them into the one-shot order, for every sort (ties included)', async () => {
    const { stories } = await setup(9_000);
    for (const sort of ['earliest', 'imported', 'title', 'outlets'] as const) {
      for (const descending of [false, true]) {
        const q = { sort, descending, minOutlets: 1, outlet: sort === 'title' ? 'okaz' : undefined };
        const changed = nextChange(stories);
        stories.listRows(q);
        await changed;
        expect(stories.listRows(q), `${sort} ${descending}`).toEqual(stories.storyRows(q));
      }
    }
  });
});
