/**
 * Article metadata from a saved page's head: og:/article: meta tags, JSON-LD NewsArticle, <time>,
 * the canonical link and common name= tags. Read before readability, which rewrites the document.
 */
import { parseDate } from './dates';
import type { MiniDocument } from './dom-shim';

export interface PageMeta {
  title?: string;
  outlet?: string;
  author?: string;
  published?: string;
  url?: string;
}

const ARTICLE_TYPES =
  /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|WebPage|Report)$/;

function meta(doc: MiniDocument, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const el =
      doc.querySelector(`meta[property="${k}"]`) ??
      doc.querySelector(`meta[name="${k}"]`) ??
      doc.querySelector(`meta[itemprop="${k}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return undefined;
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (Array.isArray(v)) return v.map(text).filter(Boolean).join('، ') || undefined;
  if (v && typeof v === 'object' && 'name' in v) return text((v as { name: unknown }).name);
  return undefined;
}

function isArticleNode(o: Record<string, unknown>): boolean {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).some((x) => typeof x === 'string' && ARTICLE_TYPES.test(x));
}

/** Every object in a JSON-LD value, walking arrays and @graph. */
function* ldNodes(v: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(v)) for (const x of v) yield* ldNodes(x);
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    yield o;
    if (o['@graph']) yield* ldNodes(o['@graph']);
  }
}

/** The first JSON-LD article node's fields; malformed JSON-LD blocks are skipped. */
export function jsonLdMeta(doc: MiniDocument): PageMeta {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i]!.textContent ?? '');
    } catch {
      continue;
    }
    for (const o of ldNodes(data)) {
      if (!isArticleNode(o) || (o['@type'] === 'WebPage' && !o['headline'])) continue;
      return {
        title: text(o['headline']) ?? text(o['name']),
        outlet: text(o['publisher']),
        author: text(o['author']),
        published: parseDate(text(o['datePublished']) ?? text(o['dateCreated'])),
        url: text(o['url']) ?? text(o['mainEntityOfPage'] && (o['mainEntityOfPage'] as Record<string, unknown>)['@id']),
      };
    }
  }
  return {};
}

/** og:/article: tags, <time datetime>, canonical link and name= tags, JSON-LD first where both exist. */
export function pageMeta(doc: MiniDocument): PageMeta {
  const ld = jsonLdMeta(doc);
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || undefined;
  return {
    title: ld.title ?? meta(doc, 'og:title', 'twitter:title', 'headline'),
    outlet: ld.outlet ?? meta(doc, 'og:site_name', 'application-name', 'publisher'),
    author: ld.author ?? meta(doc, 'article:author', 'author', 'dc.creator', 'byl'),
    published:
      ld.published ??
      parseDate(
        meta(
          doc,
          'article:published_time',
          'datePublished',
          'pubdate',
          'publish-date',
          'date',
          'dc.date',
          'og:pubdate',
        ),
      ) ??
      parseDate(time),
    url: canonical ?? meta(doc, 'og:url') ?? ld.url,
  };
}

/** "www.aljazeera.net" from a URL, the outlet of last resort; undefined for a non-web URL. */
export function hostOf(url: string | undefined): string | undefined {
  const m = url ? /^https?:\/\/(?:www\.)?([^/:?#]+)/i.exec(url) : null;
  return m?.[1];
}
