/**
 * One feed over the network door: a conditional request, then the body read by the FeedCodec (charset,
 * feedsmith, autodiscovery; in the feed worker). Every failure comes back as a FeedError code with a
 * plain message, never as a rejection.
 */
import type { NetRequest, NetResult } from '../../platform/platform';
import type { FeedDoc } from '../../core/feeds/item';
import { absoluteUrl } from '../../core/feeds/web-url';
import type { FeedError } from '../../storage/collect-rows';
import type { FeedCodec } from './feed-codec';

export type Fetch = (request: NetRequest) => Promise<NetResult>;
type NetOk = Extract<NetResult, { ok: true }>;

export type FeedOutcome =
  | { kind: 'not-modified'; res: NetOk }
  | { kind: 'feed'; doc: FeedDoc; res: NetOk }
  | { kind: 'page'; feeds: string[]; res: NetOk }
  | { kind: 'error'; error: Omit<FeedError, 'at'> };

/** Feeds are small; a 5 MB one is runaway. */
export const FEED_MAX_BYTES = 5 * 1024 * 1024;

/** Fetches and reads a feed; a web page comes back as 'page' with the feeds it announces. */
export async function fetchFeed(
  fetch: Fetch,
  codec: FeedCodec,
  url: string,
  validators: { etag?: string; lastModified?: string } = {},
): Promise<FeedOutcome> {
  const res = await fetch({ url, accept: 'feed', maxBytes: FEED_MAX_BYTES, ...validators });
  if (!res.ok)
    return {
      kind: 'error',
      error: { code: res.code, message: res.message, ...(res.status === undefined ? {} : { status: res.status }) },
    };
  if (res.notModified) return { kind: 'not-modified', res };
  const read = await codec.read(res.bytes, res.contentType, res.url);
  if (read.kind === 'error') return read;
  return read.kind === 'feed' ? { kind: 'feed', doc: read.doc, res } : { kind: 'page', feeds: read.feeds, res };
}

/**
 * What the user typed → a feed URL and its first answer: a feed as is, or the first feed a page
 * announces. A bare host ("example.org/news") is read as https. Returns 'error' with code 'not-a-feed'
 * for a page that announces none, 'scheme' for something that is not a web address.
 */
export async function resolveSubscription(
  fetch: Fetch,
  codec: FeedCodec,
  input: string,
): Promise<{ url: string; outcome: FeedOutcome }> {
  const trimmed = input.trim();
  const url = absoluteUrl(/^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`);
  if (!url)
    return {
      url: trimmed,
      outcome: { kind: 'error', error: { code: 'scheme', message: 'Only http and https addresses can be followed.' } },
    };
  const first = await fetchFeed(fetch, codec, url);
  if (first.kind !== 'page') return { url, outcome: first };
  const found = first.feeds[0];
  if (!found)
    return {
      url,
      outcome: {
        kind: 'error',
        error: {
          code: 'not-a-feed',
          message: 'This page announces no feed (no <link rel="alternate"> to RSS, Atom or JSON Feed).',
        },
      },
    };
  return { url: found, outcome: await fetchFeed(fetch, codec, found) };
}
