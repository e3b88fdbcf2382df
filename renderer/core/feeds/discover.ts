/**
 * Feed autodiscovery: the feeds a web page announces in its <head> through
 * `<link rel="alternate" type="application/rss+xml" href="…">` (and the Atom, RDF and JSON Feed types).
 */
import { parseDocument } from '../article/dom-shim';
import { absoluteUrl } from './web-url';

const FEED_TYPES = /^application\/(?:rss\+xml|atom\+xml|rdf\+xml|feed\+json|json)$|^text\/xml$/i;

/** Absolute URLs of the feeds the page links to, in page order, without repeats; [] when none. */
export function discoverFeeds(html: string, pageUrl: string): string[] {
  const doc = parseDocument(html);
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href') ?? undefined;
  const base = absoluteUrl(baseHref, pageUrl) ?? pageUrl;
  const out: string[] = [];
  const links = doc.querySelectorAll('link[rel][href]');
  for (let i = 0; i < links.length; i++) {
    const l = links[i]!;
    const rel = (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (l.getAttribute('type') ?? '').trim();
    if (!rel.includes('alternate') || !FEED_TYPES.test(type)) continue;
    const url = absoluteUrl(l.getAttribute('href') ?? undefined, base);
    if (url && !out.includes(url)) out.push(url);
  }
  return out;
}

/** True when a response is a web page rather than a feed (by its type, else by its first characters). */
export function looksLikeHtml(text: string, contentType?: string): boolean {
  if (contentType && /\bhtml\b/i.test(contentType)) return true;
  if (contentType && /(xml|json)/i.test(contentType)) return false;
  return /^\s*(<!doctype\s+html|<html[\s>])/i.test(text.slice(0, 512));
}
