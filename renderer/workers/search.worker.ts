/**
 * The search worker: owns the index (see search-host.ts) so loading, building and querying never
 * run on the main thread. Answers RequestMessages in order, except that a search still waiting
 * when a newer one arrives is dropped as superseded (typing sends one per pause).
 */
import { WarraqDb } from '../storage/db';
import { SearchRepo } from '../storage/search-repo';
import { SearchHost } from './search-host';
import { localBuilder, workerPool } from './search-build';
import type { ReplyMessage, RequestMessage, SearchResult } from '../services/search-protocol';

// The renderer is typed with the DOM lib (no WebWorker lib): the little of the worker scope used here.
const scope = self as unknown as {
  postMessage(msg: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
};
const repo = new SearchRepo(new WarraqDb());

function builder() {
  // One core stays with the page: on this 2-core machine two builders rebuild the corpus in 10.5 s
  // instead of 15.8 s, but starve the main thread (tasks of 220–248 ms while typing); one builder
  // showed none over 50 ms. rebuild({builders: 2}) still runs two (the bench compares them).
  const cores = navigator.hardwareConcurrency || 2;
  const parallel = Math.min(3, Math.max(1, cores - 1));
  try {
    return workerPool(
      () => new Worker(new URL('./search-build.worker.js', import.meta.url), { type: 'module' }),
      parallel,
      Math.max(2, parallel),
    );
  } catch {
    return localBuilder(repo);
  }
}

// Deletes in a run (a user clearing out a folder's worth) are written once, 3 s after the last one.
const host = new SearchHost(repo, builder(), (status) => post({ seq: 0, status }), undefined, 3000);

function post(msg: ReplyMessage): void {
  scope.postMessage(msg);
}

let latestSearch = 0;

async function answer({ seq, req }: RequestMessage): Promise<SearchResult> {
  switch (req.type) {
    case 'search':
      return host.search(req.query, req.options);
    case 'snippets':
      return host.snippets(req.ids, req.query, req.strict);
    case 'findAll':
      return host.findAll(req.id, req.query, req.strict);
    case 'update':
      void host.update(req.added, req.removed).catch(() => {});
      return null;
    case 'rebuild':
      void host.rebuild(req.builders).catch(() => {});
      return null;
    default:
      throw new Error(`unknown request ${seq}`);
  }
}

scope.addEventListener('message', (e: MessageEvent<RequestMessage>) => {
  const msg = e.data;
  if (msg.req.type === 'search') latestSearch = msg.seq;
  // Let queued messages arrive first, so a search already superseded is skipped, not run.
  setTimeout(() => {
    if (msg.req.type === 'search' && msg.seq !== latestSearch) {
      post({ seq: msg.seq, ok: false, error: 'superseded', superseded: true });
      return;
    }
    answer(msg).then(
      (result) => post({ seq: msg.seq, ok: true, result }),
      (err: unknown) => post({ seq: msg.seq, ok: false, error: (err as Error)?.message ?? String(err) }),
    );
  }, 0);
});

void host.start().catch(() => {});
