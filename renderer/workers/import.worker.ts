/**
 * The import worker: parsing and storage off the main thread. Opens its own connection to the shared
 * IndexedDB and runs one ImportPipeline per `start` (the page creates a worker per import and ends it
 * after `done`). Protocol: services/import-protocol.ts.
 */
import { WarraqDb } from '../storage/db';
import { ArticlesRepo } from '../storage/articles-repo';
import { ImportPipeline } from '../services/import-pipeline';
import type { FromWorker, ToWorker } from '../services/import-protocol';

const scope = self as unknown as {
  postMessage(m: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

let pipeline: ImportPipeline | null = null;
let db: WarraqDb | null = null;

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'start' && !pipeline) {
    db = new WarraqDb();
    const p = new ImportPipeline(new ArticlesRepo(db), (m) => scope.postMessage(m));
    pipeline = p;
    p.handle(msg);
    void p.run().finally(() => db?.close());
    return;
  }
  pipeline?.handle(msg);
};
