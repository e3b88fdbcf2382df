/**
 * Issue 13 items 4 and 6: a restore verifies consistency, not only checksums, and each problem keeps
 * its own words. Each backup here is well formed (checksums, counts and digest rewritten to match) but
 * inconsistent, or damaged in its own way; the library must stay exactly as it was.
 */
import { describe, it, expect, beforeEach } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { gzipSync } from 'fflate';
import { WarraqDb, SCHEMA_VERSION } from '../../../renderer/storage/db';
import { BackupRepo } from '../../../renderer/storage/backup-repo';
import { BackupService, type RestoreMode } from '../../../renderer/services/backup';
import { BACKUP_TABLES, writeBackup, type BackupRecord } from '../../../renderer/core/backup';
import { failureMessage } from '../../../renderer/ui/backup/messages';
import type { Platform } from '../../../renderer/platform/platform';
import { dump, makeLibrary, seed, type Library } from '../../fixtures/backup/library';

let dbs = 0;
const newDb = () => new WarraqDb(`hb${++dbs}`, { indexedDB: new IDBFactory(), IDBKeyRange });

function serviceFor(db: WarraqDb) {
  const platform = { save: async () => true } as unknown as Platform;
  return new BackupService({
    repo: new BackupRepo(db),
    platform,
    library: Object.assign(new EventTarget(), { load: async () => {} }),
    schemaVersion: SCHEMA_VERSION,
    app: 'test',
  });
}

function recordsOf(lib: Library): BackupRecord[] {
  return BACKUP_TABLES.flatMap((t) => (lib[t] as unknown[]).map((data) => ({ table: t, data }) as BackupRecord));
}

async function backupOf(records: BackupRecord[]): Promise<Blob> {
  const parts: Uint8Array[] = [];
  for await (const c of writeBackup({ schemaVersion: SCHEMA_VERSION, app: 'test', createdAt: 0 }, records))
    parts.push(c);
  return new Blob(parts as BlobPart[]);
}

async function refusal(service: BackupService, file: Blob, mode: RestoreMode = 'merge') {
  try {
    await service.restore(file, mode);
  } catch (e) {
    return { code: (e as { code?: string }).code, message: (e as Error).message, words: failureMessage(e).key };
  }
  return undefined;
}

describe('restore checks consistency before changing anything (issue 13)', () => {
  let lib: Library;
  let target: WarraqDb;
  let before: Library;
  beforeEach(async () => {
    lib = makeLibrary(6);
    target = newDb();
    await seed(target, makeLibrary(2, 'other'));
    before = await dump(target);
  });

  it.each<[string, (r: BackupRecord[]) => BackupRecord[], string, string]>([
    [
      'texts removed (trailer fixed): ghost articles',
      (r) => r.filter((x) => x.table !== 'texts'),
      'missing-text',
      'restore.error.missingText',
    ],
    [
      'one text removed',
      (r) => r.filter((x, i) => !(x.table === 'texts' && i === r.findIndex((y) => y.table === 'texts'))),
      'missing-text',
      'restore.error.missingText',
    ],
    [
      'a text without its article',
      (r) =>
        r
          .filter((x, i) => !(x.table === 'articles' && i === 0))
          .filter(
            (x) =>
              !(x.table !== 'texts' && 'articleId' in x.data && x.data.articleId === (r[0]!.data as { id: string }).id),
          ),
      'orphan-text',
      'restore.error.orphanText',
    ],
    [
      'a repeated annotation id',
      (r) => [...r, r.find((x) => x.table === 'annotations')!],
      'duplicate-id',
      'restore.error.duplicate',
    ],
    [
      'an annotation pointing at an article nowhere',
      (r) => r.map((x) => (x.table === 'annotations' ? { ...x, data: { ...x.data, articleId: 'f'.repeat(64) } } : x)),
      'dangling-ref',
      'restore.error.dangling',
    ],
    [
      'a bookmark pointing at an article nowhere',
      (r) => r.map((x) => (x.table === 'bookmarks' ? { ...x, data: { ...x.data, articleId: 'e'.repeat(64) } } : x)),
      'dangling-ref',
      'restore.error.dangling',
    ],
  ])('%s: refused with its reason; the library is unchanged', async (_, edit, code, words) => {
    const file = await backupOf(edit(recordsOf(lib)));
    for (const mode of ['merge', 'replace'] as const) {
      const r = await refusal(serviceFor(target), file, mode);
      expect(r?.code).toBe(code);
      expect(r?.words).toBe(words);
    }
    expect(await dump(target)).toEqual(before);
  });

  it('a merged annotation may point at an article the library already holds; a replace may not', async () => {
    const mine = before.articles[0]!.id;
    const file = await backupOf([
      ...recordsOf(lib),
      { table: 'annotations', data: { ...lib.annotations[0]!, id: 'extra-note', articleId: mine } },
    ]);
    expect(await refusal(serviceFor(target), file, 'replace')).toMatchObject({ code: 'dangling-ref' });
    expect(await dump(target)).toEqual(before);
    expect(await refusal(serviceFor(target), file, 'merge')).toBeUndefined();
  });
});

describe('each damaged backup keeps its own words (issue 13)', () => {
  const target = newDb();
  const lines = async () =>
    new TextDecoder().decode(await (await backupOf(recordsOf(makeLibrary(2)))).arrayBuffer()).split('\n');

  it('an unknown table is named as such, not as a checksum mismatch', async () => {
    const l = await lines();
    l[1] = l[1]!.replace(/^\{"t":"articles"/, '{"t":"secrets"');
    const r = await refusal(serviceFor(target), new Blob([l.join('\n')]));
    expect(r).toMatchObject({ code: 'unknown-table', words: 'restore.error.unknownTable' });
    expect(r!.message).toContain('"secrets"');
  });

  it('an over-long line is named as such', async () => {
    const l = await lines();
    const file = new Blob([
      `${l[0]}\n{"t":"texts","c":"00000000","d":{"x":"`,
      new Uint8Array(65 * 1024 * 1024).fill(0x61),
      '"}}\n',
    ]);
    expect(await refusal(serviceFor(target), file)).toMatchObject({ code: 'too-long', words: 'restore.error.tooLong' });
  });

  it('a gzip bomb is named as such', async () => {
    const l = await lines();
    const head = new TextEncoder().encode(`${l[0]}\n`);
    const plain = new Uint8Array(head.length + 20 * 1024 * 1024).fill(0x20);
    plain.set(head);
    const bomb = gzipSync(plain, { level: 1 });
    expect(await refusal(serviceFor(target), new Blob([bomb as BlobPart]))).toMatchObject({
      code: 'gzip-bomb',
      words: 'restore.error.gzipBomb',
    });
  });

  it('a record that is not JSON and a flipped byte are told apart', async () => {
    const l = await lines();
    const flipped = [...l];
    flipped[2] = flipped[2]!.replace('"id":"', '"id":"X');
    expect(await refusal(serviceFor(target), new Blob([flipped.join('\n')]))).toMatchObject({
      code: 'checksum',
      words: 'restore.error.damaged',
    });
  });
});
