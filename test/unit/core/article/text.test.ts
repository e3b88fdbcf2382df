import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTextArticle, parseTextBytes, titleFromFileName } from '../../../../renderer/core/article/text';
import type { ParsedArticle } from '../../../../renderer/core/model';
import { REPO, fixture } from './fixtures';

const slice = (a: ParsedArticle, i: number) => a.text.slice(a.paragraphs[i]!.start, a.paragraphs[i]!.end);

interface Row {
  file: string;
  title: string;
  outlet: string;
  byline?: string;
  author?: string;
  place?: string;
  published?: string;
  paragraphs: number;
  first: string;
}

// Different outlets' layouts; every field not listed must be absent (a wrong outlet is worse than none).
const table: Row[] = [
  {
    file: 'text/watan.txt',
    title: 'افتتاح خط حافلات جديد بين دمشق وحمص',
    outlet: 'صحيفة الوطن',
    byline: 'كتب: سامر يوسف',
    author: 'سامر يوسف',
    place: 'دمشق',
    published: '2019-05-05',
    paragraphs: 3,
    first: 'أعلنت وزارة النقل',
  },
  {
    file: 'text/beirut-indic.txt',
    title: 'أمطار غزيرة تغمر شوارع العاصمة وتقطع الطرق',
    outlet: '',
    place: 'بيروت',
    published: '2019-02-12',
    paragraphs: 3,
    first: 'غمرت الأمطار',
  },
  {
    file: 'text/labelled.txt',
    title: 'مهرجان جرش يعود بعد انقطاع عامين',
    outlet: 'وكالة الأنباء الأردنية',
    byline: 'ليلى العمري',
    author: 'ليلى العمري',
    published: '2020-07-15',
    paragraphs: 2,
    first: 'أعلنت إدارة مهرجان',
  },
  {
    file: 'text/cairo-agency.txt',
    title: 'ارتفاع منسوب نهر النيل يثير قلق المزارعين',
    outlet: '',
    byline: 'رويترز',
    place: 'القاهرة',
    paragraphs: 2,
    first: 'القاهرة (رويترز) - قال',
  },
  {
    file: 'text/rabat-maghreb.txt',
    title: 'المغرب يطلق برنامجاً لدعم المقاولات الصغيرة',
    outlet: 'هسبريس',
    place: 'الرباط',
    published: '2018-07-03',
    paragraphs: 2,
    first: 'أطلقت الحكومة المغربية',
  },
  {
    file: 'text/khaleej.txt',
    title: 'تدشين أكبر محطة لتحلية المياه في المنطقة',
    outlet: 'جريدة الخليج',
    place: 'أبوظبي',
    published: '2017-04-14',
    paragraphs: 2,
    first: 'دشنت هيئة المياه',
  },
  {
    file: 'text/shorouk-bare.txt',
    title: 'وزير التعليم يعلن موعد امتحانات الثانوية العامة',
    outlet: 'الشروق',
    place: 'القاهرة',
    published: '2016-12-02',
    paragraphs: 2,
    first: 'أعلن وزير التربية',
  },
  {
    file: 'text/port-short-title.txt',
    title: 'حريق في مرفأ بيروت',
    outlet: '',
    place: 'بيروت',
    published: '2020-08-04',
    paragraphs: 2,
    first: 'اندلع حريق كبير',
  },
  {
    file: 'text/iraq-levant.txt',
    title: 'افتتاح جسر جديد على نهر دجلة في الموصل',
    outlet: 'شبكة الإعلام العراقي',
    byline: 'بغداد / متابعة',
    place: 'الموصل',
    published: '2019-11-21',
    paragraphs: 2,
    first: 'افتتحت محافظة نينوى',
  },
  { file: 'text/no-title.txt', title: 'no-title', outlet: '', paragraphs: 2, first: 'شهدت أسواق الذهب' },
  // the same articles in other encodings and line endings parse the same
  {
    file: 'encodings/watan-cp1256-crlf.txt',
    title: 'افتتاح خط حافلات جديد بين دمشق وحمص',
    outlet: 'صحيفة الوطن',
    byline: 'كتب: سامر يوسف',
    author: 'سامر يوسف',
    place: 'دمشق',
    published: '2019-05-05',
    paragraphs: 3,
    first: 'أعلنت وزارة النقل',
  },
  {
    file: 'encodings/shorouk-cr.txt',
    title: 'وزير التعليم يعلن موعد امتحانات الثانوية العامة',
    outlet: 'الشروق',
    place: 'القاهرة',
    published: '2016-12-02',
    paragraphs: 2,
    first: 'أعلن وزير التربية',
  },
  {
    file: 'encodings/rabat-iso8859-6.txt',
    title: 'المغرب يطلق برنامجاً لدعم المقاولات الصغيرة',
    outlet: 'هسبريس',
    place: 'الرباط',
    published: '2018-07-03',
    paragraphs: 2,
    first: 'أطلقت الحكومة المغربية',
  },
];

