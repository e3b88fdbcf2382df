/**
 * BackupService in Node on fake-indexeddb: a generated library (Arabic articles, annotations,
 * bookmarks, reading positions, settings) backed up, restored into an empty library (deeply equal),
 * merged into a library with other articles (none lost, none duplicated), replaced (after a safety
 * backup), and bad files (truncated, flipped byte, newer version, not a backup, empty) refused with
 * the right error while the library stays exactly as it was.
 */
import { describe, it, expect, beforeEach } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { gunzipSync } from 'fflate';
import { WarraqDb, SCHEMA_VERSION } from '../../../renderer/storage/db';
import { BackupRepo } from '../../../renderer/storage/backup-repo';
import { BackupService, BackupError, RestoreCancelled, GzipDamaged } from '../../../renderer/services/backup';
import type { Platform, SaveRequest } from '../../../renderer/platform/platform';
import { dump, makeLibrary, seed, type Library } from '../../fixtures/backup/library';

let dbs = 0;
const newDb = () => new WarraqDb(`b${++dbs}`, { indexedDB: new IDBFactory(), IDBKeyRange });

function fakePlatform(saved: SaveRequest[], accept = true): Platform {
  return {
    save: async (r: SaveRequest) => {
      saved.push(r);
      return accept;
    },
  } as unknown as Platform;
}

class FakeLibrary extends EventTarget {
  loads = 0;
  async load() {
    this.loads++;
  }
}

function serviceFor(db: WarraqDb, saved: SaveRequest[] = [], accept = true) {
  const library = new FakeLibrary();
  const rebuilt: number[] = [];
  const service = new BackupService({
    repo: new BackupRepo(db),
    platform: fakePlatform(saved, accept),
    library,
    search: {
      rebuild: async () => {
        rebuilt.push(1);
      },
    },
    schemaVersion: SCHEMA_VERSION,
    app: 'Warraq test',
  });
  return { service, library, rebuilt };
}

const bytesOf = async (b: Blob) => new Uint8Array(await b.arrayBuffer());

describe('BackupService round trip', () => {
  let original: Library;
  let source: WarraqDb;
  let backup: Blob;
  beforeEach(async () => {
    original = makeLibrary(40);
    source = newDb();
    await seed(source, original);
    backup = (await serviceFor(source).service.create({ gzip: true, now: Date.UTC(2026, 10, 28) })).blob;
  });

  it('backup → empty library → restore gives a deeply equal library, then refreshes library and search', async () => {
    const target = newDb();
    const { service, library, rebuilt } = serviceFor(target);
    const report = await service.restore(backup, 'merge');
    expect(await dump(target)).toEqual(await dump(source));
    expect(report.summary.counts).toEqual({
      articles: 40,
      texts: 40,
      annotations: 40,
      bookmarks: 14,
      reading: 10,
      settings: 2,
      editions: 40,
      metaEdits: 0,
      outlets: 0,
      storyDecisions: 0,
      feeds: 0,
    });
    expect(report.articleIds).toHaveLength(40);
    expect(library.loads).toBe(1);
    expect(rebuilt).toHaveLength(1);
  });

  it('restores a backup gzipped by either compressor (CompressionStream or fflate)', async () => {
    const viaStream = (await serviceFor(source).service.create({ gzip: true, compressor: 'stream' })).blob;
    const target = newDb();
    await serviceFor(target).service.restore(viaStream, 'merge');
    expect(await dump(target)).toEqual(await dump(source));
  });

  it('is gzip JSON Lines with a header, one line per record and a trailer, with Arabic intact', async () => {
    const text = new TextDecoder().decode(gunzipSync(await bytesOf(backup)));
    const lines = text.trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'warraq-backup', version: 2, schemaVersion: SCHEMA_VERSION });
    expect(lines).toHaveLength(1 + 186 + 1);
    expect(text).toContain('قارن مع عدد SOHR في التقرير 0');
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ end: 'warraq-backup', records: 186 });
  });

  it('merge into a library with other articles loses none and duplicates none', async () => {
    const target = newDb();
    const other = makeLibrary(6, 'other');
    await seed(target, other);
    await target.articles.put({ ...original.articles[3]!, tags: ['مهم'] }); // already here, edited locally
    await serviceFor(target).service.restore(backup, 'merge');
    const after = await dump(target);
    expect(after.articles).toHaveLength(46);
    expect(new Set(after.articles.map((a) => a.id)).size).toBe(46);
    for (const a of other.articles) expect(after.articles).toContainEqual(a);
    for (const n of [...other.annotations, ...original.annotations]) expect(after.annotations).toContainEqual(n);
    expect(after.articles.find((a) => a.id === original.articles[3]!.id)!.tags).toEqual(['مهم']);
    expect(after.texts).toHaveLength(46);
  });

  it('replace first saves a safety backup of the current library, then leaves exactly the backup', async () => {
    const target = newDb();
    const other = makeLibrary(3, 'other');
    await seed(target, other);
    const saved: SaveRequest[] = [];
    await serviceFor(target, saved).service.restore(backup, 'replace');
    expect(await dump(target)).toEqual(await dump(source));
    expect(saved).toHaveLength(1);
    expect(saved[0]!.suggestedName).toMatch(/^warraq-safety-backup-.*\.jsonl\.gz$/);
    // The safety backup restores the library that was replaced.
    const back = newDb();
    await serviceFor(back).service.restore(saved[0]!.data, 'merge');
    expect((await dump(back)).articles).toEqual(other.articles);
  });

  it('replace changes nothing when the safety backup is not saved', async () => {
    const target = newDb();
    await seed(target, makeLibrary(3, 'other'));
    const before = await dump(target);
    const err = await serviceFor(target, [], false)
      .service.restore(backup, 'replace')
      .catch((e) => e);
    expect(err).toBeInstanceOf(RestoreCancelled);
    expect(err.safetyCancelled).toBe(true);
    expect(await dump(target)).toEqual(before);
  });

  it('a cancel during the restore leaves the library as it was', async () => {
    const target = newDb();
    await seed(target, makeLibrary(2, 'other'));
    const before = await dump(target);
    const ctl = new AbortController();
    const p = serviceFor(target).service.restore(backup, 'merge', {
      signal: ctl.signal,
      onProgress: (pr) => {
        if (pr.phase === 'restore' && pr.done > 50) ctl.abort();
      },
    });
    await expect(p).rejects.toBeInstanceOf(RestoreCancelled);
    expect(await dump(target)).toEqual(before);
  });
});

