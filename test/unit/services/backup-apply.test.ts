/**
 * Restore staging, commit and rollback on fake-indexeddb, independent of the file format: chunks read
 * from one library are applied to another in merge and replace mode; cancels, failures and a crash
 * (journal left behind) leave the target library exactly as it was.
 */
import { describe, it, expect, beforeEach } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { WarraqDb } from '../../../renderer/storage/db';
import { BACKUP_TABLES, BackupRepo, JOURNAL_PREFIX } from '../../../renderer/storage/backup-repo';
import { applyBackup, RestoreCancelled, type RecordChunk } from '../../../renderer/services/backup-apply';
import { dump, makeLibrary, seed } from '../../fixtures/backup/library';
import { HEAD_MIN_CHARS, isHeadOf } from '../../../renderer/core/article/reader-head';

const newDb = (name: string) => new WarraqDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });

async function* chunksOf(repo: BackupRepo, size = 7): AsyncGenerator<RecordChunk> {
  for (const table of BACKUP_TABLES) for await (const rows of repo.chunks(table, size)) yield { table, rows };
}

describe('BackupRepo.chunks', () => {
  it('walks every table in key order, in chunks, leaving out journal rows', async () => {
    const db = newDb('src');
    await seed(db, makeLibrary(23));
    await db.settings.put({ key: `${JOURNAL_PREFIX}x:1`, value: { run: 'x', table: 'articles', keys: [] } });
    const repo = new BackupRepo(db);
    const sizes: number[] = [];
    const ids: string[] = [];
    for await (const rows of repo.chunks('articles', 10)) {
      sizes.push(rows.length);
      ids.push(...rows.map((r) => r.id as string));
    }
    expect(sizes).toEqual([10, 10, 3]);
    expect(ids).toEqual([...ids].sort());
    const settings: unknown[] = [];
    for await (const rows of repo.chunks('settings', 1)) settings.push(...rows);
    expect(settings.map((s) => (s as { key: string }).key)).toEqual(['language', 'reader']);
    expect((await repo.counts()).settings).toBe(2);
  });
});

describe('applyBackup', () => {
  let source: BackupRepo;
  let target: WarraqDb;
  beforeEach(async () => {
    const src = newDb('src');
    await seed(src, makeLibrary(30));
    source = new BackupRepo(src);
    target = newDb('dst');
    await target.open();
  });

  it('into an empty library gives a deeply equal library and no journal', async () => {
    const res = await applyBackup(new BackupRepo(target), chunksOf(source), 'merge');
    expect(await dump(target)).toEqual(await dump((source as unknown as { db: WarraqDb }).db));
    expect(res.added.articles).toBe(30);
    expect(await new BackupRepo(target).hasJournal()).toBe(false);
  });

  it('merge keeps what is there, adds what is missing and duplicates nothing', async () => {
    const other = makeLibrary(5, 'other');
    await seed(target, other);
    // One article of the backup is already here, with a user's tag the backup lacks: it must stay so.
    const shared = { ...makeLibrary(1).articles[0]!, tags: ['محلي'] };
    await target.articles.add(shared);
    await target.settings.put({ key: 'language', value: 'en' });
    const res = await applyBackup(new BackupRepo(target), chunksOf(source), 'merge');
    expect(await target.articles.count()).toBe(35);
    expect((await target.articles.get(shared.id))!.tags).toEqual(['محلي']);
    expect((await target.settings.get('language'))!.value).toBe('en');
    for (const a of other.articles) expect(await target.articles.get(a.id)).toEqual(a);
    expect(res.existing.articles).toBe(1);
    // A second merge of the same backup adds nothing.
    const again = await applyBackup(new BackupRepo(target), chunksOf(source), 'merge');
    expect(Object.values(again.added).every((n) => n === 0)).toBe(true);
    expect(await target.annotations.count()).toBe(30 + other.annotations.length);
  });

  it('replace leaves exactly the backup, overwriting rows that differ', async () => {
    await seed(target, makeLibrary(4, 'other'));
    await target.settings.put({ key: 'language', value: 'en' });
    await applyBackup(new BackupRepo(target), chunksOf(source), 'replace');
    expect(await dump(target)).toEqual(await dump((source as unknown as { db: WarraqDb }).db));
  });

  it('a row listed twice in a file is added once', async () => {
    const lib = makeLibrary(2);
    async function* twice(): AsyncGenerator<RecordChunk> {
      yield {
        table: 'articles',
        rows: [lib.articles[0]!, lib.articles[1]!, lib.articles[0]!] as unknown as Record<string, unknown>[],
      };
      yield { table: 'articles', rows: [lib.articles[1]!] as unknown as Record<string, unknown>[] };
    }
    const res = await applyBackup(new BackupRepo(target), twice(), 'merge');
    expect(res.added.articles).toBe(2);
    expect(res.existing.articles).toBe(1);
    expect(await target.articles.count()).toBe(2);
  });

  it('a cancel half-way rolls back to the library as it was', async () => {
    const before = makeLibrary(3, 'other');
    await seed(target, before);
    const snapshot = await dump(target);
    const ctl = new AbortController();
    let n = 0;
    const p = applyBackup(new BackupRepo(target), chunksOf(source, 4), 'replace', {
      signal: ctl.signal,
      onRecords: () => {
        if (++n === 5) ctl.abort();
      },
    });
    await expect(p).rejects.toBeInstanceOf(RestoreCancelled);
    expect(await dump(target)).toEqual(snapshot);
  });

  it('a failing chunk rolls back everything staged before it', async () => {
    const snapshot = await dump(target);
    async function* broken(): AsyncGenerator<RecordChunk> {
      let i = 0;
      for await (const c of chunksOf(source)) {
        yield c;
        if (++i === 3) yield { table: 'texts', rows: [{ notAnId: 1 }] };
      }
    }
    await expect(applyBackup(new BackupRepo(target), broken(), 'merge')).rejects.toThrow();
    expect(await dump(target)).toEqual(snapshot);
  });

  it('a crash mid-restore (journal left behind) is undone by rollback at the next start', async () => {
    await seed(target, makeLibrary(2, 'other'));
    const snapshot = await dump(target);
    const repo = new BackupRepo(target);
    let seq = 0;
    for await (const c of chunksOf(source)) {
      await repo.addMissing('crashed', seq++, c.table, c.rows);
      if (seq === 6) break; // the process dies here: no commit, no rollback
    }
    expect(await target.articles.count()).toBeGreaterThan(2);
    const reopened = new BackupRepo(target);
    expect(await reopened.hasJournal()).toBe(true);
    await reopened.rollback();
    expect(await dump(target)).toEqual(snapshot);
    expect(await reopened.hasJournal()).toBe(false);
  });
});

