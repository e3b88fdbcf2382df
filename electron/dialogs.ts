/**
 * Native open, folder and save dialogs, parented to the app window. Each returns null when the user
 * cancelled; the chosen paths go straight to files.ts grants, never back to the renderer as paths.
 */
import { dialog, type BrowserWindow, type FileFilter, type OpenDialogOptions } from 'electron';
import { extname } from 'node:path';
import type { PickFilesOptions } from './ipc/contract';
import { dialogExtensions } from './ipc/validate';

/** Absolute paths of the files the user chose; null when cancelled. */
export async function showOpenFiles(win: BrowserWindow | null, options: PickFilesOptions): Promise<string[] | null> {
  const extensions = dialogExtensions(options.accept);
  // "jsonl.gz" style double extensions cannot be filters on every OS: filter on the last part.
  const filters: FileFilter[] = extensions.length
    ? [
        { name: 'Articles', extensions: [...new Set(extensions.map((e) => e.split('.').pop() as string))] },
        { name: '*', extensions: ['*'] },
      ]
    : [];
  const request: OpenDialogOptions = {
    properties: options.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
    filters,
  };
  const result = win ? await dialog.showOpenDialog(win, request) : await dialog.showOpenDialog(request);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
}

/** Absolute path of the folder the user chose; null when cancelled. */
export async function showOpenFolder(win: BrowserWindow | null): Promise<string | null> {
  const request: OpenDialogOptions = { properties: ['openDirectory'] };
  const result = win ? await dialog.showOpenDialog(win, request) : await dialog.showOpenDialog(request);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Absolute path the user chose to save to; null when cancelled. */
export async function showSave(win: BrowserWindow | null, suggestedName: string): Promise<string | null> {
  const ext = extname(suggestedName).slice(1);
  const request = { defaultPath: suggestedName, filters: ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [] };
  const result = win ? await dialog.showSaveDialog(win, request) : await dialog.showSaveDialog(request);
  return result.canceled || !result.filePath ? null : result.filePath;
}
