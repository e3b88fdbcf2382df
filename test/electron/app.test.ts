// Launches the real desktop app with Playwright's Electron support and checks that the window shows the
// library from app://, with only the bridge exposed. Where no Electron binary is installed (as in CI
// containers that set ELECTRON_SKIP_BINARY_DOWNLOAD) it prints a skip line instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { BRIDGE_KEYS } from '../../electron/ipc/contract';
// @ts-expect-error — plain .mjs script without type declarations
import { findElectronBinary } from '../../scripts/start.mjs';

const root = join(import.meta.dirname, '..', '..');
const binary: string | null = findElectronBinary();
if (!binary) {
  console.log('skipped: no Electron binary (node_modules/electron/dist is missing; `node node_modules/electron/install.js` fetches it) — the desktop launch test did not run');
}

describe.skipIf(!binary)('desktop app (real Electron)', () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`build failed:\n${built.stderr}`);
    const env = { ...process.env } as Record<string, string>;
    delete env.ELECTRON_RUN_AS_NODE;
    app = await _electron.launch({ executablePath: binary!, args: [root], env });
    page = await app.firstWindow();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it('loads the library from app://warraq in a sandboxed page', async () => {
    expect(page.url()).toBe('app://warraq/index.html');
    await page.getByRole('heading', { name: /المكتبة/ }).waitFor({ timeout: 20_000 });
    const exposure = await page.evaluate(() => ({
      keys: Object.keys((window as unknown as { warraq: object }).warraq).sort(),
      require: typeof (globalThis as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
      popup: window.open('https://example.org/') === null,
    }));
    expect(exposure).toEqual({ keys: [...BRIDGE_KEYS].sort(), require: 'undefined', process: 'undefined', popup: true });
  });

  it('uses the hardened web preferences', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0]!.webContents;
      return (wc as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
    });
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });
});

if (!binary) {
  describe('desktop app (real Electron)', () => {
    it.skip('skipped: no Electron binary installed', () => {});
  });
}
