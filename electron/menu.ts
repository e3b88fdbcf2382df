/**
 * The application menu, in Arabic (default) or English. Items only send an AppCommand to the renderer
 * over one channel; what a command does is the renderer's business. Clipboard and window items use
 * Electron roles so text fields keep their native behaviour.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand, MenuLanguage } from './ipc/contract';

type Label = Record<MenuLanguage, string>;

const L = {
  file: { ar: 'ملف', en: 'File' },
  edit: { ar: 'تحرير', en: 'Edit' },
  view: { ar: 'عرض', en: 'View' },
  go: { ar: 'انتقال', en: 'Go' },
  window: { ar: 'نافذة', en: 'Window' },
  theme: { ar: 'المظهر', en: 'Theme' },
  language: { ar: 'لغة الواجهة', en: 'Interface language' },
  quit: { ar: 'خروج', en: 'Quit' },
} satisfies Record<string, Label>;

const COMMAND_LABELS: Record<AppCommand, Label> = {
  'import-files': { ar: 'استيراد ملفات…', en: 'Import Files…' },
  'import-folder': { ar: 'استيراد مجلد…', en: 'Import Folder…' },
  'export-notes': { ar: 'تصدير الملاحظات…', en: 'Export Notes…' },
  backup: { ar: 'نسخ احتياطي…', en: 'Back Up…' },
  restore: { ar: 'استعادة نسخة…', en: 'Restore…' },
  undo: { ar: 'تراجع عن الحذف', en: 'Undo Delete' },
  find: { ar: 'بحث في المقال', en: 'Find in Article' },
  search: { ar: 'بحث في المكتبة', en: 'Search Library' },
  library: { ar: 'المكتبة', en: 'Library' },
  notebook: { ar: 'الدفتر', en: 'Notebook' },
  'language-ar': { ar: 'العربية', en: 'العربية (Arabic)' },
  'language-en': { ar: 'English (الإنجليزية)', en: 'English' },
  'theme-light': { ar: 'فاتح', en: 'Light' },
  'theme-sepia': { ar: 'بنّي', en: 'Sepia' },
  'theme-dark': { ar: 'داكن', en: 'Dark' },
  'font-bigger': { ar: 'تكبير الخط', en: 'Larger Text' },
  'font-smaller': { ar: 'تصغير الخط', en: 'Smaller Text' },
  'next-article': { ar: 'المقال التالي', en: 'Next Article' },
  'previous-article': { ar: 'المقال السابق', en: 'Previous Article' },
};

const ACCELERATORS: Partial<Record<AppCommand, string>> = {
  'import-files': 'CmdOrCtrl+O',
  'import-folder': 'CmdOrCtrl+Shift+O',
  find: 'CmdOrCtrl+F',
  search: 'CmdOrCtrl+K',
  library: 'CmdOrCtrl+L',
  'font-bigger': 'CmdOrCtrl+=',
  'font-smaller': 'CmdOrCtrl+-',
  'next-article': 'CmdOrCtrl+]',
  'previous-article': 'CmdOrCtrl+[',
};

/** The menu template for `language`; every non-role item calls `send` with its command. */
export function menuTemplate(
  language: MenuLanguage,
  send: (command: AppCommand) => void,
  devTools = false,
): MenuItemConstructorOptions[] {
  const item = (command: AppCommand, extra: Partial<MenuItemConstructorOptions> = {}): MenuItemConstructorOptions => ({
    label: COMMAND_LABELS[command][language],
    click: () => send(command),
    ...(ACCELERATORS[command] ? { accelerator: ACCELERATORS[command] } : {}),
    ...extra,
  });
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const radio = (command: AppCommand, checked: boolean) => item(command, { type: 'radio', checked });
  return [
    {
      label: L.file[language],
      submenu: [
        item('import-files'),
        item('import-folder'),
        sep,
        item('export-notes'),
        item('backup'),
        item('restore'),
        sep,
        { role: 'quit', label: L.quit[language] },
      ],
    },
    {
      label: L.edit[language],
      submenu: [
        item('undo'),
        sep,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        sep,
        item('find'),
        item('search'),
      ],
    },
    {
      label: L.view[language],
      submenu: [
        item('library'),
        item('notebook'),
        sep,
        {
          label: L.language[language],
          submenu: [radio('language-ar', language === 'ar'), radio('language-en', language === 'en')],
        },
        { label: L.theme[language], submenu: [item('theme-light'), item('theme-sepia'), item('theme-dark')] },
        sep,
        item('font-bigger'),
        item('font-smaller'),
        ...(devTools ? [sep, { role: 'toggleDevTools' } as MenuItemConstructorOptions] : []),
      ],
    },
    { label: L.go[language], submenu: [item('next-article'), item('previous-article')] },
    { label: L.window[language], role: 'windowMenu' },
  ];
}

/** Builds and installs the application menu for `language`. */
export function setupMenu(language: MenuLanguage, send: (command: AppCommand) => void, devTools: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(language, send, devTools)));
}
