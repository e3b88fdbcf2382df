/**
 * The library list's items: either every article (the list as before) or one row per story whose
 * expanded rows list the story's editions. A layer between the services' rows and the view, so the view
 * renders a flat array for the virtualizer and the services' loading can change beneath it.
 */
import type { ArticleMeta, Edition } from '../../core/model';
import type { Services } from '../../services/services';
import type { LibraryPrefs } from '../../services/settings';
import type { StoryRow, StoryRowsQuery } from '../../services/stories';

/** The library prefs plus the story view's own (stored in the same settings object). */
export interface StoryLibraryPrefs extends LibraryPrefs {
  /** One row per story (default) or every article. */
  byStory?: boolean;
  /** Only stories carried by at least this many outlets (1 = all). */
  minOutlets?: number;
  /** Story rows' sort; default earliest publication. */
  storySort?: NonNullable<StoryRowsQuery['sort']>;
}

export type LibraryItem =
  | { kind: 'article'; meta: ArticleMeta }
  | { kind: 'story'; row: StoryRow; expanded: boolean }
  | { kind: 'edition'; row: StoryRow; edition: Edition; last: boolean };

export const STORY_SORTS: NonNullable<StoryRowsQuery['sort']>[] = ['earliest', 'imported', 'title', 'outlets'];

export function isByStory(p: StoryLibraryPrefs): boolean {
  return p.byStory !== false;
}

/** The story list's query for these prefs. */
export function storyQuery(prefs: StoryLibraryPrefs): StoryRowsQuery {
  return {
    sort: prefs.storySort ?? 'earliest',
    descending: prefs.descending,
    minOutlets: prefs.minOutlets ?? 1,
    ...(prefs.outlet ? { outlet: prefs.outlet } : {}),
  };
}

export interface ItemsResult {
  items: LibraryItem[];
  /** Stories (by story) or articles listed, before expansion. */
  rows: number;
  /** Articles under those rows. */
  articles: number;
  /** Only the first rows are known (start-up, before the whole library is read and grouped). */
  partial?: boolean;
}

/**
 * The flat list: story rows with the editions of the expanded ones after each (their editions come from
 * `editions`, loaded on expand), or every article.
 */
export function libraryItems(
  services: Services,
  prefs: StoryLibraryPrefs,
  expanded: ReadonlySet<string>,
  editions: ReadonlyMap<string, Edition[]>,
): ItemsResult {
  // Start-up draws the first screen of the story list before the whole library is read
  // (StoriesService.loadFirst); a large library groups its stories in slices between frames
  // (StoriesService.listRows). Without story rows yet, the list shows the articles read so far.
  const grouped = isByStory(prefs) ? services.stories.listRows(storyQuery(prefs)) : undefined;
  if (!grouped) {
    const metas = services.library.rows(prefs);
    return { items: metas.map((meta) => ({ kind: 'article', meta })), rows: metas.length, articles: metas.length };
  }
  const { rows } = grouped;
  const items: LibraryItem[] = [];
  let articles = 0;
  for (const row of rows) {
    articles += row.articleIds.length;
    const open = expanded.has(row.id);
    items.push({ kind: 'story', row, expanded: open });
    const list = open ? editions.get(row.id) : undefined;
    list?.forEach((edition, i) => items.push({ kind: 'edition', row, edition, last: i === list.length - 1 }));
  }
  return grouped.partial
    ? { items, rows: rows.length, articles, partial: true }
    : { items, rows: rows.length, articles };
}
