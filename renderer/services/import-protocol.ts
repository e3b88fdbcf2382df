/**
 * The messages between the import service (page) and the import worker, and the report both build.
 * Types only: the page and the worker bundle share them without sharing code.
 *
 * Flow: page → `start` (file count and bytes), then `file` messages (at most FILES_AHEAD files and
 * BYTES_AHEAD bytes outstanding, so Electron never holds a whole folder's bytes in memory), then `end`;
 * `cancel` at any time.
 * Worker → `progress` (throttled), `added` (the metas of each committed batch), `issue` (a failure or a skip),
 * `file-done` (credit for the next file), then exactly one `done` or `fatal`.
 */
import type { ArticleMeta } from '../core/model';

/** Why a file (or one record of it) was not imported; `reason` is plain English for the report. */
export type IssueCode =
  | 'empty'
  | 'binary'
  | 'no-text'
  | 'malformed' // parser verdicts (core/article/errors.ts)
  | 'too-large'
  | 'too-deep' // over import's limits (core/article/limits.ts)
  | 'csv-quote'
  | 'csv-cells' // a CSV row with a broken quote / a cell count unlike the header's (skipped)
  | 'bad-record' // one line/row of an archive (`line` says which); the rest of the file was imported
  | 'wrong-type' // the name says text/HTML but the bytes are something else (binary, an image…)
  | 'unsupported' // a file type Warraq does not read (skipped)
  | 'companion'
  | 'hidden'
  | 'system' // not articles at all (skipped): `_files/` folders, dot-files, Thumbs.db
  | 'truncated' // imported, but the page ends mid-way (no closing </html>): the text may be incomplete
  | 'renamed' // imported, read as another kind than its name says (a web page saved as .txt)
  | 'read' // the file could not be read (moved, permissions)
  | 'storage' // the database refused the batch (the file's other batches may be stored)
  | 'fetch' // a web page (feed item, saved link) could not be fetched and nothing else was left
  | 'feed-content' // imported from the feed item's own text: its page could not be fetched or read
  | 'edition'; // imported as another edition of a text already stored (another outlet or URL)

export type IssueKind = 'failed' | 'skipped' | 'warnings' | 'editionsOf';

export interface ImportIssue {
  path: string;
  code: IssueCode;
  reason: string;
  /** 1-based line (JSON Lines) or row (CSV) number for 'bad-record'. */
  line?: number;
  /** The file's extension without the dot, for 'unsupported'. */
  ext?: string;
  /** For 'edition': the stored article's title and the new edition's outlet. */
  title?: string;
  outlet?: string;
}

export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
  currentFile: string;
  imported: number;
  duplicates: number;
  /** Copies of stored texts from another outlet or URL, kept as editions. */
  editions?: number;
  /** Failures so far (files, plus bad records of archives). */
  failed: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface ImportReport {
  imported: number;
  /** The very same copy (text, outlet and URL) already stored: nothing added. */
  duplicates: number;
  /** Copies kept as another edition of a stored text (listed in `editionsOf`). */
  editions?: number;
  /** "Another edition of …": one entry per edition added (up to the list cap). */
  editionsOf?: ImportIssue[];
  failed: ImportIssue[];
  skipped: ImportIssue[];
  /** Imported, with something the user should know (truncated page, misleading name). */
  warnings: ImportIssue[];
  cancelled: boolean;
  /** Issues beyond the lists' cap (an archive full of bad lines): counted, not listed. */
  unlisted: number;
  /** `unlisted` by list (reports stored before this field count every unlisted issue as a failure). */
  unlistedBy?: Partial<Record<IssueKind, number>>;
  startedAt: number;
  finishedAt: number;
  /** Set when storage gave out (disk full, database closed) and the import stopped early. */
  error?: { problem: string; message: string };
}

/**
 * A web page the collect service fetched (a feed item, or a link the user saved), parsed in the worker
 * as a saved page (services/import-page.ts).
 */
export interface PageSource {
  url: string;
  /** The page's bytes; absent when it could not be fetched (then the feed item's own content is used). */
  bytes?: Uint8Array;
  /** The response's Content-Type (its charset wins over the page's <meta>, as in browsers). */
  contentType?: string;
  /** Why the page could not be fetched (plain English), for the report when nothing else is left. */
  fetchError?: string;
  /** A feed item: the feed's outlet name, and what the item itself says. */
  item?: { outlet: string; title?: string; html?: string; published?: string; author?: string };
}

export type ToWorker =
  /** `stories`: where to send each stored batch's BodiesMessage (story detection), when it runs. */
  | { type: 'start'; filesTotal: number; bytesTotal: number; importedAt: number; stories?: MessagePort }
  | { type: 'file'; index: number; path: string; blob: Blob }
  | { type: 'page'; index: number; path: string; page: PageSource }
  /** The page could not get the file's bytes (Electron read error): reported as a failure. */
  | { type: 'file-error'; index: number; path: string; reason: string }
  | { type: 'end' }
  | { type: 'cancel' };

export type FromWorker =
  | { type: 'progress'; progress: ImportProgress }
  /** The metas of a committed batch (their texts go to story detection on the `stories` port). */
  | { type: 'added'; metas: ArticleMeta[] }
  /** Metas of stored articles that gained an edition. */
  | { type: 'updated'; metas: ArticleMeta[] }
  | { type: 'issue'; kind: IssueKind; issue: ImportIssue }
  | { type: 'file-done'; index: number }
  | { type: 'done'; report: ImportReport }
  | { type: 'fatal'; message: string; problem?: string };

/**
 * How far the page runs ahead of the worker: enough small files that the worker never waits on a
 * message round trip (a folder of news .txt files), few enough bytes that Electron's whole-file reads
 * stay bounded. One file is always allowed, whatever its size.
 */
export const FILES_AHEAD = 64;
export const BYTES_AHEAD = 32 * 1024 * 1024;
