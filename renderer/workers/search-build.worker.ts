/**
 * Builder worker: receives {job, ids}, reads those articles from IndexedDB, builds and encodes one
 * segment, and transfers the bytes back; or {job, merge}: merges encoded compact segments into one
 * (tiered merges run here, not in the search worker that answers queries). Spawned by the search worker (two of them on two cores).
 */
import { WarraqDb } from '../storage/db';
import { SearchRepo } from '../storage/search-repo';
import { buildEncoded, mergeEncoded } from './search-build';

const repo = new SearchRepo(new WarraqDb());
// The renderer is typed with the DOM lib (no WebWorker lib): the little of the worker scope used here.
const scope = self as unknown as {
  postMessage(msg: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
};

scope.addEventListener('message', (e: MessageEvent<{ job: number; ids?: string[]; merge?: Uint8Array[] }>) => {
  const { job, ids, merge } = e.data;
  (merge ? Promise.resolve().then(() => mergeEncoded(merge)) : buildEncoded(repo, ids ?? [])).then(
    (bytes) => scope.postMessage({ job, bytes }, [bytes.buffer]),
    (err: unknown) => scope.postMessage({ job, error: (err as Error)?.message ?? String(err) }),
  );
});
