/**
 * While detection runs, the detector's story moves are applied to the library together (one redraw),
 * not one step at a time; they all land when detection goes idle, and in order (the last move wins).
 */
import { describe, it, expect } from 'vitest';
import { ArticlesRepo } from '../../../renderer/storage/articles-repo';
import { StoriesRepo } from '../../../renderer/storage/stories-repo';
import { LibraryService } from '../../../renderer/services/library';
import { Notifier } from '../../../renderer/services/notifier';
import { StoriesService } from '../../../renderer/services/stories';
import type { DetectorPort, FromDetector } from '../../../renderer/services/stories-protocol';
import { freshDb, makeArticle } from '../support/db';

describe('StoriesService story moves', () => {
  it('applies the moves of a running detection together, at once when it goes idle', async () => {
    const db = freshDb('stories-assign');
    await db.open();
    const items = [1, 2, 3].map((n) => makeArticle(n));
    await new ArticlesRepo(db).putMany(items);
    const library = new LibraryService(new ArticlesRepo(db), new Notifier());
    await library.load();
    const port: DetectorPort = { onmessage: null, onerror: null, postMessage() {}, terminate() {} };
    const stories = new StoriesService(new StoriesRepo(db), library, () => port);
    stories.start();
    const changes: string[][] = [];
    stories.addEventListener('change', (e) => changes.push((e as CustomEvent<{ stories: string[] }>).detail.stories));
    const send = (m: FromDetector) => port.onmessage!({ data: m } as MessageEvent<FromDetector>);
    const [a, b, c] = items.map((i) => i.meta.id) as [string, string, string];

    send({ type: 'progress', progress: { state: 'running', done: 0, total: 3 } });
    send({ type: 'assigned', pairs: [[b, a]], links: 1 });
    send({ type: 'assigned', pairs: [[c, a]], links: 2 });
    send({ type: 'assigned', pairs: [[c, c]], links: 2 });
    expect(changes).toEqual([]);
    expect(library.meta(b)?.storyId).toBeUndefined();

    send({ type: 'progress', progress: { state: 'idle', done: 3, total: 3 } });
    expect(changes).toHaveLength(1);
    expect(changes[0]!.sort()).toEqual([a, c].sort());
    expect(library.meta(b)?.storyId).toBe(a);
    expect(library.meta(c)?.storyId).toBe(c);
    expect(stories.progress.state).toBe('idle');
  });
});
