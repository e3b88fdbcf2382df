/**
 * Issue 13: an encrypted backup made through the UI. The dialog warns that a lost passphrase cannot be
 * recovered and shows the passphrase's strength on request; the file is an age file that Debian's
 * `age -d` decrypts (passphrase typed on a terminal, given by script(1)); Warraq restores it with the
 * right passphrase and refuses a wrong one with a plain message, the library unchanged.
 */
import { test, expect } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'fflate';
import { openApp, articleLink, SAMPLE_TITLE } from './helpers';
import { counts, download, openDialog } from './export-helpers';

const PASS = 'جبل أخضر 42 morning tea';
const dir = mkdtempSync(join(tmpdir(), 'warraq-age-e2e-'));

test('encrypted backup: age -d opens it; restore asks the passphrase, refuses a wrong one, restores with the right one', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openApp(page);
  const dialog = await openDialog(page);
  await dialog.getByRole('checkbox', { name: 'تشفير النسخة الاحتياطية بعبارة مرور' }).check();
  await expect(dialog.getByRole('note')).toContainText('لا يمكن استرجاع عبارة المرور إذا ضاعت');
  const run = dialog.getByRole('button', { name: 'إنشاء نسخة احتياطية…' });
  await dialog.getByLabel('عبارة المرور', { exact: true }).fill(PASS);
  await expect(run).toBeDisabled(); // not confirmed yet
  await dialog.getByLabel('أعد كتابة عبارة المرور').fill(`${PASS}x`);
  await expect(dialog.getByRole('alert')).toHaveText('العبارتان غير متطابقتين.');
  await dialog.getByLabel('أعد كتابة عبارة المرور').fill(PASS);
  await dialog.getByRole('checkbox', { name: 'إظهار قوة عبارة المرور' }).check();
  await expect(dialog.getByRole('status').filter({ hasText: 'القوة:' })).toContainText('قوية');
  await page.screenshot({ path: 'test-results/screenshots/backup-encrypted-ar.png' });

  const { download: d, bytes } = await download(page, run);
  expect(d.suggestedFilename()).toMatch(/^warraq-backup-.*\.jsonl\.gz\.age$/);
  expect(bytes.subarray(0, 40).toString('latin1')).toMatch(/^age-encryption\.org\/v1\n-> scrypt /);
  await expect(dialog.getByRole('status').filter({ hasText: 'حُفظت النسخة الاحتياطية' })).toBeVisible();
  const file = join(dir, d.suggestedFilename());
  writeFileSync(file, bytes);

  // Debian's age decrypts it; it reads the passphrase from a terminal, which script(1) provides.
  if (spawnSync('age', ['--version']).status === 0) {
    const out = join(dir, 'plain.jsonl.gz');
    execFileSync('script', ['-qec', `age -d -o '${out}' '${file}'`, '/dev/null'], {
      input: `${PASS}\n`,
      timeout: 120_000,
    });
    const plain = new TextDecoder().decode(gunzipSync(readFileSync(out)));
    expect(plain.split('\n')[0]).toContain('"format":"warraq-backup"');
    expect(plain).toContain('التحالف الدولي يقر بمقتل 1300 مدني');
  } else {
    console.log('skip the age -d step: the age command (Debian package "age") is not installed');
    expect(process.env.CI, 'age must be installed under CI (.ci/run installs it)').toBeFalsy();
  }
  await page.keyboard.press('Escape');

  // Empty the library, then restore the encrypted file.
  await page.getByRole('button', { name: `حذف «${SAMPLE_TITLE}»` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'المكتبة فارغة' })).toBeVisible();
  const restore = await openDialog(page);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    restore.getByRole('button', { name: 'اختيار ملف النسخة…' }).click(),
  ]);
  await chooser.setFiles(file);
  const unlock = restore.getByRole('form', { name: 'فتح نسخة احتياطية مشفّرة' });
  await expect(unlock).toBeVisible();
  await unlock.getByLabel('عبارة مرور النسخة').fill('not the passphrase');
  await unlock.getByRole('button', { name: 'فتح واسترجاع' }).click();
  await expect(restore.getByRole('alert')).toHaveText('عبارة المرور غير صحيحة، أو الملف ليس مشفّراً بها. لم يتغيّر شيء.', {
    timeout: 60_000,
  });
  expect(await counts(page)).toMatchObject({ articles: 0 });

  await unlock.getByLabel('عبارة مرور النسخة').fill(PASS);
  await unlock.getByRole('button', { name: 'فتح واسترجاع' }).click();
  await expect(restore.getByRole('status').filter({ hasText: 'تمت الاستعادة' })).toBeVisible({ timeout: 60_000 });
  await page.keyboard.press('Escape');
  await expect(articleLink(page, SAMPLE_TITLE)).toBeVisible();
  expect(await counts(page)).toMatchObject({ articles: 1 });
});
