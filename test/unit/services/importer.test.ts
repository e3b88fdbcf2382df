/**
 * ImportService with the real pipeline behind an in-process fake worker (same messages as the real one):
 * progress state, library kept in step, file read errors, cancel, and the fatal path.
 */
import { describe, it, expect, beforeEach } from 'vitest';
import { ArticlesRepo } from '../../../renderer/storage/articles-repo';
import { LibraryService, type LibraryChange } from '../../../renderer/services/library';
import { Notifier } from '../../../renderer/services/notifier';
import { ImportService, type ImportWorker } from '../../../renderer/services/importer';
import { ImportPipeline } from '../../../renderer/services/import-pipeline';
import type { FromWorker, ToWorker } from '../../../renderer/services/import-protocol';
import type { PickedFile } from '../../../renderer/platform/platform';
import { StorageError } from '../../../renderer/storage/errors';
import { freshDb } from '../support/db';

function fakeWorker(repo: Pick<ArticlesRepo, 'putMany'>, log: ToWorker['type'][] = []): ImportWorker {
  let pipeline: ImportPipeline | null = null;
  const w: ImportWorker = {
    onmessage: null,
    onerror: null,
    terminate: () => {},
    postMessage(m: ToWorker) {
      log.push(m.type);
      // Messages cross a real worker boundary asynchronously: so do these.
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

function picked(path: string, text: string): PickedFile {
  const blob = new Blob([text]);
  return { path, size: blob.size, blob: async () => blob };
}

const article = (n: number) =>
  `صحيفة الغد\nافتتاح الجسر رقم ${n} فوق النهر\nبغداد - الأحد 23 آذار 2019\nافتتحت البلدية الجسر رقم ${n} بحضور السكان.\n`;

describe('ImportService', () => {
  let repo: ArticlesRepo;
  let library: LibraryService;
  let changes: LibraryChange[];
  beforeEach(async () => {
    const db = freshDb();
    await db.open();
    repo = new ArticlesRepo(db);
    library = new LibraryService(repo, new Notifier());
    await library.load();
    changes = [];
    library.addEventListener('change', (e) => changes.push((e as CustomEvent<LibraryChange>).detail));
  });

  it('imports files, follows progress and puts the new articles in the library', async () => {
    const svc = new ImportService(library, () => fakeWorker(repo));
    const phases: string[] = [];
    svc.addEventListener('change', () => phases.push(svc.state.phase));
    const files = [
      picked('أخبار/جسر 1.txt', article(1)),
      picked('أخبار/جسر 2.txt', article(2)),
      picked('أخبار/نسخة.txt', article(1)),
    ];
    const report = await svc.start(files);
    expect(report).toMatchObject({ imported: 2, duplicates: 1, failed: [], skipped: [], cancelled: false });
    expect(phases[0]).toBe('running');
    expect(phases.at(-1)).toBe('done');
    expect(svc.state.progress).toMatchObject({ filesDone: 3, filesTotal: 3, imported: 2, duplicates: 1 });
    expect(library.size).toBe(2);
    expect(library.allMeta().map((m) => m.outlet)).toEqual(['صحيفة الغد', 'صحيفة الغد']);
    expect(changes.flatMap((c) => c.added)).toHaveLength(2);
  });

  it('a file the platform cannot read is a failure with its reason, the rest import', async () => {
    const broken: PickedFile = {
      path: 'مفقود.txt',
      size: 10,
      blob: () => Promise.reject(new Error('the file was moved')),
    };
    const report = await new ImportService(library, () => fakeWorker(repo)).start([
      broken,
      picked('جسر.txt', article(3)),
    ]);
    expect(report.imported).toBe(1);
    expect(report.failed).toEqual([
      { path: 'مفقود.txt', code: 'read', reason: 'The file could not be read (the file was moved).' },
    ]);
  });

  it('refuses a second import while one runs', async () => {
    const svc = new ImportService(library, () => fakeWorker(repo));
    const first = svc.start([picked('a.txt', article(4))]);
    expect(() => svc.start([picked('b.txt', article(5))])).toThrow(/already running/);
    await first;
  });

  it('cancel stops feeding files and reports cancelled', async () => {
    const log: ToWorker['type'][] = [];
    const svc = new ImportService(library, () => fakeWorker(repo, log));
    const files = Array.from({ length: 200 }, (_, i) => picked(`f${i}.txt`, article(100 + i)));
    const done = svc.start(files);
    svc.cancel();
    const report = await done;
    expect(report.cancelled).toBe(true);
    expect(log.filter((t) => t === 'file').length).toBeLessThan(200);
    expect(await repo.count()).toBe(library.size);
  });

  it('past the live limit, the library is loaded once at the end and announced in one change', async () => {
    const records = Array.from({ length: 2100 }, (_, i) =>
      JSON.stringify({ title: `خبر ${i}`, content: `نص الخبر رقم ${i} عن الطقس.` }),
    ).join('\n');
    const report = await new ImportService(library, () => fakeWorker(repo)).start([picked('كبير.jsonl', records)]);
    expect(report.imported).toBe(2100);
    expect(library.size).toBe(2100);
    const added = changes.map((c) => c.added.length);
    expect(added.reduce((a, b) => a + b, 0)).toBe(2100);
    expect(added.at(-1)).toBeGreaterThan(50); // the deferred rest came in one event
  });

  it('picked files of more than a few MB are a bulk import from the first article: one change at the end', async () => {
    const records = Array.from({ length: 400 }, (_, i) =>
      JSON.stringify({ title: `خبر ${i}`, content: `نص الخبر رقم ${i} عن الطقس.` }),
    ).join('\n');
    const file = { ...picked('أرشيف.jsonl', records), size: 6e6 };
    const svc = new ImportService(library, () => fakeWorker(repo));
    const bulk: boolean[] = [];
    svc.addEventListener('change', () => bulk.push(svc.bulk));
    const report = await svc.start([file]);
    expect(report.imported).toBe(400);
    expect(bulk[0]).toBe(true);
    expect(svc.bulk).toBe(false);
    expect(changes.map((c) => c.added.length)).toEqual([400]); // not one per 300-article batch
  });

  it('runs ahead of the worker by a bounded number of bytes (Electron holds each handed file in memory)', async () => {
    const posted: number[] = [];
    let w!: ImportWorker;
    const svc = new ImportService(
      library,
      () =>
        (w = {
          onmessage: null,
          onerror: null,
          terminate: () => {},
          postMessage: (m: ToWorker) => {
            if (m.type === 'file') posted.push(m.index);
          },
        }),
    );
    // 20 MB each: the first is always handed over; a second would pass the 32 MB budget.
    const big = Array.from({ length: 4 }, (_, i): PickedFile => ({
      path: `كبير ${i}.jsonl`,
      size: 20e6,
      blob: async () => new Blob(['{}']),
    }));
    void svc.start(big);
    await new Promise((r) => setTimeout(r, 10));
    expect(posted).toEqual([0]);
    w.onmessage!({ data: { type: 'file-done', index: 0 } } as MessageEvent<FromWorker>);
    await new Promise((r) => setTimeout(r, 10));
    expect(posted).toEqual([0, 1]);
  });

  it('a storage failure ends the import with a report naming it', async () => {
    const full = {
      putMany: async () => {
        throw new StorageError('quota', 'QuotaExceededError');
      },
    };
    const report = await new ImportService(library, () => fakeWorker(full)).start([picked('جسر.txt', article(6))]);
    expect(report.error).toEqual({ problem: 'quota', message: 'QuotaExceededError' });
    expect(report.imported).toBe(0);
  });
});
