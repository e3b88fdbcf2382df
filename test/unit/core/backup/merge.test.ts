import { describe, expect, it } from 'vitest';
import { mergePlan, recordKey, recordsToMerge, type BackupRecord } from '../../../../renderer/core/backup';
import { generateLibrary, recordsOf } from './generate';

describe('mergePlan', () => {
  it('adds only what is missing, each key once, and counts what it keeps', () => {
    const plan = mergePlan(
      { articles: ['h1', 'h2', 'h2', 'h3'], annotations: ['a1'], settings: ['ui.language'] },
      { articles: new Set(['h1']), settings: new Set(['ui.language']) },
    );
    expect(plan.add).toEqual({
      articles: ['h2', 'h3'],
      texts: [],
      annotations: ['a1'],
      bookmarks: [],
      reading: [],
      settings: [],
      editions: [],
      metaEdits: [],
      outlets: [],
      storyDecisions: [],
      feeds: [],
    });
    expect(plan.kept).toEqual({
      articles: 2,
      texts: 0,
      annotations: 0,
      bookmarks: 0,
      reading: 0,
      settings: 1,
      editions: 0,
      metaEdits: 0,
      outlets: 0,
      storyDecisions: 0,
      feeds: 0,
    });
  });

  it('restoring a backup into the library it came from adds nothing', () => {
    const recs = recordsOf(generateLibrary(10));
    const keys: Record<string, string[]> = {};
    for (const r of recs) (keys[r.table] ??= []).push(recordKey(r));
    const existing = Object.fromEntries(Object.entries(keys).map(([t, k]) => [t, new Set(k)]));
    expect(Object.values(mergePlan(keys, existing).add).flat()).toEqual([]);
  });
});

describe('recordsToMerge (streamed batches)', () => {
  const recs = recordsOf(generateLibrary(6));
  it('skips stored rows and rows already taken in an earlier batch; the library keeps its own version', () => {
    const stored = recs.find((r) => r.table === 'articles')!;
    const existing = { articles: new Set([recordKey(stored)]), settings: new Set(['ui.language']) };
    const taken = {};
    const first = recordsToMerge(recs.slice(0, 20), existing, taken);
    const second = recordsToMerge(recs, existing, taken); // the whole file again: nothing twice
    const added = [...first, ...second];
    expect(added).not.toContainEqual(stored);
    expect(added.filter((r) => r.table === 'settings').map((r) => recordKey(r))).toEqual([
      'reader.prefs',
      'search.recent',
    ]);
    expect(new Set(added.map((r: BackupRecord) => `${r.table}:${recordKey(r)}`)).size).toBe(added.length);
    expect(added.length).toBe(recs.length - 2);
  });
});
