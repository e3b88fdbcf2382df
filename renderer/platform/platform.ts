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

import type { NetRequest, NetResult, WatchedFolder } from '../../electron/ipc/contract';

export type { NetErrorCode, NetRequest, NetResult, WatchedFolder } from '../../electron/ipc/contract';

/** Watched folders: only the desktop app has them (Platform.folders is undefined in a browser). */
export interface FolderWatchDoor {
  /** Native folder dialog; null when cancelled. */
  choose(): Promise<WatchedFolder | null>;
  /** Watches exactly these folders; resolves with their files modified after `since` (ms; 0 for all). */
  watch(paths: string[], since: number): Promise<PickedFile[]>;
  /** Files added or changed in the watched folders while the app runs. Returns an unsubscribe function. */
  onFiles(listener: (files: PickedFile[]) => void): () => void;
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
  /**
   * Fetches an http(s) URL: in the desktop app through the main process (capped, no cookies); in a
   * browser with fetch, where the site allows cross-origin reads. Never rejects: a failure is a NetResult
   * with a code ('cors' when the site refuses a browser tab, 'offline', 'timeout', 'too-large', …).
   */
  fetchUrl(request: NetRequest): Promise<NetResult>;
  /** Watched folders; undefined where the platform has none (a browser tab). */
  readonly folders?: FolderWatchDoor;
}

/** Commands the native application menu can send to the renderer. */
export const APP_COMMANDS = [
  'import-files',
  'import-folder',
  'find',
  'search',
  'library',
  'notebook',
  'export-notes',
  'backup',
  'restore',
  'language-ar',
  'language-en',
  'theme-light',
  'theme-sepia',
  'theme-dark',
  'font-bigger',
  'font-smaller',
  'next-article',
  'previous-article',
  'undo',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];
