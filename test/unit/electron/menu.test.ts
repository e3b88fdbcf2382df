import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

let installed: MenuItemConstructorOptions[] | null = null;
vi.mock('electron', () => ({
  Menu: {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
    setApplicationMenu: (menu: MenuItemConstructorOptions[]) => {
      installed = menu;
    },
  },
}));
const { menuTemplate, setupMenu } = await import('../../../electron/menu');
const { APP_COMMANDS } = await import('../../../electron/ipc/contract');

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}
function clickAll(items: MenuItemConstructorOptions[]): void {
  for (const item of flatten(items)) item.click?.({} as never, undefined, {} as never);
}

describe('application menu', () => {
  it('is Arabic by default and English on request', () => {
    const ar = menuTemplate('ar', () => {}).map((i) => i.label);
    const en = menuTemplate('en', () => {}).map((i) => i.label);
    expect(ar).toEqual(['ملف', 'تحرير', 'عرض', 'انتقال', 'نافذة']);
    expect(en).toEqual(['File', 'Edit', 'View', 'Go', 'Window']);
    const arItems = flatten(menuTemplate('ar', () => {})).map((i) => i.label);
    expect(arItems).toContain('استيراد مجلد…');
    expect(arItems).toContain('المقال التالي');
  });
  it('sends every AppCommand exactly once, and nothing else', () => {
    const sent: string[] = [];
    clickAll(menuTemplate('en', (c) => sent.push(c)));
    expect([...sent].sort()).toEqual([...APP_COMMANDS].sort());
  });
  it('checks the current language in the language submenu', () => {
    const radios = (lang: 'ar' | 'en') =>
      flatten(menuTemplate(lang, () => {}))
        .filter((i) => i.type === 'radio')
        .map((i) => i.checked);
    expect(radios('ar')).toEqual([true, false]);
    expect(radios('en')).toEqual([false, true]);
  });
  it('offers developer tools only when asked (unpackaged runs)', () => {
    const roles = (dev: boolean) => flatten(menuTemplate('ar', () => {}, dev)).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });
  it('setupMenu installs the built menu', () => {
    setupMenu('en', () => {}, false);
    expect(installed?.[0]?.label).toBe('File');
  });
});
