/**
 * Writes the library as a backup file without ever holding it as one string: rows come from storage
 * 500 at a time in key order, go through core's streaming BackupWriter (~256 KiB chunks), optionally
 * through a streaming gzip (fflate, or CompressionStream), and become Blob parts of ≥ 1 MiB (Chromium
 * keeps large blobs on disk, so a 30,000-article backup does not sit in the JS heap).
 */
import { encryptStream } from './backup-crypto';
import { Gzip } from 'fflate';
import { writeBackup } from '../core/backup/writer';
import type { BackupCounts, BackupRecord } from '../core/backup/format';
import { BACKUP_TABLES, type BackupRepo } from '../storage/backup-repo';
import { RestoreCancelled } from './backup-apply';

export interface WriteOptions {
  gzip?: boolean;
  /**
   * Which gzip: fflate's streaming Gzip at `level` (default 6), or the platform's CompressionStream.
   * fflate level 6 makes the same file size and was faster in Chromium on a loaded 2-core machine
   * (8,000 corpus articles: 3.0 s vs 3.7 s; plain 1.5 s) — see test/bench/backup.bench.ts.
   */
  compressor?: 'stream' | 'fflate';
  level?: number;
  /** Encrypt the file (after gzip) to this passphrase as an age file (issue 13). */
  passphrase?: string;
  /** scrypt work factor for the passphrase (default age's 18). */
  scryptLogN?: number;
  signal?: AbortSignal;
  /** Called with records written so far and the total expected. */
  onProgress?: (done: number, total: number) => void;
  /** Rows per storage read (default 500). */
  chunkRows?: number;
  schemaVersion: number;
  app: string;
  now?: number;
}

export interface WrittenBackup {
  blob: Blob;
  counts: BackupCounts;
  records: number;
}

/** Every backed-up row as a record, table by table; checks the signal between chunks. */
async function* libraryRecords(repo: BackupRepo, options: WriteOptions, total: number): AsyncGenerator<BackupRecord> {
  let done = 0;
  for (const table of BACKUP_TABLES) {
    for await (const rows of repo.chunks(table, options.chunkRows)) {
      if (options.signal?.aborted) throw new RestoreCancelled();
      for (const data of rows) yield { table, data } as unknown as BackupRecord;
      done += rows.length;
      options.onProgress?.(done, total);
    }
  }
}

/**
 * The backup as a Blob. Rejects with RestoreCancelled when the signal aborts (nothing is saved), with
 * a StorageError when the database cannot be read, or with BackupError('invalid-record') for a row
 * that would not restore.
 */
export async function writeLibraryBackup(repo: BackupRepo, options: WriteOptions): Promise<WrittenBackup> {
  const counts = await repo.counts();
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  options.onProgress?.(0, total);
  const chunks = writeBackup(
    { schemaVersion: options.schemaVersion, app: options.app, createdAt: options.now },
    libraryRecords(repo, options, total),
  );
  const packed = !options.gzip
    ? chunks
    : options.compressor === 'stream'
      ? gzip(chunks)
      : gzipFflate(chunks, options.level ?? 6);
  const parts = await collect(options.passphrase ? encrypt(packed, options.passphrase, options.scryptLogN) : packed);
  const type = options.passphrase
    ? 'application/octet-stream'
    : options.gzip
      ? 'application/gzip'
      : 'application/x-ndjson';
  return { blob: new Blob(parts, { type }), counts, records: total };
}

/** The chunks encrypted as an age file, 64 KiB at a time, pulling input only as needed. */
async function* encrypt(
  chunks: AsyncIterable<Uint8Array>,
  passphrase: string,
  logN?: number,
): AsyncGenerator<Uint8Array> {
  yield* readAll(await encryptStream(toStream(chunks), passphrase, logN));
}

/**
 * Blob parts of at least 1 MiB: every `new Blob` is a round trip to the browser's blob registry, and
 * CompressionStream emits chunks of a few KiB — one Blob each made a 115 MB backup 4× slower.
 */
const PART_BYTES = 1 << 20;

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Blob[]> {
  const parts: Blob[] = [];
  let pending: Uint8Array[] = [];
  let size = 0;
  const flush = () => {
    if (size) parts.push(new Blob(pending as BlobPart[]));
    pending = [];
    size = 0;
  };
  for await (const c of chunks) {
    pending.push(c);
    size += c.length;
    if (size >= PART_BYTES) flush();
  }
  flush();
  return parts;
}

/** Gzips a stream of chunks with the platform's CompressionStream, pulling input only as needed. */
async function* gzip(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* readAll(
    toStream(chunks).pipeThrough(
      new CompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>,
    ),
  );
}

/** An async iterable as a pull stream (the next chunk is made only when the stream wants it). */
function toStream(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const it = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(ctl) {
      const next = await it.next();
      if (next.done) ctl.close();
      else ctl.enqueue(next.value);
    },
    async cancel() {
      await it.return?.();
    },
  });
}

/** Gzips with fflate's synchronous streaming Gzip (no stream plumbing; runs on this thread). */
async function* gzipFflate(chunks: AsyncIterable<Uint8Array>, level: number): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  const g = new Gzip({ level: level as 6 }, (data) => out.push(data));
  for await (const c of chunks) {
    g.push(c);
    if (out.length) yield* out.splice(0);
  }
  g.push(new Uint8Array(0), true);
  yield* out.splice(0);
}

/** A ReadableStream as an async iterable (Chromium before 124 lacks `for await` on streams). */
export async function* readAll(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
