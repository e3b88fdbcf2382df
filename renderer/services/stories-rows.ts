/**
 * The library grouped by story, and search hits collapsed per story: pure functions over the metas the
 * library holds in memory (each carries `storyId`, `outlets`, `editions`, `earliest`).
 */
import type { ArticleMeta } from '../core/model';

export interface StoryRow {
  /** The story id (an article id). */
  id: string;
  /** The member shown for the row: the earliest published (then first imported). */
  lead: ArticleMeta;
  /** Members, earliest first (`lead` first). */
  articleIds: string[];
  /** Distinct outlet ids over every edition of every member, earliest member first. */
  outletIds: string[];
  outletNames: string[];
  outletCount: number;
  editionCount: number;
  /** Earliest publication date (ISO) over the members' editions. */
  earliest?: string;
}

export interface StoryRowsQuery {
  /** Default 'earliest'. */
  sort?: 'earliest' | 'imported' | 'outlets' | 'title';
  /** Default true: newest (or most outlets) first. */
  descending?: boolean;
  /** Only stories carried by at least this many outlets. */
  minOutlets?: number;
  /** Only stories with an edition from this outlet id. */
  outlet?: string;
  offset?: number;
  limit?: number;
}

export interface CollapsedHit<H> {
  /** The best-ranked hit of its story. */
  hit: H;
  storyId: string;
  /** Ids of the story's other hits in this result (in rank order). */
  others: string[];
  /** Outlets carrying the story besides the hit's own ("and N more outlets"). */
  moreOutlets: number;
}

const earliestOf = (m: ArticleMeta): string | undefined => m.earliest ?? m.published;
const outletsOf = (m: ArticleMeta): string[] => m.outlets ?? (m.outlet ? [m.outlet] : []);

/** Members by story id (added to `groups` when given, so a caller can group a long list in slices). */
export function groupByStory(
  metas: readonly ArticleMeta[],
  groups = new Map<string, ArticleMeta[]>(),
): Map<string, ArticleMeta[]> {
  for (const m of metas) {
    const id = m.storyId ?? m.id;
    const g = groups.get(id);
    if (g) g.push(m);
    else groups.set(id, [m]);
  }
  return groups;
}

function byEarliest(a: ArticleMeta, b: ArticleMeta): number {
  const da = earliestOf(a);
  const db = earliestOf(b);
  if (da && db && da !== db) return da < db ? -1 : 1;
  if (da && !db) return -1;
  if (db && !da) return 1;
  return a.importedAt - b.importedAt || (a.id < b.id ? -1 : 1);
}

/** One row per story. */
export function toRow(id: string, members: ArticleMeta[], name: (outletId: string) => string): StoryRow {
  // [stories-ui] Fast path: most stories hold one article; at 30,000 articles the general path's sorts,
  // sets and copies cost ~300 ms per rebuild of the library list, this one ~20 ms.
  if (members.length === 1) {
    const m = members[0]!;
    const outletIds = outletsOf(m);
    const single: StoryRow = {
      id,
      lead: m,
      articleIds: [m.id],
      outletIds,
      outletNames: outletIds.map(name),
      outletCount: outletIds.length,
      editionCount: m.editions ?? 1,
    };
    const d = earliestOf(m);
    if (d) single.earliest = d;
    return single;
  }
  const sorted = [...members].sort(byEarliest);
  const outletIds = [...new Set(sorted.flatMap(outletsOf))];
  const row: StoryRow = {
    id,
    lead: sorted[0]!,
    articleIds: sorted.map((m) => m.id),
    outletIds,
    outletNames: outletIds.map(name),
    outletCount: outletIds.length,
    editionCount: sorted.reduce((s, m) => s + (m.editions ?? 1), 0),
  };
  const dates = sorted
    .map(earliestOf)
    .filter((d): d is string => !!d)
    .sort();
  if (dates[0]) row.earliest = dates[0];
  return row;
}

const collator = new Intl.Collator(['ar', 'en'], { sensitivity: 'base', numeric: true });

function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted, filtered, paged story rows. */
export function buildRows(
  metas: readonly ArticleMeta[],
  q: StoryRowsQuery,
  name: (outletId: string) => string,
  groups: Map<string, ArticleMeta[]> = groupByStory(metas),
): { total: number; rows: StoryRow[] } {
  return sortRows(
    [...groups].map(([id, members]) => toRow(id, members, name)),
    q,
  );
}

