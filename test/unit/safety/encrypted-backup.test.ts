/**
 * Issue 13: encrypted backups are age files (scrypt recipient) that Warraq restores with the right
 * passphrase, refuses with a clear error for a wrong one (before changing anything), and that
 * Debian's `age -d` decrypts (passphrase typed on a terminal: `script` gives it one).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'fflate';
import { WarraqDb, SCHEMA_VERSION } from '../../../renderer/storage/db';
import { BackupRepo } from '../../../renderer/storage/backup-repo';
import { BackupService } from '../../../renderer/services/backup';
import { passphraseStrength } from '../../../renderer/services/backup-crypto';
import type { Platform } from '../../../renderer/platform/platform';
import { dump, makeLibrary, seed } from '../../fixtures/backup/library';

let dbs = 0;
const newDb = () => new WarraqDb(`enc${++dbs}`, { indexedDB: new IDBFactory(), IDBKeyRange });
const service = (db: WarraqDb) =>
  new BackupService({
    repo: new BackupRepo(db),
    platform: { save: async () => true } as unknown as Platform,
    library: Object.assign(new EventTarget(), { load: async () => {} }),
    schemaVersion: SCHEMA_VERSION,
    app: 'test',
  });
const PASS = 'قمر-أزرق 7 correct horse';
// A low work factor keeps the unit test quick; the app writes age's default (2^18).
const LOG_N = 10;

describe('encrypted backups (issue 13)', () => {
  let source: WarraqDb;
  let file: Blob;
  beforeAll(async () => {
    source = newDb();
    await seed(source, makeLibrary(12));
    file = (await service(source).create({ passphrase: PASS, scryptLogN: LOG_N, now: 0 })).blob;
  });

  it('is an age file with a scrypt recipient, no plaintext visible', async () => {
    const text = new TextDecoder('latin1').decode(await file.arrayBuffer());
    expect(text.startsWith('age-encryption.org/v1\n-> scrypt ')).toBe(true);
    expect(text).not.toContain('warraq-backup');
  });

  it('restores with the right passphrase; the wrong one is refused before anything changes', async () => {
    const target = newDb();
    await seed(target, makeLibrary(2, 'mine'));
    const before = await dump(target);
    const svc = service(target);
    expect(await svc.isEncrypted(file)).toBe(true);
    await expect(svc.verify(file)).rejects.toMatchObject({ code: 'not-decrypted' });
    await expect(svc.restore(file, 'replace', { passphrase: 'wrong one' })).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    expect(await dump(target)).toEqual(before);
    const report = await svc.restore(file, 'merge', { passphrase: PASS });
    expect(report.added.articles).toBe(12);
  });

  it('a tampered byte in the payload is refused (age authenticates every chunk)', async () => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    bytes[bytes.length - 40] = bytes[bytes.length - 40]! ^ 1;
    const target = newDb();
    await expect(service(target).restore(new Blob([bytes]), 'merge', { passphrase: PASS })).rejects.toMatchObject({
      code: 'digest',
    });
    expect((await dump(target)).articles).toHaveLength(0);
  });

  it('Debian age decrypts it (`age -d`, passphrase typed on a terminal)', async (ctx) => {
    if (spawnSync('age', ['--version']).status !== 0 || spawnSync('script', ['--version']).status !== 0) {
      console.log('skip: the age command (Debian package "age") or script(1) is not installed');
      return ctx.skip();
    }
    const dir = mkdtempSync(join(tmpdir(), 'warraq-age-'));
    writeFileSync(join(dir, 'b.age'), new Uint8Array(await file.arrayBuffer()));
    // age reads the passphrase from the terminal: script(1) gives it a pseudo-terminal fed from stdin.
    execFileSync('script', ['-qec', `age -d -o ${join(dir, 'b.jsonl.gz')} ${join(dir, 'b.age')}`, '/dev/null'], {
      input: `${PASS}\n`,
      timeout: 60_000,
    });
    expect(existsSync(join(dir, 'b.jsonl.gz'))).toBe(true);
    const plain = new TextDecoder().decode(gunzipSync(readFileSync(join(dir, 'b.jsonl.gz'))));
    expect(plain.split('\n')[0]).toContain('"format":"warraq-backup"');
    expect(plain.match(/"t":"articles"/g)).toHaveLength(12);
  });

  it('passphrase strength grows with length and variety', () => {
    expect(passphraseStrength('1234').level).toBe('weak');
    expect(passphraseStrength('aaaaaaaaaaaaaaaaaaaa').level).toBe('weak');
    expect(passphraseStrength('قمر-أزرق 7 correct horse battery').level).toBe('very-strong');
  });
});
