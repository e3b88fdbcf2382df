/**
 * Messages between the SearchService (main thread) and the search worker. Types only: the service
 * imports them type-only, so no worker code reaches the main bundle.
 */
import type { TextRange } from '../core/model';
import type { IndexStatus, SearchOptions, SearchResponse, Snippet } from '../core/search/api';

/** IndexStatus plus where the loaded index came from, for the status line and the tests. */
export interface SearchStatus extends IndexStatus {
  /** Documents loaded from IndexedDB at start-up (no rebuild needed for them). */
  loaded: number;
  /** Documents indexed by this session (rebuild, stale or new articles). */
  built: number;
  /** Live documents in the index that answers queries. */
  size: number;
  /** Segments in memory. */
  segments: number;
  /** Start-up load time of the persisted index (ms), 0 before it is known. */
  loadMs: number;
  /** Why the last (re)build ran: 'missing' | 'stale' | 'corrupt' | 'version' | 'forced' | ''. */
  reason: string;
  /** Duration of the last completed build (ms), 0 when none ran this session. */
  buildMs: number;
}

export type SearchRequest =
  | { type: 'search'; query: string; options: SearchOptions }
  | { type: 'snippets'; ids: string[]; query: string; strict: boolean }
  | { type: 'findAll'; id: string; query: string; strict: boolean }
  | { type: 'update'; added: string[]; removed: string[] }
  | { type: 'rebuild'; builders?: number };

export type SearchResult = SearchResponse | Record<string, Snippet> | TextRange[] | null;

/** main → worker */
export interface RequestMessage {
  seq: number;
  req: SearchRequest;
}

/** worker → main: an answer (`seq` of the request), or a status broadcast (`seq` 0). */
export type ReplyMessage =
  | { seq: number; ok: true; result: SearchResult }
  | { seq: number; ok: false; error: string; superseded?: boolean }
  | { seq: 0; status: SearchStatus };

/** The worker's side of the channel (a Worker, or an in-process fake in tests). */
export interface SearchPort {
  postMessage(msg: RequestMessage): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<ReplyMessage>) => void): void;
  terminate?(): void;
  /** A Worker reports a script that failed to load or threw at top level here. */
  onerror?: ((e: ErrorEvent) => void) | null;
}
