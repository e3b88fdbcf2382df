/**
 * File I/O for the bridge. The main process reads only files the user picked in a dialog: each pick
 * is recorded here under a random token, and `read` refuses any token it did not hand out. Folder
 * picks are walked without following symbolic links (a link cannot lead outside the picked folder).
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, lstat, writeFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { FOLDER_MAX_BYTES, FOLDER_MAX_FILES, type PickedEntry } from './ipc/contract';

/** Grants are capped (oldest forgotten first) so a long session cannot grow the map without bound. */
const MAX_GRANTS = 100_000;

export interface WalkLimits {
  maxFiles: number;
  maxBytes: number;
}

export class FileGrants {
  private readonly byToken = new Map<string, string>();

  /** Records an absolute path the user picked; returns the token the renderer will read it by. */
  grant(absolutePath: string): string {
    const token = randomBytes(18).toString('base64url');
    this.byToken.set(token, absolutePath);
    if (this.byToken.size > MAX_GRANTS) this.byToken.delete(this.byToken.keys().next().value as string);
    return token;
  }

  /** Number of paths currently granted. */
  get size(): number {
    return this.byToken.size;
  }

  /**
   * Up to `length` bytes at `offset` of the granted file (fewer at its end, none past it).
   * Throws an Error for a token this process never handed out.
   */
  async read(token: string, offset: number, length: number): Promise<Uint8Array> {
    const path = this.byToken.get(token);
    if (!path) throw new Error('readFile: this file was not picked by the user in this session');
    const handle = await open(path, 'r');
    try {
      // Allocate only what is left of the file: IPC clones the whole buffer behind a view, not just the view.
      const wanted = Math.max(0, Math.min(length, (await handle.stat()).size - offset));
      const buffer = new Uint8Array(wanted);
      const { bytesRead } = wanted > 0 ? await handle.read(buffer, 0, wanted, offset) : { bytesRead: 0 };
      return bytesRead === wanted ? buffer : buffer.slice(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  /** Entries for files the user picked in an open dialog (path = file name). Skips what is not a regular file. */
  async grantFiles(paths: readonly string[]): Promise<PickedEntry[]> {
    const entries: PickedEntry[] = [];
    for (const path of paths) {
      const info = await lstat(path).catch(() => null);
      if (info?.isFile()) entries.push({ path: basename(path), size: info.size, token: this.grant(path) });
    }
    return entries;
  }

  /**
   * Every regular file below `root`, with paths relative to the folder's parent ("folder/sub/a.txt").
   * Throws an Error naming the bound when the folder holds more than `limits` allow; nothing is granted then.
   */
  async grantFolder(root: string, limits: WalkLimits = { maxFiles: FOLDER_MAX_FILES, maxBytes: FOLDER_MAX_BYTES }): Promise<PickedEntry[]> {
    const found = await walk(root, limits);
    const parent = join(root, '..');
    return found.map(({ path, size }) => ({
      path: relative(parent, path).split(sep).join('/'),
      size,
      token: this.grant(path),
    }));
  }
}

async function walk(root: string, limits: WalkLimits): Promise<{ path: string; size: number }[]> {
  const files: { path: string; size: number }[] = [];
  let bytes = 0;
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(path);
      if (!entry.isFile()) continue; // symbolic links, sockets, devices: skipped
      const size = (await lstat(path)).size;
      files.push({ path, size });
      bytes += size;
      if (files.length > limits.maxFiles) throw new Error(`The folder holds more than ${limits.maxFiles} files; pick a smaller folder.`);
      if (bytes > limits.maxBytes) throw new Error(`The folder holds more than ${Math.round(limits.maxBytes / 2 ** 20)} MB; pick a smaller folder.`);
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Writes bytes to a path the user chose in a save dialog. Throws the file system's Error on failure. */
export async function writeChosenFile(path: string, bytes: Uint8Array): Promise<void> {
  await writeFile(path, bytes);
}
