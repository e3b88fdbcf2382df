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

/**
 * The network door (feeds, save by link). The renderer names a URL; the main process fetches it with
 * Node's fetch — http(s) only, no cookies or credentials, a size cap, a time-out and a redirect cap —
 * and hands back bytes or a coded failure. The renderer never holds a socket.
 */
export interface NetRequest {
  url: string;
  /** Conditional request validators from the previous fetch of this URL. */
  etag?: string;
  lastModified?: string;
  /** What the caller expects, for the Accept header. */
  accept?: 'feed' | 'page';
  /** Lower than the defaults only (NET_MAX_BYTES, NET_TIMEOUT_MS). */
  maxBytes?: number;
  timeoutMs?: number;
}

export type NetErrorCode = 'scheme' | 'timeout' | 'too-large' | 'redirects' | 'http' | 'network' | 'cors' | 'offline';

export type NetResult =
  | {
      ok: true;
      /** The final URL, after redirects. */
      url: string;
      status: number;
      /** True for 304 Not Modified (no bytes). */
      notModified: boolean;
      contentType?: string;
      etag?: string;
      lastModified?: string;
      bytes: Uint8Array;
    }
  | { ok: false; code: NetErrorCode; status?: number; message: string };

export const NET_MAX_BYTES = 10 * 1024 * 1024;
export const NET_TIMEOUT_MS = 15_000;
export const NET_MAX_REDIRECTS = 5;
export const NET_URL_MAX = 4096;

/**
 * Watched folders (desktop): files added or changed below them are imported on their own. The main
 * process keeps the list it was last given and reports files as PickedEntries (readable by token).
 */
export interface WatchedFolder {
  path: string;
  /** Display name (the folder's own name). */
  name: string;
}

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
  /** Fetches an http(s) URL in the main process under the NET_* limits; never rejects for network failures. */
  fetchUrl(request: NetRequest): Promise<NetResult>;
  /** Native folder dialog for a folder to watch; null when cancelled. */
  chooseWatchFolder(): Promise<WatchedFolder | null>;
  /**
   * Replaces the watched folders and returns the files in them modified after `since` (ms since
   * epoch; 0 for all): the rescan at start and when the window regains focus.
   */
  watchFolders(paths: string[], since: number): Promise<PickedEntry[]>;
  /** Subscribes to files added or changed in watched folders while the app runs. */
  onWatchedFiles(listener: (files: PickedEntry[]) => void): () => void;
}

/** The bridge's keys, in one list: the preload exposes exactly these and a test checks it. */
export const BRIDGE_KEYS = [
  'openExternal',
  'pickFiles',
  'pickFolder',
  'readFile',
  'save',
  'setMenuLanguage',
  'onCommand',
  'fetchUrl',
  'chooseWatchFolder',
  'watchFolders',
  'onWatchedFiles',
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
  fetchUrl: 'warraq:fetch-url',
  chooseWatchFolder: 'warraq:choose-watch-folder',
  watchFolders: 'warraq:watch-folders',
  watchedFiles: 'warraq:watched-files',
} as const satisfies Record<
  Exclude<keyof WarraqBridge, 'onCommand' | 'onWatchedFiles'> | 'command' | 'watchedFiles',
  string
>;
