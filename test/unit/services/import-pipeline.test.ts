/**
 * The worker's import pipeline, run in Node on fake-indexeddb with the parsers' fixtures: kinds, issues
 * with reasons, duplicates, batches as transactions, cancel then re-run, damaged archives, storage failure.
 */
import { failedCount } from '../../../renderer/services/import-counts';
import { describe, it, expect, beforeEach } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ArticlesRepo } from '../../../renderer/storage/articles-repo';
import { StorageError } from '../../../renderer/storage/errors';
import type { WarraqDb } from '../../../renderer/storage/db';
import { ImportPipeline, type PipelineOptions } from '../../../renderer/services/import-pipeline';
import type { BodiesMessage } from '../../../renderer/services/stories-protocol';
import type { FromWorker, ImportReport } from '../../../renderer/services/import-protocol';
import { freshDb } from '../support/db';

const FIX = join(__dirname, '..', '..', 'fixtures', 'import');

interface InFile {
  path: string;
  data: Uint8Array | string;
}

function fixture(rel: string, path = rel.split('/').pop()!): InFile {
  return { path, data: readFileSync(join(FIX, rel)) };
}

function folder(rel: string): InFile[] {
  const root = join(FIX, rel);
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
  return walk(root)
    .sort()
    .map((p) => ({ path: `folder/${relative(root, p)}`, data: readFileSync(p) }));
}

async function run(
  repo: Pick<ArticlesRepo, 'putMany'>,
  files: InFile[],
  opts: PipelineOptions = {},
  onMsg?: (m: FromWorker, p: ImportPipeline) => void,
  stories?: MessagePort,
) {
  const msgs: FromWorker[] = [];
  const p = new ImportPipeline(
    repo,
    (m) => {
      msgs.push(m);
      onMsg?.(m, p);
    },
    opts,
  );
  const blobs = files.map((f) => new Blob([f.data as BlobPart]));
  p.handle({
    type: 'start',
    filesTotal: files.length,
    bytesTotal: blobs.reduce((s, b) => s + b.size, 0),
    importedAt: 1_700_000_000_000,
    stories,
  });
  files.forEach((f, i) => p.handle({ type: 'file', index: i, path: f.path, blob: blobs[i]! }));
  p.handle({ type: 'end' });
  await p.run();
  const done = msgs.find((m) => m.type === 'done') as Extract<FromWorker, { type: 'done' }> | undefined;
  return { report: done?.report as ImportReport, msgs };
}

function jsonl(n: number, from = 0): string {
  return (
    Array.from({ length: n }, (_, i) =>
      JSON.stringify({
        source: 'الوطن',
        title: `خبر رقم ${i + from} عن افتتاح مدرسة جديدة`,
        date: '2015-07-21',
        content: `افتتح وزير التعليم المدرسة رقم ${i + from} في حي النسيم.\nوحضر الافتتاح أولياء الأمور.`,
      }),
    ).join('\n') + '\n'
  );
}

