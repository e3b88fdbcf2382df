import { describe, expect, it } from 'vitest';
import {
  blockTexts,
  joinParagraphs,
  parseHtml,
  parseHtmlBytes,
  sniffHtmlCharset,
  stripSiteName,
} from '../../../../renderer/core/article/html';
import { parseDocument } from '../../../../renderer/core/article/dom-shim';
import type { ParsedArticle } from '../../../../renderer/core/model';
import { fixture } from './fixtures';

const paras = (a: ParsedArticle) => a.paragraphs.map((r) => a.text.slice(r.start, r.end));

describe('parseHtmlBytes: a cluttered saved page', () => {
  const { article: a, encoding } = parseHtmlBytes(fixture('html/page-cluttered.html'), {
    fileName: 'page-cluttered.html',
  });

  it('keeps exactly the five article paragraphs, joined by blank lines', () => {
    expect(encoding).toBe('utf-8');
    expect(paras(a)).toHaveLength(5);
    expect(paras(a)[0]).toMatch(/^افتتحت محافظة حلب صباح اليوم/);
    expect(paras(a)[4]).toMatch(/^ويأمل القائمون على المشروع/);
    expect(a.text).toBe(paras(a).join('\n\n'));
  });

  it('drops nav, share buttons, related links, ads, comments, sidebar and footer', () => {
    for (const clutter of [
      'الرئيسية',
      'شارك على فيسبوك',
      'أخبار ذات صلة',
      'ترميم سوق المدينة',
      'إعلان',
      'مساحة إعلانية',
      'التعليقات',
      'أبو محمد',
      'الأكثر قراءة',
      'جميع الحقوق محفوظة',
    ]) {
      expect(a.text).not.toContain(clutter);
    }
  });

  it('takes metadata from JSON-LD first, then og:, and the canonical URL', () => {
    expect(a.title).toBe('افتتاح مكتبة عامة جديدة في حلب القديمة'); // JSON-LD headline over og:title
    expect(a.outlet).toBe('شبكة الشهباء'); // JSON-LD publisher over og:site_name
    expect(a.author).toBe('ريم الحلبي');
    expect(a.published).toBe('2021-04-11'); // JSON-LD datePublished over article:published_time
    expect(a.url).toBe('https://shahba.example/news/12345'); // canonical over og:url
    expect(a.source).toEqual({ kind: 'html', name: 'page-cluttered.html' });
  });
});

describe('parseHtml: metadata fallbacks', () => {
  const body =
    '<article><p>نص الفقرة الأولى من المقال، وهو نص طويل بما يكفي ليعد فقرة حقيقية في صفحة محفوظة.</p><p>والفقرة الثانية.</p></article>';

  it('og: tags and <time> when there is no JSON-LD', () => {
    const a = parseHtml(
      `<html><head><meta property="og:title" content="عنوان من og"><meta property="og:site_name" content="موقع تجريبي"><meta property="og:url" content="https://x.example/a"></head><body><time datetime="2018-06-30T08:00">السبت</time>${body}</body></html>`,
    );
    expect([a.title, a.outlet, a.url, a.published]).toEqual([
      'عنوان من og',
      'موقع تجريبي',
      'https://x.example/a',
      '2018-06-30',
    ]);
  });

  it('a first heading is the title and a date block under it the date; the host is the outlet of last resort', () => {
    const a = parseHtml(
      `<html><head><link rel="canonical" href="https://www.news.example/x"></head><body><div><h2>عنوان من الصفحة</h2><span>الأحد 3 أيار 2015</span>${body}</div></body></html>`,
    );
    expect(a.title).toBe('عنوان من الصفحة');
    expect(a.published).toBe('2015-05-03');
    expect(a.outlet).toBe('news.example');
    expect(paras(a)[0]).toMatch(/^نص الفقرة الأولى/);
  });

  it('drops the site name the page appends to its title', () => {
    const a = parseHtml(
      `<html><head><meta property="og:title" content="عنوان الخبر | الجزيرة نت"><meta property="og:site_name" content="الجزيرة نت"></head><body>${body}</body></html>`,
    );
    expect(a.title).toBe('عنوان الخبر');
    expect(stripSiteName('سوريا - تركيا: محادثات', 'الجزيرة نت')).toBe('سوريا - تركيا: محادثات');
  });

  it('the file name is the title of a page with none', () => {
    expect(parseHtml(`<html><body>${body}</body></html>`, { fileName: 'مجلد/صفحة قديمة.htm' }).title).toBe(
      'صفحة قديمة',
    );
  });
});

