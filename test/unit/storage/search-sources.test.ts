/**
 * `source:` (issue 12): the search index's outlet field carries every edition's outlet id, its display
 * name and aliases, so `source:عكاظ`, an alias, or a second edition's outlet all find the article,
 * and a rename reaches the index when the article is re-read.
 */
import { describe, it, expect } from 'vitest';
import { ArticlesRepo } from '../../../renderer/storage/articles-repo';
import { SearchRepo } from '../../../renderer/storage/search-repo';
import { StoriesRepo } from '../../../renderer/storage/stories-repo';
import { SearchHost } from '../../../renderer/workers/search-host';
import { localBuilder } from '../../../renderer/workers/search-build';
import { freshDb, makeArticle } from '../support/db';

describe('source: over outlet names and editions', () => {
  it('finds an article by any edition outlet, display name or alias, and by a new name after a rename', async () => {
    const db = freshDb();
    await db.open();
    const articles = new ArticlesRepo(db);
    const a = makeArticle(1, { outlet: 'okaz' });
    const b = makeArticle(2, { outlet: 'sabq' });
    await articles.putMany([
      a,
      b,
      { meta: { ...a.meta, outlet: 'alriyadh', url: 'https://riyadh.example/1' }, text: a.text },
    ]);
    const repo = new SearchRepo(db);
    const h = new SearchHost(repo, localBuilder(repo), () => {}, 8);
    await h.start();
    const found = (q: string) => h.search(q, {}).hits.map((x) => x.id);
    expect(found('source:عكاظ')).toEqual([a.meta.id]);
    expect(found('source:okaz')).toEqual([a.meta.id]);
    expect(found('source:الرياض')).toEqual([a.meta.id]); // the second edition's outlet
    expect(found('source:سبق')).toEqual([b.meta.id]);
    expect(found('source:صحيفة')).toEqual([]);

    await new StoriesRepo(db).putOutlet({ id: 'sabq', name: 'صحيفة سبق الإلكترونية', aliases: ['Sabq online'] });
    await h.update([b.meta.id], [b.meta.id]);
    expect(found('source:صحيفة')).toEqual([b.meta.id]);
    expect(found('source:"sabq online"')).toEqual([b.meta.id]);
  });
});
