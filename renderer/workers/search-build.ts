/**
 * Segment builders: in-process (Node tests, and a fallback where workers cannot start) and a pool
 * of builder workers (the app: both cores build segments while the search worker keeps answering).
 */
import { buildSegment } from '../core/search/segment';
import { encodeSegment } from '../core/search/codec';
import { decodeCompact, encodeCompact } from '../core/search/compact';
import { mergeSegments } from '../core/search/merge';
import type { SearchRepo } from '../storage/search-repo';
import type { SegmentBuilder } from './search-host';

/** Reads the documents and builds one encoded segment; rejects with StorageError on a read failure. */
export async function buildEncoded(repo: SearchRepo, ids: readonly string[]): Promise<Uint8Array> {
  const docs = await repo.docs(ids);
  const data = buildSegment(docs);
  return encodeSegment({ data, dead: new Uint8Array(docs.length) });
}

/** Merges encoded compact segments (tombstoned documents dropped) into one encoded segment. */
export function mergeEncoded(parts: readonly Uint8Array[]): Uint8Array {
  const data = mergeSegments(parts.map((b) => decodeCompact(b)));
  return encodeCompact({ data, dead: new Uint8Array(data.ids.length) });
}

/** Builds on the calling thread. */
export function localBuilder(repo: SearchRepo): SegmentBuilder {
  return { parallel: 1, build: (ids) => buildEncoded(repo, ids), merge: async (parts) => mergeEncoded(parts) };
}

interface BuildReply {
  job: number;
  bytes?: Uint8Array;
  error?: string;
}

/**
 * A pool of up to `max` builder workers created by `spawn` when first needed; builds run `parallel`
 * at a time unless a caller asks for more. A worker error rejects that build only. `close()`
 * terminates them.
 */
export function workerPool(spawn: () => Worker, parallel: number, max = parallel): SegmentBuilder & { close(): void } {
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  const waiting: Array<(w: Worker) => void> = [];
  const pending = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();
  const busy = new Map<Worker, number>();
  let job = 0;
  const settle = (w: Worker, id: number, bytes: Uint8Array | undefined, error: string) => {
    const p = pending.get(id);
    pending.delete(id);
    busy.delete(w);
    if (bytes) p?.resolve(bytes);
    else p?.reject(new Error(error));
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  const start = (): Worker => {
    const w = spawn();
    workers.push(w);
    w.addEventListener('message', (e: MessageEvent<BuildReply>) =>
      settle(w, e.data.job, e.data.bytes, e.data.error ?? 'build failed'),
    );
    // A worker that fails to load or throws outside a job would otherwise leave its build hanging.
    w.addEventListener('error', (e: Event) => {
      e.preventDefault();
      const id = busy.get(w);
      if (id !== undefined) settle(w, id, undefined, `builder worker failed: ${(e as ErrorEvent).message ?? ''}`);
    });
    return w;
  };
  const acquire = (): Promise<Worker> => {
    const w = idle.pop() ?? (workers.length < max ? start() : undefined);
    return w ? Promise.resolve(w) : new Promise((res) => waiting.push(res));
  };
  const run = async (
    msg: { ids: string[] } | { merge: Uint8Array[] },
    transfer: Transferable[] = [],
  ): Promise<Uint8Array> => {
    const w = await acquire();
    const id = ++job;
    return new Promise<Uint8Array>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      busy.set(w, id);
      w.postMessage({ job: id, ...msg }, transfer);
    });
  };
  return {
    parallel,
    max,
    build: (ids) => run({ ids }),
    merge: (parts) =>
      run(
        { merge: [...parts] },
        parts.map((p) => p.buffer),
      ),
    close: () => workers.forEach((w) => w.terminate()),
  };
}
