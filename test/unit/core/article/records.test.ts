import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CsvRecordReader } from '../../../../renderer/core/article/csv';
import {
  LineSplitter,
  parseJsonlLine,
  recordToArticle,
  type RecordResult,
} from '../../../../renderer/core/article/records';
import { fixture } from './fixtures';

const text = (b: Uint8Array) => new TextDecoder().decode(b);

/** Feeds `s` in chunks of `size` through a splitter and maps each line. */
function jsonl(s: string, size: number): RecordResult[] {
  const sp = new LineSplitter();
  const out: RecordResult[] = [];
  const take = (lines: ReturnType<LineSplitter['push']>) =>
    lines.forEach((l) => {
      const r = parseJsonlLine(l, 'a.jsonl');
      if (r) out.push(r);
    });
  for (let i = 0; i < s.length; i += size) take(sp.push(s.slice(i, i + size)));
  take(sp.end());
  return out;
}

describe('LineSplitter', () => {
  it('gives the same numbered lines however the chunks fall, CRLF or LF, with or without a final newline', () => {
    const s = 'أ\r\nب ت\n\nث';
    for (const size of [1, 2, 3, 100]) {
      const sp = new LineSplitter();
      const lines = [];
      for (let i = 0; i < s.length; i += size) lines.push(...sp.push(s.slice(i, i + size)));
      lines.push(...sp.end());
      expect(lines).toEqual([
        { n: 1, text: 'أ' },
        { n: 2, text: 'ب ت' },
        { n: 3, text: '' },
        { n: 4, text: 'ث' },
      ]);
    }
  });
});

describe('JSON Lines', () => {
  it('maps field aliases (source/outlet/publisher, content/body/text, url/link, date_extracted/published/datePublished)', () => {
    const out = jsonl(text(fixture('records/archive.jsonl')), 7);
    expect(out.every((r) => r.ok)).toBe(true);
    const [a, b, c] = out.map((r) => (r.ok ? r.article : undefined));
    expect(a).toMatchObject({
      title: 'افتتاح معرض للكتاب في جدة',
      outlet: 'alwatan',
      author: 'جدة: فهد العتيبي',
      url: 'https://alwatan.example/1',
      published: '2015-07-21',
      source: { kind: 'jsonl', name: 'a.jsonl' },
    });
    expect(a!.paragraphs.map((r) => a!.text.slice(r.start, r.end))).toEqual([
      'افتتح أمير المنطقة معرض الكتاب الدولي بمشاركة خمسمئة دار نشر.',
      'ويستمر المعرض عشرة أيام.',
    ]);
    expect(b).toMatchObject({ outlet: 'okaz', url: 'https://okaz.example/2', published: '2015-08-02' });
    expect(b!.author).toBeUndefined();
    expect(b!.paragraphs).toHaveLength(2);
    expect(c).toMatchObject({
      title: 'عنوان بلا نص',
      outlet: 'الجزيرة',
      published: '2019-03-23',
      text: '',
      paragraphs: [],
    });
  });

  it('reports each bad line with its number and goes on with the rest', () => {
    const out = jsonl(text(fixture('records/archive-bad-lines.jsonl')), 5);
    expect(out.filter((r) => r.ok).map((r) => r.line)).toEqual([1, 7]);
    const bad = out.filter((r): r is Extract<RecordResult, { ok: false }> => !r.ok);
    expect(bad.map((r) => r.line)).toEqual([2, 4, 5, 6]);
    expect(bad[0]!.reason).toMatch(/^Line 2 is not valid JSON/);
    expect(bad[2]!.reason).toBe('Line 5 is not a JSON object with article fields.');
    expect(bad[3]!.reason).toBe('Line 6: The record has no title and no text.');
  });

  it('the gzip archive holds the same records (the worker gunzips in chunks)', () => {
    expect(text(gunzipSync(fixture('records/archive.jsonl.gz')))).toBe(text(fixture('records/archive.jsonl')));
  });

  it('a record with only content takes its first line as the title', () => {
    const a = recordToArticle({ text: 'سطر أول من الخبر\nسطر ثان' }, 'jsonl');
    expect(typeof a !== 'string' && a.title).toBe('سطر أول من الخبر');
  });
});

describe('CSV', () => {
  const csv = text(fixture('records/archive.csv'));

  it.each([1, 4, 13, 10_000])('quoted commas, doubled quotes and newlines in fields survive chunks of %i', (size) => {
    const r = new CsvRecordReader('archive.csv');
    const out: RecordResult[] = [];
    for (let i = 0; i < csv.length; i += size) out.push(...r.push(csv.slice(i, i + size)));
    out.push(...r.end());
    expect(out.map((x) => [x.ok, x.line])).toEqual([
      [true, 2],
      [true, 3],
      [false, 4],
    ]);
    const a = out[0]!.ok ? out[0]!.article : undefined;
    expect(a).toMatchObject({
      title: 'مؤتمر "الطاقة المتجددة" في الرياض',
      outlet: 'الرياض',
      author: 'الرياض، سارة',
      url: 'https://alriyadh.example/3',
      published: '2019-03-23',
      source: { kind: 'csv', name: 'archive.csv' },
    });
    expect(a!.paragraphs.map((p) => a!.text.slice(p.start, p.end))).toEqual([
      'انطلق المؤتمر اليوم بمشاركة خبراء من عشرين دولة.',
      'ويناقش مستقبل الطاقة الشمسية، وطاقة الرياح.',
    ]);
    expect(!out[2]!.ok && out[2]!.reason).toBe('Row 4: The record has no title and no text.');
  });
});

describe('record dates', () => {
  it('reads Unix seconds and milliseconds, and leaves unreadable dates out', () => {
    const at = (date: unknown) => {
      const a = recordToArticle({ title: 'ع', content: 'ن', date }, 'jsonl');
      return typeof a === 'string' ? a : a.published;
    };
    expect(at(1437443492)).toBe('2015-07-21');
    expect(at('1437443492000')).toBe('2015-07-21');
    expect(at('أمس')).toBeUndefined();
  });
});
