/**
 * Text files written for these tests, opening with outlet names no list would know (Persian-influenced
 * spellings, new sites) and with credit lines "site - source": the outlet, title, byline, agency and
 * dates come from the shape of the opening lines, and a field the shape does not settle stays empty.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTextBytes } from '../../../../renderer/core/article/text';
import type { ParsedArticle } from '../../../../renderer/core/model';
import { fixture, REPO } from './fixtures';

type Fields = Pick<
  ParsedArticle,
  'title' | 'outlet' | 'byline' | 'author' | 'agency' | 'place' | 'published' | 'publishedHijri' | 'dateNote'
>;
const KEYS = [
  'title',
  'outlet',
  'byline',
  'author',
  'agency',
  'place',
  'published',
  'publishedHijri',
  'dateNote',
] as const;

const fieldsOf = (a: ParsedArticle): Partial<Fields> =>
  Object.fromEntries(KEYS.filter((k) => a[k] !== undefined && a[k] !== '').map((k) => [k, a[k]]));

// Every field not listed must be absent: empty beats wrong.
const ROWS: [string, Partial<Fields>, string][] = [
  [
    'dawli-persian.txt',
    { outlet: 'خبرگزاری دولي', title: 'انقطاع الكهرباء عن أحياء واسعة في العاصمة بعد عاصفة ثلجية' },
    'تسببت العاصفة',
  ],
  [
    'rafidain-credit.txt',
    {
      outlet: 'صوت الرافدين',
      title: 'ارتفاع منسوب دجلة يغمر أراضي زراعية في محافظة واسط',
      byline: 'صوت الرافدين - رويترز',
      agency: 'رويترز',
      place: 'الكوت',
      published: '2019-03-14',
    },
    'غمرت مياه',
  ],
  [
    'nahrain-site-agency.txt',
    {
      outlet: 'موقع النهرين نت',
      title: 'مزارعو الزيتون يشكون من تراجع المحصول للعام الثالث على التوالي',
      byline: 'موقع النهرين نت - وكالة سبوتنيك',
      agency: 'وكالة سبوتنيك',
      published: '2021-10-23',
    },
    'يشكو مزارعو',
  ],
  [
    'hijazia-hijri.txt',
    {
      outlet: 'الأنباء الحجازية',
      title: 'أمانة المنطقة تطلق مشروعاً لتوسعة الطرق الداخلية في الأحياء الشرقية',
      published: '2022-03-09',
      publishedHijri: '1443-08-06',
      dateNote: 'from-hijri',
    },
    'أطلقت أمانة',
  ],
  [
    'wadi-both-calendars.txt',
    {
      outlet: 'وادي نيوز',
      title: 'افتتاح مكتبة عامة جديدة في وسط المدينة بعد سنوات من الانتظار',
      published: '2019-04-30',
      publishedHijri: '1440-08-25',
    },
    'افتتحت البلدية',
  ],
  [
    'dawli-persian-nolead.txt',
    { outlet: 'پیام الخليج', title: 'مهرجان للتمور يستقطب آلاف الزوار في يومه الأول' },
    'بدأ مهرجان',
  ],
  // A two-word kicker over a short headline could be an outlet or a title: the outlet stays empty.
  ['kicker-unsure.txt', { title: 'أزمة المياه' }, 'تحذيرات من صيف جاف'],
];

describe('text files with unfamiliar outlets and credit lines', () => {
  it.each(ROWS)('%s', (file, expected, first) => {
    const { article: a } = parseTextBytes(fixture(`text-outlets/${file}`), { fileName: file });
    expect(fieldsOf(a)).toEqual(expected);
    expect(a.text.slice(a.paragraphs[0]!.start, a.paragraphs[0]!.end).startsWith(first)).toBe(true);
  });
});

describe('the bundled sample', () => {
  const bytes = readFileSync(join(REPO, 'assets/sample/ishtar-coalition-2019.txt'));
  const { article: a } = parseTextBytes(new Uint8Array(bytes), {
    fileName: 'ishtar-coalition-2019.txt',
    kind: 'sample',
  });

  it('cites the site of its credit line as the outlet and the source as the agency, never as the author', () => {
    expect(a.outlet).toBe('عشتار تيفي كوم');
    expect(a.agency).toBe('الجزيرة');
    expect(a.byline).toBe('عشتار تيفي كوم - الجزيرة');
    expect(a.author).toBeUndefined();
    expect(a.title).toBe('التحالف الدولي يقر بمقتل 1300 مدني "بالخطأ" في سوريا والعراق');
  });
});
