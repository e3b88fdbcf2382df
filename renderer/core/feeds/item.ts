/** What Warraq keeps of a feed and its items, whatever the format (no dependencies: the page imports it). */

export interface FeedItem {
  /** The item's own id (RSS guid, Atom id, JSON Feed id), when it has one. */
  id?: string;
  /** Absolute URL of the article page. */
  link?: string;
  title?: string;
  /** The item's HTML (full content when the feed carries it, else the summary). */
  html?: string;
  /** YYYY-MM-DD. */
  published?: string;
  author?: string;
}

export interface FeedDoc {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string;
  /** The site the feed belongs to. */
  siteUrl?: string;
  items: FeedItem[];
}

/**
 * The key an item is known by across refreshes: its id, else its link, else its title and date
 * (a feed without ids or links still never yields the same item twice).
 */
export function itemKey(item: FeedItem): string {
  if (item.id) return `id:${item.id}`;
  if (item.link) return `link:${item.link}`;
  return `title:${item.title ?? ''}|${item.published ?? ''}`;
}
