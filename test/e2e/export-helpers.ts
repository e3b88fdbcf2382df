/**
 * Helpers for the export and backup end-to-end tests: a second article written into IndexedDB, notes
 * made through the reader's own selection toolbar and panel, the Export & backup dialog, downloads
 * and IndexedDB row counts.
 */
import { expect, type Page, type Download, type Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { articleLink, storeArticle, SAMPLE_TITLE, headerMenu } from './helpers';

export const SECOND = {
  id: 'e2e-export-second',
  title: 'مفوضية اللاجئين: عودة 12 ألف أسرة إلى حلب',
  outlet: 'وكالة الأنباء التجريبية',
  url: 'https://example.org/unhcr/aleppo?lang=ar',
  text: 'مفوضية اللاجئين: عودة 12 ألف أسرة إلى حلب\n\nأعلنت مفوضية الأمم المتحدة لشؤون اللاجئين (UNHCR) أن 12 ألف أسرة عادت إلى أحياء حلب الشرقية.\n\nوقال المتحدث إن نقص المياه والكهرباء ما زال يمنع عودة آلاف الأسر الأخرى.',
};

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'أدوات النص المحدد' });
export const panel = (page: Page) => page.getByRole('complementary', { name: 'التظليلات والملاحظات' });
export const reader = (page: Page) => page.locator('warraq-reader');
export const mark = (page: Page, text: string) => reader(page).locator('mark.hl', { hasText: text });

/** Writes an article straight into IndexedDB (as an import would), reloads and waits for it in the library. */
export async function addArticle(
  page: Page,
  a: { id: string; title: string; outlet: string; url?: string; text: string },
): Promise<void> {
  await storeArticle(page, { ...a, author: 'رنا الأحمد', importedAt: Date.UTC(2024, 4, 3), words: 30 });
  await page.getByRole('button', { name: 'المكتبة', exact: true }).click();
  await expect(articleLink(page, a.title)).toBeVisible();
}

/** Selects the first occurrence of `phrase` in paragraph `p` (1-based) of the open article. */
async function select(page: Page, p: number, phrase: string): Promise<void> {
  // The reader renders after its article loads: wait for the paragraph (locators pierce shadow roots).
  await page.locator('warraq-reader').locator(`p[data-p="${p}"]`, { hasText: phrase }).waitFor();
  await page.evaluate(
    ({ p, phrase }) => {
      const root = document.querySelector('warraq-app')!.shadowRoot!.querySelector('warraq-reader')!.shadowRoot!;
      const walker = document.createTreeWalker(root.querySelector(`p[data-p="${p}"]`)!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.indexOf(phrase);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + phrase.length);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return;
      }
      throw new Error(`not found in paragraph ${p}: ${phrase}`);
    },
    { p, phrase },
  );
  await expect(toolbar(page)).toBeVisible();
}

/** Highlights a phrase through the toolbar, with a note and tags typed into the panel. */
export async function highlightWithNote(
  page: Page,
  p: number,
  phrase: string,
  note: string,
  tags: string,
): Promise<void> {
  await select(page, p, phrase);
  await toolbar(page).getByRole('button', { name: 'تظليل مع ملاحظة' }).click();
  await panel(page).getByRole('textbox', { name: 'نص الملاحظة' }).fill(note);
  await panel(page)
    .getByRole('textbox', { name: /الوسوم/ })
    .fill(tags);
  await panel(page).getByRole('button', { name: 'حفظ' }).click();
  await expect(
    panel(page)
      .locator('.note')
      .filter({ hasText: note.split('\n')[0]! }),
  ).toBeVisible();
}

export async function bookmark(page: Page, p: number, phrase: string): Promise<void> {
  await select(page, p, phrase);
  await toolbar(page).getByRole('button', { name: 'إشارة مرجعية إلى الفقرة' }).click();
}

export async function openArticle(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'المكتبة', exact: true }).click();
  await articleLink(page, title).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

export const NOTE_SAMPLE = 'الرقم أعلى مما في تقرير Airwars\nراجع الفقرة التالية';
export const NOTE_SECOND = 'العودة محدودة بسبب نقص الخدمات, "حسب UNHCR"';

/** The sample and SECOND, each with one highlighted note; a bookmark on the sample. */
export async function annotateTwoArticles(page: Page): Promise<void> {
  await addArticle(page, SECOND);
  await openArticle(page, SAMPLE_TITLE);
  await highlightWithNote(page, 1, 'أقر التحالف الدولي', NOTE_SAMPLE, 'أرقام، التحالف');
  await bookmark(page, 4, 'لا يزال هناك 111 تقريراً');
  await openArticle(page, SECOND.title);
  await highlightWithNote(page, 2, 'نقص المياه والكهرباء', NOTE_SECOND, 'عودة');
}

export function dialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'التصدير والنسخ الاحتياطي' });
}

export async function openDialog(page: Page): Promise<Locator> {
  await headerMenu(page, 'تصدير ونسخ احتياطي');
  await expect(dialog(page)).toBeVisible();
  return dialog(page);
}

/** Clicks `button` and returns the download it starts with its bytes. */
export async function download(page: Page, button: Locator): Promise<{ download: Download; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { download: d, bytes: readFileSync((await d.path())!) };
}

/** Rows per table, read straight from IndexedDB. */
export async function counts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('warraq');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const out: Record<string, number> = {};
    for (const t of ['articles', 'texts', 'annotations', 'bookmarks', 'reading']) {
      out[t] = await new Promise<number>((res) => {
        const r = db.transaction(t).objectStore(t).count();
        r.onsuccess = () => res(r.result);
      });
    }
    db.close();
    return out;
  });
}
