/**
 * Issue 13, fault injection that stays in the suite: the browser is killed (SIGKILL, no goodbye) while
 * a bulk import and while a restore are under way; the SAME profile is opened again and the library
 * must be whole: every article with its text, no half-applied restore (it is undone and announced),
 * and running the work again completes it without duplicates.
 */
import { test, expect, chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync } from 'fflate';
// @ts-expect-error plain ESM helper shared with the config
import { findChromium, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';
import { writeBackup, type BackupRecord } from '../../renderer/core/backup';
import { seededSetting } from './helpers';
import { makeLibrary } from '../fixtures/backup/library';
import { headerMenu } from './helpers';
import { bulkJsonl } from './import-helpers';

const BASE = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 5199)}/`;
const work = mkdtempSync(join(tmpdir(), 'warraq-kill-'));

async function launch(profile: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium() ?? undefined,
    args: CHROMIUM_ARGS,
    locale: 'ar',
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(BASE);
  await expect(page.getByRole('grid').or(page.getByRole('status').filter({ hasText: /فارغة/ }))).toBeVisible({
    timeout: 30_000,
  });
  return { context, page };
}

/** SIGKILLs the browser started on `profile` (its processes are found by their own --user-data-dir). */
function killBrowser(profile: string): number {
  let killed = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let cmd = '';
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (cmd.includes(`--user-data-dir=${profile}`) && !cmd.includes('--type=')) {
      process.kill(Number(pid), 'SIGKILL');
      killed++;
    }
  }
  return killed;
}

/** What the database holds: article and text keys, journal rows of an unfinished restore. */
function inventory(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('warraq');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const keys = (store: string) =>
      new Promise<string[]>((res) => {
        const q = db.transaction(store).objectStore(store).getAllKeys();
        q.onsuccess = () => res((q.result as string[]).sort());
      });
    const [articles, texts, settings] = [await keys('articles'), await keys('texts'), await keys('settings')];
    db.close();
    return { articles, texts, journal: settings.filter((k) => k.startsWith('restore-journal:')).length };
  });
}

test.describe.configure({ mode: 'serial' });

test('killed during a bulk import: the same profile reopens whole; importing again completes without duplicates', async () => {
  test.setTimeout(240_000);
  const N = 30_000;
  const file = join(work, 'bulk.jsonl');
  writeFileSync(file, bulkJsonl(N));
  const profile = mkdtempSync(join(work, 'profile-import-'));
  let { context, page } = await launch(profile);
  const chooser = page.waitForEvent('filechooser');
  await headerMenu(page, 'استيراد ملفات');
  await (await chooser).setFiles(file);
  // Under way: at least one batch is stored, the import is not finished.
  await expect
    .poll(async () => (await inventory(page)).articles.length, { timeout: 60_000, intervals: [100] })
    .toBeGreaterThan(400);
  expect(killBrowser(profile)).toBeGreaterThan(0);
  await context.close().catch(() => {});

  ({ context, page } = await launch(profile));
  const inv = await inventory(page);
  expect(inv.articles.length).toBeLessThan(N + 1);
  expect(inv.texts).toEqual(inv.articles); // every article has its text, every text its article
  await expect(
    page.getByRole('heading', {
      name: new RegExp(`المقالات: ${inv.articles.length.toLocaleString('ar-EG')}\\)`),
    }),
  ).toBeVisible();

  // Run it again: only what is missing is added.
  const again = page.waitForEvent('filechooser');
  await headerMenu(page, 'استيراد ملفات');
  await (await again).setFiles(file);
  const report = page.getByRole('dialog', { name: 'تقرير الاستيراد' });
  await expect(report).toBeVisible({ timeout: 180_000 });
  const after = await inventory(page);
  expect(after.articles).toHaveLength(N + 1); // + the sample article
  expect(after.texts).toEqual(after.articles);
  await context.close();
});

test('killed during a restore: the same profile reopens as it was, says the restore was undone; restoring again works', async () => {
  test.setTimeout(240_000);
  const lib = makeLibrary(6000, 'killed');
  const records: BackupRecord[] = [
    ...lib.articles.map((data) => ({ table: 'articles', data }) as BackupRecord),
    ...lib.texts.map((data) => ({ table: 'texts', data }) as BackupRecord),
    ...lib.editions.map((data) => ({ table: 'editions', data }) as BackupRecord),
    ...lib.annotations.map((data) => ({ table: 'annotations', data }) as BackupRecord),
  ];
  const parts: Uint8Array[] = [];
  for await (const c of writeBackup({ schemaVersion: 5, app: 'kill test', createdAt: 0 }, records)) parts.push(c);
  const file = join(work, 'big-backup.jsonl.gz');
  writeFileSync(file, gzipSync(Buffer.concat(parts)));

  const profile = mkdtempSync(join(work, 'profile-restore-'));
  let { context, page } = await launch(profile);
  // Start-up seeds the sample after the first paint: take the inventory once that is settled.
  await expect.poll(() => page.evaluate(seededSetting)).toBe(true);
  const before = await inventory(page);
  await headerMenu(page, 'تصدير ونسخ احتياطي');
  const dialog = page.getByRole('dialog', { name: /التصدير والنسخ الاحتياطي/ });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'اختيار ملف النسخة…' }).click();
  await (await chooser).setFiles(file);
  // Under way: rows are staged (journalled) but not committed.
  await expect
    .poll(async () => (await inventory(page)).journal, { timeout: 90_000, intervals: [100] })
    .toBeGreaterThan(0);
  expect(killBrowser(profile)).toBeGreaterThan(0);
  await context.close().catch(() => {});

  ({ context, page } = await launch(profile));
  await expect(
    page.getByRole('status').filter({ hasText: 'انقطع استرجاع سابق قبل أن يكتمل، فأُلغي عند البدء' }),
  ).toBeVisible();
  const inv = await inventory(page);
  expect(inv.journal).toBe(0);
  expect(inv.articles).toEqual(before.articles);
  expect(inv.texts).toEqual(before.texts);

  await headerMenu(page, 'تصدير ونسخ احتياطي');
  const again = page.waitForEvent('filechooser');
  await page
    .getByRole('dialog', { name: /التصدير والنسخ الاحتياطي/ })
    .getByRole('button', { name: 'اختيار ملف النسخة…' })
    .click();
  await (await again).setFiles(file);
  await expect(
    page
      .getByRole('dialog', { name: /التصدير والنسخ الاحتياطي/ })
      .getByRole('status')
      .filter({ hasText: 'تمت الاستعادة' }),
  ).toBeVisible({ timeout: 180_000 });
  const after = await inventory(page);
  expect(after.articles).toHaveLength(6000 + before.articles.length);
  expect(after.texts).toEqual(after.articles);
  await context.close();
});