describe('reader heads and pages after a restore (issue 13)', () => {
  /** A library of one article whose text is over HEAD_MIN_CHARS, so the reader needs a head. */
  async function longSource(): Promise<BackupRepo> {
    const src = newDb('long-src');
    const lib = makeLibrary(1, 'long');
    const t = lib.texts[0]!;
    const body = 'فقرة طويلة من تقرير عن المنطقة '.repeat(Math.ceil((HEAD_MIN_CHARS + 1000) / 31));
    t.text = `${t.text}\n\n${body}`;
    t.paragraphs = [...t.paragraphs, { start: t.text.length - body.length, end: t.text.length }];
    lib.articles[0]!.length = t.text.length;
    lib.annotations = [];
    lib.bookmarks = [];
    lib.reading = [];
    await seed(src, lib);
    return new BackupRepo(src);
  }

  it('a restored long text gets its head, so the reader opens it without reading it whole', async () => {
    const target = newDb('long-dst');
    await target.open();
    await applyBackup(new BackupRepo(target), chunksOf(await longSource()), 'merge');
    const text = (await target.texts.toArray())[0]!;
    const head = await target.readerHeads.get(text.id);
    expect(head).toBeDefined();
    expect(isHeadOf(head!, text.text)).toBe(true);
    expect(head!.text.length).toBeLessThan(text.text.length / 4);
    const pages = await target.readerPages.where('id').equals(text.id).sortBy('n');
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.map((p) => p.text).join('')).toBe(text.text);
  });

  it('a crashed restore rolled back leaves no head behind', async () => {
    const target = newDb('long-crash');
    await target.open();
    const repo = new BackupRepo(target);
    let seq = 0;
    for await (const c of chunksOf(await longSource())) await repo.addMissing('crashed', seq++, c.table, c.rows);
    expect(await target.readerHeads.count()).toBe(1);
    expect(await target.readerPages.count()).toBeGreaterThan(1);
    await new BackupRepo(target).rollback();
    expect(await target.readerHeads.count()).toBe(0);
    expect(await target.readerPages.count()).toBe(0);
    expect(await target.texts.count()).toBe(0);
  });
});
