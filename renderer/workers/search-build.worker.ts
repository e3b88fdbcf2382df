/**
 * Builder worker: receives {job, ids}, reads those articles from IndexedDB, builds and encodes one
 * segment, and transfers the bytes back; or {job, merge}: merges encoded compact segments into one
 * (tiered merges run here, not in the search worker that answers queries). Spawned by the search worker (two of them on two cores).
 */
import { WarraqDb } from '../storage/db';
import { SearchRepo } from '../storage/search-repo';
import { buildEncoded, mergeEncoded } from './search-build';
import { releaseSharedAnalysis } from '../core/search/spellings';

const repo = new SearchRepo(new WarraqDb());
// The renderer is typed with the DOM lib (no WebWorker lib): the little of the worker scope used here.
const scope = self as unknown as {
  postMessage(msg: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
};

// The builder's words numbered across segments (core/search/spellings.ts, up to ~40 MB) speed up
// a run of builds; an idle builder lets them go.
const IDLE_RELEASE_MS = 10_000;
let idle: ReturnType<typeof setTimeout> | undefined;

scope.addEventListener('message', (e: MessageEvent<{ job: number; ids?: string[]; merge?: Uint8Array[] }>) => {
  const { job, ids, merge } = e.data;
  clearTimeout(idle);
  (merge ? Promise.resolve().then(() => mergeEncoded(merge)) : buildEncoded(repo, ids ?? []))
    .then(
      (bytes) => scope.postMessage({ job, bytes }, [bytes.buffer]),
      (err: unknown) => scope.postMessage({ job, error: (err as Error)?.message ?? String(err) }),
    )
    .finally(() => {
      clearTimeout(idle);
      idle = setTimeout(releaseSharedAnalysis, IDLE_RELEASE_MS);
    });
});
