/**
 * The Warraq backup file, version 2: UTF-8 JSON Lines (gzip, if wanted, is the caller's layer).
 *
 *   {"format":"warraq-backup","version":2,"schemaVersion":5,"createdAt":"…","app":"Warraq 0.1.0"}
 *   {"t":"articles","c":"1c291ca3","d":{…ArticleMeta…}}
 *   {"t":"texts","c":"…","d":{…ArticleText…}}            … one line per record, any table order
 *   {"end":"warraq-backup","records":N,"counts":{"articles":…},"sha256":"…"}
 *
 * `c` is the CRC-32 of the table name's bytes followed by the bytes of `d` exactly as written, so a
 * flipped byte names its record. `sha256` covers every byte before the trailer line (header and
 * records with their newlines); the trailer's counts catch a dropped line, its absence a cut file.
 *
 * Version 2 (issue 12) adds the stories data model's source-of-truth tables: editions (every copy an
 * article was imported as), metaEdits (metadata corrections), outlets (display names and aliases),
 * storyDecisions (manual splits and merges) and feeds (subscriptions). Detected stories, their links
 * and the detector's features are derived and rebuilt after a restore, like the search index (see
 * docs/decisions/backup-restore.md). A version-1 file still restores: see upgrade.ts.
 */
import type {
  Annotation,
  ArticleMeta,
  ArticleText,
  Bookmark,
  Edition,
  MetaEdit,
  Outlet,
  ReadingState,
  Setting,
  StoryDecision,
} from '../model';

export const BACKUP_FORMAT = 'warraq-backup';
export const BACKUP_VERSION = 2;
/** Written in this order: articles before what points at them. */
export const BACKUP_TABLES = [
  'articles',
  'texts',
  'editions',
  'metaEdits',
  'outlets',
  'storyDecisions',
  'annotations',
  'bookmarks',
  'reading',
  'settings',
  'feeds',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** A subscription as the backup carries it (storage's FeedRow; core does not import storage). */
export interface FeedBackupRow {
  id: string;
  url: string;
  title: string;
  addedAt: number;
  [field: string]: unknown;
}

export interface BackupRows {
  articles: ArticleMeta;
  texts: ArticleText;
  editions: Edition;
  metaEdits: MetaEdit;
  outlets: Outlet;
  storyDecisions: StoryDecision;
  annotations: Annotation;
  bookmarks: Bookmark;
  reading: ReadingState;
  settings: Setting;
  feeds: FeedBackupRow;
}

/** One stored row and its table. */
export type BackupRecord = { [T in BackupTable]: { table: T; data: BackupRows[T] } }[BackupTable];

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** The Dexie schema version of the library it was made from. */
  schemaVersion: number;
  /** ISO 8601. */
  createdAt: string;
  /** "Warraq 0.1.0". */
  app: string;
}

export type BackupCounts = Record<BackupTable, number>;

export interface BackupTrailer {
  end: typeof BACKUP_FORMAT;
  records: number;
  counts: BackupCounts;
  sha256: string;
}

/** What a verified file holds. */
export interface BackupSummary {
  header: BackupHeader;
  counts: BackupCounts;
  records: number;
  sha256: string;
  /** Article ids that annotations or bookmarks point at but the backup lacks (a merge checks the library). */
  dangling?: { articleId: string; table: BackupTable; record: number }[];
}

export type BackupErrorCode =
  | 'empty'
  | 'not-backup'
  | 'compressed'
  | 'newer-version'
  | 'bad-header'
  | 'damaged-record'
  | 'checksum'
  | 'invalid-record'
  | 'truncated'
  | 'count-mismatch'
  | 'digest'
  | 'after-end'
  // issue 13: each problem keeps its own words
  | 'unknown-table'
  | 'too-long'
  | 'not-json'
  | 'gzip-bomb'
  | 'wrong-passphrase'
  | 'not-decrypted'
  | 'duplicate-id'
  | 'missing-text'
  | 'orphan-text'
  | 'dangling-ref';

/**
 * Every problem with a backup file. `code` is for the UI's own wording; `message` is a plain
 * English sentence; `record` (1-based, data records only), `line` and `table` say where.
 */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    readonly where: { record?: number; line?: number; table?: string; version?: number; id?: string } = {},
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

export function emptyCounts(): BackupCounts {
  return Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0])) as BackupCounts;
}

export function isBackupTable(t: unknown): t is BackupTable {
  return typeof t === 'string' && (BACKUP_TABLES as readonly string[]).includes(t);
}

/** The key a row is stored under in its table (the id, or articleId / key). */
export function recordKey(r: BackupRecord): string {
  switch (r.table) {
    case 'reading':
      return r.data.articleId;
    case 'settings':
      return r.data.key;
    default:
      return r.data.id;
  }
}

type Check = [field: string, kind: 'string' | 'number' | 'array' | 'object'];
const SHAPES: Record<BackupTable, Check[]> = {
  articles: [
    ['id', 'string'],
    ['title', 'string'],
    ['outlet', 'string'],
    ['importedAt', 'number'],
    ['tags', 'array'],
    ['source', 'object'],
  ],
  texts: [
    ['id', 'string'],
    ['text', 'string'],
    ['paragraphs', 'array'],
  ],
  annotations: [
    ['id', 'string'],
    ['articleId', 'string'],
    ['selectors', 'array'],
    ['note', 'string'],
    ['tags', 'array'],
    ['createdAt', 'number'],
    ['updatedAt', 'number'],
  ],
  bookmarks: [
    ['id', 'string'],
    ['articleId', 'string'],
    ['paragraph', 'number'],
    ['createdAt', 'number'],
  ],
  reading: [
    ['articleId', 'string'],
    ['paragraph', 'number'],
    ['fraction', 'number'],
    ['updatedAt', 'number'],
  ],
  settings: [['key', 'string']],
  editions: [
    ['id', 'string'],
    ['articleId', 'string'],
    ['outlet', 'string'],
    ['title', 'string'],
    ['source', 'object'],
    ['importedAt', 'number'],
  ],
  metaEdits: [
    ['id', 'string'],
    ['articleId', 'string'],
    ['field', 'string'],
    ['value', 'string'],
    ['at', 'number'],
  ],
  outlets: [
    ['id', 'string'],
    ['name', 'string'],
    ['aliases', 'array'],
  ],
  storyDecisions: [
    ['id', 'string'],
    ['kind', 'string'],
    ['left', 'array'],
    ['right', 'array'],
    ['at', 'number'],
  ],
  feeds: [
    ['id', 'string'],
    ['url', 'string'],
    ['title', 'string'],
    ['addedAt', 'number'],
  ],
};

/** The first missing or mistyped required field of a row, or undefined when the row is well formed. */
export function shapeProblem(table: BackupTable, data: unknown): string | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return 'not an object';
  const row = data as Record<string, unknown>;
  for (const [field, kind] of SHAPES[table]) {
    const v = row[field];
    const ok =
      kind === 'array' ? Array.isArray(v) : kind === 'object' ? !!v && typeof v === 'object' : typeof v === kind;
    if (!ok || (kind === 'number' && !Number.isFinite(v)))
      return `${field} should be ${kind === 'array' ? 'a list' : `a ${kind}`}`;
  }
  return undefined;
}
