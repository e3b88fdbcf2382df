import { gzipSync, Gunzip } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  BackupError,
  BackupReader,
  BackupWriter,
  concat,
  crc32,
  crcHex,
  readBackup,
  utf8Decode,
  utf8Encode,
  verifyBackup,
  writeBackup,
  type BackupRecord,
  type BackupErrorCode,
} from '../../../../renderer/core/backup';
import { generateLibrary, libraryOf, recordsOf } from './generate';

const OPTIONS = { schemaVersion: 3, app: 'Warraq 0.1.0', createdAt: Date.UTC(2024, 5, 1) };

async function backupBytes(
  records: BackupRecord[],
  chunkSize?: number,
): Promise<{ bytes: Uint8Array; chunks: number }> {
  const parts: Uint8Array[] = [];
  for await (const c of writeBackup(OPTIONS, records, chunkSize)) parts.push(c);
  return { bytes: concat(parts), chunks: parts.length };
}

/** Re-splits `bytes` at pseudo-random points, many inside multi-byte Arabic letters. */
function* splitAt(bytes: Uint8Array, seed = 5): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length;) {
    seed = (seed * 48271) % 2147483647;
    const n = 1 + (seed % 700);
    yield bytes.subarray(i, i + n);
    i += n;
  }
}

async function collect(chunks: Iterable<Uint8Array | string>): Promise<BackupRecord[]> {
  const out: BackupRecord[] = [];
  for await (const r of readBackup(chunks)) out.push(r);
  return out;
}

async function failure(chunks: Iterable<Uint8Array | string>, options = {}): Promise<BackupError> {
  try {
    await verifyBackup(chunks, options);
  } catch (e) {
    expect(e).toBeInstanceOf(BackupError);
    return e as BackupError;
  }
  throw new Error('expected the backup to be refused');
}

const lib = generateLibrary(60);
const records = recordsOf(lib);

