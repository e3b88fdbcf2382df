/**
 * Reads and checks the backup format (see format.ts) from a stream of chunks, holding only the
 * current line. Every problem is a BackupError with a plain message; `verifyBackup` runs the
 * whole file through the checks so a restore can refuse before it changes anything.
 */
import { crc32, crcHex } from './crc32';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  emptyCounts,
  isBackupTable,
  shapeProblem,
  type BackupCounts,
  type BackupHeader,
  type BackupRecord,
  type BackupSummary,
  type BackupTrailer,
} from './format';
import { Sha256 } from './sha256';
import { ConsistencyCheck } from './consistency';
import { upgradeRecord } from './upgrade';
import { utf8Decode, utf8Encode } from './utf8';
import { concat } from './writer';

export interface BackupReaderOptions {
  /** Newest Dexie schema this build can restore; a backup from a later schema is refused as newer. */
  maxSchemaVersion?: number;
}

const NEWLINE = new Uint8Array([0x0a]);
/** A header is ~150 bytes: a first line longer than this is some other file, not a backup. */
const MAX_HEADER = 64 * 1024;
/** No stored row comes near this; a longer line means a damaged or foreign file. */
const MAX_LINE = 64 * 1024 * 1024;
const RECORD_HEAD = /^\{"t":"([a-zA-Z]{1,20})","c":"([0-9a-f]{8})","d":/;

export class BackupReader {
  header?: BackupHeader;
  private trailer?: BackupTrailer;
  private readonly hash = new Sha256();
  private readonly counts: BackupCounts = emptyCounts();
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  private line = 0;
  private records = 0;
  private seenBytes = false;

  constructor(private readonly options: BackupReaderOptions = {}) {}

  /** Takes the next chunk and returns the records completed by it. Throws BackupError. */
  push(chunk: Uint8Array | string): BackupRecord[] {
    const bytes = typeof chunk === 'string' ? utf8Encode(chunk) : chunk;
    if (!this.seenBytes && bytes.length) {
      this.seenBytes = true;
      if (isGzip(bytes))
        throw new BackupError('compressed', 'This file is gzip-compressed; decompress it before reading the backup.');
    }
    const out: BackupRecord[] = [];
    let from = 0;
    for (let nl = bytes.indexOf(0x0a); nl >= 0; nl = bytes.indexOf(0x0a, from)) {
      const r = this.onLine(this.takeLine(bytes.subarray(from, nl)));
      if (r) out.push(r);
      from = nl + 1;
    }
    if (from < bytes.length) this.keep(bytes.subarray(from));
    return out;
  }

  /** Call after the last chunk: returns what the file holds, or throws (empty, truncated …). */
  end(): BackupSummary {
    if (this.pendingLength) {
      // A last line without its newline: a header or trailer is still read; a record is a cut-off one.
      const last = this.takeLine(new Uint8Array(0));
      const cut = parseJson(last) === undefined && (startsWith(last, '{"end":') || isCutHeader(last));
      if (!cut && (!this.header || this.trailer || startsWith(last, '{"end":'))) this.onLine(last);
      if (cut && !this.header) throw truncated(0);
    }
    if (!this.header) throw new BackupError('empty', 'The file is empty; it is not a Warraq backup.');
    if (!this.trailer) throw truncated(this.records);
    return { header: this.header, counts: { ...this.counts }, records: this.records, sha256: this.trailer.sha256 };
  }

  private keep(part: Uint8Array): void {
    this.pending.push(part.slice());
    this.pendingLength += part.length;
    const limit = this.header ? MAX_LINE : MAX_HEADER;
    if (this.pendingLength > limit) {
      if (!this.header) throw new BackupError('not-backup', 'This file is not a Warraq backup.');
      throw new BackupError(
        'too-long',
        `Record ${this.records + 1} is damaged: its line is longer than any record can be (over 64 MB).`,
        { record: this.records + 1, line: this.line + 1 },
      );
    }
  }

  private takeLine(tail: Uint8Array): Uint8Array {
    if (!this.pendingLength) return tail;
    const line = concat([...this.pending, tail]);
    this.pending = [];
    this.pendingLength = 0;
    return line;
  }

  private onLine(line: Uint8Array): BackupRecord | undefined {
    this.line++;
    if (this.trailer) {
      if (isBlank(line)) return undefined;
      throw new BackupError('after-end', 'The backup has data after its closing line.', { line: this.line });
    }
    if (!this.header) {
      if (isBlank(line)) return undefined; // blank lines before the header: still "empty" if nothing follows
      this.header = parseHeader(line, this.options);
      this.hash.update(line).update(NEWLINE);
      return undefined;
    }
    if (line[2] === 0x65 /* e */ && startsWith(line, '{"end":')) {
      this.trailer = this.checkTrailer(line);
      return undefined;
    }
    const record = this.parseRecord(line);
    this.hash.update(line).update(NEWLINE);
    return record;
  }

  private parseRecord(line: Uint8Array): BackupRecord {
    const n = ++this.records;
    const where = { record: n, line: this.line };
    const head = RECORD_HEAD.exec(String.fromCharCode(...line.subarray(0, 48)));
    if (head && !isBackupTable(head[1]) && line[line.length - 1] === 0x7d) {
      throw new BackupError(
        'unknown-table',
        `Record ${n} (line ${this.line}) belongs to a table this Warraq does not know ("${head[1]}").`,
        { ...where, table: head[1] },
      );
    }
    if (!head || !isBackupTable(head[1]) || line[line.length - 1] !== 0x7d) {
      throw new BackupError(
        'damaged-record',
        `Record ${n} (line ${this.line}) is damaged: it does not have the layout of a backup record.`,
        where,
      );
    }
    const table = head[1];
    const data = line.subarray(head[0].length, line.length - 1);
    if (crcHex(crc32(data, crc32(utf8Encode(table)))) !== head[2]) {
      throw new BackupError(
        'checksum',
        `Record ${n} (${table}, line ${this.line}) is damaged: its checksum does not match.`,
        { ...where, table },
      );
    }
    let row: unknown;
    try {
      row = JSON.parse(utf8Decode(data));
    } catch {
      throw new BackupError('not-json', `Record ${n} (${table}, line ${this.line}) is damaged: it is not valid JSON.`, {
        ...where,
        table,
      });
    }
    const problem = shapeProblem(table, row);
    if (problem)
      throw new BackupError(
        'invalid-record',
        `Record ${n} (${table}, line ${this.line}) is not a valid row: ${problem}.`,
        { ...where, table },
      );
    this.counts[table]++;
    return { table, data: row } as BackupRecord;
  }

  private checkTrailer(line: Uint8Array): BackupTrailer {
    const t = parseJson(line) as BackupTrailer | undefined;
    if (!t || t.end !== BACKUP_FORMAT || typeof t.records !== 'number' || !t.counts || typeof t.sha256 !== 'string') {
      throw new BackupError('damaged-record', `The backup's closing line (line ${this.line}) is damaged.`, {
        line: this.line,
      });
    }
    const countsMatch = Object.entries(this.counts).every(([k, v]) => (t.counts[k as keyof BackupCounts] ?? 0) === v);
    if (t.records !== this.records || !countsMatch) {
      throw new BackupError(
        'count-mismatch',
        `The backup should hold ${t.records} records but holds ${this.records}: some are missing or extra.`,
        { record: this.records },
      );
    }
    if (t.sha256 !== this.hash.hex()) {
      throw new BackupError(
        'digest',
        'The backup is damaged: its overall checksum (SHA-256) does not match its contents.',
      );
    }
    return t;
  }
}

/** The first 10+ bytes of our own header line, cut before its end. */
function isCutHeader(line: Uint8Array): boolean {
  const sign = `{"format":"${BACKUP_FORMAT}","version":`;
  return (
    line.length >= 10 &&
    startsWith(utf8Encode(sign), String.fromCharCode(...line.subarray(0, Math.min(line.length, sign.length))))
  );
}

function truncated(records: number): BackupError {
  return new BackupError(
    'truncated',
    `The backup is incomplete: it ends after record ${records} without its closing line (the file may have been cut off while it was written or copied).`,
    { record: records },
  );
}

function parseHeader(line: Uint8Array, options: BackupReaderOptions): BackupHeader {
  const h = parseJson(line) as Partial<BackupHeader> | undefined;
  if (!h || typeof h !== 'object' || h.format !== BACKUP_FORMAT)
    throw new BackupError('not-backup', 'This file is not a Warraq backup.');
  const v = h.version;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    throw new BackupError('bad-header', 'The backup header is damaged: its format version is not valid.');
  if (v > BACKUP_VERSION) {
    throw new BackupError(
      'newer-version',
      `This backup was made by a newer Warraq (format ${v}); update Warraq to restore it.`,
      { version: v },
    );
  }
  const s = h.schemaVersion;
  if (
    typeof s !== 'number' ||
    !Number.isInteger(s) ||
    s < 1 ||
    typeof h.createdAt !== 'string' ||
    typeof h.app !== 'string'
  ) {
    throw new BackupError('bad-header', 'The backup header is damaged: schema version, date or app is missing.');
  }
  if (options.maxSchemaVersion !== undefined && s > options.maxSchemaVersion) {
    throw new BackupError(
      'newer-version',
      `This backup was made by a newer Warraq (library schema ${s}); update Warraq to restore it.`,
      { version: v },
    );
  }
  return h as BackupHeader;
}

function parseJson(line: Uint8Array): unknown {
  try {
    return JSON.parse(utf8Decode(line));
  } catch {
    return undefined;
  }
}

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  if (bytes.length < ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

function isBlank(bytes: Uint8Array): boolean {
  return bytes.every((b) => b === 0x20 || b === 0x0d || b === 0x09 || b === 0x0a);
}

/** True when `bytes` starts with the gzip magic number (1f 8b). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

type Chunks = Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>;

/** Checks a whole backup without keeping its records; resolves to its summary or rejects with a BackupError. */
export async function verifyBackup(chunks: Chunks, options: BackupReaderOptions = {}): Promise<BackupSummary> {
  const reader = new BackupReader(options);
  const check = new ConsistencyCheck();
  let n = 0;
  for await (const c of chunks) {
    for (const r of reader.push(c)) {
      n++;
      for (const u of upgradeRecord(reader.header!.version, r)) check.add(u, n);
    }
  }
  const summary = reader.end();
  // Checksums and counts first (a damaged file says so), then whether the library it holds is whole.
  return { ...summary, dangling: check.finish() };
}

/**
 * Yields the records of a backup in file order (an older file's records upgraded: see upgrade.ts) and
 * returns its summary. It checks as it goes, so a damaged file throws part-way: run `verifyBackup`
 * over the file first and restore only after it.
 */
export async function* readBackup(
  chunks: Chunks,
  options: BackupReaderOptions = {},
): AsyncGenerator<BackupRecord, BackupSummary, undefined> {
  const reader = new BackupReader(options);
  for await (const c of chunks) for (const r of reader.push(c)) yield* upgradeRecord(reader.header!.version, r);
  return reader.end();
}
