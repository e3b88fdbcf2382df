/**
 * One generation of the search index in memory: the engine's SearchIndex (with its shared
 * lexicon) plus, for each segment, the row key it is persisted under and its decoded data (whose
 * tombstone array the engine mutates in place, so re-encoding a part persists its deletions).
 * The lexicon is persisted in `searchMeta` under `lexicon-g<generation>`, always before a segment
 * row that needs its new words.
 */
import { SearchIndex } from '../core/search/engine';
import { compactSegment, encodeCompact, type StoredCompact } from '../core/search/compact';
import type { StoredSegment } from '../core/search/codec';
import type { Lexicon } from '../core/search/lexicon';
import type { SearchRepo, SearchSegmentRow } from '../storage/search-repo';

/**
 * Bumped when the row layout or the meaning of a row changes (engine changes are fingerprinted).
 * 2: compact format 6 (shared lexicon row, variable-byte postings); profiles with format-1 rows
 * see a changed fingerprint at start-up and rebuild (docs/decisions/search-index-format.md).
 */
export const INDEX_FORMAT = 2;

export interface Part {
  key: string;
  seg: StoredCompact;
}

/** The searchMeta key of a generation's lexicon. */
export const lexiconKey = (gen: number): string => `lexicon-g${gen}`;

/** Row bytes as IndexedDB stores them (an ArrayBuffer of exactly the encoded length). */
export function toBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes.buffer as ArrayBuffer)
    : (bytes.slice().buffer as ArrayBuffer);
}

export class IndexState {
  readonly index: SearchIndex;
  parts: Part[] = [];
  private owner = new Map<string, Part>();
  private dirty = new Set<Part>();
  private counter = 0;
  private savedWords: number;

  constructor(
    readonly gen: number,
    lexicon?: Lexicon,
  ) {
    this.index = new SearchIndex(undefined, lexicon);
    this.savedWords = lexicon?.size ?? 0;
  }

  /** Turns a built segment into a compact one over this generation's lexicon and adds it. */
  adopt(key: string, built: StoredSegment): Part {
    return this.add(key, { data: compactSegment(built.data, this.index.lexicon), dead: built.dead });
  }

  /** Persists the lexicon when it gained words since it was last written. */
  async saveLexicon(repo: SearchRepo): Promise<void> {
    const lex = this.index.lexicon;
    if (lex.size === this.savedWords) return;
    const size = lex.size;
    await repo.setMeta(lexiconKey(this.gen), toBuffer(lex.encode()));
    this.savedWords = size;
  }

  /** A fresh row key in this generation ("g3-lx2k9a-4"): unique across sessions. */
  nextKey(): string {
    return `g${this.gen}-${Date.now().toString(36)}-${this.counter++}`;
  }

  /**
   * Adds a decoded segment; ids it holds that were indexed elsewhere are replaced (engine rule),
   * or with `older` (loading newest first) its own copies of them are dropped.
   */
  add(key: string, seg: StoredCompact, older = false): Part {
    const part = { key, seg };
    this.index.addSegment(seg.data, seg.dead, key, older);
    this.parts.push(part);
    seg.data.ids.forEach((id, i) => {
      if (!seg.dead[i]) this.owner.set(id, part);
    });
    return part;
  }

  /** Live documents of a part. */
  live(part: Part): string[] {
    return part.seg.data.ids.filter((_, i) => !part.seg.dead[i]);
  }

  /**
   * Tombstones `ids`: a part left empty loses its row at once, any other is marked for `flush` to
   * re-encode with its new tombstones. Returns how many ids were indexed.
   */
  async remove(ids: readonly string[], repo: SearchRepo): Promise<number> {
    const touched = new Set<Part>();
    for (const id of ids) {
      const p = this.owner.get(id);
      if (p) touched.add(p);
      this.owner.delete(id);
    }
    const n = this.index.remove(ids);
    for (const p of touched) {
      if (this.live(p).length === 0) {
        this.parts = this.parts.filter((x) => x !== p);
        this.index.removeSegment(p.key);
        await repo.deleteSegments([p.key]);
      } else this.dirty.add(p);
    }
    return n;
  }

  /** True when tombstones wait to be persisted. */
  get hasDirty(): boolean {
    return this.dirty.size > 0;
  }

  /**
   * Re-encodes the parts whose tombstones changed (a 4,000-article segment is ~16 MB, so a run of
   * deletes is written once). Unflushed tombstones are not lost: at start-up the ids missing from
   * the library are found extra and removed again.
   */
  async flush(repo: SearchRepo): Promise<void> {
    const parts = [...this.dirty].filter((p) => this.parts.includes(p));
    this.dirty.clear();
    for (const p of parts) await repo.putSegment(this.row(p.key, encodeCompact(p.seg), p.seg.data.ids));
  }

  /** Drops parts whose documents were all replaced by later parts (after a merge). */
  async dropEmpty(repo: SearchRepo): Promise<void> {
    const empty = this.parts.filter((p) => p.seg.data.ids.every((id, i) => p.seg.dead[i] || this.owner.get(id) !== p));
    this.parts = this.parts.filter((p) => !empty.includes(p));
    for (const p of empty) this.index.removeSegment(p.key);
    await repo.deleteSegments(empty.map((p) => p.key));
  }

  row(key: string, bytes: Uint8Array, docIds: string[]): SearchSegmentRow {
    return { id: key, docIds, data: toBuffer(bytes), builtAt: Date.now(), version: INDEX_FORMAT };
  }
}
