/**
 * Issue 13: an unclosed quote in a CSV must not hold the rest of the file in memory. A waiting row over
 * MAX_ROW_CHARS characters (or a quoted field over MAX_ROW_LINES lines) is reported as soon as it passes
 * the bound, while the file is still being read, and parsing resumes on the next line: every later row
 * is imported. Fed in 64 KiB chunks, as the import reads a file.
 */
import { describe, it, expect } from 'vitest';
import { CsvRecordReader, MAX_ROW_CHARS } from '../../../renderer/core/article/csv';
import type { RecordResult } from '../../../renderer/core/article/records';

const CHUNK = 64 * 1024;
const BODY = 'أعلنت الوزارة اليوم افتتاح مشروع جديد للطرق في المنطقة الشرقية بطول 120 كيلومترا';

/** header, one good row, a row whose title opens a quote never closed, then `rows` plain rows. */
function file(rows: number, bodyRepeat = 1): string {
  const parts = ['title,content,source', 'First,' + BODY + ',okaz', '"Unclosed title,' + BODY + ',okaz'];
  for (let i = 0; i < rows; i++) parts.push(`Row ${i},${(BODY + ' ').repeat(bodyRepeat)}${i},okaz`);
  return parts.join('\n') + '\n';
}

function feed(reader: CsvRecordReader, text: string) {
  const results: RecordResult[] = [];
  let peak = 0;
  let reportedAt: number | undefined;
  for (let at = 0; at < text.length; at += CHUNK) {
    const out = reader.push(text.slice(at, at + CHUNK));
    const state = reader as unknown as { partial: string; waitingChars: number };
    peak = Math.max(peak, state.partial.length + state.waitingChars);
    if (reportedAt === undefined && out.some((r) => !r.ok)) reportedAt = at + CHUNK;
    results.push(...out);
  }
  results.push(...reader.end());
  return { results, peak, reportedAt };
}

describe('CSV rows waiting for a closing quote are bounded', () => {
  it(`a large file (${Math.round((MAX_ROW_CHARS * 1.5) / 2 ** 20)} M characters after an unclosed quote): reported while reading, memory bounded, later rows imported`, () => {
    const rows = Math.ceil((MAX_ROW_CHARS * 1.5) / (BODY.length * 40 + 20));
    const text = file(rows, 40);
    expect(text.length).toBeGreaterThan(MAX_ROW_CHARS * 1.4);
    const { results, peak, reportedAt } = feed(new CsvRecordReader('big.csv'), text);
    const bad = results.filter((r) => !r.ok);
    expect(bad).toEqual([expect.objectContaining({ code: 'csv-quote', line: 3 })]);
    expect(bad[0]!.ok ? '' : bad[0]!.reason).toMatch(/^Row 3: it runs over 16 million characters without ending/);
    // Reported before the end of the file, holding no more than the bound and a chunk or two.
    expect(reportedAt).toBeLessThan(text.length);
    expect(peak).toBeLessThanOrEqual(MAX_ROW_CHARS + 2 * CHUNK);
    const good = results.filter((r): r is Extract<RecordResult, { ok: true }> => r.ok);
    expect(good).toHaveLength(rows + 1);
    expect(good.at(-1)!.article.title).toBe(`Row ${rows - 1}`);
    expect(good.at(-1)!.line).toBe(rows + 3);
  });

  it('a quoted field over the line bound is cut there; the rows after it are read again and imported', () => {
    const text = file(3000);
    const { results, reportedAt } = feed(
      new CsvRecordReader('lines.csv', ',', { chars: MAX_ROW_CHARS, lines: 500 }),
      text,
    );
    expect(results.filter((r) => !r.ok)).toEqual([
      expect.objectContaining({ code: 'csv-quote', line: 3, reason: expect.stringMatching(/over 500 lines/) }),
    ]);
    expect(reportedAt).toBeLessThan(text.length);
    expect(results.filter((r) => r.ok)).toHaveLength(3001);
  });

  it('an over-long row with no line end is skipped up to the next line', () => {
    const text = 'title,content\n"' + 'x'.repeat(300_000) + '\nAfter,' + BODY + '\n';
    const { results } = feed(new CsvRecordReader('long.csv', ',', { chars: 100_000, lines: 10 }), text);
    expect(results.map((r) => (r.ok ? r.article.title : r.code))).toEqual(['csv-quote', 'After']);
  });
});
