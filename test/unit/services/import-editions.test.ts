/**
 * Import and editions (issue 12): a copy of a stored text from another outlet is reported as "another
 * edition of …", not as a duplicate; the very same file again adds nothing; the counts add up to the
 * records read.
 */
import { describe, it, expect } from 'vitest';
import { ArticlesRepo } from '../../../renderer/storage/articles-repo';
import { ImportPipeline } from '../../../renderer/services/import-pipeline';
import type { FromWorker, ImportReport } from '../../../renderer/services/import-protocol';
import { freshDb } from '../support/db';

const BODY =
  'أعلن الدفاع المدني إجلاء 40 أسرة من حي الشاطئ بعد ارتفاع منسوب المياه.\nوقال المتحدث إن الفرق ما زالت في الموقع.';

function record(source: string, url: string, title = 'إجلاء أسر من حي الشاطئ'): string {
  return JSON.stringify({ source, url, title, date_extracted: '2015-07-21 10:00:00', content: BODY });
}

async function run(repo: ArticlesRepo, path: string, data: string) {
  const msgs: FromWorker[] = [];
  const p = new ImportPipeline(repo, (m) => msgs.push(m));
  const blob = new Blob([data]);
  p.handle({ type: 'start', filesTotal: 1, bytesTotal: blob.size, importedAt: 1_700_000_000_000 });
  p.handle({ type: 'file', index: 0, path, blob });
  p.handle({ type: 'end' });
  await p.run();
  return {
    report: (msgs.find((m) => m.type === 'done') as Extract<FromWorker, { type: 'done' }>).report as ImportReport,
    msgs,
  };
}

describe('import with editions', () => {
  it('reports another edition, keeps its provenance, and adds nothing on re-import', async () => {
    const db = freshDb();
    await db.open();
    const repo = new ArticlesRepo(db);
    const lines =
      [
        record('was', 'https://spa.example/1'),
        record('okaz', 'https://okaz.example/7'),
        record('okaz', 'https://okaz.example/7'), // the very same copy again in the archive
        record('alriyadh', 'https://riyadh.example/3', 'عنوان آخر للخبر نفسه'), // another headline: another text
      ].join('\n') + '\n';
    const { report, msgs } = await run(repo, 'day.jsonl', lines);
    expect(report.imported).toBe(2);
    expect(report.editions).toBe(1);
    expect(report.duplicates).toBe(1);
    expect(report.imported + (report.editions ?? 0) + report.duplicates + report.failed.length).toBe(4);
    expect(report.editionsOf?.[0]).toMatchObject({ path: 'day.jsonl', code: 'edition', line: 2 });
    expect(report.editionsOf?.[0]?.reason).toMatch(/^Another edition of “إجلاء أسر من حي الشاطئ” \(okaz/);
    const added = msgs
      .filter((m) => m.type === 'added')
      .flatMap((m) => (m as Extract<FromWorker, { type: 'added' }>).metas);
    expect(added.find((m) => m.outlet === 'was')).toMatchObject({ editions: 2, outlets: ['was', 'okaz'] });
    expect(await db.editions.count()).toBe(3);
    const okaz = (await db.editions.toArray()).find((e) => e.outlet === 'okaz');
    expect(okaz).toMatchObject({
      url: 'https://okaz.example/7',
      title: 'إجلاء أسر من حي الشاطئ',
      source: { kind: 'jsonl', name: 'day.jsonl', record: 2 },
    });

    const again = await run(repo, 'day.jsonl', lines);
    expect(again.report).toMatchObject({ imported: 0, editions: 0, duplicates: 4 });
    expect(await db.editions.count()).toBe(3);
    expect(await db.articles.count()).toBe(2);
  });
});

describe('the report text names editions', () => {
  it('counts and lists "another edition of …" (Arabic interface)', async () => {
    const { reportText } = await import('../../../renderer/ui/import/report-text');
    const report: ImportReport = {
      imported: 2,
      duplicates: 1,
      editions: 1,
      cancelled: false,
      unlisted: 0,
      startedAt: 0,
      finishedAt: Date.UTC(2026, 11, 7, 9, 0),
      failed: [],
      skipped: [],
      warnings: [],
      editionsOf: [
        {
          path: 'day.jsonl',
          code: 'edition',
          line: 2,
          title: 'إجلاء أسر من حي الشاطئ',
          outlet: 'okaz',
          reason: 'Another edition of “إجلاء أسر من حي الشاطئ” (okaz).',
        },
      ],
    };
    const ar = reportText(report);
    expect(ar).toContain('نسخ أخرى من مقالات محفوظة: ١');
    expect(ar).toContain('- day.jsonl: نسخة أخرى من «إجلاء أسر من حي الشاطئ» (okaz)');
  });
});
