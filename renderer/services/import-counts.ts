/**
 * The counts a report shows: each list's length plus what went beyond the list's cap. Warnings are about
 * articles that were imported, so an archive with many of them must not count them as failures (the
 * report's counts add up to the records read).
 */
import type { ImportReport } from './import-protocol';

type Counted = Pick<ImportReport, 'failed' | 'skipped' | 'warnings' | 'unlisted' | 'unlistedBy'>;

export function failedCount(r: Counted): number {
  return r.failed.length + (r.unlistedBy ? (r.unlistedBy.failed ?? 0) : (r.unlisted ?? 0));
}

export function skippedCount(r: Counted): number {
  return r.skipped.length + (r.unlistedBy?.skipped ?? 0);
}

export function warningCount(r: Counted): number {
  return (r.warnings?.length ?? 0) + (r.unlistedBy?.warnings ?? 0);
}

/** Problems counted but not listed (failures, skips, warnings; not the editions list's overflow). */
export function unlistedProblems(r: Counted): number {
  const by = r.unlistedBy;
  return by ? (by.failed ?? 0) + (by.skipped ?? 0) + (by.warnings ?? 0) : (r.unlisted ?? 0);
}
