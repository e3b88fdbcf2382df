/**
 * The bridge between the sandboxed renderer and the main process: its type, its channel names and the
 * constants both sides must agree on. This file imports nothing, so the preload, the main process and
 * (type-only) renderer/platform/electron-platform.ts can all share it.
 */

/** The custom protocol the renderer is served from (`app://warraq/index.html`), never `file://`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'warraq';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Commands the native application menu sends to the renderer. A copy of APP_COMMANDS in
 * renderer/platform/platform.ts (electron/ must not import renderer/); a unit test keeps the two equal.
 */
export const APP_COMMANDS = [
  'import-files', 'import-folder', 'find', 'search', 'library', 'notebook', 'export-notes', 'backup', 'restore',
  'language-ar', 'language-en', 'theme-light', 'theme-sepia', 'theme-dark', 'font-bigger', 'font-smaller',
  'next-article', 'previous-article', 'undo',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

export const MENU_LANGUAGES = ['ar', 'en'] as const;
export type MenuLanguage = (typeof MENU_LANGUAGES)[number];

/** One file the user picked: its path relative to the pick, its size, and the token `readFile` accepts. */
export interface PickedEntry {
  path: string;
  size: number;
  token: string;
}

export interface PickFilesOptions {
  multiple: boolean;
  /** Extensions (".txt") or MIME types ("text/html"); only extensions become dialog filters. */
  accept?: string[];
}

export interface SaveArgs {
  suggestedName: string;
  mime: string;
  bytes: Uint8Array;
}

/** Largest `readFile` chunk (8 MiB): a 50 MB file crosses IPC in several messages, never one. */
export const READ_CHUNK_MAX = 8 * 1024 * 1024;
/** Largest file `save` accepts in one message (256 MiB): backups of big libraries fit, runaway data does not. */
export const SAVE_MAX_BYTES = 256 * 1024 * 1024;
/** Folder picks stop with an error past these bounds rather than walking a whole disk. */
export const FOLDER_MAX_FILES = 20_000;
export const FOLDER_MAX_BYTES = 4 * 1024 * 1024 * 1024;
/** Longest URL handed to the system browser. */
export const EXTERNAL_URL_MAX = 2048;

/** What `window.warraq` holds. Every method rejects with an Error whose message says what was wrong. */
export interface WarraqBridge {
  /** Opens an http(s) URL in the system browser. Resolves false when the URL is refused. */
  openExternal(url: string): Promise<boolean>;
  /** Native open dialog; null when cancelled. */
  pickFiles(options: PickFilesOptions): Promise<PickedEntry[] | null>;
  /** Native folder dialog, walked recursively (bounded); null when cancelled. */
  pickFolder(): Promise<PickedEntry[] | null>;
  /** Up to READ_CHUNK_MAX bytes of a picked file; fewer (or none) at its end. Rejects for unknown tokens. */
  readFile(token: string, offset: number, length: number): Promise<Uint8Array>;
  /** Native save dialog, then writes the bytes. Resolves false when cancelled. */
  save(args: SaveArgs): Promise<boolean>;
  /** Rebuilds the application menu in this language. */
  setMenuLanguage(language: MenuLanguage): Promise<void>;
  /** Subscribes to application-menu commands; returns an unsubscribe function. */
  onCommand(listener: (command: AppCommand) => void): () => void;
}

/** The bridge's keys, in one list: the preload exposes exactly these and a test checks it. */
export const BRIDGE_KEYS = [
  'openExternal', 'pickFiles', 'pickFolder', 'readFile', 'save', 'setMenuLanguage', 'onCommand',
] as const satisfies readonly (keyof WarraqBridge)[];

/** IPC channel per invoked method, plus the one main→renderer channel for menu commands. */
export const CHANNELS = {
  openExternal: 'warraq:open-external',
  pickFiles: 'warraq:pick-files',
  pickFolder: 'warraq:pick-folder',
  readFile: 'warraq:read-file',
  save: 'warraq:save',
  setMenuLanguage: 'warraq:set-menu-language',
  command: 'warraq:command',
} as const satisfies Record<Exclude<keyof WarraqBridge, 'onCommand'> | 'command', string>;
