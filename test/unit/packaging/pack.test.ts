// Packs the app with `electron-builder --dir` against a stand-in Electron (see fake-electron.ts) using the
// real electron-builder.yml, then checks the asar holds the built app and nothing else, and that the
// fuses were flipped to the hardened settings. It builds first, in a staged copy of the project (sources,
// scripts, configs; node_modules symlinked) so it never deletes the shared dist/ under other running tests.
// About 5 s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { FUSE_DISABLED, FUSE_ENABLED, REAL_FUSE_DEFAULTS, makeFakeElectron } from './fake-electron';
// @ts-expect-error — plain .mjs script without type declarations
import { checkFuses, packedApps } from '../../../scripts/check-fuses.mjs';

const root = join(import.meta.dirname, '..', '..', '..');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'))
  .version as string;
const work = mkdtempSync(join(tmpdir(), 'warraq-pack-'));
const project = join(work, 'project');
const out = join(work, 'release');
const unpacked = join(out, 'linux-unpacked');
const asarPath = join(unpacked, 'resources', 'app.asar');
let files: string[] = [];
let electronDist = '';

// Everything scripts/build.mjs and electron-builder read; tsconfigs matter (esbuild takes decorator settings from them).
const STAGED = [
  'package.json',
  'electron-builder.yml',
  'build',
  'tsconfig.json',
  'tsconfig.base.json',
  'scripts',
  'renderer',
  'electron',
  'assets',
];

function stageProject(): void {
  for (const name of STAGED) cpSync(join(root, name), join(project, name), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: project, encoding: 'utf8', env: process.env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

beforeAll(() => {
  stageProject();
  run(process.execPath, [join(project, 'scripts', 'build.mjs')]);
  electronDist = makeFakeElectron(electronVersion);
  run(process.execPath, [
    join(root, 'node_modules', 'electron-builder', 'cli.js'),
    '--dir',
    '--linux',
    `--${process.arch}`,
    '--publish',
    'never',
    `-c.electronDist=${electronDist}`,
    `-c.directories.output=${out}`,
  ]);
  files = listPackage(asarPath, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
}, 90_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  if (electronDist) rmSync(electronDist, { recursive: true, force: true });
});

describe('electron-builder --dir', () => {
  it('packs the built main, preload, renderer and every bundled font into app.asar', () => {
    for (const f of [
      '/package.json',
      '/dist/electron/main.cjs',
      '/dist/electron/preload.cjs',
      '/dist/renderer/index.html',
      '/dist/renderer/app.js',
    ]) {
      expect(files).toContain(f);
    }
    const fonts = readdirSync(join(root, 'assets', 'fonts')).filter((f) => f.endsWith('.woff2'));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(files).toContain(`/dist/renderer/fonts/${font}`);
    const pkg = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8'));
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(files).toContain(`/${pkg.main}`);
  });
  it('holds no sources, tests, source maps or node_modules', () => {
    const leaks = files.filter(
      (f) =>
        /\.(ts|map)$/.test(f) ||
        /^\/(renderer|electron|test|scripts|assets|node_modules)(\/|$)/.test(f) ||
        f.includes('/node_modules/'),
    );
    expect(leaks).toEqual([]);
  });
  it('renames the stand-in binary and flips the fuses to the hardened settings', async () => {
    const binary = join(unpacked, 'warraq');
    expect(existsSync(binary)).toBe(true);
    const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
    // Flipped from Electron's defaults (each of these differs from REAL_FUSE_DEFAULTS, so an unflipped wire fails):
    expect(wire[FuseV1Options.RunAsNode]).toBe(FUSE_DISABLED);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FUSE_DISABLED);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FUSE_DISABLED);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FUSE_DISABLED);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FUSE_ENABLED);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FUSE_ENABLED);
    // Left as Electron ships them: no asar integrity on Linux (Electron validates it only on macOS and Windows;
    // build/after-pack.cjs enables it there), the shared V8 snapshot, and the 9th fuse (WasmTrapHandlers, on).
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FUSE_DISABLED);
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(FUSE_DISABLED);
    expect(wire[8]).toBe(REAL_FUSE_DEFAULTS[8]);
  });
  it('passes the fuse check the CI workflow runs on the real packed apps (scripts/check-fuses.mjs)', async () => {
    expect(packedApps(out)).toEqual([[join(unpacked, 'warraq'), 'linux']]);
    expect(await checkFuses(join(unpacked, 'warraq'), 'linux')).toEqual([]);
    // The check itself can fail: Electron's shipped wire is refused.
    expect(await checkFuses(join(electronDist, 'electron'), 'linux')).toContain(
      'RunAsNode: expected disabled, found enabled',
    );
  });
});
