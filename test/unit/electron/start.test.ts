// `npm start` on a fresh clone: no Electron binary, so it runs Electron's own installer, which honours
// ELECTRON_MIRROR. A staged copy of the project (scripts/ and a pristine node_modules/electron without dist/;
// the other packages symlinked) stands in for the fresh clone, so a binary installed here never interferes
// and nothing is written into the real node_modules.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error — plain .mjs script without type declarations
import { failureReason, findElectronBinary } from '../../../scripts/electron-binary.mjs';

const root = join(import.meta.dirname, '..', '..', '..');
const version = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'))
  .version as string;
const work = mkdtempSync(join(tmpdir(), 'warraq-fresh-clone-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function freshClone(): string {
  const clone = mkdtempSync(join(work, 'clone-'));
  cpSync(join(root, 'scripts'), join(clone, 'scripts'), { recursive: true });
  cpSync(join(root, 'package.json'), join(clone, 'package.json'));
  const modules = join(clone, 'node_modules');
  mkdirSync(join(modules, 'electron'), { recursive: true });
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name !== 'electron' && name !== '.bin')
      symlinkSync(join(root, 'node_modules', name), join(modules, name), 'dir');
  }
  // The files the electron package publishes (its "files"), i.e. what `npm install` leaves: no dist/, no path.txt.
  for (const file of ['package.json', 'install.js', 'index.js', 'cli.js', 'checksums.json']) {
    cpSync(join(root, 'node_modules', 'electron', file), join(modules, 'electron', file));
  }
  return clone;
}

/** Environment without any Electron download settings of the developer's own. */
function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (
      v !== undefined &&
      !/^(ELECTRON_|npm_config_electron|npm_package_config_electron|electron_|force_no_cache)/i.test(k)
    )
      env[k] = v;
  }
  return { ...env, electron_config_cache: mkdtempSync(join(work, 'cache-')), ...extra };
}

function runStart(
  clone: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(clone, 'scripts', 'start.mjs')], { cwd: clone, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

const STACK_FRAME = /^\s+at .+(:\d+:\d+|\(native\))\)?$/m;

describe('npm start on a fresh clone', () => {
  it('finds a binary only where path.txt points at an existing file', () => {
    const base = mkdtempSync(join(work, 'find-'));
    const pkg = join(base, 'node_modules', 'electron');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    expect(findElectronBinary(base, {})).toBeNull();
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    expect(findElectronBinary(base, {})).toBeNull();
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    expect(findElectronBinary(base, {})).toBe(join(pkg, 'dist', 'electron'));
  });

  it("runs Electron's installer, which requests this platform's archive from ELECTRON_MIRROR", async () => {
    const requested: string[] = [];
    const server = createServer((req, res) => {
      requested.push(req.url ?? '');
      res.writeHead(404).end();
    });
    const port = await listen(server);
    try {
      const clone = freshClone();
      const run = await runStart(clone, cleanEnv({ ELECTRON_MIRROR: `http://127.0.0.1:${port}/` }));
      const file = `electron-v${version}-${process.platform}-${process.arch}.zip`;
      expect(requested).toContain(`/v${version}/${file}`);
      expect(run.stdout).toContain(`Downloading Electron ${version}`);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('404');
      expect(run.stderr).toContain(file);
    } finally {
      server.close();
    }
  });

  it('offline: one paragraph saying what to do, exit 1, no stack trace', async () => {
    // A port that was just free and is now closed: the connection is refused, as offline.
    const server = createServer();
    const port = await listen(server);
    await new Promise((r) => server.close(r));
    const clone = freshClone();
    const run = await runStart(clone, cleanEnv({ ELECTRON_MIRROR: `http://127.0.0.1:${port}/` }));
    expect(run.code).toBe(1);
    const paragraph = run.stderr.trim();
    expect(paragraph).not.toContain('\n');
    expect(paragraph).toMatch(/^✖ Warraq cannot start: Electron .* is not installed/);
    expect(paragraph).toContain('fetch failed (no connection to the server)');
    expect(paragraph).toContain('ELECTRON_MIRROR');
    expect(paragraph).toContain('npm run web');
    expect(paragraph).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD'); // Electron ≥ 42 ignores it
    expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
    expect(readdirSync(join(clone, 'node_modules', 'electron'))).not.toContain('dist');
  });

  it("condenses the installer's stack trace to its message and network error code", () => {
    const stderr =
      "TypeError: fetch failed\n    at node:internal/deps/undici/undici:13502:13\n  [cause]: Error: connect ECONNREFUSED 127.0.0.1:9\n      at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {\n    code: 'ECONNREFUSED'\n  }\n}";
    expect(failureReason(stderr)).toBe('TypeError: fetch failed (ECONNREFUSED)');
  });
});
