import { defineConfig } from '@playwright/test';
// @ts-expect-error plain ESM helper shared with the bench
import { findChromium, CHROMIUM_ARGS } from './scripts/chromium.mjs';

const executablePath: string | null = findChromium();

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  webServer: { command: 'node scripts/serve.mjs --port 5199', url: 'http://127.0.0.1:5199/', reuseExistingServer: false, timeout: 30_000 },
  use: {
    baseURL: 'http://127.0.0.1:5199/',
    viewport: { width: 1280, height: 800 },
    locale: 'ar',
    launchOptions: { executablePath: executablePath ?? undefined, args: CHROMIUM_ARGS },
    trace: 'off',
  },
});