describe('an old table-layout page with <br> paragraphs and no meta tags', () => {
  const html = `<html><head><title>جريدة المستقبل - أخبار محلية</title></head><body>
<table><tr><td class="menu"><a href="/">الرئيسية</a><br><a href="/x">محليات</a></td>
<td class="main"><font size="4"><b>انطلاق موسم قطاف الزيتون في الجنوب</b></font><br><br>
بدأ المزارعون في قرى الجنوب موسم قطاف الزيتون وسط توقعات بإنتاج وفير هذا العام بعد أمطار غزيرة في الشتاء الماضي.<br><br>
وقال رئيس التعاونية الزراعية إن سعر تنكة الزيت سيبقى مستقراً، داعياً الوزارة إلى دعم التصدير وفتح أسواق جديدة.<br><br>
وأشار إلى أن اليد العاملة باتت نادرة بسبب هجرة الشباب، ما يرفع كلفة القطاف على صغار المزارعين.
</td></tr></table><div class="footer">جميع الحقوق محفوظة</div></body></html>`;

  it('takes the bold first line as the title, the outlet from <title>, and the <br> blocks as paragraphs', () => {
    const a = parseHtml(html);
    expect(a.title).toBe('انطلاق موسم قطاف الزيتون في الجنوب');
    expect(a.outlet).toBe('جريدة المستقبل');
    expect(paras(a)).toHaveLength(3);
    expect(paras(a)[0]).toMatch(/^بدأ المزارعون/);
    expect(a.text).not.toMatch(/الرئيسية|محفوظة/);
  });
});

describe('charsets and bad pages', () => {
  it('a Windows-1256 page with an http-equiv charset', () => {
    const { article: a, encoding } = parseHtmlBytes(fixture('html/page-cp1256.html'));
    expect(encoding).toBe('windows-1256');
    expect(a.title).toBe('بلدية عمّان تزرع عشرة آلاف شجرة في الأحياء الشرقية');
    expect(a.outlet).toBe('صحيفة الرأي');
    expect(a.published).toBe('2006-10-16');
    expect(paras(a)).toHaveLength(3);
    expect(a.text).not.toMatch(/الرئيسية|حقوق النشر/);
  });

  it('sniffHtmlCharset reads <meta charset> and http-equiv', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(sniffHtmlCharset(enc('<meta charset="windows-1256">'))).toBe('windows-1256');
    expect(sniffHtmlCharset(enc('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-6">'))).toBe(
      'iso-8859-6',
    );
    expect(sniffHtmlCharset(enc('<p>لا شيء</p>'))).toBeUndefined();
  });

  it('a truncated page yields the text that is there', () => {
    const { article: a } = parseHtmlBytes(fixture('html/page-truncated.html'));
    expect(paras(a)).toHaveLength(4);
    expect(paras(a)[3]).toMatch(/^وأشار إلى أن فريقاً/);
    expect(a.text).not.toContain('ذات صلة');
  });

  it('a fragment without <html>/<body> (a cut or partial save) still gives every paragraph', () => {
    const a = parseHtml('<p>الفقرة الأولى من الجزء المحفوظ.</p><p>الفقرة الثانية.</p>', { fileName: 'جزء.html' });
    expect(paras(a)).toEqual(['الفقرة الأولى من الجزء المحفوظ.', 'الفقرة الثانية.']);
    expect(a.title).toBe('جزء');
  });

  it('a page with no text is a clear no-text error', () => {
    expect(() => parseHtmlBytes(fixture('html/page-garbage.html'))).toThrow(
      expect.objectContaining({ code: 'no-text' }),
    );
  });
});

describe('blockTexts / joinParagraphs', () => {
  it('splits on blocks and <br>, collapses whitespace, skips scripts', () => {
    const doc = parseDocument(
      '<body><div>سطر أول<br>سطر   ثان<script>x()</script><p>فقرة <b>بخط</b> عريض</p></div></body>',
    );
    expect(blockTexts(doc.body!).map((b) => b.text)).toEqual(['سطر أول', 'سطر ثان', 'فقرة بخط عريض']);
    expect(joinParagraphs(['أ', 'ب ج'])).toEqual({
      text: 'أ\n\nب ج',
      paragraphs: [
        { start: 0, end: 1 },
        { start: 3, end: 6 },
      ],
    });
  });
});
