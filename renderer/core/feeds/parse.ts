/**
 * Feed text → the few fields Warraq keeps, whatever the format. Parsing is feedsmith's (RSS 2.0,
 * RSS 1.0/RDF, Atom, JSON Feed; pure JavaScript over fast-xml-parser, so it runs in workers, the page
 * and Node alike). This module only maps each format's fields onto FeedDoc.
 */
import { parseFeed, type AnyFeed } from 'feedsmith';
import { parseDate } from '../article/dates';
import { absoluteUrl } from './web-url';
import type { FeedDoc } from './item';

export { itemKey, type FeedDoc, type FeedItem } from './item';

export class FeedParseError extends Error {
  override name = 'FeedParseError';
  constructor(
    readonly code: 'malformed' | 'not-a-feed',
    message: string,
  ) {
    super(message);
  }
}

/** "Mon, 06 Sep 2021 16:45:00 GMT" or an ISO timestamp → YYYY-MM-DD (the publisher's calendar day where written). */
export function feedDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const iso = /^\s*(\d{4}-\d{2}-\d{2})/.exec(s);
  if (iso) return parseDate(iso[1]);
  const t = Date.parse(s);
  if (!Number.isNaN(t)) return new Date(t).toISOString().slice(0, 10);
  return parseDate(s);
}

const clean = (s: string | undefined): string | undefined => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t || undefined;
};

type Text = string | { value?: string } | undefined;
const textOf = (t: Text): string | undefined => (typeof t === 'string' ? t : t?.value);

/**
 * Parses a feed's decoded text; `base` resolves relative links. Throws FeedParseError 'malformed'
 * (broken XML or JSON) or 'not-a-feed' (well-formed, but no RSS, Atom or JSON Feed).
 */
export function parseFeedText(text: string, base?: string): FeedDoc {
  let parsed: AnyFeed<string>;
  try {
    parsed = parseFeed<string>(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const name = (e as { name?: string; constructor?: { name?: string } } | null)?.constructor?.name;
    if (name === 'DetectError' && !looksBroken(text))
      throw new FeedParseError('not-a-feed', 'This address holds no RSS, Atom or JSON feed.');
    throw new FeedParseError('malformed', 'The feed is malformed: its XML or JSON could not be read.');
  }
  const doc = mapFeed(parsed, base);
  return { ...doc, items: doc.items.filter((i) => i.link || i.html || i.title) };
}

/** True for text that starts like XML or JSON but is cut or broken (so "malformed", not "not a feed"). */
function looksBroken(text: string): boolean {
  const t = text
    .trimStart()
    .replace(/^(?:<\?xml[^>]*>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<\?xml-stylesheet[^>]*>|\s)+/i, '');
  return t.startsWith('{') || /^<(?:rss|feed|rdf:RDF)\b/i.test(t);
}

function mapFeed(p: AnyFeed<string>, base?: string): FeedDoc {
  switch (p.format) {
    case 'rss': {
      const f = p.feed;
      const siteUrl = absoluteUrl(f.link, base);
      return {
        format: 'rss',
        title: clean(f.title) ?? '',
        siteUrl,
        items: (f.items ?? []).map((i) => ({
          id: clean(i.guid?.value),
          link:
            absoluteUrl(i.link, siteUrl ?? base) ??
            (i.guid?.isPermaLink !== false ? absoluteUrl(i.guid?.value, base) : undefined),
          title: clean(i.title),
          html: i.content?.encoded ?? i.description,
          published: feedDate(i.pubDate ?? i.dc?.dates?.[0]),
          author: clean(i.dc?.creators?.[0] ?? i.authors?.[0]?.name),
        })),
      };
    }
    case 'rdf': {
      const f = p.feed;
      const siteUrl = absoluteUrl(f.link, base);
      return {
        format: 'rdf',
        title: clean(f.title) ?? '',
        siteUrl,
        items: (f.items ?? []).map((i) => ({
          id: clean(i.rdf?.about),
          link: absoluteUrl(i.link, siteUrl ?? base),
          title: clean(i.title),
          html: i.content?.encoded ?? i.description,
          published: feedDate(i.dc?.dates?.[0]),
          author: clean(i.dc?.creators?.[0]),
        })),
      };
    }
    case 'atom': {
      const f = p.feed;
      const alt = (links: { href?: string; rel?: string }[] | undefined) =>
        (links ?? []).find((l) => !l.rel || l.rel === 'alternate')?.href;
      const siteUrl = absoluteUrl(alt(f.links), base);
      return {
        format: 'atom',
        title: clean(textOf(f.title as Text)) ?? '',
        siteUrl,
        items: (f.entries ?? []).map((e) => ({
          id: clean(e.id),
          link: absoluteUrl(alt(e.links), base),
          title: clean(textOf(e.title as Text)),
          html: textOf(e.content as Text) ?? textOf(e.summary as Text),
          published: feedDate(e.published ?? e.updated),
          author: clean(e.authors?.[0]?.name),
        })),
      };
    }
    case 'json': {
      const f = p.feed;
      const siteUrl = absoluteUrl(f.home_page_url, base);
      return {
        format: 'json',
        title: clean(f.title) ?? '',
        siteUrl,
        items: (f.items ?? []).map((i) => ({
          id: clean(i.id === undefined ? undefined : String(i.id)),
          link: absoluteUrl(i.url ?? i.external_url, base),
          title: clean(i.title),
          html:
            i.content_html ??
            (i.content_text
              ? i.content_text
                  .split(/\n\s*\n/)
                  .map((p) => `<p>${escapeHtml(p)}</p>`)
                  .join('')
              : i.summary),
          published: feedDate(i.date_published ?? i.date_modified),
          author: clean(i.authors?.[0]?.name ?? (i as { author?: { name?: string } }).author?.name),
        })),
      };
    }
  }
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
