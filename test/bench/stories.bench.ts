/**
 * Stories across outlets (issue 12), in Node on fake-indexeddb through the app's own code: the corpus
 * is imported by ImportPipeline (the import worker's code) and detected by StoryDetector (the stories
 * worker's code). `--story-pairs FILE` (JSON Lines `{"a": N, "b": M, "label"?}`, 0-based corpus lines)
 * gets one relation per pair (`--json` → `storyPairs`), and where labels are present, precision, recall
 * and F1 for `same` and for related (same or partial), plus the confusion matrix.
 * Cost rows: detection over the corpus, adding the last 1,000 records to the rest, the detector's
 * memory, counts of stories, editions and related pairs, and whether every record is accounted for.
 */
import { readFileSync } from 'node:fs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { WarraqDb } from '../../renderer/storage/db';
import { ArticlesRepo } from '../../renderer/storage/articles-repo';
import { StoriesRepo } from '../../renderer/storage/stories-repo';
import { ImportPipeline } from '../../renderer/services/import-pipeline';
import type { FromWorker, ImportReport } from '../../renderer/services/import-protocol';
import { failedCount } from '../../renderer/services/import-counts';
import { StoryDetector } from '../../renderer/services/stories-detector';
import type { BenchContext, BenchRow } from './lib/context';
import { readCorpus, generateCorpus } from './lib/corpus';
import { pairMetrics, relationOf, type Pair } from './lib/story-pairs';

export const name = 'stories';

const INCREMENT = 1000;

async function importLines(db: WarraqDb, lines: string[], firstLine: number): Promise<ImportReport> {
  // Blank lines keep the corpus' line numbers (records are numbered by line, 1-based).
  const text = '\n'.repeat(firstLine) + lines.join('\n') + '\n';
  const msgs: FromWorker[] = [];
  const p = new ImportPipeline(new ArticlesRepo(db), (m) => msgs.push(m), { progressEveryMs: 1000 });
  const blob = new Blob([text]);
  p.handle({ type: 'start', filesTotal: 1, bytesTotal: blob.size, importedAt: Date.now() });
  p.handle({ type: 'file', index: 0, path: 'corpus.jsonl', blob });
  p.handle({ type: 'end' });
  await p.run();
  const done = msgs.find((m) => m.type === 'done');
  if (!done || done.type !== 'done') throw new Error('import did not finish');
  return done.report;
}

const heapMb = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
};

export async function run(ctx: BenchContext): Promise<{ rows: BenchRow[]; json?: Record<string, unknown> }> {
  const lines: string[] = [];
  if (ctx.corpus) for await (const r of readCorpus(ctx.corpus, ctx.limit)) lines.push(JSON.stringify(r));
  else for (const r of generateCorpus(ctx.limit ?? 3000)) lines.push(JSON.stringify(r));
  const split = Math.max(0, lines.length - INCREMENT);
  const db = new WarraqDb('bench-stories', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  const repo = new StoriesRepo(db);
  const rows: BenchRow[] = [];

  let t = performance.now();
  const first = await importLines(db, lines.slice(0, split), 0);
  const importMs = performance.now() - t;
  const heapBefore = heapMb();
  const detector = new StoryDetector(repo, () => {});
  t = performance.now();
  await detector.start();
  const detectMs = performance.now() - t;
  const heapDetector = heapMb() - heapBefore;

  t = performance.now();
  const second = await importLines(db, lines.slice(split), split);
  const addImportMs = performance.now() - t;
  const newIds = (await repo.articleKeys()).map((k) => k.id).filter((id) => !detector.index.has(id));
  t = performance.now();
  await detector.add(newIds);
  const addDetectMs = performance.now() - t;

  const records = lines.length;
  const count = (r: ImportReport) => r.imported + (r.editions ?? 0) + r.duplicates + failedCount(r);
  const accounted = count(first) + count(second);
  const stats = detector.stats();
  const editions = await repo.editionCount();
  const multi = (await repo.allStories()).filter((s) => s.articleIds.length > 1);
  rows.push(
    { metric: `import ${split} records (ImportPipeline, fake-indexeddb)`, value: importMs / 1000, unit: 's' },
    {
      metric: `detection over ${split} articles (worker code, from texts)`,
      value: detectMs / 1000,
      unit: 's',
      note: `${((100 * detectMs) / importMs).toFixed(0)}% of this import`,
    },
    {
      metric: `add ${lines.length - split} records to ${split}: detection`,
      value: addDetectMs / 1000,
      unit: 's',
      note: `import of them: ${(addImportMs / 1000).toFixed(2)} s`,
    },
    {
      metric: 'detector memory (index estimate)',
      value: stats.bytes / 1e6,
      unit: 'MB',
      note: `heap after start +${heapDetector.toFixed(0)} MB`,
    },
    {
      metric: 'records read',
      value: records,
      unit: 'records',
      note: accounted === records ? 'all accounted for' : `accounted ${accounted}`,
    },
    { metric: 'articles', value: stats.articles, unit: 'articles' },
    { metric: 'editions', value: editions, unit: 'editions', note: `${editions - stats.articles} beyond the first` },
    {
      metric: 'stories of 2+ articles',
      value: multi.length,
      unit: 'stories',
      note: `${multi.reduce((s, x) => s + x.articleIds.length, 0)} articles in them`,
    },
    {
      metric: 'related pairs (links)',
      value: stats.links,
      unit: 'pairs',
      note: `${stats.same} same, ${stats.partial} partial`,
    },
  );

  if (!ctx.storyPairs) return { rows };
  const pairs: Pair[] = readFileSync(ctx.storyPairs, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Pair);
  const editionsAll = await repo.allEditions();
  const byLine = new Map<number, string>();
  for (const e of editionsAll) if (e.source.record !== undefined) byLine.set(e.source.record - 1, e.articleId);
  const metas = new Map((await repo.metas([...new Set(byLine.values())])).map((m) => [m.id, m]));
  const links = new Map((await repo.allLinks()).map((l) => [l.id, l.relation]));
  const storyPairs = pairs.map((p) => ({
    a: p.a,
    b: p.b,
    relation: relationOf(byLine.get(p.a), byLine.get(p.b), metas, links),
  }));
  rows.push(
    ...pairMetrics(
      pairs,
      storyPairs.map((s) => s.relation),
    ),
  );
  return { rows, json: { storyPairs } };
}
