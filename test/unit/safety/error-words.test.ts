/** Issue 13 item 6: "storage full" reaches the user as its plain sentence, never as a raw DOMException name. */
import { describe, it, expect } from 'vitest';
import { summaryLines } from '../../../renderer/ui/import/report-text';
import { plainDetail } from '../../../renderer/ui/common/report-error';
import { ar } from '../../../renderer/ui/strings/ar';
import type { ImportReport } from '../../../renderer/services/import-protocol';

const report = (error: ImportReport['error']): ImportReport => ({
  imported: 3,
  duplicates: 0,
  failed: [],
  skipped: [],
  warnings: [],
  cancelled: false,
  unlisted: 0,
  startedAt: 0,
  finishedAt: 0,
  error,
});

describe('error words (issue 13)', () => {
  it('the import report says the disk is full, not QuotaExceededError', () => {
    const lines = summaryLines(
      report({ problem: 'quota', message: 'quota: QuotaExceededError: The quota has been exceeded.' }),
    ).join('\n');
    expect(lines).toContain(ar['error.storage.quota']);
    expect(lines).not.toMatch(/QuotaExceeded/);
  });

  it('the search status (a worker message string) gets the same sentence', () => {
    expect(plainDetail(undefined, 'QuotaExceededError: Encountered full disk while opening backing store')).toBe(
      ar['error.storage.quota'],
    );
    expect(plainDetail(undefined, 'quota: The quota has been exceeded.')).toBe(ar['error.storage.quota']);
    expect(plainDetail(undefined, 'closed: Database has been closed')).toBe(ar['error.storage.closed']);
    expect(plainDetail(undefined, 'something else')).toBe('something else');
  });
});
