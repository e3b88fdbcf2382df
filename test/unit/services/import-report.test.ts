/**
 * The copyable import report (ui/import/report-text.ts) in the default Arabic interface: counts in
 * Arabic-Indic digits, each failure with its file and line, skips with their reasons, the cancel note.
 */
import { describe, it, expect } from 'vitest';
import { reportText, issueText } from '../../../renderer/ui/import/report-text';
import type { ImportReport } from '../../../renderer/services/import-protocol';

const report: ImportReport = {
  imported: 1250,
  duplicates: 3,
  cancelled: true,
  unlisted: 2,
  startedAt: 0,
  finishedAt: Date.UTC(2026, 10, 28, 17, 5),
  failed: [
    { path: 'أرشيف/فارغ.txt', code: 'empty', reason: 'The file is empty.' },
    {
      path: 'أرشيف/أخبار 2015.jsonl',
      code: 'bad-record',
      line: 17,
      reason: 'Line 17 is not valid JSON (Unexpected token).',
    },
  ],
  skipped: [
    { path: 'صور/شعار.png', code: 'unsupported', ext: 'png', reason: 'Unsupported file type: this is an image.' },
  ],
  warnings: [{ path: 'صفحة.html', code: 'truncated', reason: 'Imported, but the page is cut short.' }],
};

describe('reportText (Arabic)', () => {
  const text = reportText(report);
  it('starts with a dated heading and gives every count', () => {
    expect(text.split('\n')[0]).toBe('تقرير استيراد ورّاق — 2026-11-28 17:05');
    expect(text).toContain('مقالات مستوردة: ١٬٢٥٠');
    expect(text).toContain('مكررات تُركت: ٣');
    expect(text).toContain('إخفاقات: ٤'); // 2 listed + 2 unlisted
    expect(text).toContain('ملفات تُخطّيت: ١');
    expect(text).toContain('ملاحظات: ١');
    expect(text).toContain('أُلغي الاستيراد قبل نهايته');
  });

  it('lists each failure with its file, the bad line by number, and skips with their reason', () => {
    expect(text).toContain('- أرشيف/فارغ.txt: الملف فارغ.');
    expect(text).toContain('- أرشيف/أخبار 2015.jsonl: السطر ١٧ ليس سجلاً صالحاً');
    expect(text).toContain('و٢ مشكلة أخرى لم تُدرج في القائمة.');
    expect(text).toContain('- صور/شعار.png: نوع ملف غير مدعوم (\u2066.png\u2069).');
    expect(text).toContain('- صفحة.html: استُورد، لكن الصفحة مقطوعة');
  });

  it('every issue code has Arabic words of its own (no raw keys leak into the report)', () => {
    const codes = [
      'empty',
      'binary',
      'no-text',
      'malformed',
      'bad-record',
      'wrong-type',
      'unsupported',
      'companion',
      'hidden',
      'system',
      'read',
      'storage',
      'truncated',
      'renamed',
    ] as const;
    for (const code of codes)
      expect(issueText({ path: 'x', code, reason: 'English' })).not.toMatch(/import\.reason|English/);
  });
});
