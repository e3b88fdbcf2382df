/**
 * Reads a backup file (plain or gzip, told apart by its first two bytes) as a stream of byte chunks,
 * verifies it whole with core's reader, and regroups its records into per-table chunks for restore.
 */
import { decryptStream, isAge, type FileKey } from './backup-crypto';
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
  /** The key of an encrypted (age) backup, from `fileKeyOf` (issue 13). */
  fileKey?: FileKey;
}

/** The file's decrypted and decompressed bytes, chunk by chunk; reports progress and checks the signal. */
async function* fileChunks(file: Blob, options: ReadOptions): AsyncGenerator<Uint8Array> {
  const encrypted = isAge(new Uint8Array(await file.slice(0, 32).arrayBuffer()));
  if (encrypted && !options.fileKey)
    throw new BackupError('not-decrypted', 'This backup is encrypted: its passphrase is needed to read it.');
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
  let gz = false;
  try {
    // Decrypted as it is read (age's 64 KiB chunks); the plaintext's first bytes say whether it is gzip.
    if (encrypted) stream = await decryptStream(stream, options.fileKey!);
    [gz, stream] = await peekGzip(stream);
  } catch (e) {
    throw readFailure(e, options, encrypted, false);
  }
  if (gz) {
    let out = 0;
    // A decompression bomb: far more bytes out than any backup gives (JSON text compresses 3-5 times).
    const bomb = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, ctl) {
        out += chunk.length;
        if (out > BOMB_MIN_BYTES && out > read * BOMB_RATIO) throw new GzipBomb();
        ctl.enqueue(chunk);
      },
    });
    stream = stream
      .pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>)
      .pipeThrough(bomb);
  }
  try {
    yield* readAll(stream);
  } catch (e) {
    throw readFailure(e, options, encrypted, gz);
  }
}

/** What a failure while reading means for the user. */
function readFailure(e: unknown, options: ReadOptions, encrypted: boolean, gz: boolean): Error {
  if (e instanceof RestoreCancelled || options.signal?.aborted) return new RestoreCancelled();
  if (e instanceof GzipBomb) return new BackupError('gzip-bomb', e.message);
  if (e instanceof BackupError) return e;
  const detail = (e as Error)?.message ?? String(e);
  // age authenticates every 64 KiB chunk: a changed or cut file fails here, before any row is used.
  if (encrypted)
    return new BackupError(
      'digest',
      `The encrypted backup is damaged: part of it fails its authentication (${detail}).`,
    );
  // A gzip stream cut short or damaged fails inside DecompressionStream with a TypeError.
  return gz ? new GzipDamaged(detail) : (e as Error);
}

/** Whether the stream starts with the gzip magic, and the same stream with its first chunk put back. */
async function peekGzip(stream: ReadableStream<Uint8Array>): Promise<[boolean, ReadableStream<Uint8Array>]> {
  const reader = stream.getReader();
  let first = await reader.read();
  while (!first.done && first.value.length < 2) {
    const next = await reader.read();
    first = next.done ? first : { done: false, value: concatBytes(first.value, next.value) };
    if (next.done) break;
  }
  const head = first.done ? new Uint8Array(0) : first.value;
  const again = new ReadableStream<Uint8Array>({
    start(ctl) {
      if (head.length) ctl.enqueue(head);
    },
    async pull(ctl) {
      const r = await reader.read();
      if (r.done) ctl.close();
      else ctl.enqueue(r.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return [isGzip(head), again];
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

const BOMB_RATIO = 100;
const BOMB_MIN_BYTES = 16 * 1024 * 1024;

class GzipBomb extends Error {
  constructor() {
    super(
      `The compressed file expands more than ${BOMB_RATIO} times: no backup does; it is refused as a possible decompression bomb.`,
    );
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
export async function* recordChunks(
  file: Blob,
  options: ReadOptions,
  size = DEFAULT_CHUNK,
): AsyncGenerator<RecordChunk> {
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
