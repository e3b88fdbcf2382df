/**
 * Platform on top of the preload bridge (`window.warraq`). The only reader of the bridge in the renderer.
 * Files cross IPC in READ_CHUNK bytes at a time and are reassembled into a Blob here.
 */
import type { MenuLanguage, PickedEntry, WarraqBridge } from '../../electron/ipc/contract';
import type { AppCommand, FolderWatchDoor, NetRequest, NetResult, PickedFile, Platform, SaveRequest } from './platform';

declare global {
  interface Window {
    /** Present only inside the Electron app (exposed by electron/preload.ts). */
    warraq?: WarraqBridge;
  }
}

/** 4 MiB per IPC message: below the main process' 8 MiB cap, few enough round trips for a 50 MB file (13). */
export const READ_CHUNK = 4 * 1024 * 1024;

/** The bridge when running inside Electron; undefined in a plain browser tab. */
export function findBridge(): WarraqBridge | undefined {
  return typeof window === 'undefined' ? undefined : window.warraq;
}

/** Reads a picked file chunk by chunk. Rejects with the bridge's Error if a chunk fails or comes back short. */
export async function readWhole(bridge: WarraqBridge, entry: PickedEntry, chunk = READ_CHUNK): Promise<Blob> {
  const parts: Uint8Array[] = [];
  let offset = 0;
  while (offset < entry.size) {
    const bytes = await bridge.readFile(entry.token, offset, Math.min(chunk, entry.size - offset));
    if (bytes.byteLength === 0) throw new Error(`${entry.path}: the file became shorter while it was being read`);
    parts.push(bytes);
    offset += bytes.byteLength;
  }
  return new Blob(parts as BlobPart[]);
}

export class ElectronPlatform implements Platform {
  readonly kind = 'electron' as const;

  constructor(private readonly bridge: WarraqBridge) {}

  openExternal(url: string): Promise<boolean> {
    return this.bridge.openExternal(url).catch(() => false);
  }

  async pickFiles(options: { multiple: boolean; accept?: string[] }): Promise<PickedFile[] | null> {
    return this.toPicked(await this.bridge.pickFiles(options));
  }

  async pickFolder(): Promise<PickedFile[] | null> {
    return this.toPicked(await this.bridge.pickFolder());
  }

  async save(request: SaveRequest): Promise<boolean> {
    const bytes = new Uint8Array(await request.data.arrayBuffer());
    return this.bridge.save({ suggestedName: request.suggestedName, mime: request.mime, bytes });
  }

  async persistStorage(): Promise<boolean> {
    try {
      return (await navigator.storage?.persist?.()) ?? false;
    } catch {
      return false;
    }
  }

  onCommand(listener: (command: AppCommand) => void): () => void {
    return this.bridge.onCommand(listener);
  }

  /** Rebuilds the native menu in the interface language. Resolves false if the main process refused. */
  setMenuLanguage(language: MenuLanguage): Promise<boolean> {
    return this.bridge.setMenuLanguage(language).then(
      () => true,
      () => false,
    );
  }

  fetchUrl(request: NetRequest): Promise<NetResult> {
    return this.bridge.fetchUrl(request).catch((e: unknown) => ({
      ok: false as const,
      code: 'network' as const,
      message: (e as Error)?.message ?? String(e),
    }));
  }

  readonly folders: FolderWatchDoor = {
    choose: () => this.bridge.chooseWatchFolder(),
    watch: async (paths, since) => this.toPicked(await this.bridge.watchFolders(paths, since)) ?? [],
    onFiles: (listener) => this.bridge.onWatchedFiles((entries) => listener(this.toPicked(entries) ?? [])),
  };

  private toPicked(entries: PickedEntry[] | null): PickedFile[] | null {
    if (!entries) return null;
    return entries.map((entry) => ({ path: entry.path, size: entry.size, blob: () => readWhole(this.bridge, entry) }));
  }
}
