/**
 * Files and folders dropped on the window → PickedFiles with paths relative to what was dropped
 * ("تقارير 2019/أيار/جسر الموصل.txt"). Folders are walked recursively through the entries API
 * (DataTransferItem.webkitGetAsEntry), which must be asked during the drop event itself.
 */
import type { PickedFile } from '../../platform/platform';

function picked(file: File, path: string): PickedFile {
  return { path, size: file.size, blob: async () => file };
}

/** All entries of a directory (readEntries answers in batches of up to 100 until it returns none). */
async function readAllEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const out: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
    if (!batch.length) return out;
    out.push(...batch);
  }
}

/** Attempts per entry: right after a drop, Chromium may not yet serve the dropped folder's entries. */
const ATTEMPTS = 3;
const RETRY_MS = 150;

/** `read` once more after a short wait when it fails, up to ATTEMPTS times in all. */
async function retried<T>(read: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await read();
    } catch (e) {
      if (i >= ATTEMPTS) throw e;
      await new Promise((r) => setTimeout(r, RETRY_MS * i));
    }
  }
}

async function walk(entry: FileSystemEntry, out: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await retried(() => new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej)));
    out.push(picked(file, entry.fullPath.replace(/^\/+/, '') || file.name));
  } else if (entry.isDirectory) {
    const children = await retried(() => readAllEntries(entry as FileSystemDirectoryEntry));
    for (const child of children) await walk(child, out);
  }
}

/**
 * Takes what a drop event carries. Call it synchronously inside the 'drop' handler; the returned
 * promise resolves with every file, folders walked. An entry that fails to read is tried again (a
 * folder dropped a moment ago may not be readable yet); one still unreadable is left out (logged),
 * never fatal: the caller tells the user when nothing at all could be read.
 */
export function filesFromDrop(dt: DataTransfer): Promise<PickedFile[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(dt.items ?? [])) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
    else {
      const f = item.getAsFile();
      if (f) loose.push(f);
    }
  }
  if (!entries.length && !loose.length) loose.push(...Array.from(dt.files ?? []));
  return (async () => {
    const out: PickedFile[] = loose.map((f) => picked(f, f.name));
    for (const e of entries) await walk(e, out).catch((err) => console.warn('import: could not read', e.fullPath, err));
    return out;
  })();
}

/** True when a drag carries files (not text or a link being dragged inside the page). */
export function dragHasFiles(e: DragEvent): boolean {
  return !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
}

/** True when a drag carries a link and no files (a URL dragged from a browser's address bar or page). */
export function dragHasLink(e: DragEvent): boolean {
  const types = e.dataTransfer ? Array.from(e.dataTransfer.types) : [];
  return !types.includes('Files') && types.includes('text/uri-list');
}