/** Filters, sorts and pages rows made by toRow (buildRows' second half, for callers that build in slices). */
export function sortRows(all: StoryRow[], q: StoryRowsQuery): { total: number; rows: StoryRow[] } {
  return pageRows(filterRows(all, q).sort(rowOrder(q)), q);
}

/** sortRows' first step: the rows `q`'s filters keep (the same array when it has none). */
export function filterRows(all: StoryRow[], q: StoryRowsQuery): StoryRow[] {
  let rows = all;
  if (q.minOutlets && q.minOutlets > 1) rows = rows.filter((r) => r.outletCount >= q.minOutlets!);
  if (q.outlet) rows = rows.filter((r) => r.outletIds.includes(q.outlet!));
  return rows;
}

/** sortRows' order, ascending (pageRows reverses it for a descending list). */
export function rowOrder(q: StoryRowsQuery): (a: StoryRow, b: StoryRow) => number {
  const sort = q.sort ?? 'earliest';
  return sort === 'title'
    ? (a, b) => collator.compare(a.lead.title, b.lead.title)
    : sort === 'outlets'
      ? (a, b) => a.outletCount - b.outletCount || a.editionCount - b.editionCount
      : sort === 'imported'
        ? (a, b) => a.lead.importedAt - b.lead.importedAt
        : // Undated stories sort as oldest.
          // [stories-ui] ISO dates compare as plain strings: `<` is several times cheaper than localeCompare.
          (a, b) => compareIso(a.earliest ?? '', b.earliest ?? '') || a.lead.importedAt - b.lead.importedAt;
}

/** sortRows' last step, on rows sorted by rowOrder (reversed in place when descending). */
export function pageRows(sorted: StoryRow[], q: StoryRowsQuery): { total: number; rows: StoryRow[] } {
  if (q.descending ?? (q.sort ?? 'earliest') !== 'title') sorted.reverse();
  const offset = q.offset ?? 0;
  return {
    total: sorted.length,
    rows: sorted.slice(offset, q.limit === undefined ? undefined : offset + q.limit),
  };
}

/**
 * The first `n` rows of the story list sorted by earliest publication, newest first (`q`'s filters
 * applied), from part of the library: `metas` hold every member of each story they touch, and every
 * story whose earliest date is `from` or later is among them (StoriesRepo.newestWithStories; `from`
 * null: every dated article is there). Only those stories are placed exactly, so the answer is
 * undefined when fewer than `n` of them pass the filters (read more, or the whole library).
 */
export function newestStoryRows(
  metas: readonly ArticleMeta[],
  from: string | null,
  q: Pick<StoryRowsQuery, 'minOutlets' | 'outlet'>,
  n: number,
  name: (outletId: string) => string,
): StoryRow[] | undefined {
  const { rows } = buildRows(metas, { ...q, sort: 'earliest', descending: true }, name);
  const placed = (r: StoryRow): boolean => !!r.earliest && (from === null || r.earliest >= from);
  let exact = 0;
  while (exact < rows.length && exact < n && placed(rows[exact]!)) exact++;
  return exact >= n ? rows.slice(0, n) : undefined;
}

/** Keeps the first hit of each story, in rank order, and counts the rest. */
export function collapseHits<H extends { id: string }>(
  hits: readonly H[],
  meta: (id: string) => ArticleMeta | undefined,
  members: (storyId: string) => readonly ArticleMeta[] = () => [],
): CollapsedHit<H>[] {
  const out: CollapsedHit<H>[] = [];
  const at = new Map<string, number>();
  for (const hit of hits) {
    const m = meta(hit.id);
    const storyId = m?.storyId ?? hit.id;
    const i = at.get(storyId);
    if (i !== undefined) {
      out[i]!.others.push(hit.id);
      continue;
    }
    at.set(storyId, out.length);
    const own = new Set(m ? outletsOf(m) : []);
    const all = new Set(members(storyId).flatMap(outletsOf));
    let more = 0;
    for (const o of all) if (!own.has(o)) more++;
    out.push({ hit, storyId, others: [], moreOutlets: more });
  }
  return out;
}
