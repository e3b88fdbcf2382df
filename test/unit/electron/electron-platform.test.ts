import { describe, expect, it, vi } from 'vitest';
import type { PickedEntry, WarraqBridge } from '../../../electron/ipc/contract';
import { ElectronPlatform, readWhole } from '../../../renderer/platform/electron-platform';

const article = new TextEncoder().encode(
  'الرياض — أعلن التحالف اليوم عن مبادرة جديدة لدعم الصحافة المحلية. '.repeat(40),
);

function fakeBridge(over: Partial<WarraqBridge> = {}): WarraqBridge & { reads: [number, number][] } {
  const reads: [number, number][] = [];
  return {
    reads,
    openExternal: async () => true,
    pickFiles: async () => [{ path: 'خبر.txt', size: article.byteLength, token: 't'.repeat(24) }],
    pickFolder: async () => null,
    readFile: async (_token, offset, length) => {
      reads.push([offset, length]);
      return article.slice(offset, offset + length);
    },
    save: async () => true,
    setMenuLanguage: async () => undefined,
    onCommand: () => () => {},
    fetchUrl: async () => ({ ok: false, code: 'network', message: 'not in this test' }),
    chooseWatchFolder: async () => null,
    watchFolders: async () => [],
    onWatchedFiles: () => () => {},
    ...over,
  };
}

describe('ElectronPlatform', () => {
  it('assembles a picked file from chunks into a Blob', async () => {
    const bridge = fakeBridge();
    const files = await new ElectronPlatform(bridge).pickFiles({ multiple: false });
    expect(files).toHaveLength(1);
    const text = await (await files![0]!.blob()).text();
    expect(text).toBe(new TextDecoder().decode(article));
    const chunked = await readWhole(bridge, { path: 'خبر.txt', size: article.byteLength, token: 't'.repeat(24) }, 1000);
    expect(chunked.size).toBe(article.byteLength);
    expect(bridge.reads.slice(1).every(([, length]) => length <= 1000)).toBe(true);
    expect(bridge.reads.length).toBe(1 + Math.ceil(article.byteLength / 1000));
  });
  it('continues after a short read and fails clearly when the file shrank', async () => {
    const entry: PickedEntry = { path: 'مجلد/خبر.txt', size: 10, token: 't'.repeat(24) };
    const short = fakeBridge({
      readFile: async (_t, offset, length) => article.slice(offset, offset + Math.min(length, 3)),
    });
    expect((await readWhole(short, entry)).size).toBe(10);
    const shrunk = fakeBridge({ readFile: async () => new Uint8Array(0) });
    await expect(readWhole(shrunk, entry)).rejects.toThrow('مجلد/خبر.txt: the file became shorter');
  });
  it('returns null on cancel and passes save bytes through', async () => {
    const save = vi.fn(async () => false);
    const platform = new ElectronPlatform(fakeBridge({ pickFiles: async () => null, save }));
    expect(await platform.pickFiles({ multiple: true })).toBeNull();
    const data = new Blob(['# ملاحظات']);
    expect(await platform.save({ suggestedName: 'ملاحظات.md', mime: 'text/markdown', data })).toBe(false);
    expect(save).toHaveBeenCalledWith({
      suggestedName: 'ملاحظات.md',
      mime: 'text/markdown',
      bytes: new TextEncoder().encode('# ملاحظات'),
    });
  });
  it('turns a refused link or menu language into false instead of a rejection', async () => {
    const platform = new ElectronPlatform(
      fakeBridge({
        openExternal: async () => {
          throw new Error('Refused');
        },
        setMenuLanguage: async () => {
          throw new Error('bad language');
        },
      }),
    );
    expect(await platform.openExternal('file:///etc/passwd')).toBe(false);
    expect(await platform.setMenuLanguage('en')).toBe(false);
  });
});
