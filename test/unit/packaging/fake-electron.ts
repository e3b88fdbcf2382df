/**
 * A stand-in for an unpacked Electron distribution (the real binary is not installed here), enough for
 * `electron-builder --dir --linux` with `electronDist`: an `electron` executable holding Electron's real fuse
 * wire, `version`, a locale and an empty resources/ folder. Returns the folder.
 *
 * The wire is laid out as Electron's binary has it (docs/tutorial/fuses.md, "The hard way"; @electron/fuses
 * reads it the same way): the sentinel, one byte of wire version (1), one byte of wire length, then one
 * ASCII byte per fuse, '1' enabled and '0' disabled. Electron 45 ships 9 fuses with mixed defaults
 * (REAL_FUSE_DEFAULTS, i.e. "101100011"), so a config that forgets to flip a fuse leaves a state the pack
 * test can tell apart from the hardened one.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The marker @electron/fuses searches for in the binary (its constants.js). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Wire states are ASCII: '0' disabled, '1' enabled. */
export const FUSE_ENABLED = 0x31;
export const FUSE_DISABLED = 0x30;

/** Electron 45's fuse wire as shipped, by index (the order of FuseV1Options; index 8 is WasmTrapHandlers). */
export const REAL_FUSE_DEFAULTS: readonly number[] = [
  FUSE_ENABLED, // 0 RunAsNode
  FUSE_DISABLED, // 1 EnableCookieEncryption
  FUSE_ENABLED, // 2 EnableNodeOptionsEnvironmentVariable
  FUSE_ENABLED, // 3 EnableNodeCliInspectArguments
  FUSE_DISABLED, // 4 EnableEmbeddedAsarIntegrityValidation
  FUSE_DISABLED, // 5 OnlyLoadAppFromAsar
  FUSE_DISABLED, // 6 LoadBrowserProcessSpecificV8Snapshot
  FUSE_ENABLED, // 7 GrantFileProtocolExtraPrivileges
  FUSE_ENABLED, // 8 WasmTrapHandlers
];

/** The bytes of a fuse wire: sentinel, version 1, length, states. */
export function fuseWire(states: readonly number[] = REAL_FUSE_DEFAULTS): Buffer {
  return Buffer.concat([Buffer.from(FUSE_SENTINEL, 'ascii'), Buffer.from([1, states.length]), Buffer.from(states)]);
}

export function makeFakeElectron(version: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'warraq-fake-electron-'));
  mkdirSync(join(dir, 'resources'));
  mkdirSync(join(dir, 'locales'));
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron: no real binary here" >&2\nexit 1\n# '),
    fuseWire(),
    Buffer.from('\n'),
  ]);
  writeFileSync(join(dir, 'electron'), binary);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), `v${version}`);
  writeFileSync(join(dir, 'locales', 'ar.pak'), '');
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
  return dir;
}