describe('parseTextBytes: layouts table', () => {
  it.each(table)('$file', (row) => {
    const name = row.file.split('/').pop()!;
    const { article: a } = parseTextBytes(fixture(row.file), { fileName: name });
    expect({
      title: a.title,
      outlet: a.outlet,
      byline: a.byline,
      author: a.author,
      place: a.place,
      published: a.published,
    }).toEqual({
      title: row.title,
      outlet: row.outlet,
      byline: row.byline,
      author: row.author,
      place: row.place,
      published: row.published,
    });
    expect(a.paragraphs).toHaveLength(row.paragraphs);
    expect(slice(a, 0).startsWith(row.first)).toBe(true);
    expect(a.source).toEqual({ kind: 'text', name });
    if (a.titleRange) expect(a.text.slice(a.titleRange.start, a.titleRange.end)).toBe(a.title);
  });
});

// Inline layouts: [description, text, expected fields]
const inline: Array<[string, string, Partial<ParsedArticle>]> = [
  [
    'outlet, then a date line, then the title',
    'صحيفة النهار\n2019-03-23\nتظاهرات في وسط العاصمة احتجاجاً على الغلاء\nتجمع مئات المحتجين في ساحة الشهداء بعد ظهر السبت.',
    { outlet: 'صحيفة النهار', published: '2019-03-23', title: 'تظاهرات في وسط العاصمة احتجاجاً على الغلاء' },
  ],
  [
    '"place - agency" byline gives the place',
    'ارتفاع أسعار الخبز في الأسواق\nدمشق - سانا\nارتفعت أسعار الخبز السياحي بنسبة عشرة في المئة اعتباراً من اليوم.',
    { outlet: '', byline: 'دمشق - سانا', place: 'دمشق', title: 'ارتفاع أسعار الخبز في الأسواق' },
  ],
  [
    'a headline with an outlet word is not an outlet',
    'قناة السويس تسجل إيرادات قياسية في 2019\nحققت قناة السويس أعلى إيرادات سنوية في تاريخها.\nوقال رئيس الهيئة إن الحركة الملاحية زادت.',
    { outlet: '', title: 'قناة السويس تسجل إيرادات قياسية في 2019' },
  ],
  [
    'a publication date on the last line',
    'عنوان الخبر الثقافي\nافتتح المعرض أبوابه للجمهور بمشاركة فنانين شباب.\nتاريخ النشر: 12 كانون الأول 2012',
    { published: '2012-12-12', title: 'عنوان الخبر الثقافي' },
  ],
  [
    '"بقلم" byline gives the author; an "المصدر:" line at the end is not the outlet',
    'موقع الحرة\nمقال: المدن القديمة وذاكرتها\nبقلم سعاد الخطيب\nتحمل المدن القديمة في حجارتها ذاكرة من عاشوا فيها.\nالمصدر: وكالات',
    { outlet: 'موقع الحرة', author: 'سعاد الخطيب', byline: 'بقلم سعاد الخطيب' },
  ],
  [
    'a headline that contains a date is still the title; the dateline under it gives the date',
    'قمة بغداد في 23 آذار 2019 تبحث أمن الحدود\nآخر تحديث: 24 آذار 2019 - 14:05 بتوقيت دمشق\nبحث القادة في القمة ملفات الأمن والمياه والتجارة.',
    { title: 'قمة بغداد في 23 آذار 2019 تبحث أمن الحدود', published: '2019-03-24' },
  ],
  [
    'prose with brackets and a dash at the head of the first paragraph is not a dateline',
    'عنوان الخبر\nقال الوزير (في كلمة مسجلة) - وهو يبتسم - إن الخطة جاهزة.',
    { place: undefined, byline: undefined },
  ],
  [
    '"القاهرة، 5 مايو (أ ف ب) -" gives place, date and agency',
    'عنوان الخبر\nالقاهرة، 5 مايو 2021 (أ ف ب) - أعلنت الحكومة خطة جديدة.',
    { place: 'القاهرة', published: '2021-05-05', byline: 'أ ف ب' },
  ],
  [
    'a headline in brackets is a title; "(خاص)" under it is a byline',
    '(غيوم فوق المدينة)\n(خاص)\nتلبدت السماء بالغيوم منذ الصباح الباكر.',
    { title: '(غيوم فوق المدينة)', byline: 'خاص' },
  ],
  [
    'a dateline leading the first paragraph with a date',
    'زلزال يضرب جنوب البلاد\nأنقرة - 6 شباط/فبراير 2023 - ضرب زلزال قوي جنوب البلاد فجر اليوم.',
    { place: 'أنقرة', published: '2023-02-06' },
  ],
];