describe('backup round trip', () => {
  it('writes in chunks and reads back a library deeply equal to the original', async () => {
    const { bytes, chunks } = await backupBytes(records, 8 * 1024);
    expect(chunks).toBeGreaterThan(5);
    expect(libraryOf(await collect(splitAt(bytes)))).toEqual(lib);
  });

  it('reads the same from string chunks', async () => {
    const { bytes } = await backupBytes(records);
    const text = utf8Decode(bytes);
    const strings = Array.from({ length: 9 }, (_, i) => text.slice((i * text.length) / 9, ((i + 1) * text.length) / 9));
    expect(libraryOf(await collect(strings))).toEqual(lib);
  });

  it('summarises what it verified', async () => {
    const { bytes } = await backupBytes(records);
    const s = await verifyBackup([bytes]);
    expect(s.header).toEqual({
      format: 'warraq-backup',
      version: 2,
      schemaVersion: 3,
      createdAt: '2024-06-01T00:00:00.000Z',
      app: 'Warraq 0.1.0',
    });
    expect(s.counts).toEqual({
      articles: 60,
      texts: 60,
      editions: 60,
      metaEdits: 0,
      outlets: 0,
      storyDecisions: 0,
      annotations: 60,
      bookmarks: 30,
      reading: 30,
      settings: 3,
      feeds: 0,
    });
    expect(s.records).toBe(303);
    expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('an empty library is a valid backup', async () => {
    const w = new BackupWriter(OPTIONS);
    expect((await verifyBackup([w.finish()])).records).toBe(0);
  });

  it("gzip stays the caller's layer: fflate streaming Gunzip in, the same records out", async () => {
    const { bytes } = await backupBytes(records);
    const out: Uint8Array[] = [];
    const gunzip = new Gunzip((chunk) => out.push(chunk));
    for (const c of splitAt(gzipSync(bytes))) gunzip.push(c);
    gunzip.push(new Uint8Array(0), true);
    expect(libraryOf(await collect(out))).toEqual(lib);
  });

  it('the writer refuses a row that would not restore', () => {
    const w = new BackupWriter(OPTIONS);
    const bad = { table: 'annotations', data: { id: 'x', note: 'بلا مقال' } } as unknown as BackupRecord;
    expect(() => w.add(bad)).toThrow(/Cannot back up a row of annotations: articleId should be a string/);
  });
});

describe('bad input gets a clear message', () => {
  const good = backupBytes(records.slice(0, 40));
  const lines = async () => utf8Decode((await good).bytes).split('\n');
  const join = (ls: string[]) => [utf8Encode(ls.join('\n'))];
  const expectError = (e: BackupError, code: BackupErrorCode, message: RegExp) => {
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  };

  it.each([
    ['no chunks', []],
    ['a zero-length file', [new Uint8Array(0)]],
    ['only blank lines', ['\n \n']],
  ])('empty: %s', async (_n, chunks) => {
    expectError(await failure(chunks as Uint8Array[]), 'empty', /^The file is empty; it is not a Warraq backup\.$/);
  });

  it.each([
    ['Arabic prose', ['هذا نص عادي وليس نسخة احتياطية\nسطر ثانٍ\n']],
    ['another JSON file', ['{"format":"other","version":1}\n']],
    ['a PNG', [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])]],
    ['one long line with no newline', ['x'.repeat(100_000)]],
  ])('not a backup: %s', async (_n, chunks) => {
    expectError(await failure(chunks as Uint8Array[]), 'not-backup', /^This file is not a Warraq backup\.$/);
  });

  it('a gzip file is named as such', async () => {
    expectError(await failure([gzipSync((await good).bytes)]), 'compressed', /gzip-compressed/);
  });

  it('a newer format version asks for an update', async () => {
    const ls = await lines();
    ls[0] = ls[0]!.replace('"version":2', '"version":3');
    expectError(
      await failure(join(ls)),
      'newer-version',
      /^This backup was made by a newer Warraq \(format 3\); update Warraq to restore it\.$/,
    );
  });

  it('a newer library schema than this build knows asks for an update', async () => {
    expectError(
      await failure([(await good).bytes], { maxSchemaVersion: 2 }),
      'newer-version',
      /newer Warraq \(library schema 3\)/,
    );
  });

  it.each([0.999, 0.7, 0.3, 0.05])('truncated at %f of its length', async (f) => {
    const { bytes } = await good;
    expectError(
      await failure(splitAt(bytes.subarray(0, Math.floor(bytes.length * f)))),
      'truncated',
      /^The backup is incomplete: it ends after record \d+ without its closing line/,
    );
  });

  it('truncated inside the header line', async () => {
    expectError(await failure([(await good).bytes.subarray(0, 25)]), 'truncated', /ends after record 0 without/);
  });

  it('truncated exactly before the closing line', async () => {
    const ls = await lines();
    expectError(await failure(join(ls.slice(0, -2).concat(''))), 'truncated', /ends after record 40 without/);
  });

  it('a flipped byte inside a record names the record and its table', async () => {
    const bytes = (await good).bytes.slice();
    const ls = await lines();
    const at = utf8Encode(ls.slice(0, 7).join('\n') + '\n').length + 60; // inside line 8 = record 7
    bytes[at] = bytes[at]! ^ 0x04;
    expectError(
      await failure(splitAt(bytes)),
      'checksum',
      /^Record 7 \(articles, line 8\) is damaged: its checksum does not match\.$/,
    );
  });

  it("a flipped byte in a record's layout is called damaged", async () => {
    const ls = await lines();
    ls[3] = ls[3]!.replace('{"t":', '{"s":');
    expectError(await failure(join(ls)), 'damaged-record', /^Record 3 \(line 4\) is damaged/);
  });

  it('a flipped byte in the header is caught by the whole-file SHA-256', async () => {
    const ls = await lines();
    ls[0] = ls[0]!.replace('Warraq 0.1.0', 'Warraq 0.1.1');
    expectError(await failure(join(ls)), 'digest', /overall checksum \(SHA-256\) does not match/);
  });

  it('a dropped record is caught by the counts', async () => {
    const ls = await lines();
    ls.splice(5, 1);
    expectError(await failure(join(ls)), 'count-mismatch', /should hold 40 records but holds 39/);
  });

  it('data after the closing line is refused', async () => {
    const ls = await lines();
    expectError(await failure(join([...ls.slice(0, -1), ls[1]!, ''])), 'after-end', /data after its closing line/);
  });

  it('a table name changed in a record fails its checksum (the CRC covers the table)', () => {
    const r = new BackupReader();
    const w = new BackupWriter(OPTIONS);
    r.push(w.start());
    const line = utf8Decode(w.add({ table: 'settings', data: { key: 'k', value: 1 } }));
    expect(() => r.push(line.replace('"t":"settings"', '"t":"bookmarks"'))).toThrow(
      /^Record 1 \(bookmarks, line 2\) is damaged: its checksum/,
    );
  });

  it('a row with a valid checksum but a wrong shape is refused by name', () => {
    const r = new BackupReader();
    r.push(new BackupWriter(OPTIONS).start());
    const data = '{"key":5,"value":"x"}';
    const crc = crcHex(crc32(utf8Encode(data), crc32(utf8Encode('settings'))));
    expect(() => r.push(`{"t":"settings","c":"${crc}","d":${data}}\n`)).toThrow(
      /^Record 1 \(settings, line 2\) is not a valid row: key should be a string\.$/,
    );
  });
});
