/**
 * The subscription list as OPML 2.0, the format every feed reader imports and exports. Parsing and
 * writing are feedsmith's; nested folders are flattened on import (Warraq keeps one list).
 */
import { generateOpml, parseOpml, type Opml } from 'feedsmith';
import { absoluteUrl } from './web-url';

export interface OpmlFeed {
  url: string;
  title: string;
  siteUrl?: string;
}

/** An OPML document listing the feeds, titled `title`. */
export function toOpml(feeds: readonly OpmlFeed[], title: string, created: Date): string {
  return generateOpml({
    head: { title, dateCreated: created },
    body: {
      outlines: feeds.map((f) => ({
        text: f.title || f.url,
        title: f.title || f.url,
        type: 'rss',
        xmlUrl: f.url,
        ...(f.siteUrl ? { htmlUrl: f.siteUrl } : {}),
      })),
    },
  });
}

/**
 * The feeds an OPML document lists (outlines with an http(s) `xmlUrl`, at any depth), without repeats.
 * Throws an Error with a plain message when the text is not OPML.
 */
export function fromOpml(text: string): OpmlFeed[] {
  let doc: Opml.Document<string>;
  try {
    doc = parseOpml(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new Error('This file is not an OPML subscription list.');
  }
  const out: OpmlFeed[] = [];
  const seen = new Set<string>();
  const walk = (outlines: Opml.Outline<string>[] | undefined) => {
    for (const o of outlines ?? []) {
      const url = absoluteUrl(o.xmlUrl);
      if (url && !seen.has(url)) {
        seen.add(url);
        const siteUrl = absoluteUrl(o.htmlUrl);
        out.push({ url, title: (o.title ?? o.text ?? '').trim(), ...(siteUrl ? { siteUrl } : {}) });
      }
      walk(o.outlines);
    }
  };
  walk(doc.body?.outlines);
  return out;
}
