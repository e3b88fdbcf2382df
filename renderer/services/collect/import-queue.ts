/**
 * Imports that start on their own (a saved link, a watched folder's files) wait for the import that is
 * running instead of being refused; they run one after another on the app's ImportService, so each
 * gets the usual progress panel and report.
 */
import type { ImportItem, ImportReport, ImportService, ImportSource } from '../importer';

export class ImportQueue {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly importer: ImportService) {}

  /** Runs the import once the importer is free; resolves with its report. */
  add(items: ImportItem[], source: ImportSource): Promise<ImportReport> {
    const run = this.chain.then(() => this.idle()).then(() => this.importer.start(items, source));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private idle(): Promise<void> {
    if (!this.importer.running) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (this.importer.running) return;
        this.importer.removeEventListener('change', check);
        resolve();
      };
      this.importer.addEventListener('change', check);
    });
  }
}
