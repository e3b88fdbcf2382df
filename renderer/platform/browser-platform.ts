/**
 * The Platform in a plain browser tab (`npm run web`, and the end-to-end tests): file inputs for
 * picking, a download for saving, `navigator.storage.persist()` for durable storage.
 */
import type { AppCommand, NetRequest, NetResult, PickedFile, Platform, SaveRequest } from './platform';
import { browserFetch } from './browser-fetch';

/** Wraps a File the user gave us (picker or drop). */
export function pickedFromFile(
  file: File,
  path = (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name,
): PickedFile {
  return { path, size: file.size, blob: async () => file };
}

function chooseFiles(options: { multiple: boolean; accept?: string[]; directory?: boolean }): Promise<File[] | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = options.multiple;
    if (options.directory) input.webkitdirectory = true;
    if (options.accept?.length) input.accept = options.accept.join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files ? [...input.files] : null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

export class BrowserPlatform implements Platform {
  readonly kind = 'browser' as const;

  async openExternal(url: string): Promise<boolean> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
    // noopener+noreferrer: the opened page gets no handle on the reader.
    window.open(parsed.href, '_blank', 'noopener,noreferrer');
    return true;
  }

  async pickFiles(options: { multiple: boolean; accept?: string[] }): Promise<PickedFile[] | null> {
    const files = await chooseFiles(options);
    return files ? files.map((f) => pickedFromFile(f, f.name)) : null;
  }

  async pickFolder(): Promise<PickedFile[] | null> {
    const files = await chooseFiles({ multiple: true, directory: true });
    return files ? files.map((f) => pickedFromFile(f)) : null;
  }

  async save(request: SaveRequest): Promise<boolean> {
    const url = URL.createObjectURL(request.data);
    const a = document.createElement('a');
    a.href = url;
    a.download = request.suggestedName;
    a.style.display = 'none';
    document.body.append(a);
    a.click();
    a.remove();
    // Revoking at once can cancel the download in Chromium; a minute is ample.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return true;
  }

  async persistStorage(): Promise<boolean> {
    if (!navigator.storage?.persist) return false;
    if (await navigator.storage.persisted()) return true;
    return navigator.storage.persist();
  }

  async setMenuLanguage(_language: 'ar' | 'en'): Promise<boolean> {
    return true;
  }

  onCommand(_listener: (command: AppCommand) => void): () => void {
    return () => {};
  }

  fetchUrl(request: NetRequest): Promise<NetResult> {
    return browserFetch(request);
  }
}