describe('BackupService.create', () => {
  it('stops with RestoreCancelled when cancelled mid-way, saving nothing', async () => {
    const db = newDb();
    await seed(db, makeLibrary(30));
    const saved: SaveRequest[] = [];
    const ctl = new AbortController();
    const { service } = serviceFor(db, saved);
    const p = service.backup({
      signal: ctl.signal,
      onProgress: (pr) => {
        if (pr.done > 0) ctl.abort();
      },
    });
    await expect(p).rejects.toBeInstanceOf(RestoreCancelled);
    expect(saved).toHaveLength(0);
  });

  it('reads storage in chunks and reports progress up to the total', async () => {
    const db = newDb();
    await seed(db, makeLibrary(30));
    const seen: number[] = [];
    await serviceFor(db).service.create({ onProgress: (pr) => seen.push(pr.done) });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(30 + 30 + 30 + 30 + 10 + 8 + 2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });
});

describe('BackupService refuses bad files and changes nothing', () => {
  let plain: Uint8Array;
  let target: WarraqDb;
  let before: Library;
  beforeEach(async () => {
    const source = newDb();
    await seed(source, makeLibrary(12));
    plain = await bytesOf((await serviceFor(source).service.create({ gzip: false })).blob);
    target = newDb();
    await seed(target, makeLibrary(4, 'other'));
    before = await dump(target);
  });

  const restore = async (bytes: Uint8Array | string) =>
    serviceFor(target)
      .service.restore(new Blob([bytes as BlobPart]), 'merge')
      .then(
        () => undefined,
        (e) => e,
      );

  async function expectRefused(bytes: Uint8Array | string, code: string, message: RegExp) {
    const err = await restore(bytes);
    expect(err).toBeInstanceOf(BackupError);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(await dump(target)).toEqual(before);
  }

  it('a truncated file', () =>
    expectRefused(plain.subarray(0, Math.floor(plain.length * 0.6)), 'truncated', /incomplete/));

  it('a flipped byte inside an Arabic text', async () => {
    const copy = plain.slice();
    const at = new TextDecoder().decode(copy).indexOf('"texts"') + 200;
    copy[at] = copy[at]! ^ 0x01;
    const err = await restore(copy);
    expect(err).toBeInstanceOf(BackupError);
    expect(['checksum', 'damaged-record']).toContain(err.code);
    expect(err.message).toMatch(/damaged/);
    expect(await dump(target)).toEqual(before);
  });

  it('a file from a newer version', () => {
    const text = new TextDecoder().decode(plain).replace('"version":2', '"version":3');
    return expectRefused(text, 'newer-version', /newer Warraq/);
  });

  it('a file that is not a backup', () =>
    expectRefused('عنوان,رابط\nخبر,https://example.org\n', 'not-backup', /not a Warraq backup/));

  it('an empty file', () => expectRefused(new Uint8Array(0), 'empty', /empty/));

  it('a cut-off gzip backup', async () => {
    const source = newDb();
    await seed(source, makeLibrary(12));
    const gz = await bytesOf((await serviceFor(source).service.create({ gzip: true })).blob);
    const err = await restore(gz.subarray(0, gz.length - 40));
    expect(err instanceof GzipDamaged || err instanceof BackupError).toBe(true);
    expect(await dump(target)).toEqual(before);
  });
});
