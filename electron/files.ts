/**
 * File I/O for the bridge. The main process reads only files the user picked in a dialog: each pick
 * is recorded here under a random token, and `read` refuses any token it did not hand out. Folder
 * picks are walked without following symbolic links (a link cannot lead outside the picked folder).
 * A grant remembers which file it was (device and inode, from lstat at pick time); a read opens the path
 * without following a final symbolic link (O_NOFOLLOW where the OS has it) and checks, on the open handle,
 * that it is still that regular file — so swapping the file for a link after the pick reads nothing.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readdir, lstat, writeFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { FOLDER_MAX_BYTES, FOLDER_MAX_FILES, type PickedEntry } from './ipc/contract';

/** Grants are capped (oldest forgotten first) so a long session cannot grow the map without bound. */
const MAX_GRANTS = 100_000;

export interface WalkLimits {
  maxFiles: number;
  maxBytes: number;
}

/** What a grant knows of the picked file: where it was and which file it was (device, inode). */
interface Grant {
  path: string;
  dev: number;
  ino: number;
}

/** Open for reading, not following a final symbolic link (Windows has no O_NOFOLLOW: the identity check remains). */
const READ_NOFOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

export class FileGrants {
  private readonly byToken = new Map<string, Grant>();

  /** Records a regular file the user picked (its lstat identity); returns the token the renderer will read it by. */
  grant(absolutePath: string, identity: { dev: number; ino: number }): string {
    const token = randomBytes(18).toString('base64url');
    this.byToken.set(token, { path: absolutePath, dev: identity.dev, ino: identity.ino });
    if (this.byToken.size > MAX_GRANTS) this.byToken.delete(this.byToken.keys().next().value as string);
    return token;
  }

  /** Number of paths currently granted. */
  get size(): number {
    return this.byToken.size;
  }

  /**
   * Up to `length` bytes at `offset` of the granted file (fewer at its end, none past it).
   * Throws an Error for a token this process never handed out, and when the path no longer names the
   * regular file that was picked (replaced by a link or another file since).
   */
  async read(token: string, offset: number, length: number): Promise<Uint8Array> {
    const grant = this.byToken.get(token);
    if (!grant) throw new Error('readFile: this file was not picked by the user in this session');
    const handle = await open(grant.path, READ_NOFOLLOW).catch(() => {
      throw new Error('readFile: the picked file is gone or was replaced by a link; pick it again');
    });
    try {
      const info = await handle.stat();
      if (!info.isFile() || info.dev !== grant.dev || info.ino !== grant.ino) {
        throw new Error('readFile: the picked file was replaced since it was picked; pick it again');
      }
      // Allocate only what is left of the file: IPC clones the whole buffer behind a view, not just the view.
      const wanted = Math.max(0, Math.min(length, info.size - offset));
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
      if (info?.isFile()) entries.push({ path: basename(path), size: info.size, token: this.grant(path, info) });
    }
    return entries;
  }

  /**
   * Every regular file below `root`, with paths relative to the folder's parent ("folder/sub/a.txt").
   * Throws an Error naming the bound when the folder holds more than `limits` allow; nothing is granted then.
   */
  async grantFolder(
    root: string,
    limits: WalkLimits = { maxFiles: FOLDER_MAX_FILES, maxBytes: FOLDER_MAX_BYTES },
  ): Promise<PickedEntry[]> {
    const found = await walk(root, limits);
    const parent = join(root, '..');
    return found.map(({ path, size, dev, ino }) => ({
      path: relative(parent, path).split(sep).join('/'),
      size,
      token: this.grant(path, { dev, ino }),
    }));
  }
}

interface Found {
  path: string;
  size: number;
  dev: number;
  ino: number;
}

async function walk(root: string, limits: WalkLimits): Promise<Found[]> {
  const files: Found[] = [];
  let bytes = 0;
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(path);
      if (!entry.isFile()) continue; // symbolic links, sockets, devices: skipped
      const { size, dev, ino } = await lstat(path);
      files.push({ path, size, dev, ino });
      bytes += size;
      if (files.length > limits.maxFiles)
        throw new Error(`The folder holds more than ${limits.maxFiles} files; pick a smaller folder.`);
      if (bytes > limits.maxBytes)
        throw new Error(
          `The folder holds more than ${Math.round(limits.maxBytes / 2 ** 20)} MB; pick a smaller folder.`,
        );
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Writes bytes to a path the user chose in a save dialog. Throws the file system's Error on failure. */
export async function writeChosenFile(path: string, bytes: Uint8Array): Promise<void> {
  await writeFile(path, bytes);
}
