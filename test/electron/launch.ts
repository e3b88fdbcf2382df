/**
 * Launching the real desktop app for test/electron/: the Electron binary (or why there is none), a
 * throwaway profile per test run (WARRAQ_PROFILE_DIR, never the user's), and Playwright's Electron
 * launcher with the Chromium sandbox left on (`chromiumSandbox: true`; by default Playwright adds
 * --no-sandbox on Linux, which would make "sandboxed" unprovable).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
// @ts-expect-error — plain .mjs script without type declarations
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

export const root = join(import.meta.dirname, '..', '..');
export const binary: string | null = findElectronBinary(root);
/** Set by the CI workflow: there a missing binary is a failure, not a skip. */
export const REQUIRED = process.env.WARRAQ_REQUIRE_ELECTRON === '1';

export const SKIP_LINE =
  'skipped: no Electron binary (`npm start` or `node node_modules/electron/install.js` installs it) — the desktop launch tests did not run';

export function newProfile(): string {
  return mkdtempSync(join(tmpdir(), 'warraq-electron-profile-'));
}

export interface Launched {
  app: ElectronApplication;
  page: Page;
  console: string[];
}

/** Starts the app on `profile` and waits for its window; every console message of the window is collected. */
export async function launch(profile: string): Promise<Launched> {
  const env = { ...process.env, WARRAQ_PROFILE_DIR: profile } as Record<string, string>;
  delete env.ELECTRON_RUN_AS_NODE;
  const app = await _electron.launch({
    executablePath: binary!,
    args: [root],
    env,
    chromiumSandbox: true,
    timeout: 60_000,
  });
  const messages: string[] = [];
  const page = await app.firstWindow();
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  return { app, page, console: messages };
}
