/**
 * The Export & backup dialog as a user meets it: opened from the header, an accessible modal with its
 * sections, in Arabic (right to left) and English. Screenshots go to test-results/screenshots/.
 */
import { test, expect } from '@playwright/test';
import { openApp, articleLink, SAMPLE_TITLE, headerMenu, switchLanguage } from './helpers';

test('the Export & backup dialog opens from the header, in Arabic and in English', async ({ page }) => {
  await openApp(page);
  await articleLink(page, SAMPLE_TITLE).click();
  await headerMenu(page, 'تصدير ونسخ احتياطي');
  const dialog = page.getByRole('dialog', { name: 'التصدير والنسخ الاحتياطي' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /ملاحظات هذه المقالة/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'كل ملاحظات المكتبة' })).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /دمج/ })).toBeChecked();
  await expect(dialog.getByRole('button', { name: 'إنشاء نسخة احتياطية…' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/export-dialog-ar.png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await switchLanguage(page, 'en');
  await headerMenu(page, 'Export & backup');
  const en = page.getByRole('dialog', { name: 'Export and backup' });
  await expect(en).toBeVisible();
  await expect(en.getByRole('radio', { name: /Merge/ })).toBeChecked();
  await page.screenshot({ path: 'test-results/screenshots/export-dialog-en.png' });
});
