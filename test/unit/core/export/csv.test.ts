import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BOM, CSV_COLUMNS, csvField, csvRows, toCsv } from '../../../../renderer/core/export';
import { guardFormula } from '../../../../renderer/core/export/escape';
import { ANNOTATIONS, ARTICLES, TEXTS } from '../../../fixtures/export/library';

const input = { articles: ARTICLES, annotations: ANNOTATIONS, texts: TEXTS };

/** What a spreadsheet or script gets back: BOM stripped, header row as keys. */
function parseBack(csv: string): Record<string, string>[] {
  expect(csv.startsWith(BOM)).toBe(true);
  const out = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(out.errors).toEqual([]);
  return out.data;
}

describe('CSV', () => {
  it('starts with a BOM, ends rows with CRLF and has the fifteen columns', () => {
    const csv = toCsv(input);
    expect(csv.split('\r\n')[0]).toBe(
      `${BOM}outlet,author,title,date,URL,paragraph,quote,note,tags,colour,created,article tags,source agency,story,editions`,
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(CSV_COLUMNS).toHaveLength(15);
  });

  it('parses back with papaparse to exactly the rows it was made from', () => {
    const rows = csvRows(input);
    const back = parseBack(toCsv(input)).map((r) =>
      Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, Object.values(r)[i]])),
    );
    // Cells a spreadsheet would run come back with the guard's apostrophe (issue 13: "- …" included).
    expect(back).toEqual(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, guardFormula(v)]))));
    expect(rows).toHaveLength(4);
    expect(rows[2]).toMatchObject({
      outlet: 'عشتار تيفي',
      author: 'سامر الخطيب',
      date: '2019-05-12',
      paragraph: '2',
      quote: 'عدد القتلى بلغ 52 شخصاً',
      note: 'قارن مع حصيلة الوزارة: 45 مقابل 52.\nسطر ثانٍ فيه "اقتباس", وفاصلة',
      tags: 'أرقام; SOHR',
      colour: 'pink',
      created: '2024-06-04T12:00:02.000Z',
      articleTags: 'لبنان',
      agency: '',
    });
  });

  it('quotes fields with quotes, commas and newlines per RFC 4180', () => {
    expect(csvField('سطر "أول",\nثانٍ')).toBe('"سطر ""أول"",\nثانٍ"');
    expect(csvField('بلا فواصل')).toBe('بلا فواصل');
    expect(csvField(' مسافة في أوله')).toBe('" مسافة في أوله"');
  });

  it('defuses cells a spreadsheet would run as formulas, and only those', () => {
    expect(['=SUM(A1)', '+٩٦٦', '@cmd', '-5 قتلى', 'نص'].map((v) => csvField(v))).toEqual([
      "'=SUM(A1)",
      "'+٩٦٦",
      "'@cmd",
      "'-5 قتلى",
      'نص',
    ]);
    expect(csvField('=1+1', false)).toBe('=1+1');
  });

  it('has Arabic headers when asked, with the same rows', () => {
    const back = parseBack(toCsv(input, { lang: 'ar' }));
    expect(Object.keys(back[0]!)).toEqual([
      'المنفذ',
      'الكاتب',
      'العنوان',
      'التاريخ',
      'الرابط',
      'الفقرة',
      'الاقتباس',
      'الملاحظة',
      'الوسوم',
      'اللون',
      'أُنشئت',
      'وسوم المقال',
      'المصدر الأصلي',
      'الخبر',
      'النسخ',
    ]);
    expect(back[1]!['الملاحظة']).toBe('compare with the SOHR count — قارن مع رقم المرصد');
  });
});
