// filesFromDrop (renderer/ui/import/drop.ts): folders are walked recursively, and an entry that fails to
// read right after the drop (Chromium may not serve a just-dropped folder yet) is read again.
import { describe, it, expect, vi } from 'vitest';
import { filesFromDrop } from '../../../renderer/ui/import/drop';

type Cb<T> = (v: T) => void;

function fileEntry(fullPath: string, failures = 0): FileSystemFileEntry {
  let left = failures;
  return {
    isFile: true,
    isDirectory: false,
    fullPath,
    file: (ok: Cb<File>, fail: Cb<Error>) => {
      if (left-- > 0) fail(new Error('NotFoundError'));
      else ok(new File(['x'], fullPath.split('/').pop()!));
    },
  } as unknown as FileSystemFileEntry;
}

function dirEntry(fullPath: string, children: FileSystemEntry[], failures = 0): FileSystemDirectoryEntry {
  let left = failures;
  return {
    isFile: false,
    isDirectory: true,
    fullPath,
    createReader: () => {
      let done = false;
      return {
        readEntries: (ok: Cb<FileSystemEntry[]>, fail: Cb<Error>) => {
          if (left > 0) {
            left--;
            fail(new Error('NotFoundError'));
          } else {
            ok(done ? [] : children);
            done = true;
          }
        },
      };
    },
  } as unknown as FileSystemDirectoryEntry;
}

function dropOf(...entries: FileSystemEntry[]): DataTransfer {
  return {
    items: entries.map((entry) => ({ kind: 'file', webkitGetAsEntry: () => entry, getAsFile: () => null })),
    files: [],
  } as unknown as DataTransfer;
}

describe('filesFromDrop', () => {
  it('walks a dropped folder recursively with paths relative to it', async () => {
    const dt = dropOf(
      dirEntry('/أرشيف', [fileEntry('/أرشيف/أ.txt'), dirEntry('/أرشيف/ب', [fileEntry('/أرشيف/ب/ج.txt')])]),
    );
    expect((await filesFromDrop(dt)).map((f) => f.path)).toEqual(['أرشيف/أ.txt', 'أرشيف/ب/ج.txt']);
  });

  it('reads again a folder or file that fails right after the drop', async () => {
    vi.useFakeTimers();
    try {
      const dt = dropOf(dirEntry('/d', [fileEntry('/d/late.txt', 1)], 2));
      const files = filesFromDrop(dt);
      await vi.runAllTimersAsync();
      expect((await files).map((f) => f.path)).toEqual(['d/late.txt']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves out an entry that never reads, keeping the others', async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const dt = dropOf(dirEntry('/broken', [], 99), fileEntry('/ok.txt'));
      const files = filesFromDrop(dt);
      await vi.runAllTimersAsync();
      expect((await files).map((f) => f.path)).toEqual(['ok.txt']);
      expect(warn).toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      vi.useRealTimers();
    }
  });
});
