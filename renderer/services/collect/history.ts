/**
 * The import history: every finished import (files, folders, drops, links, feeds, watched folders)
 * with its counts, newest first. Follows ImportServices and records each report once.
 */
import type { FeedsRepo, ImportHistoryRow } from '../../storage/feeds-repo';
import type { ImportService } from '../importer';
import { failedCount } from '../import-counts';

export class ImportHistory extends EventTarget {
  rows: ImportHistoryRow[] = [];

  constructor(private readonly repo: FeedsRepo) {
    super();
  }

  async load(): Promise<void> {
    this.rows = await this.repo.history();
    this.dispatchEvent(new Event('change'));
  }

  /** Records each report `importer` finishes from now on. */
  follow(importer: ImportService): void {
    let recorded: unknown;
    importer.addEventListener('change', () => {
      const { phase, report, source } = importer.state;
      if (phase !== 'done' || !report || report === recorded) return;
      recorded = report;
      const row: ImportHistoryRow = {
        at: report.finishedAt || Date.now(),
        origin: source?.origin ?? 'files',
        label: source?.label ?? '',
        imported: report.imported,
        duplicates: report.duplicates,
        failed: failedCount(report),
      };
      this.repo
        .addHistory(row)
        .then(() => this.load())
        .catch((e) => console.warn('import history:', e));
    });
  }
}
