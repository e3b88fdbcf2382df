import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The real 'electron' module only exports the binary's path; the handlers need ipcMain, faked here.
const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
      registered.set(channel, fn),
  },
}));

const { setupIpc } = await import('../../../electron/ipc/handlers');
const { FileGrants } = await import('../../../electron/files');
const { CHANNELS } = await import('../../../electron/ipc/contract');

const win = { isDestroyed: () => false, webContents: { id: 7 } };
const fromApp = { sender: { id: 7 }, senderFrame: { url: 'app://warraq/index.html', parent: null } };

function deps(over: Record<string, unknown> = {}) {
  return {
    getWindow: () => win as never,
    grants: new FileGrants(),
    openExternal: vi.fn(async () => true),
    showOpenFiles: vi.fn(async () => null),
    showOpenFolder: vi.fn(async () => null),
    showSave: vi.fn(async () => null),
    writeFile: vi.fn(async () => undefined),
    setMenuLanguage: vi.fn(),
    fetchUrl: vi.fn(async () => ({ ok: false as const, code: 'network' as const, message: 'offline' })),
    watchFolders: vi.fn(async () => []),
    allowWatchFolder: vi.fn(async () => undefined),
    ...over,
  };
}
const call = (channel: string, event: unknown, ...args: unknown[]) => registered.get(channel)!(event, ...args);

beforeEach(() => registered.clear());

describe('sender check', () => {
  it('registers one handler per invoked bridge method', () => {
    setupIpc(deps());
    expect([...registered.keys()].sort()).toEqual(
      Object.entries(CHANNELS)
        .filter(([k]) => k !== 'command' && k !== 'watchedFiles')
        .map(([, v]) => v)
        .sort(),
    );
  });
  it.each([
    ['another page origin', { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a file:// page', { sender: { id: 7 }, senderFrame: { url: 'file:///tmp/x.html', parent: null } }],
    ['a sub-frame', { sender: { id: 7 }, senderFrame: { url: 'app://warraq/index.html', parent: {} } }],
    ['another web contents', { sender: { id: 8 }, senderFrame: { url: 'app://warraq/index.html', parent: null } }],
    ['a destroyed frame', { sender: { id: 7 }, senderFrame: null }],
  ])('refuses every channel from %s', async (_name, event) => {
    const d = deps();
    setupIpc(d);
    for (const channel of registered.keys()) {
      await expect(call(channel, event, 'https://example.org/')).rejects.toThrow(/did not come from the Warraq window/);
    }
    expect(d.openExternal).not.toHaveBeenCalled();
    expect(d.setMenuLanguage).not.toHaveBeenCalled();
  });
});

describe('argument validation', () => {
  it('opens only validated links', async () => {
    const d = deps();
    setupIpc(d);
    await expect(call(CHANNELS.openExternal, fromApp, 'https://example.org/خبر')).resolves.toBe(true);
    await expect(call(CHANNELS.openExternal, fromApp, 'file:///etc/passwd')).rejects.toThrow(/only http and https/);
    expect(d.openExternal).toHaveBeenCalledTimes(1);
  });
  it('rejects a bad menu language and passes a good one on', async () => {
    const d = deps();
    setupIpc(d);
    await expect(call(CHANNELS.setMenuLanguage, fromApp, 'de')).rejects.toThrow(/language must be/);
    await call(CHANNELS.setMenuLanguage, fromApp, 'en');
    expect(d.setMenuLanguage).toHaveBeenCalledWith('en');
  });
  it('save returns false when cancelled and writes the bytes when a path is chosen', async () => {
    const writeFile = vi.fn(async () => undefined);
    const showSave = vi.fn().mockResolvedValueOnce(null).mockResolvedValueOnce('/home/قارئ/ملاحظات.md');
    setupIpc(deps({ writeFile, showSave }));
    const bytes = new TextEncoder().encode('ملاحظة');
    await expect(
      call(CHANNELS.save, fromApp, { suggestedName: 'ملاحظات.md', mime: 'text/markdown', bytes }),
    ).resolves.toBe(false);
    await expect(
      call(CHANNELS.save, fromApp, { suggestedName: 'ملاحظات.md', mime: 'text/markdown', bytes }),
    ).resolves.toBe(true);
    expect(writeFile).toHaveBeenCalledWith('/home/قارئ/ملاحظات.md', bytes);
    await expect(
      call(CHANNELS.save, fromApp, { suggestedName: '../../.bashrc', mime: 'text/plain', bytes }),
    ).rejects.toThrow(/plain file name/);
    expect(showSave).toHaveBeenCalledTimes(2);
  });
});

describe('files only from picks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warraq-ipc-'));
  mkdirSync(join(dir, 'أرشيف', 'قديم'), { recursive: true });
  const text = 'قال المتحدث باسم التحالف إن العمليات مستمرة.';
  writeFileSync(join(dir, 'أرشيف', 'خبر.txt'), text);
  writeFileSync(join(dir, 'أرشيف', 'قديم', 'خبر-٢.txt'), 'نص ثان');
  writeFileSync(join(dir, 'secret.txt'), 'ليس لك');

  it('walks a picked folder and reads its files by token, in chunks', async () => {
    setupIpc(deps({ showOpenFolder: async () => join(dir, 'أرشيف') }));
    const entries = (await call(CHANNELS.pickFolder, fromApp)) as { path: string; size: number; token: string }[];
    expect(entries.map((e) => e.path)).toEqual(['أرشيف/خبر.txt', 'أرشيف/قديم/خبر-٢.txt']);
    const first = entries[0]!;
    expect(first.size).toBe(Buffer.byteLength(text));
    const head = (await call(CHANNELS.readFile, fromApp, first.token, 0, 10)) as Uint8Array;
    const tail = (await call(CHANNELS.readFile, fromApp, first.token, 10, 1000)) as Uint8Array;
    expect(Buffer.concat([head, tail]).toString('utf8')).toBe(text);
  });
  it('refuses tokens it never handed out, and paths in place of tokens', async () => {
    setupIpc(deps());
    await expect(call(CHANNELS.readFile, fromApp, 'A'.repeat(24), 0, 10)).rejects.toThrow(/not picked by the user/);
    await expect(call(CHANNELS.readFile, fromApp, join(dir, 'secret.txt'), 0, 10)).rejects.toThrow(/not a file token/);
    await expect(call(CHANNELS.readFile, fromApp, 'A'.repeat(24), 0, 64 * 1024 * 1024)).rejects.toThrow(
      /length must be/,
    );
  });
  it('returns null when a dialog is cancelled', async () => {
    setupIpc(deps());
    await expect(call(CHANNELS.pickFiles, fromApp, { multiple: true, accept: ['.txt'] })).resolves.toBeNull();
    await expect(call(CHANNELS.pickFolder, fromApp)).resolves.toBeNull();
    await expect(call(CHANNELS.pickFiles, fromApp, { multiple: 'كثير' })).rejects.toThrow(/multiple must be a boolean/);
  });
});
