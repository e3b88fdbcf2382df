/**
 * The search contract every layer codes against (engine in core/search, worker, service, UI).
 * The engine behind it is lunr with our Arabic pipeline and compact segments (see SEARCH.md).
 */
import type { TextRange } from '../model';

/** What the indexer reads of an article. Offsets in hits refer to `text`. */
export interface SearchDoc {
  id: string;
  title: string;
  outlet: string;
  /** ISO date or undefined; used by date filters and date sort. */
  published?: string;
  text: string;
  /** Body paragraphs inside `text` (the title range, if any, is excluded from these). */
  paragraphs: TextRange[];
}

export interface SearchOptions {
  /** Letters must match exactly (no folding, no stemming): for when spelling is the evidence. */
  strict?: boolean;
  /** Search only within these article ids ("search within results"). */
  within?: readonly string[];
  /**
   * Earlier queries every hit must match too ("search within results"): the whole earlier result set,
   * however many hits it has, narrowed by this query.
   */
  narrow?: readonly string[];
  sort?: 'relevance' | 'date';
  /** Maximum hits returned (the total is still counted). Default 200. */
  limit?: number;
}

export interface SearchHit {
  id: string;
  score: number;
  title: string;
  outlet: string;
  published?: string;
}

export interface SearchResponse {
  /** Number of matching articles. */
  total: number;
  hits: SearchHit[];
  /** Query parse problems a user should see ("unclosed quote"), empty when none. */
  warnings: string[];
  tookMs: number;
}

/** A snippet: a slice of the original text with the hit ranges inside it (offsets relative to `text`). */
export interface Snippet {
  text: string;
  /** Offset of `text` in the article's stored text. */
  offset: number;
  highlights: TextRange[];
}

export interface IndexStatus {
  state: 'empty' | 'loading' | 'building' | 'ready' | 'error';
  /** Articles indexed / to index while building. */
  done: number;
  total: number;
  message?: string;
}
