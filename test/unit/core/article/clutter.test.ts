/**
 * Saved pages written for these tests, with a consent banner, the headline and the byline repeated
 * as paragraphs, share bars and related lists, under class names that mean nothing (x9f3, k7, u1):
 * only the article's paragraphs are kept, and the byline's author and date become metadata.
 */
import { describe, expect, it } from 'vitest';
import { dropClutter, isShareBar, type TextBlock } from '../../../../renderer/core/article/clutter';
import { parseHtmlBytes } from '../../../../renderer/core/article/html';
import { parseMhtmlBytes } from '../../../../renderer/core/article/mhtml';
import { bylineWithDate, openingOf } from '../../../../renderer/core/article/opening';
import type { ParsedArticle } from '../../../../renderer/core/model';
import { fixture } from './fixtures';

const paras = (a: ParsedArticle) => a.paragraphs.map((r) => a.text.slice(r.start, r.end));
const CLUTTER = [
  'ملفات تعريف الارتباط',
  'الكوكيز',
  'cookies',
  'موافق',
  'فيسبوك',
  'واتساب',
  'Facebook',
  'Share',
  'اقرأ أيضا',
  'ذات صلة',
  'الأكثر قراءة',
  'جميع الحقوق',
  'كتب:',
  'بقلم',
];

function expectOnlyArticle(a: ParsedArticle, firstWords: string[]) {
  expect(paras(a).map((p) => p.split(' ').slice(0, 2).join(' '))).toEqual(firstWords);
  for (const c of CLUTTER) expect(a.text).not.toContain(c);
  expect(paras(a)).not.toContain(a.title);
}

const SCHOOLS = 'المدارس تعود إلى الدوام الكامل بعد عامين من التعليم عن بعد';

describe('saved pages with clutter keep only the article', () => {
  it('.html: consent banner inside the article, repeated headline, "كتب: … — 9 آذار 2022", share bar, read-also, related list', () => {
    const { article: a } = parseHtmlBytes(fixture('html-clutter/consent-byline.html'), {
      fileName: 'consent-byline.html',
    });
    expect(a).toMatchObject({ title: SCHOOLS, outlet: 'صدى المدينة', author: 'رامي الحسن', published: '2022-03-09' });
    expectOnlyArticle(a, ['عادت المدارس', 'وقال مدير', 'وأضاف أن', 'من جهتهم،']);
  });

  it('.mhtml: the same page saved by Chrome', () => {
    const { article: a } = parseMhtmlBytes(fixture('html-clutter/consent-byline.mhtml'));
    expect(a).toMatchObject({
      title: SCHOOLS,
      author: 'رامي الحسن',
      published: '2022-03-09',
      url: 'https://sada.example/local/schools-2022',
    });
    expectOnlyArticle(a, ['عادت المدارس', 'وقال مدير', 'وأضاف أن', 'من جهتهم،']);
  });

  it('.html: a consent dialog, the author and headline again, a Latin share list and a most-read block', () => {
    const { article: a } = parseHtmlBytes(fixture('html-clutter/latin-share-related.html'), { fileName: 'x.html' });
    expect(a).toMatchObject({ outlet: 'نافذة الشمال', author: 'هالة منصور', published: '2023-10-02' });
    expectOnlyArticle(a, ['شهدت أسواق', 'وعزا تجار', 'وتوقع رئيس']);
    expect(a.text).not.toContain('هالة منصور');
  });

  it('.html: a flat page of <p>s with no container, the byline dated in Hijri', () => {
    const { article: a } = parseHtmlBytes(fixture('html-clutter/flat-body.html'), { fileName: 'x.html' });
    expect(a).toMatchObject({
      title: 'انطلاق معرض الكتاب بمشاركة ثلاثمئة دار نشر',
      author: 'نور الدين سليمان',
      published: '2019-11-09',
      publishedHijri: '1441-03-12',
      dateNote: 'from-hijri',
    });
    expectOnlyArticle(a, ['انطلقت اليوم', 'ويتضمن برنامج', 'وقال رئيس']);
  });
});

const block = (text: string, linkRatio = 0, heading = false): TextBlock => ({ text, linkRatio, heading });
const LONG =
  'وقال المتحدث باسم الوزارة في مؤتمر صحفي عقده ظهر اليوم إن الخطة ستنفذ على ثلاث مراحل تبدأ الشهر المقبل وتنتهي مع نهاية العام';

describe('the clutter rules', () => {
  it('drop only short furniture; a paragraph that mentions Facebook or cookies at length stays', () => {
    const mention = `${LONG}، ونشرت الوزارة الخطة على صفحتها في فيسبوك وتويتر.`;
    const cookies = `${LONG}. وتناول المؤتمر أيضاً قانون حماية البيانات الذي ينظم استخدام المواقع لملفات تعريف الارتباط وجمع المعلومات الشخصية للمستخدمين من دون علمهم في كل المواقع الحكومية والخاصة على حد سواء وبلا استثناء`;
    const kept = dropClutter([
      block('Accept cookies? We use cookies.'),
      block('قبول'),
      block(LONG),
      block('شارك عبر: فيسبوك تويتر', 1),
      block(mention),
      block(cookies),
      block('مواضيع ذات صلة', 0, true),
      block('عنوان مقال آخر', 1),
      block('عنوان ثالث', 1),
      block('© 2024 موقع الخبر'),
    ]);
    expect(kept.map((b) => b.text)).toEqual([LONG, mention, cookies]);
  });

  it('share bars are platform names and sharing words', () => {
    expect(isShareBar(block('Facebook Twitter WhatsApp'))).toBe(true);
    expect(isShareBar(block('شارك المقال'))).toBe(true);
    expect(isShareBar(block('فيسبوك تحظر حسابات وهمية'))).toBe(false);
  });

  it('a lone link in the body stays; two or more in a row are a list of other articles', () => {
    expect(dropClutter([block(LONG), block('تقرير الأمم المتحدة', 1), block(LONG)])).toHaveLength(3);
    expect(dropClutter([block(LONG), block('مقال أول', 1), block('مقال ثان', 1)])).toHaveLength(1);
  });

  it('reads the byline with its date, and the opening of a body against the title and author', () => {
    expect(bylineWithDate('كتب: رامي الحسن — 9 آذار 2022')).toEqual({
      author: 'رامي الحسن',
      dates: { published: '2022-03-09' },
    });
    expect(
      bylineWithDate('كتب الشاعر قصيدته الأولى في السجن عام 1970 ثم نشرها بعد خروجه بعشرين عاماً كاملة ولم يكتب بعدها'),
    ).toBeUndefined();
    const o = openingOf(
      [block('عنوان الخبر'), block('سامر يوسف'), block('الأحد 23 آذار 2019'), block(LONG), block('عنوان الخبر')],
      { titles: ['عنوان الخبر | الموقع', 'عنوان الخبر'], author: 'سامر يوسف' },
    );
    expect(o).toEqual({ skip: 3, title: 'عنوان الخبر', author: 'سامر يوسف', dates: { published: '2019-03-23' } });
  });
});