describe('parseTextArticle: inline layouts', () => {
  it.each(inline)('%s', (_, text, expected) => {
    const a = parseTextArticle(text, { fileName: 'x.txt' });
    for (const [k, v] of Object.entries(expected)) expect([k, a[k as keyof ParsedArticle]]).toEqual([k, v]);
  });
});

describe('the bundled sample', () => {
  const bytes = readFileSync(join(REPO, 'assets/sample/ishtar-coalition-2019.txt'));
  const { article: a, encoding } = parseTextBytes(new Uint8Array(bytes), {
    fileName: 'ishtar-coalition-2019.txt',
    kind: 'sample',
  });

  it('reads outlet (the site of the credit line), title and byline', () => {
    expect(encoding).toBe('utf-8');
    expect(a.outlet).toBe('عشتار تيفي كوم');
    expect(a.title).toBe('التحالف الدولي يقر بمقتل 1300 مدني "بالخطأ" في سوريا والعراق');
    expect(a.byline).toBe('عشتار تيفي كوم - الجزيرة');
    expect(a.source.kind).toBe('sample');
  });

  it('keeps the text byte-exact and finds its 13 body paragraphs (one per non-blank line after the header)', () => {
    expect(a.text).toBe(bytes.toString('utf8'));
    expect(a.paragraphs).toHaveLength(13);
    expect(slice(a, 0).startsWith('أقر التحالف الدولي')).toBe(true);
    expect(slice(a, 12).startsWith('وجدد التحالف الدولي')).toBe(true);
    for (const p of a.paragraphs)
      expect(slice(a, a.paragraphs.indexOf(p))).toBe(slice(a, a.paragraphs.indexOf(p)).trim());
  });
});

describe('parseTextArticle', () => {
  it('keeps CRLF text exactly and its ranges skip the line breaks', () => {
    const text = 'عنوان الخبر\r\n\r\nالفقرة الأولى من الخبر.\r\nالفقرة الثانية.\r\n';
    const a = parseTextArticle(text, { fileName: 'x.txt' });
    expect(a.text).toBe(text);
    expect(a.title).toBe('عنوان الخبر');
    expect(a.paragraphs.map((r) => text.slice(r.start, r.end))).toEqual(['الفقرة الأولى من الخبر.', 'الفقرة الثانية.']);
  });

  it('treats an outlet-like first line without a keyword as the title when nothing marks a header', () => {
    const a = parseTextArticle('الجزيرة\nخبر قصير عن الطقس\nهطلت أمطار غزيرة اليوم على المدينة وتوقفت حركة السير.', {});
    expect(a.outlet).toBe('');
    expect(a.title).toBe('الجزيرة');
  });

  it('does not take a headline that opens with "تقرير:" for a byline', () => {
    const a = parseTextArticle(
      'تقرير: الأمم المتحدة تحذر من موجة جفاف جديدة في المنطقة\nحذرت الأمم المتحدة اليوم من موجة جفاف.',
      {},
    );
    expect(a.title).toBe('تقرير: الأمم المتحدة تحذر من موجة جفاف جديدة في المنطقة');
    expect(a.byline).toBeUndefined();
  });

  it('throws a typed error for blank text', () => {
    expect(() => parseTextArticle(' \n\u00a0\r\n', {})).toThrow(expect.objectContaining({ code: 'empty' }));
  });

  // Its speed is measured in `npm run bench` (parse bench: the 50 MB text file), never asserted here.
  it('parses a 20 MB file with hundreds of thousands of paragraphs whole', () => {
    const para = 'وقال المسؤول إن العمل مستمر في المشروع حتى نهاية العام المقبل رغم الصعوبات.\r\n\r\n';
    const text = 'عنوان طويل جداً\r\n' + para.repeat(Math.ceil(20e6 / para.length));
    const a = parseTextArticle(text, {});
    expect(a.paragraphs.length).toBeGreaterThan(200_000);
    expect(a.text.slice(a.paragraphs.at(-1)!.start, a.paragraphs.at(-1)!.end)).toBe(para.trim());
  });
});

describe('titleFromFileName', () => {
  it('drops folders and the extension, and reads underscores as spaces', () => {
    expect(titleFromFileName('تقارير 2019/خبر_عاجل.txt')).toBe('خبر عاجل');
    expect(titleFromFileName('C:\\أرشيف\\مقال.HTML')).toBe('مقال');
    expect(titleFromFileName('archive.jsonl.gz')).toBe('archive');
  });
});
