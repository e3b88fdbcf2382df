import { describe, it, expect } from 'vitest';
import { IdPost, ID_SLICE } from '../../../renderer/services/id-post';

/** A task queue the test runs by hand: `later` only queues. */
function tasks() {
  const queue: Array<() => void> = [];
  return {
    later: (f: () => void) => void queue.push(f),
    runOne: () => queue.shift()?.(),
    get pending() {
      return queue.length;
    },
  };
}

const ids = (n: number, p = 'a') => Array.from({ length: n }, (_, i) => `${p}${i}`);

describe('IdPost', () => {
  it('posts a short list at once, in one message', () => {
    const sent: string[][] = [];
    const t = tasks();
    new IdPost<string[]>((m) => sent.push(m), t.later).send(ids(3), (s) => s);
    expect(sent).toEqual([['a0', 'a1', 'a2']]);
    expect(t.pending).toBe(0);
  });

  it('splits a long list into slices, one per task, and keeps later messages behind them', () => {
    const sent: Array<{ kind: string; ids: string[] }> = [];
    const t = tasks();
    const post = new IdPost<{ kind: string; ids: string[] }>((m) => sent.push(m), t.later);
    post.send(ids(ID_SLICE * 2 + 5), (s) => ({ kind: 'added', ids: s }));
    expect(sent.map((m) => m.ids.length)).toEqual([ID_SLICE]);
    // A removal announced meanwhile must reach the worker after the adds it may concern.
    post.send(['a7'], (s) => ({ kind: 'removed', ids: s }));
    expect(sent).toHaveLength(1);
    t.runOne();
    expect(sent.map((m) => m.ids.length)).toEqual([ID_SLICE, ID_SLICE]);
    t.runOne();
    t.runOne();
    expect(t.pending).toBe(0);
    expect(sent.map((m) => [m.kind, m.ids.length])).toEqual([
      ['added', ID_SLICE],
      ['added', ID_SLICE],
      ['added', 5],
      ['removed', 1],
    ]);
    expect(sent.slice(0, 3).flatMap((m) => m.ids)).toEqual(ids(ID_SLICE * 2 + 5));
  });

  it('queues a ready message behind pending slices', () => {
    const sent: string[] = [];
    const t = tasks();
    const post = new IdPost<string>((m) => sent.push(m), t.later);
    post.send(ids(ID_SLICE + 1), (s) => `slice of ${s.length}`);
    post.push('whole');
    expect(sent).toEqual([`slice of ${ID_SLICE}`]);
    t.runOne();
    t.runOne();
    expect(sent).toEqual([`slice of ${ID_SLICE}`, 'slice of 1', 'whole']);
  });
});
