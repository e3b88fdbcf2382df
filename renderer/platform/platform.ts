/**
 * The renderer's only door to the operating system. Two implementations: `electron-platform.ts`
 * (the only reader of the preload bridge) and `browser-platform.ts` (a plain Chromium tab).
 * Services receive a `Platform`; nothing else in the renderer touches `window.warraq` or file APIs.
 */

/** One file the user chose (by dialog, folder picker or drop), readable as a Blob. */
export interface PickedFile {
  /** Path relative to what the user picked ("folder/sub/file.txt"), for reports and skip rules. */
  path: string;
  size: number;
  /** Resolves to the bytes; rejects with an Error whose message is fit for the user. */
  blob(): Promise<Blob>;
}

export interface SaveRequest {
  suggestedName: string;
  /** MIME type, e.g. "text/markdown;charset=utf-8". */
  mime: string;
  data: Blob;
}

export interface Platform {
  readonly kind: 'electron' | 'browser';
  /** Opens an http(s) URL in the system browser (never inside the app). Returns false if refused. */
  openExternal(url: string): Promise<boolean>;
  /** Files to import; null when the user cancelled. */
  pickFiles(options: { multiple: boolean; accept?: string[] }): Promise<PickedFile[] | null>;
  /** Every file below a folder the user picked, recursively; null when cancelled. */
  pickFolder(): Promise<PickedFile[] | null>;
  /** Saves data where the user says (dialog or download). Resolves false when cancelled. */
  save(request: SaveRequest): Promise<boolean>;
  /** Asks the browser to keep our storage when space runs low. Resolves whether it was granted. */
  persistStorage(): Promise<boolean>;
  /**
   * Subscribes to application-menu commands (Electron's menu; the browser has none and never calls back).
   * Returns an unsubscribe function.
   */
  onCommand(listener: (command: AppCommand) => void): () => void;
  /** Puts the native menu in the interface language (no-op in a browser). Resolves false if refused. */
  setMenuLanguage(language: 'ar' | 'en'): Promise<boolean>;
}

/** Commands the native application menu can send to the renderer. */
export const APP_COMMANDS = [
  'import-files', 'import-folder', 'find', 'search', 'library', 'notebook', 'export-notes', 'backup', 'restore',
  'language-ar', 'language-en', 'theme-light', 'theme-sepia', 'theme-dark', 'font-bigger', 'font-smaller',
  'next-article', 'previous-article', 'undo',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];
