/**
 * Reads a backup file (plain or gzip, told apart by its first two bytes) as a stream of byte chunks,
 * verifies it whole with core's reader, and regroups its records into per-table chunks for restore.
 */
import { readBackup, verifyBackup, isGzip } from '../core/backup/reader';
import { BackupError, type BackupSummary } from '../core/backup/format';
import type { RecordChunk } from './backup-apply';
import { RestoreCancelled } from './backup-apply';
import { readAll } from './backup-write';
import { DEFAULT_CHUNK, type BackupTable } from '../storage/backup-repo';

export interface ReadOptions {
  signal?: AbortSignal;
  /** Bytes of the file read so far (compressed bytes for a gzip file) and its size. */
  onBytes?: (done: number, total: number) => void;
  /** Newest library schema this build can restore. */
  maxSchemaVersion: number;
}

/** The file's decompressed bytes, chunk by chunk; reports progress and checks the signal. */
async function* fileChunks(file: Blob, options: ReadOptions): AsyncGenerator<Uint8Array> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  let read = 0;
  const counted = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, ctl) {
      if (options.signal?.aborted) throw new RestoreCancelled();
      read += chunk.length;
      options.onBytes?.(read, file.size);
      ctl.enqueue(chunk);
    },
  });
  let stream = (file.stream() as ReadableStream<Uint8Array>).pipeThrough(counted);
  if (isGzip(head)) {
    let out = 0;
    // A decompression bomb: far more bytes out than any backup gives (JSON text compresses 3-5 times).
    const bomb = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, ctl) {
        out += chunk.length;
        if (out > BOMB_MIN_BYTES && out > read * BOMB_RATIO) throw new GzipBomb();
        ctl.enqueue(chunk);
      },
    });
    stream = stream.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>).pipeThrough(bomb);
  }
  try {
    yield* readAll(stream);
  } catch (e) {
    if (e instanceof RestoreCancelled || options.signal?.aborted) throw new RestoreCancelled();
    if (e instanceof GzipBomb) throw new BackupError('gzip-bomb', e.message);
    // A gzip stream cut short or damaged fails inside DecompressionStream with a TypeError.
    throw isGzip(head) ? new GzipDamaged((e as Error)?.message ?? String(e)) : e;
  }
}

const BOMB_RATIO = 100;
const BOMB_MIN_BYTES = 16 * 1024 * 1024;

class GzipBomb extends Error {
  constructor() {
    super(`The compressed file expands more than ${BOMB_RATIO} times: no backup does; it is refused as a possible decompression bomb.`);
  }
}

/** A gzip-compressed backup whose compressed bytes are damaged or cut off. */
export class GzipDamaged extends Error {
  constructor(detail: string) {
    super(`The compressed backup is damaged or incomplete (${detail}).`);
    this.name = 'GzipDamaged';
  }
}

/**
 * Reads the whole file and checks version, structure, every record's checksum, the counts and the
 * whole-file digest. Resolves to the summary; rejects with BackupError, GzipDamaged or RestoreCancelled.
 */
export function verifyFile(file: Blob, options: ReadOptions): Promise<BackupSummary> {
  return verifyBackup(fileChunks(file, options), { maxSchemaVersion: options.maxSchemaVersion });
}

/**
 * The file's records grouped into chunks of up to `size` rows of one table (a chunk ends when the
 * table changes). Checks as it goes: call `verifyFile` first.
 */
export async function* recordChunks(file: Blob, options: ReadOptions, size = DEFAULT_CHUNK): AsyncGenerator<RecordChunk> {
  let table: BackupTable | undefined;
  let rows: Record<string, unknown>[] = [];
  const records = readBackup(fileChunks(file, options), { maxSchemaVersion: options.maxSchemaVersion });
  for await (const r of records) {
    if ((r.table !== table || rows.length >= size) && rows.length) {
      yield { table: table!, rows };
      rows = [];
    }
    table = r.table;
    rows.push(r.data as unknown as Record<string, unknown>);
  }
  if (rows.length) yield { table: table!, rows };
}