describe('ImportPipeline', () => {
  let db: WarraqDb;
  let repo: ArticlesRepo;
  beforeEach(async () => {
    db = freshDb();
    await db.open();
    repo = new ArticlesRepo(db);
  });

  it('imports text, cp1256 text, HTML, .mhtml and JSONL into whole stored articles', async () => {
    const { report } = await run(repo, [
      fixture('text/cairo-agency.txt'),
      fixture('encodings/watan-cp1256-crlf.txt'),
      fixture('html/page-cluttered.html'),
      fixture('mhtml/page-chrome-qp.mhtml'),
      fixture('records/archive.jsonl'),
    ]);
    expect(report.failed).toEqual([]);
    // The .mhtml is the same page as the .html (same title and text): one article.
    expect(report).toMatchObject({ imported: 3 + 3, duplicates: 1 });
    const metas = await repo.listMeta();
    expect(metas.map((m) => m.source.kind).sort()).toEqual(['html', 'jsonl', 'jsonl', 'jsonl', 'text', 'text']);
    const watan = metas.find((m) => m.source.name === 'watan-cp1256-crlf.txt')!;
    expect(watan.title).toMatch(/[\u0621-\u064a]/);
    const text = await repo.getText(watan.id);
    expect(text!.text).toContain('\r\n');
    expect(text!.paragraphs.length).toBeGreaterThan(0);
  });

  it('a folder: nested files stored once, companion folder, hidden file and image skipped with reasons', async () => {
    const files = folder('folder');
    const { report } = await run(repo, files);
    expect(report.imported).toBe(3);
    expect(report.duplicates).toBe(1);
    expect(report.failed).toEqual([]);
    const codes = Object.fromEntries(report.skipped.map((s) => [s.path.split('/').pop(), s.code]));
    expect(codes).toEqual({ 'style.css': 'companion', '.مخفي.txt': 'hidden', 'شعار الموقع.png': 'unsupported' });
    const again = await run(repo, files);
    expect(again.report.imported).toBe(0);
    expect(again.report.duplicates).toBe(4);
    expect(await repo.count()).toBe(3);
  });

  it('bad inputs each get a failure with a plain reason, and the good ones still land', async () => {
    const { report } = await run(repo, [
      fixture('bad/empty.txt'),
      fixture('bad/blank.txt'),
      fixture('bad/binary-named.txt'),
      fixture('bad/report.docx'),
      fixture('bad/page-saved-as.txt'),
      fixture('records/archive-bad-lines.jsonl'),
      fixture('mhtml/no-boundary.mhtml'),
      fixture('html/page-truncated.html'),
    ]);
    // Imported, with a note: a web page under a .txt name; a page cut off before </html>.
    expect(report.warnings.map((w) => [w.path, w.code])).toEqual([
      ['page-saved-as.txt', 'renamed'],
      ['page-truncated.html', 'truncated'],
    ]);
    const by = (name: string) => report.failed.filter((f) => f.path === name).map((f) => f.code);
    expect(by('empty.txt')).toEqual(['empty']);
    expect(by('blank.txt')).toEqual(['empty']);
    expect(by('binary-named.txt')).toEqual(['wrong-type']);
    expect(report.failed.find((f) => f.path === 'binary-named.txt')!.reason).toMatch(
      /^The name ends in "\.txt" but the file is not text \(/,
    );
    expect(by('no-boundary.mhtml')).toEqual(['malformed']);
    expect(report.skipped.map((s) => [s.path, s.code])).toEqual([['report.docx', 'unsupported']]);
    const lines = report.failed.filter((f) => f.code === 'bad-record');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(
      lines.every(
        (l) =>
          l.path === 'archive-bad-lines.jsonl' && typeof l.line === 'number' && l.reason.includes(`Line ${l.line}`),
      ),
    ).toBe(true);
    const stored = await repo.listMeta();
    expect(stored.some((m) => m.source.name === 'page-saved-as.txt')).toBe(true); // HTML under a .txt name, read as HTML
    expect(stored.filter((m) => m.source.name === 'archive-bad-lines.jsonl').length).toBeGreaterThanOrEqual(2);
    expect(report.imported).toBe(stored.length);
  });

  it('streams a .jsonl.gz in batches, one added message per committed batch', async () => {
    // Story detection's channel: each batch's texts go on it, never in the page's messages.
    const channel = new MessageChannel();
    const sent: BodiesMessage[] = [];
    const fourBatches = new Promise<void>((resolve) => {
      channel.port2.onmessage = (e: MessageEvent<BodiesMessage>) => {
        if (sent.push(e.data) === 4) resolve();
      };
    });
    const { report, msgs } = await run(
      repo,
      [{ path: 'أرشيف الوطن.jsonl.gz', data: gzipSync(jsonl(1000)) }],
      { batchSize: 300 },
      undefined,
      channel.port1,
    );
    expect(report.imported).toBe(1000);
    expect(
      msgs.filter((m) => m.type === 'added').map((m) => (m as Extract<FromWorker, { type: 'added' }>).metas.length),
    ).toEqual([300, 300, 300, 100]);
    expect(JSON.stringify(msgs)).not.toContain('"bodies"');
    // Each batch's bodies are what story detection reads of its articles: the stored title and text.
    await fourBatches;
    channel.port2.close();
    const added = msgs.filter((m) => m.type === 'added') as Extract<FromWorker, { type: 'added' }>[];
    const sample = added[1]!;
    expect(sent.map((s) => s.bodies.length)).toEqual([300, 300, 300, 100]);
    expect(sent[1]!.bodies.map((b) => b.id)).toEqual(sample.metas.map((m) => m.id));
    const one = (await repo.get(sample.metas[7]!.id))!;
    expect(sent[1]!.bodies[7]).toEqual({
      id: one.id,
      title: one.title,
      importedAt: one.importedAt,
      body: one.paragraphs.map((r) => one.text.slice(r.start, r.end)).join('\n'),
    });
    const last = msgs.filter((m) => m.type === 'progress').pop() as Extract<FromWorker, { type: 'progress' }>;
    expect(last.progress).toMatchObject({ filesDone: 1, filesTotal: 1, imported: 1000, duplicates: 0, failed: 0 });
    expect(last.progress.bytesDone).toBe(last.progress.bytesTotal);
  });

  it('a cancel stops after the current batch, leaving whole batches; re-running completes without duplicates', async () => {
    const file = { path: 'archive.jsonl', data: jsonl(1000) };
    const first = await run(repo, [file], { batchSize: 100 }, (m, p) => {
      if (m.type === 'added') p.handle({ type: 'cancel' });
    });
    expect(first.report.cancelled).toBe(true);
    expect(first.report.imported).toBe(100);
    expect(await repo.count()).toBe(100);
    expect(await db.texts.count()).toBe(100);
    const second = await run(repo, [file], { batchSize: 100 });
    expect(second.report).toMatchObject({ imported: 900, duplicates: 100, cancelled: false });
    expect(await repo.count()).toBe(1000);
  });

  it('a truncated .jsonl.gz keeps the records before the damage and says what happened', async () => {
    const gz = gzipSync(jsonl(2000));
    const { report } = await run(repo, [{ path: 'cut.jsonl.gz', data: gz.subarray(0, Math.floor(gz.length / 2)) }], {
      batchSize: 100,
    });
    expect(report.failed.map((f) => f.code)).toEqual(['malformed']);
    expect(report.failed[0]!.reason).toMatch(/damaged or cut short/);
    expect(report.imported).toBeGreaterThan(100);
    expect(report.imported).toBeLessThan(2000);
  });

  it('a full disk ends the import with a fatal message instead of a report', async () => {
    const full = {
      putMany: async () => {
        throw new StorageError('quota', 'QuotaExceededError');
      },
    };
    const { report, msgs } = await run(full, [fixture('text/cairo-agency.txt')]);
    expect(report).toBeUndefined();
    expect(msgs.pop()).toEqual({ type: 'fatal', message: 'QuotaExceededError', problem: 'quota' });
  });

  it('caps listed failures for an archive of bad lines, counting the rest', async () => {
    const bad = Array.from({ length: 30 }, (_, i) => `ليس JSON ${i}`).join('\n');
    const { report } = await run(repo, [{ path: 'bad.jsonl', data: bad }], { maxListed: 10 });
    expect(report.failed).toHaveLength(10);
    expect(report.unlisted).toBe(20);
    expect(failedCount(report)).toBe(30);
  });

  it('counts what overflows a list under that list: editions beyond the cap are not failures', async () => {
    const lines = Array.from({ length: 12 }, (_, i) =>
      JSON.stringify({
        source: `outlet-${i}`,
        url: `https://example.org/${i}`,
        title: 'وزارة الصحة تعلن افتتاح مستشفى جديد',
        content: 'أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في المدينة بسعة مئتي سرير.',
      }),
    );
    const data = [...lines, 'ليس JSON'].join('\n');
    const { report } = await run(repo, [{ path: 'wire.jsonl', data }], { maxListed: 3 });
    expect(report.imported).toBe(1);
    expect(report.editions).toBe(11);
    expect(failedCount(report)).toBe(1);
    expect(report.imported + report.editions! + report.duplicates + failedCount(report)).toBe(13);
  });
});
