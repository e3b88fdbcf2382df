/**
 * The import worker run in-process for Node tests: the real ImportPipeline behind the ImportWorker
 * interface, messages crossing asynchronously as they do across a real worker boundary.
 */
import type { ArticlesRepo } from '../../../renderer/storage/articles-repo';
import type { ImportWorker } from '../../../renderer/services/importer';
import { ImportPipeline } from '../../../renderer/services/import-pipeline';
import type { FromWorker, ToWorker } from '../../../renderer/services/import-protocol';

export function inProcessWorker(repo: Pick<ArticlesRepo, 'putMany'>): ImportWorker {
  let pipeline: ImportPipeline | null = null;
  const w: ImportWorker = {
    onmessage: null,
    onerror: null,
    terminate: () => {},
    postMessage(m: ToWorker) {
      queueMicrotask(() => {
        if (m.type === 'start') {
          pipeline = new ImportPipeline(
            repo,
            (out: FromWorker) => setTimeout(() => w.onmessage?.({ data: out } as MessageEvent<FromWorker>)),
            { batchSize: 50 },
          );
          pipeline.handle(m);
          void pipeline.run();
        } else pipeline?.handle(m);
      });
    },
  };
  return w;
}
