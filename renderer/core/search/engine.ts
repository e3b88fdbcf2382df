/**
 * SearchIndex: the archive's search engine. Documents live in immutable compact segments (built
 * by buildSegment, persisted with encodeSegment) plus one small mutable "delta" segment that takes
 * new documents without a full rebuild; deletions are tombstones. Queries run segment by segment
 * (boolean match on postings → phrase/strict verification → lunr scoring with global idf) and the
 * per-segment top hits are merged. Pure: runs in a Web Worker or in Node.
 */
import type { SearchDoc, SearchHit, SearchOptions, SearchResponse } from './api';
import { buildSegment, type SegmentData } from './segment';
import { decodeSegment, encodeSegment } from './codec';
import { parseQuery, type ParsedQuery } from './query';
import { planQuery, type QueryPlan } from './plan';
import { matchSegment } from './match';
import { idf, rankSegment, segmentDf } from './score';
import { foldText } from '../arabic/normalize';

/** Segment size: SEARCH.md measured 4,000-doc segments at ~2 MB of heap per 1,000 docs. */
export const DEFAULT_SEGMENT_SIZE = 4000;
const DEFAULT_LIMIT = 200;

interface Segment {
  data: SegmentData;
  dead: Uint8Array;
  deadCount: number;
}

export interface SegmentInfo {
  /** Position in the index (stable until segments are replaced). */
  index: number;
  ids: readonly string[];
  deleted: number;
  delta: boolean;
}

const now = (): number => (globalThis as { performance?: { now(): number } }).performance?.now() ?? Date.now();

export class SearchIndex {
  private segments: Segment[] = [];
  private deltaDocs: SearchDoc[] = [];
  private delta: Segment | null = null;
  private where = new Map<string, { seg: Segment; local: number }>();

  constructor(private readonly segmentSize = DEFAULT_SEGMENT_SIZE) {}

  /** Builds an index from documents in segments of `segmentSize`. */
  static build(docs: readonly SearchDoc[], segmentSize = DEFAULT_SEGMENT_SIZE): SearchIndex {
    const index = new SearchIndex(segmentSize);
    for (let i = 0; i < docs.length; i += segmentSize) index.addSegment(buildSegment(docs.slice(i, i + segmentSize)));
    return index;
  }

  /** Loads persisted segments; throws Error('corrupt segment …') when one cannot be read. */
  static load(blobs: readonly Uint8Array[], segmentSize = DEFAULT_SEGMENT_SIZE): SearchIndex {
    const index = new SearchIndex(segmentSize);
    for (const b of blobs) {
      const { data, dead } = decodeSegment(b);
      index.addSegment(data, dead);
    }
    return index;
  }

  /** Adds a built segment (e.g. from a worker); ids already indexed elsewhere are replaced. */
  addSegment(data: SegmentData, dead: Uint8Array = new Uint8Array(data.ids.length)): void {
    const seg: Segment = { data, dead, deadCount: 0 };
    this.segments.push(seg);
    this.register(seg);
  }

  private register(seg: Segment): void {
    seg.data.ids.forEach((id, local) => {
      if (seg.dead[local]) return;
      this.tombstone(id);
      this.where.set(id, { seg, local });
    });
    seg.deadCount = seg.dead.reduce((s, x) => s + x, 0);
  }

  private tombstone(id: string): boolean {
    const at = this.where.get(id);
    if (!at) return false;
    at.seg.dead[at.local] = 1;
    at.seg.deadCount++;
    this.where.delete(id);
    return true;
  }

  /** Adds or replaces documents without a rebuild (they go to the delta segment). */
  add(docs: readonly SearchDoc[]): void {
    const fresh = new Set(docs.map((d) => d.id));
    this.deltaDocs = this.deltaDocs.filter((d) => !fresh.has(d.id)).concat(docs);
    for (const id of fresh) this.tombstone(id);
    this.rebuildDelta();
    if (this.deltaDocs.length >= this.segmentSize) {
      // Seal the delta as a regular segment and start an empty one.
      this.delta = null;
      this.deltaDocs = [];
    }
  }

  private rebuildDelta(): void {
    if (this.delta) {
      this.segments = this.segments.filter((s) => s !== this.delta);
      for (const id of this.delta.data.ids) this.where.delete(id);
    }
    this.delta = null;
    if (this.deltaDocs.length === 0) return;
    const seg: Segment = { data: buildSegment(this.deltaDocs), dead: new Uint8Array(this.deltaDocs.length), deadCount: 0 };
    this.segments.push(seg);
    this.delta = seg;
    this.register(seg);
  }

  /** Removes documents (tombstones); returns how many were indexed. */
  remove(ids: readonly string[]): number {
    let n = 0;
    const drop = new Set(ids);
    for (const id of ids) if (this.tombstone(id)) n++;
    if (this.deltaDocs.some((d) => drop.has(d.id))) {
      this.deltaDocs = this.deltaDocs.filter((d) => !drop.has(d.id));
      this.rebuildDelta();
    }
    return n;
  }

