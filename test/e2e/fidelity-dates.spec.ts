/**
 * Dates in both calendars through the real UI: text files dated in Hijri and Gregorian, Hijri only,
 * and with two printed dates that disagree are imported; the reader shows each date as the date
 * setting asks (Gregorian, Hijri or both; Levantine or Egyptian month names), says when a date was
 * converted from Hijri or when the printed dates disagree, and the setting survives a reload.
 */
import { test, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { articleLink, openApp, switchLanguage, readerTypography } from './helpers';
import { FIX, closeReport, expectCounts, importFiles } from './import-helpers';

const OUT = 'test-results/screenshots';
const BOTH = 'افتتاح مكتبة عامة جديدة في وسط المدينة بعد سنوات من الانتظار';
const HIJRI_ONLY = 'أمانة المنطقة تطلق مشروعاً لتوسعة الطرق الداخلية في الأحياء الشرقية';
const DISAGREE = 'بلدية المدينة تعلن خطة لتأهيل الحدائق العامة قبل الصيف';

async function open(page: Page, title: string) {
  await articleLink(page, title).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return page.locator('warraq-reader').locator('header.head');
}

test('dates in both calendars, converted from Hijri, disagreeing; the date setting', async ({ page }) => {
  await openApp(page);
  const files = ['wadi-both-calendars.txt', 'hijazia-hijri.txt', 'disagree-calendars.txt'].map((f) =>
    join(FIX, 'text-outlets', f),
  );
  await expectCounts(await importFiles(page, files), { imported: 3 });
  await closeReport(page);

  const head = await open(page, BOTH);
  const time = head.locator('time');
  await expect(time).toHaveAttribute('datetime', '2019-04-30');
  await expect(time).toHaveText('٣٠ نيسان ٢٠١٩');
  await expect(head.getByRole('note')).toHaveCount(0);

  await readerTypography(page);
  const calendar = page.getByRole('combobox', { name: 'التقويم' });
  const months = page.getByRole('combobox', { name: 'أسماء الأشهر' });
  await calendar.selectOption({ label: 'هجري وميلادي' });
  await expect(time).toHaveText('٢٥ شعبان ١٤٤٠ هـ — ٣٠ نيسان ٢٠١٩');
  await months.selectOption({ label: 'مصرية وخليجية (مارس)' });
  await expect(time).toHaveText('٢٥ شعبان ١٤٤٠ هـ — ٣٠ أبريل ٢٠١٩');
  await months.selectOption({ label: 'شامية وعراقية (آذار)' });
  await expect(time).toHaveText('٢٥ شعبان ١٤٤٠ هـ — ٣٠ نيسان ٢٠١٩');
  await page.locator('warraq-reader article').screenshot({ path: `${OUT}/dates-both-calendars.png` });
  await page.getByRole('dialog', { name: 'الخط والسمة' }).screenshot({ path: `${OUT}/dates-setting.png` });

  // The choice is stored: after a reload the reader still shows both calendars.
  await page.reload();
  await expect(page.locator('warraq-reader header.head time')).toHaveText('٢٥ شعبان ١٤٤٠ هـ — ٣٠ نيسان ٢٠١٩');
  await readerTypography(page);
  await expect(page.getByRole('combobox', { name: 'التقويم' })).toHaveValue('both');

  await page.goBack();
  await expect(page.getByRole('grid')).toBeVisible();
  const hijriHead = await open(page, HIJRI_ONLY);
  await expect(hijriHead.locator('time')).toHaveAttribute('datetime', '2022-03-09');
  await expect(hijriHead.locator('time')).toHaveText('٦ شعبان ١٤٤٣ هـ — ٩ آذار ٢٠٢٢');
  await expect(hijriHead.getByRole('note')).toHaveText('حُوِّل من التاريخ الهجري المطبوع (تقويم أم القرى)');

  await page.goBack();
  const badHead = await open(page, DISAGREE);
  await expect(badHead.getByRole('note')).toHaveText(
    'التاريخان المطبوعان لا يتفقان: ٢٥ شعبان ١٤٤٠ هـ مقابل ٣٠ أيار ٢٠١٩',
  );
  await readerTypography(page);
  await page.getByRole('combobox', { name: 'التقويم' }).selectOption({ label: 'هجري' });
  await expect(badHead.locator('time')).toHaveText('٢٥ شعبان ١٤٤٠ هـ');
  await page.locator('warraq-reader header.head').screenshot({ path: `${OUT}/dates-disagree.png` });

  // In English: the same choice, English month names, the note in English, the controls named in English.
  await switchLanguage(page, 'en');
  await expect(badHead.locator('time')).toHaveText('25 Shaʿban 1440 AH');
  await readerTypography(page);
  await page.getByRole('combobox', { name: 'Calendar' }).selectOption({ label: 'Hijri and Gregorian' });
  await expect(badHead.locator('time')).toHaveText('25 Shaʿban 1440 AH — 30 May 2019');
  await expect(badHead.getByRole('note')).toHaveText(
    'The printed dates disagree: 25 Shaʿban 1440 AH against 30 May 2019',
  );
  await expect(page.getByRole('combobox', { name: 'Month names' })).toHaveValue('levantine');
  await page.locator('warraq-reader').screenshot({ path: `${OUT}/dates-en.png` });
});
