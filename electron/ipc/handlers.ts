/**
 * One handler per bridge method. Every handler goes through `trusted()`: the sender must be the top
 * frame of our window showing an app://warraq page; then each argument passes its validate.ts guard;
 * only then is the OS touched. Invalid calls reject with the guard's message.
 */
import { basename } from 'node:path';
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { FileGrants } from '../files';
import {
  CHANNELS,
  type MenuLanguage,
  type NetRequest,
  type NetResult,
  type PickFilesOptions,
  type PickedEntry,
  type WatchedFolder,
} from './contract';
import {
  isAppUrl,
  validateExternalUrl,
  validateMenuLanguage,
  validateNetRequest,
  validatePickFilesOptions,
  validateReadRange,
  validateSaveArgs,
  validateToken,
  validateWatchFolders,
} from './validate';

/** The OS capabilities the handlers call, handed in by main.ts (tests hand in fakes). */
export interface HandlerDeps {
  getWindow(): BrowserWindow | null;
  grants: FileGrants;
  openExternal(url: string): Promise<boolean>;
  showOpenFiles(win: BrowserWindow | null, options: PickFilesOptions): Promise<string[] | null>;
  showOpenFolder(win: BrowserWindow | null): Promise<string | null>;
  showSave(win: BrowserWindow | null, suggestedName: string): Promise<string | null>;
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  setMenuLanguage(language: MenuLanguage): void;
  /** The network door (net.ts): http(s) only, capped, no cookies. */
  fetchUrl(request: NetRequest): Promise<NetResult>;
  /** Watched folders (watch.ts): replace the set, return files modified after `since`. */
  watchFolders(paths: string[], since: number): Promise<PickedEntry[]>;
  /** Records a folder the user chose in the dialog as watchable. */
  allowWatchFolder(path: string): Promise<void>;
}

/** Throws unless the event comes from the top frame of `win` while it shows an app://warraq page. */
export function assertTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): void {
  const frame = event.senderFrame;
  const ok =
    win !== null &&
    !win.isDestroyed() &&
    event.sender.id === win.webContents.id &&
    frame !== null &&
    frame.parent === null &&
    isAppUrl(frame.url);
  if (!ok) throw new Error('Refused: this request did not come from the Warraq window');
}

function trusted(channel: string, deps: HandlerDeps, handler: (...args: unknown[]) => Promise<unknown>): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    assertTrustedSender(event, deps.getWindow());
    return handler(...args);
  });
}

function registerFileHandlers(deps: HandlerDeps): void {
  trusted(CHANNELS.pickFiles, deps, async (options): Promise<PickedEntry[] | null> => {
    const paths = await deps.showOpenFiles(deps.getWindow(), validatePickFilesOptions(options));
    return paths ? deps.grants.grantFiles(paths) : null;
  });
  trusted(CHANNELS.pickFolder, deps, async (): Promise<PickedEntry[] | null> => {
    const folder = await deps.showOpenFolder(deps.getWindow());
    return folder ? deps.grants.grantFolder(folder) : null;
  });
  trusted(CHANNELS.readFile, deps, async (token, offset, length) => {
    const range = validateReadRange(offset, length);
    return deps.grants.read(validateToken(token), range.offset, range.length);
  });
  trusted(CHANNELS.save, deps, async (args) => {
    const { suggestedName, bytes } = validateSaveArgs(args);
    const path = await deps.showSave(deps.getWindow(), suggestedName);
    if (!path) return false;
    await deps.writeFile(path, bytes);
    return true;
  });
}

/** Registers every bridge handler on ipcMain. Call once, before the window loads. */
export function setupIpc(deps: HandlerDeps): void {
  trusted(CHANNELS.openExternal, deps, async (url) => deps.openExternal(validateExternalUrl(url)));
  trusted(CHANNELS.setMenuLanguage, deps, async (language) => {
    deps.setMenuLanguage(validateMenuLanguage(language));
  });
  registerFileHandlers(deps);
  trusted(CHANNELS.fetchUrl, deps, async (request) => deps.fetchUrl(validateNetRequest(request)));
  trusted(CHANNELS.chooseWatchFolder, deps, async (): Promise<WatchedFolder | null> => {
    const folder = await deps.showOpenFolder(deps.getWindow());
    if (!folder) return null;
    await deps.allowWatchFolder(folder);
    return { path: folder, name: basename(folder) };
  });
  trusted(CHANNELS.watchFolders, deps, async (paths, since) => {
    const v = validateWatchFolders(paths, since);
    return deps.watchFolders(v.paths, v.since);
  });
}
