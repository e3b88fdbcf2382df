/**
 * A stand-in for an unpacked Electron distribution (the real binary is not installed here), enough for
 * `electron-builder --dir --linux` with `electronDist`: an `electron` executable holding Electron's fuse
 * wire (the @electron/fuses sentinel, wire version 1, 8 fuses, all initially enabled), `version`, a
 * locale and an empty resources/ folder. Returns the folder.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The marker @electron/fuses searches for in the binary (its constants.js). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Wire states are ASCII: '0' disabled, '1' enabled. */
export const FUSE_ENABLED = 0x31;
export const FUSE_DISABLED = 0x30;
const FUSE_COUNT = 8;

export function makeFakeElectron(version: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'warraq-fake-electron-'));
  mkdirSync(join(dir, 'resources'));
  mkdirSync(join(dir, 'locales'));
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron: no real binary here" >&2\nexit 1\n# '),
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    Buffer.from([1, FUSE_COUNT]),
    Buffer.alloc(FUSE_COUNT, FUSE_ENABLED),
    Buffer.from('\n'),
  ]);
  writeFileSync(join(dir, 'electron'), binary);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), `v${version}`);
  writeFileSync(join(dir, 'locales', 'ar.pak'), '');
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
  return dir;
}
