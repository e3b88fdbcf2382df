/**
 * Runs in the sandboxed renderer before the page: exposes exactly the WarraqBridge as `window.warraq`
 * and nothing else (no ipcRenderer, no events objects). Menu commands are filtered to APP_COMMANDS.
 * openExternal is sent only while the page holds a user activation (a click or key press just happened):
 * the isolated world reads the frame's activation, which page scripts cannot fake.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { APP_COMMANDS, CHANNELS, type AppCommand, type PickedEntry, type WarraqBridge } from './ipc/contract';

const bridge: WarraqBridge = {
  openExternal: (url) =>
    navigator.userActivation?.isActive ? ipcRenderer.invoke(CHANNELS.openExternal, url) : Promise.resolve(false),
  pickFiles: (options) => ipcRenderer.invoke(CHANNELS.pickFiles, options),
  pickFolder: () => ipcRenderer.invoke(CHANNELS.pickFolder),
  readFile: (token, offset, length) => ipcRenderer.invoke(CHANNELS.readFile, token, offset, length),
  save: (args) => ipcRenderer.invoke(CHANNELS.save, args),
  setMenuLanguage: (language) => ipcRenderer.invoke(CHANNELS.setMenuLanguage, language),
  onCommand: (listener) => {
    const relay = (_event: unknown, command: unknown) => {
      if (APP_COMMANDS.includes(command as AppCommand)) listener(command as AppCommand);
    };
    ipcRenderer.on(CHANNELS.command, relay);
    return () => {
      ipcRenderer.removeListener(CHANNELS.command, relay);
    };
  },
  fetchUrl: (request) => ipcRenderer.invoke(CHANNELS.fetchUrl, request),
  chooseWatchFolder: () => ipcRenderer.invoke(CHANNELS.chooseWatchFolder),
  watchFolders: (paths, since) => ipcRenderer.invoke(CHANNELS.watchFolders, paths, since),
  onWatchedFiles: (listener) => {
    const relay = (_event: unknown, files: unknown) => {
      if (Array.isArray(files)) listener(files as PickedEntry[]);
    };
    ipcRenderer.on(CHANNELS.watchedFiles, relay);
    return () => {
      ipcRenderer.removeListener(CHANNELS.watchedFiles, relay);
    };
  },
};

contextBridge.exposeInMainWorld('warraq', bridge);
