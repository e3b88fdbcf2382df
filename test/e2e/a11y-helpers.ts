/** Shared by the accessibility and visual specs: preferences written before start-up, and axe-core. */
import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openApp, seededSetting } from './helpers';

export type Lang = 'ar' | 'en';
export type Theme = 'light' | 'dark';

/**
 * Opens the app with the interface language and theme stored as a user's choice would be (the settings
 * rows start-up reads), so every screen is checked the way it is drawn after a restart.
 */
export async function openWith(page: Page, lang: Lang, theme: Theme, path = '/'): Promise<void> {
  await openApp(page);
  await expect.poll(() => page.evaluate(seededSetting)).toBe(true);
  await page.evaluate(
    async ({ lang, theme }) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('warraq');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const tx = db.transaction('settings', 'readwrite');
      const store = tx.objectStore('settings');
      const reader = await new Promise<{ value?: Record<string, unknown> } | undefined>((res) => {
        const q = store.get('reader');
        q.onsuccess = () => res(q.result as { value?: Record<string, unknown> } | undefined);
      });
      store.put({ key: 'language', value: lang });
      store.put({ key: 'reader', value: { ...(reader?.value ?? {}), theme } });
      await new Promise((res, rej) => {
        tx.oncomplete = res;
        tx.onerror = () => rej(tx.error);
      });
      db.close();
    },
    { lang, theme },
  );
  await page.goto(path);
  // index.html already says lang="ar": wait for the app itself (its header) before checking the language.
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await page.evaluate(() => document.fonts.ready);
}

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.x A and AA, contrast included). */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}

export interface LowContrast {
  text: string;
  ratio: number;
  needs: number;
  color: string;
  background: string;
}

/**
 * Text contrast measured in the page, for what axe-core cannot judge: its colour-contrast rule files text
 * made only of Arabic letters under "needs review" ("contains only non-text characters"), so an Arabic
 * interface would pass it unchecked. Every visible element with its own text (shadow roots included) is
 * measured against the first opaque background behind it, with WCAG's formula: 4.5:1, or 3:1 for large text
 * (24 px, or 18.66 px bold). Disabled controls are exempt, as in WCAG; translucent or image backgrounds
 * are blended over what lies behind them only when they are plain colours (others are skipped).
 */
export function lowContrast(page: Page): Promise<LowContrast[]> {
  return page.evaluate(() => {
    const parse = (c: string): [number, number, number, number] | null => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return null;
      const p = m[1]!
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return [p[0]!, p[1]!, p[2]!, p.length > 3 ? p[3]! : 1];
    };
    const lum = ([r, g, b]: number[]): number => {
      const f = (v: number): number => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const over = (top: number[], under: number[]): number[] => {
      const a = top[3]!;
      return [0, 1, 2].map((i) => top[i]! * a + under[i]! * (1 - a)).concat(1);
    };
    const parentOf = (el: Element): Element | null =>
      el.parentElement ?? ((el.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
    const background = (el: Element): number[] | null => {
      const layers: number[][] = [];
      for (let e: Element | null = el; e; e = parentOf(e)) {
        const s = getComputedStyle(e);
        if (s.backgroundImage !== 'none') return null;
        const c = parse(s.backgroundColor);
        if (c && c[3] > 0) {
          layers.push(c);
          if (c[3] >= 1) break;
        }
      }
      let bg = [255, 255, 255, 1];
      for (const l of layers.reverse()) bg = over(l, bg);
      return bg;
    };
    const out: Array<{ text: string; ratio: number; needs: number; color: string; background: string }> = [];
    const visit = (root: Document | ShadowRoot): void => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) visit(el.shadowRoot);
        const own = [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join('')
          .trim();
        if (!own || (el as HTMLButtonElement).disabled || el.closest('[aria-disabled="true"]')) continue;
        const s = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        if (s.visibility !== 'visible' || Number(s.opacity) === 0 || box.width < 1 || box.height < 1) continue;
        if (box.bottom < 0 || box.top > innerHeight || box.right < 0 || box.left > innerWidth) continue;
        const fg = parse(s.color);
        const bg = background(el);
        if (!fg || !bg) continue;
        const text = over(fg, bg);
        const [hi, lo] = [lum(text), lum(bg)].sort((a, b) => b - a);
        const ratio = (hi! + 0.05) / (lo! + 0.05);
        const size = parseFloat(s.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
        const needs = large ? 3 : 4.5;
        if (ratio < needs - 0.01)
          out.push({
            text: own.slice(0, 40),
            ratio: Math.round(ratio * 100) / 100,
            needs,
            color: s.color,
            background: `rgb(${bg.slice(0, 3).map(Math.round).join(',')})`,
          });
      }
    };
    visit(document);
    return out;
  });
}
