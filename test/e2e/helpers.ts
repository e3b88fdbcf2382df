/** Shared end-to-end helpers: open the app on a fresh profile and wait until the library is ready. */
import { expect, type Page, type Locator } from '@playwright/test';

export const SAMPLE_TITLE = 'التحالف الدولي يقر بمقتل 1300 مدني "بالخطأ" في سوريا والعراق';

/** Opens the app (each Playwright test has a fresh context, so a fresh IndexedDB) and waits for the library. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(path);
  await expect(
    page
      .getByRole('grid')
      .or(page.getByRole('status').filter({ hasText: /فارغة|empty/ }))
      .or(page.locator('warraq-reader')),
  ).toBeVisible();
  expect(errors, 'no uncaught errors while starting').toEqual([]);
}

/**
 * Chooses an item of the header menu ("More actions"): import files or a folder, export & backup, keyboard
 * shortcuts, the language switch. `item` is the menu item's accessible name in the current language.
 */
export async function headerMenu(page: Page, item: string | RegExp): Promise<void> {
  await page
    .getByRole('banner')
    .getByRole('button', { name: /^(المزيد من الإجراءات|More actions)$/ })
    .click();
  await page.getByRole('menu').getByRole('menuitem', { name: item }).click();
}

/** Switches the interface language through the header menu and waits for <html lang>. */
export async function switchLanguage(page: Page, to: 'ar' | 'en'): Promise<void> {
  await headerMenu(page, to === 'en' ? 'Switch the interface to English' : 'التبديل إلى العربية');
  await expect(page.locator('html')).toHaveAttribute('lang', to);
}

/**
 * Opens the reader toolbar's "Text and theme" popover (text size, font, line spacing, column width, theme,
 * dates) unless it is open already.
 */
export async function readerTypography(page: Page): Promise<void> {
  const button = page.getByRole('toolbar').getByRole('button', { name: /^(الخط والسمة|Text and theme)$/ });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(page.getByRole('dialog', { name: /^(الخط والسمة|Text and theme)$/ })).toBeVisible();
}

/** The library's link to an article, by (part of) its title. */
export function articleLink(page: Page, title: string | RegExp): Locator {
  return page.getByRole('grid').getByRole('link', { name: title });
}

interface CdpNode {
  nodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function findNode(n: CdpNode, match: (n: CdpNode) => boolean): CdpNode | undefined {
  if (match(n)) return n;
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
    const hit = findNode(c, match);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * The fonts the browser really used to draw an element's text (DevTools protocol, not CSS), for the
 * first element (shadow roots included) with `attr` = `value`.
 */
export async function usedFonts(page: Page, attr: string, value: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const node = findNode(root, (n) => {
    const a = n.attributes ?? [];
    for (let i = 0; i < a.length; i += 2) if (a[i] === attr && a[i + 1] === value) return true;
    return false;
  });
  if (!node) throw new Error(`no node with ${attr}=${value}`);
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: node.nodeId });
  return fonts.sort((a, b) => b.glyphCount - a.glyphCount).map((f) => f.familyName);
}

export interface TestArticle {
  id: string;
  title: string;
  outlet: string;
  /** Title, a blank line, then paragraphs separated by blank lines. */
  text: string;
  url?: string;
  author?: string;
  published?: string;
  importedAt?: number;
  words?: number;
  tags?: string[];
}

/**
 * Writes an article straight into the app's IndexedDB (as an import would) and reloads, so a test can
 * set up a second article without going through the import screen (which import.spec.ts covers).
 */
export async function storeArticle(page: Page, a: TestArticle): Promise<void> {
  // The library is drawn before start-up seeds the sample; writing first would make the seeding see a
  // non-empty library and skip the sample. Wait for the stored 'seeded' setting (state, not time).
  await expect.poll(() => page.evaluate(seededSetting)).toBe(true);
  await page.evaluate(async (a) => {
    const paragraphs: { start: number; end: number }[] = [];
    let at = a.title.length + 2;
    for (const p of a.text.slice(at).split('\n\n')) {
      paragraphs.push({ start: at, end: at + p.length });
      at += p.length + 2;
    }
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('warraq');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const tx = db.transaction(['articles', 'texts'], 'readwrite');
    tx.objectStore('articles').put({
      id: a.id,
      title: a.title,
      outlet: a.outlet,
      url: a.url,
      author: a.author,
      published: a.published ?? '2024-05-02',
      length: a.text.length,
      words: a.words ?? 20,
      importedAt: a.importedAt ?? Date.now(),
      source: { kind: 'text' },
      tags: a.tags ?? [],
    });
    tx.objectStore('texts').put({ id: a.id, text: a.text, titleRange: { start: 0, end: a.title.length }, paragraphs });
    await new Promise((res, rej) => {
      tx.oncomplete = res;
      tx.onerror = () => rej(tx.error);
    });
    db.close();
  }, a);
  await page.reload();
}

/** Writes a note with no quote on an article straight into IndexedDB (no reload: the caller decides). */
export async function storeNote(page: Page, n: { id: string; articleId: string; note: string }): Promise<void> {
  await page.evaluate(async (n) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('warraq');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const tx = db.transaction('annotations', 'readwrite');
    const now = Date.now();
    tx.objectStore('annotations').put({ ...n, selectors: [], tags: [], createdAt: now, updatedAt: now });
    await new Promise((res, rej) => {
      tx.oncomplete = res;
      tx.onerror = () => rej(tx.error);
    });
    db.close();
  }, n);
}

/** The `seeded` setting start-up writes once the sample question is settled (services/first-run.ts). */
export async function seededSetting(): Promise<boolean> {
  const db = await new Promise<IDBDatabase>((res, rej) => {
    const r = indexedDB.open('warraq');
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
  try {
    if (!db.objectStoreNames.contains('settings')) return false;
    const row = await new Promise<{ value?: unknown } | undefined>((res, rej) => {
      const q = db.transaction('settings').objectStore('settings').get('seeded');
      q.onsuccess = () => res(q.result as { value?: unknown } | undefined);
      q.onerror = () => rej(q.error);
    });
    return row?.value === true;
  } finally {
    db.close();
  }
}
