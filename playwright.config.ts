import { defineConfig } from '@playwright/test';
// @ts-expect-error plain ESM helper shared with the bench
import { findChromium, CHROMIUM_ARGS } from './scripts/chromium.mjs';

const executablePath: string | null = findChromium();
// E2E_PORT lets two runs (two checkouts, or a developer's server) share a machine.
const port = Number(process.env.E2E_PORT ?? 5199);

export default defineConfig({
  testDir: 'test/e2e',
  // Artifacts go below test-results/playwright (cleared each run); screenshots in test-results/screenshots stay.
  outputDir: 'test-results/playwright',
  // Tests wait on state, never on time. An assertion waits as long as it must (expect timeout 0): the only
  // limit is the test's own, generous enough for a 2-core machine shared with other CPU-bound work.
  timeout: 300_000,
  expect: { timeout: 0 },
  fullyParallel: false,
  workers: 2,
  // One retry under CI only, reported as "flaky" by npm test: the notebook test once lost the sample article
  // from the library after a direct IndexedDB write and a reload (known race, to be fixed; see the closing note).
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  webServer: {
    command: `node scripts/serve.mjs --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
  // No timing in tests: they wait on state, so they pass on a busy machine; timings live in `npm run bench`.
  projects: [{ name: 'e2e' }],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1280, height: 800 },
    locale: 'ar',
    launchOptions: { executablePath: executablePath ?? undefined, args: CHROMIUM_ARGS },
    trace: 'off',
  },
});
