/** Row types of the collect tables (schema v5, db.ts): feeds, the items they brought, import history, watched folders. */

export type FeedErrorCode =
  | 'timeout'
  | 'http'
  | 'malformed'
  | 'not-a-feed'
  | 'too-large'
  | 'redirects'
  | 'network'
  | 'cors'
  | 'scheme'
  | 'offline'
  | 'empty'
  | 'binary';

export interface FeedError {
  code: FeedErrorCode;
  /** HTTP status for 'http' (404, 500…). */
  status?: number;
  /** Plain English detail (the interface shows a translated line by code, this as detail). */
  message: string;
  at: number;
}

export interface FeedRow {
  /** The feed's URL as subscribed (after autodiscovery): also its key. */
  id: string;
  url: string;
  /** The outlet name new items are stored under (the feed's title, or the host). */
  title: string;
  siteUrl?: string;
  addedAt: number;
  /** Validators for conditional requests. */
  etag?: string;
  lastModified?: string;
  /** When the feed was last asked for, and when it last answered well. */
  lastFetched?: number;
  lastOk?: number;
  lastError?: FeedError;
  /** Failures in a row; the backoff grows with them. */
  failures: number;
  /** Scheduled refreshes skip the feed until then (backoff after errors). */
  retryAt?: number;
  /** Articles the last refresh added, and all it ever added. */
  lastNew?: number;
  collected?: number;
}

export interface FeedItemRow {
  feedId: string;
  /** itemKey(): "id:…", "link:…" or "title:…|date". */
  key: string;
  /** The article page's URL ('' when the item has none), a second key against duplicates. */
  link: string;
  seenAt: number;
}

export type ImportOrigin = 'files' | 'folder' | 'drop' | 'link' | 'feed' | 'watch';

export interface ImportHistoryRow {
  id?: number;
  at: number;
  origin: ImportOrigin;
  /** What was imported, for the list: a folder or feed name, a URL, a file count. */
  label: string;
  imported: number;
  duplicates: number;
  failed: number;
}

export interface WatchedFolderRow {
  path: string;
  name: string;
  addedAt: number;
  /** Files modified after this (ms) are imported by the next rescan. */
  scannedAt: number;
}
