/**
 * SearchIndex: the archive's search engine. Documents live in immutable compact segments over one
 * shared vocabulary (the Lexicon; format: compact.ts). A built segment (buildSegment, or one sent
 * by a builder worker) is adopted into the lexicon; add() indexes new documents as a new small
 * segment (no rebuild); remove() leaves tombstones; compact(), called when idle, merges small and
 * tombstoned segments without needing the article texts. Queries run segment by segment
 * (intersection of the query terms' postings → phrase/strict verification → lunr's scoring with
 * global idf) and the per-segment top hits are merged. Pure: runs in a Web Worker or in Node.
 */
import type { SearchDoc, SearchHit, SearchOptions, SearchResponse } from './api';
import { buildSegment, type BuiltSegment } from './segment';
import { compactSegment, decodeCompact, encodeCompact, postingCount, type CompactSegment } from './compact';
import { Lexicon } from './lexicon';
import { mergeSegments } from './merge';
import { nextMerge } from './tiers';
import { parseQuery, type ParsedQuery } from './query';
import { planQuery, type QueryPlan } from './plan';
import { matchSegment, QueryCache } from './match';
import { idf, rankSegment } from './score';
import { foldText } from '../arabic/normalize';

/** Segment size: SEARCH.md measured 4,000-doc segments at ~2 MB of heap per 1,000 docs. */
export const DEFAULT_SEGMENT_SIZE = 4000;
const DEFAULT_LIMIT = 200;

interface Segment {
  key: string;
  data: CompactSegment;
  dead: Uint8Array;
  deadCount: number;
}

export interface SegmentInfo {
  /** Stable name (persist each segment under it; compact() reports replaced keys). */
  key: string;
  /** Every document the segment covers, deleted ones included. */
  ids: readonly string[];
  /** Tombstoned documents (persist the segment again to keep them deleted after a reload). */
  deleted: number;
}

/** What compact() changed, for persistence: delete `removed` keys, then store `added` keys. */
export interface CompactResult {
  removed: string[];
  added: string[];
}

