import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileGrants } from '../../../electron/files';

function folder(): string {
  const root = mkdtempSync(join(tmpdir(), 'warraq-files-'));
  mkdirSync(join(root, 'صحف', 'الرياض'), { recursive: true });
  writeFileSync(join(root, 'صحف', 'افتتاحية.txt'), 'افتتاحية العدد');
  writeFileSync(join(root, 'صحف', 'الرياض', 'تقرير.html'), '<p>تقرير</p>');
  writeFileSync(join(root, 'outside.txt'), 'خارج المجلد');
  return root;
}

describe('FileGrants', () => {
  it('does not follow symbolic links out of the picked folder', async () => {
    const root = folder();
    symlinkSync(join(root, 'outside.txt'), join(root, 'صحف', 'link.txt'));
    symlinkSync(root, join(root, 'صحف', 'loop'));
    const entries = await new FileGrants().grantFolder(join(root, 'صحف'));
    expect(entries.map((e) => e.path)).toEqual(['صحف/افتتاحية.txt', 'صحف/الرياض/تقرير.html']);
  });
  it('stops with a clear error past the file-count or size bound, granting nothing', async () => {
    const root = folder();
    const grants = new FileGrants();
    await expect(grants.grantFolder(join(root, 'صحف'), { maxFiles: 1, maxBytes: 1e9 })).rejects.toThrow(
      /more than 1 files/,
    );
    await expect(grants.grantFolder(join(root, 'صحف'), { maxFiles: 10, maxBytes: 5 })).rejects.toThrow(
      /pick a smaller folder/,
    );
    expect(grants.size).toBe(0);
  });
  it('grants picked files by name, skips folders, and reads past the end as empty', async () => {
    const root = folder();
    const grants = new FileGrants();
    const entries = await grants.grantFiles([join(root, 'outside.txt'), join(root, 'صحف')]);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ path: 'outside.txt', size: Buffer.byteLength('خارج المجلد') });
    expect(entries[0]!.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const all = await grants.read(entries[0]!.token, 0, 1000);
    expect(Buffer.from(all).toString('utf8')).toBe('خارج المجلد');
    expect((await grants.read(entries[0]!.token, 1000, 10)).byteLength).toBe(0);
    // The last chunk owns a buffer of its own size, so IPC does not clone a full-length buffer behind it.
    const tail = await grants.read(entries[0]!.token, 4, 4 * 1024 * 1024);
    expect(tail.buffer.byteLength).toBe(Buffer.byteLength('خارج المجلد') - 4);
  });
  it('refuses a read once the picked file was swapped for a symbolic link (no race between pick and read)', async () => {
    const root = folder();
    const grants = new FileGrants();
    const picked = join(root, 'صحف', 'افتتاحية.txt');
    const [entry] = await grants.grantFiles([picked]);
    expect(new TextDecoder().decode(await grants.read(entry!.token, 0, 100))).toBe('افتتاحية العدد');
    rmSync(picked);
    symlinkSync(join(root, 'outside.txt'), picked);
    await expect(grants.read(entry!.token, 0, 100)).rejects.toThrow(/pick it again/);
  });
  it('refuses a read once the picked file was replaced by another file at the same path', async () => {
    const root = folder();
    const grants = new FileGrants();
    const picked = join(root, 'صحف', 'افتتاحية.txt');
    const [entry] = await grants.grantFiles([picked]);
    const other = join(root, 'other.txt');
    writeFileSync(other, 'ملف آخر');
    renameSync(other, picked);
    await expect(grants.read(entry!.token, 0, 100)).rejects.toThrow(/replaced/);
  });
});
