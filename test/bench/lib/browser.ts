/** Bench plumbing for Chromium: serve dist/renderer and open a page (run `node scripts/build.mjs` first). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error plain ESM helpers shared with the tests
import { findChromium, CHROMIUM_ARGS, HOW_TO_GET_CHROMIUM } from '../../../scripts/chromium.mjs';
// @ts-expect-error plain ESM helpers shared with the tests
import { startServer } from '../../../scripts/static-server.mjs';

export interface BrowserSession {
  /** Null for an on-disk (persistent) profile. */
  browser: Browser | null;
  page: Page;
  url: string;
  close(): Promise<void>;
}

/**
 * Launches Chromium on a fresh profile with the app served on localhost; throws if none is found.
 * `onDisk`: a persistent profile in a temporary folder (removed on close), so IndexedDB lives on disk
 * as in the app; otherwise an incognito context, whose IndexedDB is held in memory.
 */
export async function openBrowser({ onDisk = false } = {}): Promise<BrowserSession> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(HOW_TO_GET_CHROMIUM);
  const server = await startServer({ port: 0 });
  const viewport = { width: 1280, height: 800 };
  if (onDisk) {
    const dir = mkdtempSync(join(tmpdir(), 'warraq-bench-'));
    const context = await chromium.launchPersistentContext(dir, { executablePath, args: CHROMIUM_ARGS, viewport });
    const page = context.pages()[0] ?? (await context.newPage());
    return {
      browser: context.browser(),
      page,
      url: server.url,
      close: async () => {
        await context.close();
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  return {
    browser,
    page,
    url: server.url,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Init script (add before a reload): records in the page `window.firstRowPainted`, the time of the first
 * animation frame whose callback finds a library row in the DOM (that frame paints it), so the figure
 * carries no polling latency and no task that runs after the row is drawn. A string, not a function:
 * tsx's keepNames would wrap inner functions in a `__name` helper the page lacks.
 */
export const FIRST_ROW_WATCH = `(() => {
  const row = () => document.querySelector('warraq-app')?.shadowRoot?.querySelector('warraq-library')?.shadowRoot?.querySelector('[role=row][aria-rowindex="2"]');
  const poll = () => { if (row()) window.firstRowPainted = performance.now(); else requestAnimationFrame(poll); };
  requestAnimationFrame(poll);
})()`;

/** After FIRST_ROW_WATCH and waitForFirstRow: the frame the first row was drawn in (ms since navigation). */
export async function firstRowPainted(page: Page): Promise<number> {
  const at = () => (window as unknown as { firstRowPainted?: number }).firstRowPainted;
  await page.waitForFunction(() => (window as unknown as { firstRowPainted?: number }).firstRowPainted !== undefined);
  return (await page.evaluate(at)) as number;
}

/** Waits until the library grid shows at least one article row. */
export async function waitForFirstRow(page: Page, timeout = 120_000): Promise<void> {
  await page.locator('warraq-library [role=row][aria-rowindex="2"]').first().waitFor({ timeout });
}

/**
 * Waits until the library is read whole and its list is drawn from it: start-up first draws one
 * screen of story rows from an index (partial), and a scroll over that short list scrolls nothing.
 */
export async function waitForWholeLibrary(page: Page, timeout = 600_000): Promise<void> {
  // A string, not a function: tsx's keepNames would inject a `__name` helper the page lacks; polled
  // from here, as waitForFunction would eval the string against the page's Content-Security-Policy.
  const whole = `(() => {
    const app = document.querySelector('warraq-app');
    const list = app?.shadowRoot?.querySelector('warraq-library');
    return !!(app?.services?.library?.complete && list?.counts && !list.counts.partial &&
      list.shadowRoot.querySelector('.row.story'));
  })()`;
  const end = Date.now() + timeout;
  while (!(await page.evaluate(whole))) {
    if (Date.now() > end) throw new Error('the whole library was not drawn in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}
