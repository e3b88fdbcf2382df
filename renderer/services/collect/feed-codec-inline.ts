/** The FeedCodec run in the current thread: inside the feed worker, and in Node tests. */
import { decodeFetched } from '../../core/feeds/charset';
import { discoverFeeds, looksLikeHtml } from '../../core/feeds/discover';
import { FeedParseError, parseFeedText } from '../../core/feeds/parse';
import { fromOpml, toOpml } from '../../core/feeds/opml';
import { isImportError } from '../../core/article/errors';
import type { FeedCodec, ReadResult } from './feed-codec';

function readNow(bytes: Uint8Array, contentType: string | undefined, url: string): ReadResult {
  let text: string;
  try {
    text = decodeFetched(bytes, contentType).text;
  } catch (e) {
    if (isImportError(e) && (e.code === 'empty' || e.code === 'binary'))
      return { kind: 'error', error: { code: e.code, message: e.reason } };
    return { kind: 'error', error: { code: 'malformed', message: String((e as Error)?.message ?? e) } };
  }
  if (looksLikeHtml(text, contentType)) return { kind: 'page', feeds: discoverFeeds(text, url) };
  try {
    return { kind: 'feed', doc: parseFeedText(text, url) };
  } catch (e) {
    if (e instanceof FeedParseError) return { kind: 'error', error: { code: e.code, message: e.message } };
    return { kind: 'error', error: { code: 'malformed', message: String((e as Error)?.message ?? e) } };
  }
}

export const inlineCodec: FeedCodec = {
  read: async (bytes, contentType, url) => readNow(bytes, contentType, url),
  opmlRead: async (text) => fromOpml(text),
  opmlWrite: async (feeds, title, created) => toOpml(feeds, title, new Date(created)),
};
