/**
 * Writes the backup format (see format.ts) as a stream of UTF-8 chunks: push records one at a
 * time, get bytes back, and only the current record is ever in memory.
 */
import { crc32, crcHex } from './crc32';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  emptyCounts,
  shapeProblem,
  type BackupCounts,
  type BackupHeader,
  type BackupRecord,
  type BackupTrailer,
} from './format';
import { Sha256 } from './sha256';
import { utf8Encode } from './utf8';

export interface BackupWriterOptions {
  schemaVersion: number;
  /** "Warraq 0.1.0". */
  app: string;
  /** ms since epoch (default: now). */
  createdAt?: number;
  /** Format version written (default BACKUP_VERSION; tests write older files). */
  version?: number;
}

const NEWLINE = 0x0a;

export class BackupWriter {
  private readonly hash = new Sha256();
  private readonly counts: BackupCounts = emptyCounts();
  private records = 0;
  private state: 'new' | 'open' | 'closed' = 'new';

  constructor(private readonly options: BackupWriterOptions) {}

  /** The header line's bytes. Call once, first (`add` calls it if you did not). */
  start(): Uint8Array {
    if (this.state !== 'new') throw new Error('BackupWriter: start() called twice');
    this.state = 'open';
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: this.options.version ?? BACKUP_VERSION,
      schemaVersion: this.options.schemaVersion,
      createdAt: new Date(this.options.createdAt ?? Date.now()).toISOString(),
      app: this.options.app,
    };
    return this.hashed(utf8Encode(JSON.stringify(header) + '\n'));
  }

  /**
   * One record's line as bytes (with the header line first if `start` was not called).
   * Throws BackupError('invalid-record') for a row that would not restore, rather than writing it.
   */
  add(record: BackupRecord): Uint8Array {
    const head = this.state === 'new' ? this.start() : undefined;
    if (this.state === 'closed') throw new Error('BackupWriter: add() after finish()');
    const problem = shapeProblem(record.table, record.data);
    if (problem) {
      throw new BackupError('invalid-record', `Cannot back up a row of ${record.table}: ${problem}.`, {
        table: record.table,
        record: this.records + 1,
      });
    }
    const table = utf8Encode(record.table);
    const data = utf8Encode(JSON.stringify(record.data));
    const crc = crcHex(crc32(data, crc32(table)));
    const prefix = utf8Encode(`{"t":"${record.table}","c":"${crc}","d":`);
    const line = new Uint8Array(prefix.length + data.length + 2);
    line.set(prefix, 0);
    line.set(data, prefix.length);
    line[line.length - 2] = 0x7d; // }
    line[line.length - 1] = NEWLINE;
    this.counts[record.table]++;
    this.records++;
    this.hashed(line);
    return head ? concat([head, line]) : line;
  }

  /** The trailer line's bytes (header first if the backup is empty); the writer is closed after. */
  finish(): Uint8Array {
    const head = this.state === 'new' ? this.start() : undefined;
    if (this.state === 'closed') throw new Error('BackupWriter: finish() called twice');
    this.state = 'closed';
    const trailer: BackupTrailer = {
      end: BACKUP_FORMAT,
      records: this.records,
      counts: { ...this.counts },
      sha256: this.hash.hex(),
    };
    const line = utf8Encode(JSON.stringify(trailer) + '\n');
    return head ? concat([head, line]) : line;
  }

  private hashed(bytes: Uint8Array): Uint8Array {
    this.hash.update(bytes);
    return bytes;
  }
}

/**
 * The whole backup as a stream of chunks of about `chunkSize` bytes (default 256 KiB), pulling
 * records from `records` as it goes. Throws what `BackupWriter.add` throws.
 */
export async function* writeBackup(
  options: BackupWriterOptions,
  records: Iterable<BackupRecord> | AsyncIterable<BackupRecord>,
  chunkSize = 256 * 1024,
): AsyncGenerator<Uint8Array, void, undefined> {
  const w = new BackupWriter(options);
  let parts: Uint8Array[] = [w.start()];
  let size = parts[0]!.length;
  for await (const r of records) {
    const line = w.add(r);
    parts.push(line);
    size += line.length;
    if (size >= chunkSize) {
      yield concat(parts);
      parts = [];
      size = 0;
    }
  }
  parts.push(w.finish());
  yield concat(parts);
}

/** One array holding `parts` in order. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