let keyCounter = 0;
const newKey = (): string =>
  `s${Date.now().toString(36)}-${(keyCounter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

const now = (): number => (globalThis as { performance?: { now(): number } }).performance?.now() ?? Date.now();

export class SearchIndex {
  private segments: Segment[] = [];
  private where = new Map<string, { seg: Segment; local: number }>();

  constructor(
    private readonly segmentSize = DEFAULT_SEGMENT_SIZE,
    readonly lexicon: Lexicon = new Lexicon(),
  ) {}

  /** Builds an index from documents in segments of `segmentSize`. */
  static build(docs: readonly SearchDoc[], segmentSize = DEFAULT_SEGMENT_SIZE): SearchIndex {
    const index = new SearchIndex(segmentSize);
    for (let i = 0; i < docs.length; i += segmentSize) index.adopt(buildSegment(docs.slice(i, i + segmentSize)));
    return index;
  }

  /**
   * Loads what serialize() wrote (the lexicon first, then the segments); throws
   * Error('corrupt …') when any blob cannot be read.
   */
  static load(blobs: readonly Uint8Array[], segmentSize = DEFAULT_SEGMENT_SIZE): SearchIndex {
    const { index, corrupt } = SearchIndex.loadTolerant(blobs, segmentSize);
    if (corrupt.length) throw new Error('corrupt segment');
    return index;
  }

  /**
   * Loads what can be read: corrupt segment blobs are skipped and their positions returned, so the
   * caller can rebuild just the documents staleness() then reports missing while search keeps
   * working. A corrupt lexicon (blob 0) makes every segment unreadable: throws.
   */
  static loadTolerant(
    blobs: readonly Uint8Array[],
    segmentSize = DEFAULT_SEGMENT_SIZE,
  ): { index: SearchIndex; corrupt: number[] } {
    const index = new SearchIndex(segmentSize, blobs.length ? Lexicon.decode(blobs[0]!) : new Lexicon());
    const corrupt: number[] = [];
    blobs.forEach((b, i) => {
      if (i === 0) return;
      try {
        const { data, dead, key } = decodeCompact(b);
        index.addSegment(data, dead, key || undefined);
      } catch {
        corrupt.push(i);
      }
    });
    return { index, corrupt };
  }

  /** Interns a built segment's words and adds it in compact form; returns its key. */
  adopt(built: BuiltSegment, dead: Uint8Array = new Uint8Array(built.ids.length), key: string = newKey()): string {
    return this.addSegment(compactSegment(built, this.lexicon), dead, key);
  }

  /**
   * Adds a compact segment and returns its key; ids already indexed elsewhere are replaced
   * (tombstoned there) — or, with `older`, the incoming copies are (loading newest first).
   * Throws Error('corrupt segment …') when it names words the lexicon does not have.
   */
  addSegment(
    data: CompactSegment,
    dead: Uint8Array = new Uint8Array(data.ids.length),
    key: string = newKey(),
    older = false,
  ): string {
    if (data.words > this.lexicon.size) throw new Error('corrupt segment: words missing from the lexicon');
    const seg: Segment = { key, data, dead, deadCount: 0 };
    this.segments.push(seg);
    this.register(seg, older);
    return key;
  }

  private register(seg: Segment, older: boolean): void {
    seg.data.ids.forEach((id, local) => {
      if (seg.dead[local]) return;
      if (older && this.where.has(id)) {
        seg.dead[local] = 1;
        return;
      }
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

  /**
   * Adds or replaces documents without a rebuild: they become new segment(s) (one per
   * segmentSize), whose keys are returned. Call compact() later to fold small segments together.
   */
  add(docs: readonly SearchDoc[]): string[] {
    const keys: string[] = [];
    for (let i = 0; i < docs.length; i += this.segmentSize)
      keys.push(this.adopt(buildSegment(docs.slice(i, i + this.segmentSize))));
    return keys;
  }

  /**
   * Drops a segment whose documents all live elsewhere now or are deleted (after a merge);
   * documents it still holds are removed from the index.
   */
  removeSegment(key: string): void {
    const seg = this.segments.find((s) => s.key === key);
    if (!seg) return;
    this.segments = this.segments.filter((s) => s !== seg);
    for (const id of seg.data.ids) if (this.where.get(id)?.seg === seg) this.where.delete(id);
  }

  /** Removes documents (tombstones); returns how many were indexed. */
  remove(ids: readonly string[]): number {
    let n = 0;
    for (const id of ids) if (this.tombstone(id)) n++;
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
    return this.segments.map((s) => ({ key: s.key, ids: s.data.ids, deleted: s.deadCount }));
  }

  /** The lexicon, then every segment (with its tombstones and key), in order; load() reads them back. */
  serialize(): Uint8Array[] {
    return [this.lexicon.encode(), ...this.segments.map((s) => encodeCompact(s))];
  }

  /** Serializes one segment by key (see segmentInfos); throws RangeError for an unknown key. */
  serializeSegment(key: string): Uint8Array {
    const s = this.segments.find((x) => x.key === key);
    if (!s) throw new RangeError(`no segment ${key}`);
    return encodeCompact(s);
  }

  /** Bytes of the segments' data in memory (postings, sequences, tables; not the document metadata). */
  memoryBytes(): number {
    let n = 0;
    for (const { data: d } of this.segments) {
      n +=
        d.termIds.byteLength +
        d.termStart.byteLength +
        d.post.byteLength +
        d.seq.byteLength +
        d.seqStart.byteLength +
        d.fieldLen.byteLength +
        d.dates.byteLength;
    }
    return n;
  }

  /**
   * Background maintenance: merges neighbouring segments that are small
   * (at most half of segmentSize live) or carry tombstones (over 10%), dropping deleted documents,
   * while a merge stays within segmentSize. Returns the keys replaced and created.
   */
  compact(): CompactResult {
    const result: CompactResult = { removed: [], added: [] };
    const live = (s: Segment): number => s.data.ids.length - s.deadCount;
    const wants = (s: Segment): boolean => live(s) <= this.segmentSize / 2 || s.deadCount > s.data.ids.length / 10;
    const next: Segment[] = [];
    let run: Segment[] = [];
    const flush = (): void => {
      if (run.length === 1 && run[0]!.deadCount === 0) next.push(run[0]!);
      else if (run.length > 0) {
        const merged = this.merge(run, result);
        if (merged) next.push(merged);
      }
      run = [];
    };
    for (const s of this.segments) {
      if (!wants(s)) {
        flush();
        next.push(s);
        continue;
      }
      if (run.reduce((n, r) => n + live(r), 0) + live(s) > this.segmentSize) flush();
      run.push(s);
    }
    flush();
    this.segments = next;
    return result;
  }

  /** Applies the tiered merge policy (tiers.ts) until no size class is full; returns what changed. */
  mergeTiers(): CompactResult {
    const result: CompactResult = { removed: [], added: [] };
    const live = (s: Segment): number => s.data.ids.length - s.deadCount;
    for (let group = nextMerge(this.segments.map(live)); group; group = nextMerge(this.segments.map(live))) {
      const run = group.map((i) => this.segments[i]!);
      const merged = this.merge(run, result);
      this.segments = this.segments.filter((s) => !run.includes(s)).concat(merged ? [merged] : []);
    }
    return result;
  }

  /** Merges a run into one segment, or null when nothing in it is live any more. */
  private merge(run: Segment[], result: CompactResult): Segment | null {
    const data = mergeSegments(run);
    for (const s of run) {
      result.removed.push(s.key);
      for (const id of s.data.ids) if (this.where.get(id)?.seg === s) this.where.delete(id);
    }
    if (data.ids.length === 0) return null;
    const seg: Segment = { key: newKey(), data, dead: new Uint8Array(data.ids.length), deadCount: 0 };
    data.ids.forEach((id, local) => this.where.set(id, { seg, local }));
    result.added.push(seg.key);
    return seg;
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

  private collect(
    parsed: ParsedQuery,
    plan: QueryPlan,
    options: SearchOptions,
    limit: number,
  ): { total: number; hits: SearchHit[] } {
    const within = options.within ? new Set(options.within) : null;
    // Search within results: each earlier query is matched in full (no limit), so narrowing never
    // stops at the earlier page of hits.
    const narrow = (options.narrow ?? [])
      .map((q) => parseQuery(q))
      .map((p) => ({ parsed: p, plan: planQuery(p, options.strict === true), sources: foldSources(p) }))
      .filter((n) => n.plan.groups.length > 0 || n.parsed.sources.length > 0 || n.parsed.dateFrom || n.parsed.dateTo);
    const sources = foldSources(parsed);
    const dfCache = new Map<string, number>();
    const cache = new QueryCache(this.lexicon);
    let docs = 0;
    for (const s of this.segments) docs += s.data.ids.length - s.deadCount;
    const ctx = {
      idf: (term: string) => idf(this.globalDf(term, dfCache, cache), docs),
      exists: (term: string) => this.globalDf(term, dfCache, cache) > 0,
    };
    // Filters alone (source:, date:) have nothing to rank by: newest first.
    const byDate = options.sort === 'date' || plan.groups.length === 0;
    const found: Array<{ seg: CompactSegment; d: number; score: number; tier: number }> = [];
    let total = 0;
    for (const seg of this.segments) {
      const data = seg.data;
      const base = (i: number): boolean => !seg.dead[i] && (!within || within.has(data.ids[i]!));
      const masks = narrow.map(({ parsed: p, plan: pl, sources: ps }) => {
        const mask = new Uint8Array(data.ids.length);
        for (const d of matchSegment(data, cache, pl, (i) => base(i) && passesFilters(data, p, ps, i))) mask[d] = 1;
        return mask;
      });
      const keep = (i: number): boolean =>
        base(i) && masks.every((m) => m[i] === 1) && passesFilters(data, parsed, sources, i);
      const cands = matchSegment(data, cache, plan, keep);
      total += cands.length;
      if (cands.length === 0) continue;
      const top = rankSegment(data, cache, plan, cands, limit, byDate, ctx);
      top.docs.forEach((d, i) => found.push({ seg: data, d, score: top.scores[i]!, tier: top.tiers[i]! }));
    }
    found.sort(
      byDate
        ? (a, b) => b.seg.dates[b.d]! - a.seg.dates[a.d]! || b.score - a.score
        : (a, b) => b.tier - a.tier || b.score - a.score,
    );
    const hits = found.slice(0, limit).map(({ seg, d, score }) => {
      const hit: SearchHit = { id: seg.ids[d]!, score, title: seg.titles[d]!, outlet: seg.outlets[d]! };
      if (seg.published[d]) hit.published = seg.published[d]!;
      return hit;
    });
    return { total, hits };
  }

  /** Document frequency over all segments (tombstoned docs still count until a rebuild). */
  private globalDf(term: string, dfs: Map<string, number>, cache: QueryCache): number {
    let df = dfs.get(term);
    if (df !== undefined) return df;
    df = 0;
    if (cache.id(term) >= 0) {
      for (const s of this.segments) {
        const slot = cache.slot(s.data, term);
        if (slot >= 0) df += postingCount(s.data, slot);
      }
    }
    dfs.set(term, df);
    return df;
  }
}

/** The query's own filters (date range, `source:`) for document `i` of a segment. */
function passesFilters(data: CompactSegment, parsed: ParsedQuery, sources: string[], i: number): boolean {
  if (parsed.dateFrom && data.dates[i]! < parsed.dateFrom) return false;
  if (parsed.dateTo && !(data.dates[i]! > 0 && data.dates[i]! <= parsed.dateTo)) return false;
  if (sources.length === 0) return true;
  const outlet = foldText(data.outlets[i]!.toLowerCase());
  return sources.some((s) => outlet.includes(s));
}

/** `source:` values folded as outlets are. */
function foldSources(parsed: ParsedQuery): string[] {
  return parsed.sources.map((s) => foldText(s.toLowerCase()));
}
