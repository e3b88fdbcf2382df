/**
 * Composition root of the main process: setup calls in boot order, nothing else.
 * Layout (dist/electron/main.cjs next to dist/renderer/) is fixed by scripts/build.mjs and electron-builder.yml.
 */
import { app } from 'electron';
import { join } from 'node:path';
import { showOpenFiles, showOpenFolder, showSave } from './dialogs';
import { FileGrants, writeChosenFile } from './files';
import { CHANNELS, type AppCommand, type MenuLanguage } from './ipc/contract';
import { setupIpc } from './ipc/handlers';
import { setupSingleInstance } from './lifecycle';
import { setupMenu } from './menu';
import { useSeparateProfile } from './profile';
import { registerAppScheme, setupProtocol } from './protocol';
import { openExternalSafely, setupSecurity } from './security';
import { guardStartup } from './startup-guard';
import { fetchLimited } from './net';
import { FolderWatcher } from './watch';
import { focusMainWindow, getMainWindow, setupMainWindow } from './window';

const sendCommand = (command: AppCommand): void => getMainWindow()?.webContents.send(CHANNELS.command, command);
const installMenu = (language: MenuLanguage): void => setupMenu(language, sendCommand, !app.isPackaged);

// The profile first: the single-instance lock lives in userData.
useSeparateProfile();
if (guardStartup() && setupSingleInstance(focusMainWindow)) {
  registerAppScheme();
  setupSecurity();
  void app
    .whenReady()
    .then(async () => {
      setupProtocol(join(__dirname, '..', 'renderer'));
      const grants = new FileGrants();
      const watcher = new FolderWatcher(
        grants,
        (files) => getMainWindow()?.webContents.send(CHANNELS.watchedFiles, files),
        join(app.getPath('userData'), 'watched-folders.json'),
      );
      setupIpc({
        getWindow: getMainWindow,
        grants,
        openExternal: openExternalSafely,
        showOpenFiles,
        showOpenFolder,
        showSave,
        writeFile: writeChosenFile,
        setMenuLanguage: installMenu,
        fetchUrl: (request) => fetchLimited(request),
        watchFolders: (paths, since) => watcher.set(paths, since),
        allowWatchFolder: (path) => watcher.allow(path),
      });
      installMenu('ar');
      await setupMainWindow(join(__dirname, 'preload.cjs'), app.getPath('userData'));
    })
    .catch((error: unknown) => {
      // A window that never loads stays hidden: say why and exit instead of lingering invisibly.
      console.error('Warraq could not start:', error);
      app.exit(1);
    });
}
