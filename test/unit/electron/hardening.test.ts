// The main-process defences that are plain decisions: the packaged app's refusals (sandbox off, remote
// debugging), the separate dev/test profile, reloading after a renderer death, and the preload's
// user-gesture gate on openExternal.
import { describe, expect, it, vi } from 'vitest';

const invoked: unknown[][] = [];
let exposed: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
vi.mock('electron', () => ({
  app: {},
  dialog: {},
  contextBridge: {
    exposeInMainWorld: (_key: string, api: typeof exposed) => {
      exposed = api;
    },
  },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return true;
    },
    on: () => {},
    removeListener: () => {},
  },
}));
const { startupRefusal } = await import('../../../electron/startup-guard');
const { profileDir } = await import('../../../electron/profile');
const { CrashBudget, MAX_RELOADS, WINDOW_MS } = await import('../../../electron/recovery');

const input = (isPackaged: boolean, argv: string[], switches: string[] = []) => ({
  isPackaged,
  argv,
  hasSwitch: (s: string) => switches.includes(s),
});

describe('packaged app refuses to start weakened', () => {
  it('refuses without the sandbox (the AppImage adds --no-sandbox where user namespaces are refused), saying why', () => {
    const refusal = startupRefusal(input(true, ['/opt/Warraq/warraq', '--no-sandbox']));
    expect(refusal?.kind).toBe('no-sandbox');
    expect(refusal?.message).toContain('.deb');
    expect(refusal?.message).toContain('AppArmor');
    expect(refusal?.message).toMatch(/[\u0600-\u06FF]/); // Arabic first, then English
    expect(startupRefusal(input(true, ['/opt/Warraq/warraq'], ['no-sandbox']))?.kind).toBe('no-sandbox');
  });
  it('refuses a DevTools remote-debugging endpoint', () => {
    expect(startupRefusal(input(true, ['warraq', '--remote-debugging-port=9222']))?.kind).toBe('remote-debugging');
    expect(startupRefusal(input(true, ['warraq'], ['remote-debugging-pipe']))?.kind).toBe('remote-debugging');
  });
  it('lets a normal packaged start and any development run through', () => {
    expect(startupRefusal(input(true, ['/opt/Warraq/warraq', '--lang=ar']))).toBeNull();
    expect(startupRefusal(input(false, ['electron', '.', '--no-sandbox', '--remote-debugging-port=0']))).toBeNull();
  });
});

describe('profiles', () => {
  it('keeps development and test runs out of the real profile', () => {
    expect(profileDir(true, '/home/u/.config', { WARRAQ_PROFILE_DIR: '/tmp/x' })).toBeNull();
    expect(profileDir(false, '/home/u/.config', {})).toBe('/home/u/.config/Warraq-dev');
    expect(profileDir(false, '/home/u/.config', { WARRAQ_PROFILE_DIR: '/tmp/warraq-test-1' })).toBe(
      '/tmp/warraq-test-1',
    );
    expect(profileDir(false, '/home/u/.config', { WARRAQ_PROFILE_DIR: 'relative' })).toBe('/home/u/.config/Warraq-dev');
  });
});

describe('renderer death', () => {
  it(`reloads up to ${MAX_RELOADS} times a minute, then gives up`, () => {
    const budget = new CrashBudget();
    const answers = [0, 1, 2, 3].map((i) => budget.allowReload(1_000 + i));
    expect(answers).toEqual([true, true, true, false]);
    expect(budget.allowReload(1_000 + 3 + WINDOW_MS + 1)).toBe(true);
  });
});

describe('preload: openExternal needs a user gesture', () => {
  it('sends nothing without user activation, and sends with it', async () => {
    const activation = { isActive: false };
    vi.stubGlobal('navigator', { userActivation: activation });
    await import('../../../electron/preload');
    expect(await exposed.openExternal!('https://example.org/')).toBe(false);
    expect(invoked).toEqual([]);
    activation.isActive = true;
    expect(await exposed.openExternal!('https://example.org/')).toBe(true);
    expect(invoked).toEqual([['warraq:open-external', 'https://example.org/']]);
    vi.unstubAllGlobals();
  });
});
