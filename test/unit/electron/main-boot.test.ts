// Boots electron/main.ts against a recording fake of the electron module and checks the order that
// matters: scheme privileges and the sandbox before ready; protocol, IPC and menu before the window loads.
import { describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
let resolveReady: () => void = () => {};
const ready = new Promise<void>((r) => {
  resolveReady = r;
});
const lockHeld = true;

vi.mock('electron', () => {
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push(`${name}${args.length && typeof args[0] === 'string' ? ` ${args[0]}` : ''}`);
    };
  class BrowserWindow {
    webContents = { id: 1, send: record('send'), on: record('webContents.on') };
    options: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      this.options = options;
      calls.push(`new BrowserWindow sandbox=${(options.webPreferences as Record<string, unknown>).sandbox}`);
    }
    once() {}
    on() {}
    isDestroyed() {
      return false;
    }
    async loadURL(url: string) {
      calls.push(`loadURL ${url}`);
    }
  }
  return {
    app: {
      requestSingleInstanceLock: () => {
        calls.push('requestSingleInstanceLock');
        return lockHeld;
      },
      quit: record('quit'),
      on: record('app.on'),
      enableSandbox: record('enableSandbox'),
      whenReady: () => ready,
      isPackaged: false,
      getPath: (name: string) => `/nonexistent/${name}`,
      setPath: (name: string, value: string) => {
        calls.push(`setPath ${name} ${value}`);
      },
      commandLine: { hasSwitch: () => false, removeSwitch: record('removeSwitch') },
    },
    protocol: { registerSchemesAsPrivileged: record('registerSchemesAsPrivileged'), handle: record('protocol.handle') },
    session: {
      defaultSession: {
        on: record('session.on'),
        setPermissionRequestHandler: record('setPermissionRequestHandler'),
        setPermissionCheckHandler: record('setPermissionCheckHandler'),
      },
    },
    ipcMain: { handle: record('ipcMain.handle') },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: record('setApplicationMenu') },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    BrowserWindow,
    shell: {},
    dialog: {},
  };
});

describe('main.ts boot order', () => {
  it('prepares everything before ready, then serves, wires IPC and the menu before loading app://', async () => {
    await import('../../../electron/main');
    // A development run moves to its own profile before taking the single-instance lock (which lives there).
    expect(calls.slice(0, 4)).toEqual([
      'setPath userData /nonexistent/appData/Warraq-dev',
      'requestSingleInstanceLock',
      'app.on second-instance',
      'app.on window-all-closed',
    ]);
    expect(calls).toContain('registerSchemesAsPrivileged');
    expect(calls).toContain('enableSandbox');
    expect(calls).not.toContain('protocol.handle app');
    resolveReady();
    await vi.waitFor(() => expect(calls.some((c) => c.startsWith('loadURL'))).toBe(true));
    const at = (name: string) => calls.findIndex((c) => c.startsWith(name));
    expect(at('protocol.handle app')).toBeLessThan(at('loadURL'));
    expect(at('ipcMain.handle')).toBeLessThan(at('loadURL'));
    expect(at('setApplicationMenu')).toBeLessThan(at('loadURL'));
    expect(at('setPermissionRequestHandler')).toBeLessThan(at('loadURL'));
    expect(calls).toContain('new BrowserWindow sandbox=true');
    expect(calls).toContain('loadURL app://warraq/index.html');
    expect(calls).toContain('webContents.on render-process-gone');
    // One handler per invoked bridge method: every channel but the two main → renderer ones.
    const { CHANNELS } = await import('../../../electron/ipc/contract');
    const pushed: string[] = [CHANNELS.command, CHANNELS.watchedFiles];
    expect(calls.filter((c) => c.startsWith('ipcMain.handle'))).toHaveLength(
      Object.values(CHANNELS).filter((c) => !pushed.includes(c)).length,
    );
  });
});
