/**
 * Editions: the copies an article (one stored text) was imported as. Pure helpers shared by storage
 * (the v4 upgrade, putMany), services and backup.
 */
import type { ArticleMeta, Edition } from '../model';

/** An edition's key: the same text from the same outlet and URL is the same edition (re-import adds nothing). */
export function editionId(articleId: string, outlet: string, url?: string): string {
  return `${articleId}|${outlet.trim()}|${(url ?? '').trim()}`;
}

/** The edition an article's own meta describes (its first import). */
export function editionOf(meta: ArticleMeta, record?: number): Edition {
  const e: Edition = {
    id: editionId(meta.id, meta.outlet, meta.url),
    articleId: meta.id,
    outlet: meta.outlet,
    title: meta.title,
    source: { ...meta.source },
    importedAt: meta.importedAt,
  };
  if (record !== undefined) e.source.record = record;
  for (const k of ['url', 'byline', 'author', 'published', 'publishedHijri', 'agency'] as const) {
    const v = meta[k];
    if (v) e[k] = v;
  }
  return e;
}

/** Earliest first: dated editions by date, then undated by import time. */
export function compareEditions(a: Edition, b: Edition): number {
  if (a.published && b.published) return a.published.localeCompare(b.published) || a.importedAt - b.importedAt;
  if (a.published) return -1;
  if (b.published) return 1;
  return a.importedAt - b.importedAt;
}

/** Distinct outlet ids of a list of editions, in first-seen order. */
export function outletIds(editions: readonly Edition[]): string[] {
  return [...new Set(editions.map((e) => e.outlet).filter(Boolean))];
}
