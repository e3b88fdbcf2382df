/**
 * The import report as words, in the interface language: one line per issue for the dialog, and the
 * whole report as plain text for "Copy report". English shows the parsers' own reasons (they name the
 * detail); Arabic uses the string table by issue code.
 */
import type { ImportIssue, ImportReport } from '../../services/importer';
import { language, t } from '../strings/i18n';
import { plainDetail } from '../common/report-error';
import { failedCount, skippedCount, unlistedProblems, warningCount } from '../../services/import-counts';

/** Why one file (or one line of an archive) was not imported, in the interface language (an extension is bidi-isolated). */
export function issueText(issue: ImportIssue): string {
  if (issue.code === 'edition')
    return t('stories.import.edition', { title: issue.title ?? '', outlet: issue.outlet ?? '' });
  if (language() === 'en' && issue.reason) return issue.reason;
  return t(`import.reason.${issue.code}`, {
    line: issue.line ?? '',
    ext: issue.ext ? `\u2066.${issue.ext}\u2069` : '—',
  });
}

/** "path: reason" (the reason already names the line for a bad record). */
export function issueLine(issue: ImportIssue): string {
  return `${issue.path}: ${issueText(issue)}`;
}

/** The counts of a report, one sentence each, in display order. */
export function summaryLines(r: ImportReport): string[] {
  const lines = [
    t('import.report.imported', { count: r.imported }),
    ...(r.editions ? [t('stories.import.editions', { count: r.editions })] : []),
    t('import.report.duplicates', { count: r.duplicates }),
    t('import.report.failed', { count: failedCount(r) }),
    t('import.report.skipped', { count: skippedCount(r) }),
  ];
  if (warningCount(r)) lines.push(t('import.report.warnings', { count: warningCount(r) }));
  if (r.cancelled) lines.push(t('import.report.cancelled'));
  if (r.error) lines.push(t('import.report.error', { detail: plainDetail(r.error.problem, r.error.message) }));
  return lines;
}

/** The whole report as copyable plain text (title, counts, each failure and skip with its reason). */
export function reportText(r: ImportReport): string {
  const when = new Date(r.finishedAt || Date.now()).toISOString().replace('T', ' ').slice(0, 16);
  const out = [t('import.report.heading', { date: when }), '', ...summaryLines(r)];
  if (r.failed.length) out.push('', t('import.report.failedList'), ...r.failed.map((i) => `- ${issueLine(i)}`));
  if (unlistedProblems(r)) out.push(t('import.report.unlisted', { count: unlistedProblems(r) }));
  if (r.skipped.length) out.push('', t('import.report.skippedList'), ...r.skipped.map((i) => `- ${issueLine(i)}`));
  if (r.warnings?.length) out.push('', t('import.report.warningsList'), ...r.warnings.map((i) => `- ${issueLine(i)}`));
  if (r.editionsOf?.length)
    out.push('', t('stories.import.editionsList'), ...r.editionsOf.map((i) => `- ${issueLine(i)}`));
  return out.join('\n') + '\n';
}
