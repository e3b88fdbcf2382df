import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error — plain .mjs script without type declarations
import { findElectronBinary } from '../../../scripts/start.mjs';

describe('npm start without an Electron binary', () => {
  it('finds a binary only where path.txt points at an existing file', () => {
    const base = mkdtempSync(join(tmpdir(), 'warraq-start-'));
    const pkg = join(base, 'node_modules', 'electron');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    expect(findElectronBinary(base, {})).toBeNull();
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    expect(findElectronBinary(base, {})).toBeNull();
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    expect(findElectronBinary(base, {})).toBe(join(pkg, 'dist', 'electron'));
  });
  it('explains what to do, mentions npm run web, exits 1 and prints no stack trace', () => {
    // An empty override folder means "no binary" even on a machine that has one, so this never launches Electron.
    const empty = mkdtempSync(join(tmpdir(), 'warraq-no-electron-'));
    const run = spawnSync(process.execPath, ['scripts/start.mjs'], { env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('node node_modules/electron/install.js');
    expect(run.stderr).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(run.stderr).toContain('npm run web');
    expect(run.stderr + run.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
