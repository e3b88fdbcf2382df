import { describe, expect, it } from 'vitest';
import {
  citationHtml,
  citationParts,
  citationText,
  formatDate,
  FSI,
  PDI,
  quoteWithCitation,
} from '../../../../renderer/core/export';
import { ARTICLES } from '../../../fixtures/export/library';

const strip = (s: string) => s.replace(/[\u2068\u2069]/g, '');
const [a1, a2, a3] = ARTICLES as [(typeof ARTICLES)[0], (typeof ARTICLES)[0], (typeof ARTICLES)[0]];

describe('citation text', () => {
  it('names title, outlet, author, date, URL, archive date and paragraph in Arabic', () => {
    expect(strip(citationText(a1, { paragraph: 3 }))).toBe(
      '«وزارة الصحة: ارتفاع حصيلة ضحايا القصف إلى ٤٥ قتيلاً»، عشتار تيفي، سامر الخطيب، ١٢ أيار ٢٠١٩، ' +
        'https://example.org/news/2019/05/12/beirut، أُرشف في ٣ حزيران ٢٠٢٤، فقرة ٣',
    );
  });

  it('has an English variant with western digits', () => {
    expect(strip(citationText(a2, { lang: 'en', paragraph: 12 }))).toBe(
      '"تقرير Human Rights Watch عن حلب: «لا مكان آمناً»", BBC عربي, قسم المتابعة - BBC Monitoring, 1 March 2020, ' +
        'https://example.com/hrw?id=7&lang=ar, archived 15 January 2024, para. 12',
    );
  });

  it('isolates the values whose letters run against the citation, and only those', () => {
    const t = citationText(a2, { paragraph: 2 });
    expect(t).toContain(`${FSI}BBC عربي${PDI}`);
    expect(t).toContain(`${FSI}https://example.com/hrw?id=7&lang=ar${PDI}`);
    expect(t).toContain(`، ١ آذار ٢٠٢٠، `); // an Arabic date inside an Arabic citation stays bare
    expect(t).toMatch(/، فقرة ٢$/);
    expect(t.split(FSI).length).toBe(t.split(PDI).length);
    expect(citationText(a2, { isolates: false })).not.toMatch(/[\u2068\u2069]/);
  });

  it('puts no isolate in a citation all in its own direction', () => {
    const arabic = { ...a1, url: undefined };
    expect(citationText(arabic, { paragraph: 1 })).not.toMatch(/[\u2068\u2069]/);
    expect(citationText({ ...a3 }, { lang: 'en' })).not.toMatch(/[\u2068\u2069]/);
    // The same Arabic title inside an English citation runs against it: isolated there.
    expect(citationText(arabic, { lang: 'en' })).toContain(`"${FSI}${a1.title}${PDI}"`);
    expect(quoteWithCitation('ارتفعت إلى ٤٥ قتيلاً', arabic)).not.toMatch(/[\u2068\u2069]/);
    expect(quoteWithCitation('SOHR قال', arabic)).toContain(`«${FSI}SOHR قال${PDI}»`);
  });

  it('leaves out what the article lacks (no author, no URL, month-only date, no paragraph)', () => {
    expect(citationParts(a3).map((p) => p.field)).toEqual(['title', 'outlet', 'published', 'archived']);
    expect(strip(citationText(a3, { lang: 'en' }))).toBe(
      '"Reuters: Ceasefire talks resume in Cairo", Reuters, July 2021, archived 1 February 2024',
    );
  });

  it('formats dates with Levantine month names and Arabic-Indic digits', () => {
    expect(formatDate({ year: 2019, month: 12, day: 1 }, 'ar')).toBe('١ كانون الأول ٢٠١٩');
    expect(formatDate({ year: 2019 }, 'en')).toBe('2019');
    expect(formatDate(undefined, 'ar')).toBe('');
  });
});

describe('citation HTML and copy', () => {
  it('wraps values running against the citation in <bdi>, links the URL left-to-right and escapes markup', () => {
    const html = citationHtml({ ...a2, title: 'عنوان <script>alert(1)</script>' }, { paragraph: 2 });
    expect(html).toContain('<bdi>عنوان &lt;script&gt;alert(1)&lt;/script&gt;</bdi>');
    expect(html).toContain('<bdi>BBC عربي</bdi>');
    expect(html).toContain('<a href="https://example.com/hrw?id=7&amp;lang=ar" dir="ltr">');
    expect(html).toContain('فقرة ٢</span>');
    expect(html).not.toContain('<script>');
  });

  it('does not link a URL that is not http(s)', () => {
    expect(citationHtml({ ...a1, url: 'javascript:alert(1)' })).not.toContain('<a ');
  });

  it('copies a quote with its citation on the next line', () => {
    const t = strip(quoteWithCitation('ارتفعت إلى ٤٥ قتيلاً', a1, { paragraph: 1 }));
    expect(t.split('\n')).toEqual(['«ارتفعت إلى ٤٥ قتيلاً»', `— ${strip(citationText(a1, { paragraph: 1 }))}`]);
  });

  it('cites a credit line as outlet and source agency, never as the author', () => {
    const credited = {
      ...a1,
      author: undefined,
      byline: 'عشتار تيفي كوم - الجزيرة',
      outlet: 'عشتار تيفي كوم',
      agency: 'الجزيرة',
      url: undefined,
    };
    expect(citationParts(credited).map((p) => p.field)).toEqual(['title', 'outlet', 'agency', 'published', 'archived']);
    expect(citationText(credited)).toContain('، عشتار تيفي كوم، نقلاً عن الجزيرة، ١٢ أيار ٢٠١٩، ');
    expect(citationText(credited, { lang: 'en' })).toContain(`, via ${FSI}الجزيرة${PDI}, `);
  });

  it('names months as the reader chose', () => {
    expect(citationText(a1, { months: 'egyptian' })).toContain('، ١٢ مايو ٢٠١٩، ');
    expect(citationText(a1, { months: 'egyptian' })).toContain('أُرشف في ٣ يونيو ٢٠٢٤');
  });
});
