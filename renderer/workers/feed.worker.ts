/**
 * The feed worker: decodes and parses feeds, finds the feeds a page announces, reads and writes OPML
 * (services/collect/feed-codec.ts), so feedsmith and the HTML parser stay off the page's thread.
 */
import type { CodecAnswer, CodecCall } from '../services/collect/feed-codec';
import { inlineCodec } from '../services/collect/feed-codec-inline';

const scope = self as unknown as {
  postMessage(m: CodecAnswer): void;
  onmessage: ((e: MessageEvent<CodecCall>) => void) | null;
};

scope.onmessage = (e) => {
  const m = e.data;
  const run =
    m.op === 'read'
      ? inlineCodec.read(m.bytes, m.contentType, m.url)
      : m.op === 'opmlRead'
        ? inlineCodec.opmlRead(m.text)
        : inlineCodec.opmlWrite(m.feeds, m.title, m.created);
  run.then(
    (value) => scope.postMessage({ id: m.id, ok: true, value }),
    (err: unknown) => scope.postMessage({ id: m.id, ok: false, message: (err as Error)?.message ?? String(err) }),
  );
};
