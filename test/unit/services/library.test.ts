import { describe, it, expect, beforeEach } from 'vitest';
import { ArticlesRepo } from '../../../renderer/storage/articles-repo';
import { SettingsRepo } from '../../../renderer/storage/settings-repo';
import { LibraryService, type LibraryChange } from '../../../renderer/services/library';
import { SettingsService } from '../../../renderer/services/settings';
import { Notifier } from '../../../renderer/services/notifier';
import { seedSample } from '../../../renderer/services/first-run';
import { freshDb, makeArticle } from '../support/db';

describe('LibraryService', () => {
  let library: LibraryService;
  let notifier: Notifier;
  let changes: LibraryChange[];
  beforeEach(async () => {
    const db = freshDb();
    await db.open();
    notifier = new Notifier();
    library = new LibraryService(new ArticlesRepo(db), notifier);
    await library.load();
    changes = [];
    library.addEventListener('change', (e) => changes.push((e as CustomEvent<LibraryChange>).detail));
    await library.add([
      makeArticle(3),
      makeArticle(1, { published: undefined }),
      makeArticle(2, { title: 'أخبار الرياضة' }),
    ]);
  });

  it('sorts by title, date, outlet and import time, and filters by outlet', () => {
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    expect(ids(library.rows({ sort: 'imported', descending: false, outlet: '' }))).toEqual([
      'id-0001',
      'id-0002',
      'id-0003',
    ]);
    expect(ids(library.rows({ sort: 'title', descending: false, outlet: '' }))[0]).toBe('id-0002');
    // Undated sorts as oldest: last when newest-first.
    expect(ids(library.rows({ sort: 'date', descending: true, outlet: '' }))).toEqual([
      'id-0003',
      'id-0002',
      'id-0001',
    ]);
    expect(ids(library.rows({ sort: 'imported', descending: false, outlet: 'وكالة الأنباء' }))).toEqual([
      'id-0001',
      'id-0003',
    ]);
    expect(library.outlets()).toEqual(['صحيفة الغد', 'وكالة الأنباء']);
  });

  it('lists outlets once per change that can alter them: a story assignment keeps the list', async () => {
    expect(library.outlets()).toEqual(['صحيفة الغد', 'وكالة الأنباء']);
    library.patchMetas([{ id: 'id-0001', storyId: 'id-0003' }]);
    expect(library.outlets()).toEqual(['صحيفة الغد', 'وكالة الأنباء']);
    library.patchMetas([{ id: 'id-0002', outlet: 'الوطن' }]);
    expect(library.outlets()).toEqual(['الوطن', 'وكالة الأنباء']);
    await library.delete('id-0002');
    expect(library.outlets()).toEqual(['وكالة الأنباء']);
    // A copy: the caller may add to it (the toolbar keeps a filtered outlet offered).
    library.outlets().push('x');
    expect(library.outlets()).toEqual(['وكالة الأنباء']);
  });

  it('delete announces the change and offers an undo that restores the article', async () => {
    await library.delete('id-0002');
    expect(library.size).toBe(2);
    expect(changes.at(-1)).toEqual({ added: [], removed: ['id-0002'] });
    expect(notifier.notices.at(-1)).toMatchObject({ message: 'notice.deleted', params: { title: 'أخبار الرياضة' } });
    expect(await notifier.undoLatest()).toBe(true);
    expect(library.size).toBe(3);
    expect(changes.at(-1)).toEqual({ added: ['id-0002'], removed: [] });
    expect(await notifier.undoLatest()).toBe(false);
  });

  it('next/previous follow the current order', () => {
    const prefs = { sort: 'imported' as const, descending: false, outlet: '' };
    expect(library.neighbour('id-0002', prefs, 1)).toBe('id-0003');
    expect(library.neighbour('id-0002', prefs, -1)).toBe('id-0001');
    expect(library.neighbour('id-0003', prefs, 1)).toBeUndefined();
  });
});

describe('first run', () => {
  it('seeds the sample once, and never again after the user deletes it', async () => {
    const db = freshDb();
    await db.open();
    const notifier = new Notifier();
    const library = new LibraryService(new ArticlesRepo(db), notifier);
    const settings = new SettingsService(new SettingsRepo(db));
    await settings.load();
    await library.load();
    const sample = { name: 'sample.txt', bytes: async () => new Uint8Array() };
    const parse = async () => makeArticle(7);
    expect(await seedSample(library, settings, sample, parse)).toBe(true);
    expect(library.size).toBe(1);
    expect(library.allMeta()[0]!.source.kind).toBe('sample');
    await library.delete('id-0007');
    await settings.load();
    expect(await seedSample(library, settings, sample, parse)).toBe(false);
    expect(library.size).toBe(0);
  });
});

describe('SettingsService', () => {
  it('persists values and merges stored objects with new defaults', async () => {
    const db = freshDb();
    await db.open();
    const s1 = new SettingsService(new SettingsRepo(db));
    await s1.load();
    expect(s1.get('language')).toBe('ar');
    await s1.set('reader', { ...s1.get('reader'), fontSize: 26 });
    await db.settings.put({ key: 'library', value: { sort: 'title' } });
    const s2 = new SettingsService(new SettingsRepo(db));
    await s2.load();
    expect(s2.get('reader').fontSize).toBe(26);
    expect(s2.get('library')).toEqual({ sort: 'title', descending: true, outlet: '' });
  });

  it('start-up: the first screen from one indexed query in the list order, the rest later in pages', async () => {
    const db = freshDb();
    await db.open();
    const repo = new ArticlesRepo(db);
    await repo.putMany(Array.from({ length: 7 }, (_, i) => makeArticle(i + 1)));
    const lib = new LibraryService(repo, new Notifier());
    const prefs = { sort: 'imported' as const, descending: true, outlet: '' };
    expect(await lib.loadFirst(prefs, 3)).toBe(true);
    expect(lib.rows(prefs).map((r) => r.id)).toEqual(['id-0007', 'id-0006', 'id-0005']);
    expect(lib.complete).toBe(false);
    // The stored articles are counted after the first screen (a count walks the whole store).
    expect(lib.total).toBeNull();
    let counted = 0;
    lib.addEventListener('counted', () => counted++);
    await lib.countStored();
    expect([lib.total, lib.size, counted]).toEqual([7, 7, 1]);
    // Orders no index gives exactly load everything instead.
    expect(await lib.loadFirst({ ...prefs, sort: 'title' }, 3)).toBe(false);
    const pages: number[] = [];
    expect((await repo.listMetaPaged(3, (p) => pages.push(p.length))).length).toBe(7);
    expect(pages).toEqual([3, 3, 1]);
    await lib.load();
    expect(lib.complete).toBe(true);
    expect(lib.rows(prefs).map((r) => r.id)).toEqual([
      'id-0007',
      'id-0006',
      'id-0005',
      'id-0004',
      'id-0003',
      'id-0002',
      'id-0001',
    ]);
  });
});
