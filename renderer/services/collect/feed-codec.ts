/**
 * Reading feeds and OPML (feedsmith, linkedom for autodiscovery) is kept off the page's thread and out
 * of its bundle: the page talks to a FeedCodec, which the feed worker (workers/feed.worker.ts) serves
 * with `inlineCodec` (feed-codec-inline.ts) — the same functions Node tests call directly.
 */
import type { FeedDoc } from '../../core/feeds/item';
import type { OpmlFeed } from '../../core/feeds/opml';
import type { FeedError } from '../../storage/collect-rows';

export type { OpmlFeed } from '../../core/feeds/opml';

/** A response read: a feed, a web page (with the feeds it announces), or why neither. */
export type ReadResult =
  { kind: 'feed'; doc: FeedDoc } | { kind: 'page'; feeds: string[] } | { kind: 'error'; error: Omit<FeedError, 'at'> };

export interface FeedCodec {
  /** Decodes (charset from header, XML declaration, <meta>) and parses a response body fetched from `url`. */
  read(bytes: Uint8Array, contentType: string | undefined, url: string): Promise<ReadResult>;
  /** The feeds an OPML document lists; rejects with a plain Error when it is not OPML. */
  opmlRead(text: string): Promise<OpmlFeed[]>;
  opmlWrite(feeds: OpmlFeed[], title: string, created: number): Promise<string>;
}

// ---- the page's side: a FeedCodec that asks the worker ----

export type CodecCall =
  | { id: number; op: 'read'; bytes: Uint8Array; contentType?: string; url: string }
  | { id: number; op: 'opmlRead'; text: string }
  | { id: number; op: 'opmlWrite'; feeds: OpmlFeed[]; title: string; created: number };

type Call = CodecCall extends infer C ? (C extends CodecCall ? Omit<C, 'id'> : never) : never;

export type CodecAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

export interface CodecWorker {
  postMessage(m: CodecCall): void;
  onmessage: ((e: MessageEvent<CodecAnswer>) => void) | null;
}

/** A FeedCodec served by a long-lived worker (one for the app; calls may overlap). */
export function workerCodec(worker: CodecWorker): FeedCodec {
  let next = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  worker.onmessage = (e) => {
    const a = e.data;
    const w = waiting.get(a.id);
    waiting.delete(a.id);
    if (a.ok) w?.resolve(a.value);
    else w?.reject(new Error(a.message));
  };
  const call = <T>(m: Call): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...m, id } as CodecCall);
    });
  return {
    read: (bytes, contentType, url) =>
      call<ReadResult>({ op: 'read', bytes, url, ...(contentType ? { contentType } : {}) }),
    opmlRead: (text) => call<OpmlFeed[]>({ op: 'opmlRead', text }),
    opmlWrite: (feeds, title, created) => call<string>({ op: 'opmlWrite', feeds, title, created }),
  };
}
