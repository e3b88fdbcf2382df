/**
 * Editions in exports (issue 12): an article's other editions — the same text as another outlet or
 * URL printed it — as bibliographic records of their own (CSL-JSON, RIS: one record per edition), as
 * a CSV cell, and as the "also published by" tail of a citation. The annotated edition is the
 * article's own meta (with any corrections); the others come from their Edition rows.
 */
import type { ArticleMeta, Edition } from '../model';

/** The editions other than the one the article's meta describes (same outlet and URL), in order. */
export function otherEditions(article: ArticleMeta, editions: readonly Edition[] | undefined): Edition[] {
  if (!editions?.length) return [];
  const ownIndex = editions.findIndex((e) => e.outlet === article.outlet && (e.url ?? '') === (article.url ?? ''));
  // When a correction changed the article's outlet or URL, its first edition is still its own.
  const own = ownIndex >= 0 ? ownIndex : editions.findIndex((e) => e.importedAt === article.importedAt);
  return editions.filter((_, i) => i !== (own >= 0 ? own : 0));
}

/** One record per edition: the article itself first, then each other edition as printed. */
export function editionRecords(
  articles: readonly ArticleMeta[],
  editions?: ReadonlyMap<string, readonly Edition[]>,
): ArticleMeta[] {
  return articles.flatMap((a) => [a, ...otherEditions(a, editions?.get(a.id)).map((e, k) => editionMeta(a, e, k + 1))]);
}

function editionMeta(a: ArticleMeta, e: Edition, k: number): ArticleMeta {
  const m: ArticleMeta = {
    id: `${a.id}~${k}`,
    title: e.title,
    outlet: e.outlet,
    length: a.length,
    words: a.words,
    importedAt: e.importedAt,
    source: { kind: e.source.kind, ...(e.source.name ? { name: e.source.name } : {}) },
    tags: [],
  };
  if (a.storyId) m.storyId = a.storyId;
  for (const f of ['url', 'byline', 'author', 'published'] as const) if (e[f]) m[f] = e[f];
  return m;
}

/** The CSV cell listing every edition: "outlet date URL", earliest first, separated by " | ". */
export function editionsCell(article: ArticleMeta, editions: readonly Edition[] | undefined): string {
  const all = [
    { outlet: article.outlet, published: article.published, url: article.url },
    ...otherEditions(article, editions),
  ];
  return all.map((e) => [e.outlet, e.published?.slice(0, 10), e.url].filter(Boolean).join(' ')).join(' | ');
}