  /** True when the document is indexed and not deleted. */
  has(id: string): boolean {
    return this.where.has(id);
  }

  /** Number of live documents. */
  get size(): number {
    return this.where.size;
  }

  /** What each segment covers, for persistence and staleness checks. */
  segmentInfos(): SegmentInfo[] {
    return this.segments.map((s, index) => ({ index, ids: s.data.ids, deleted: s.deadCount, delta: s === this.delta }));
  }

  /** Serializes every segment (with its tombstones), in order; load() reads them back. */
  serialize(): Uint8Array[] {
    return this.segments.map((s) => encodeSegment(s));
  }

  /** Serializes one segment (see segmentInfos for indexes); throws RangeError for a bad index. */
  serializeSegment(index: number): Uint8Array {
    const s = this.segments[index];
    if (!s) throw new RangeError(`no segment ${index}`);
    return encodeSegment(s);
  }

  /** Compares the index with the archive: ids to index (`missing`) and ids to remove (`extra`). */
  staleness(archiveIds: Iterable<string>): { missing: string[]; extra: string[] } {
    const archive = new Set(archiveIds);
    const missing = [...archive].filter((id) => !this.where.has(id));
    const extra = [...this.where.keys()].filter((id) => !archive.has(id));
    return { missing, extra };
  }

  /** Runs a query (see query.ts for the language); never throws — bad input gives warnings. */
  search(query: string, options: SearchOptions = {}): SearchResponse {
    const t0 = now();
    const parsed = parseQuery(query);
    const plan = planQuery(parsed, options.strict === true);
    if (plan.groups.length === 0 && parsed.sources.length === 0 && !parsed.dateFrom && !parsed.dateTo) {
      return { total: 0, hits: [], warnings: parsed.warnings, tookMs: now() - t0 };
    }
    const limit = options.limit ?? DEFAULT_LIMIT;
    const { total, hits } = this.collect(parsed, plan, options, limit);
    return { total, hits, warnings: parsed.warnings, tookMs: now() - t0 };
  }

  private collect(parsed: ParsedQuery, plan: QueryPlan, options: SearchOptions, limit: number): { total: number; hits: SearchHit[] } {
    const within = options.within ? new Set(options.within) : null;
    const sources = parsed.sources.map((s) => foldText(s.toLowerCase()));
    const dfCache = new Map<string, number>();
    const ctx = { idf: (term: string) => this.globalIdf(term, dfCache), exists: (term: string) => this.globalDf(term, dfCache) > 0 };
    const byDate = options.sort === 'date';
    const found: Array<{ seg: SegmentData; d: number; score: number }> = [];
    let total = 0;
    for (const seg of this.segments) {
      const data = seg.data;
      const keep = (i: number): boolean =>
        !seg.dead[i] &&
        (!within || within.has(data.ids[i]!)) &&
        (!parsed.dateFrom || data.dates[i]! >= parsed.dateFrom) &&
        (!parsed.dateTo || (data.dates[i]! > 0 && data.dates[i]! <= parsed.dateTo)) &&
        (sources.length === 0 || sources.some((s) => foldText(data.outlets[i]!.toLowerCase()).includes(s)));
      const cands = matchSegment(data, plan, keep);
      total += cands.length;
      if (cands.length === 0) continue;
      const top = rankSegment(data, plan, cands, limit, byDate, ctx);
      top.docs.forEach((d, i) => found.push({ seg: data, d, score: top.scores[i]! }));
    }
    found.sort(byDate ? (a, b) => a.seg.dates[b.d]! - a.seg.dates[a.d]! || b.score - a.score : (a, b) => b.score - a.score);
    const hits = found.slice(0, limit).map(({ seg, d, score }) => {
      const hit: SearchHit = { id: seg.ids[d]!, score, title: seg.titles[d]!, outlet: seg.outlets[d]! };
      if (seg.published[d]) hit.published = seg.published[d]!;
      return hit;
    });
    return { total, hits };
  }

  private globalIdf(term: string, cache: Map<string, number>): number {
    const df = this.globalDf(term, cache);
    let docs = 0;
    for (const s of this.segments) docs += s.data.ids.length - s.deadCount;
    return idf(df, docs);
  }

  /** Document frequency over all segments (tombstoned docs still count until a rebuild). */
  private globalDf(term: string, cache: Map<string, number>): number {
    let df = cache.get(term);
    if (df !== undefined) return df;
    df = 0;
    for (const s of this.segments) {
      const t = s.data.terms.find(term);
      if (t >= 0) df += segmentDf(s.data, t);
    }
    cache.set(term, df);
    return df;
  }
}

