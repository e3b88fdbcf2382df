import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { groupByArticle, toHtml, toMarkdown } from '../../../../renderer/core/export';
import { escapeLine } from '../../../../renderer/core/export/markdown';
import { ANNOTATIONS, ARTICLES, TEXTS } from '../../../fixtures/export/library';

const input = { articles: ARTICLES, annotations: ANNOTATIONS, texts: TEXTS };
const strip = (s: string) => s.replace(/[\u2068\u2069]/g, '');

describe('groupByArticle', () => {
  it('groups by article in input order, whole-article notes first, then text order', () => {
    const groups = groupByArticle(input);
    expect(groups.map((g) => g.article.id)).toEqual(['a1', 'a2']);
    expect(groups[0]!.items.map((i) => i.annotation.id)).toEqual(['n3', 'n1', 'n2']);
  });

  it('takes paragraph numbers from the text when the annotation has none', () => {
    expect(groupByArticle(input)[1]!.items[0]!.paragraph).toBe(1);
    expect(groupByArticle({ ...input, texts: undefined })[1]!.items[0]!.paragraph).toBeUndefined();
  });

  it('keeps an annotation whose article is missing under a placeholder', () => {
    const stray = { ...ANNOTATIONS[0]!, id: 'x', articleId: 'gone' };
    const groups = groupByArticle({ articles: [], annotations: [stray] });
    expect(groups).toHaveLength(1);
    expect(groups[0]!.article).toMatchObject({ id: 'gone', title: '' });
  });
});

describe('Markdown', () => {
  const md = strip(toMarkdown(input));

  it('has one section per annotated article and each quote as a block quote with note and citation', () => {
    expect(md.match(/^## /gm)).toHaveLength(2);
    expect(md).toContain(
      '> عدد القتلى بلغ 52 شخصاً\n\nقارن مع حصيلة الوزارة: 45 مقابل 52.\nسطر ثانٍ فيه "اقتباس", وفاصلة\n\n' +
        'الوسوم: أرقام، SOHR · اللون: وردي\n\n— «وزارة الصحة: ارتفاع حصيلة ضحايا القصف إلى ٤٥ قتيلاً»، عشتار تيفي، سامر الخطيب، ١٢ أيار ٢٠١٩، ',
    );
    expect(md).toMatch(/> \u200FHuman Rights Watch تقريراً من 40 صفحة\n[^]*?فقرة ١\n/);
  });

  it('marks a quote or note line whose first letter would flip its direction (RLM/LRM)', () => {
    expect(md).toContain('> \u200FHuman Rights Watch تقريراً من 40 صفحة\n');
    expect(md).toContain('\ncompare with the SOHR count — قارن مع رقم المرصد\n');
    const en = toMarkdown({
      articles: ARTICLES,
      annotations: [{ ...ANNOTATIONS[3]!, note: 'حلب: the UN says aid is blocked at the border' }],
    });
    expect(en).toContain('\n\u200Eحلب: the UN says aid is blocked at the border\n');
  });

  it('marks a note on the whole article and escapes its leading dash', () => {
    expect(md).toContain('*ملاحظة على المقال كله*\n\n\\- ملاحظة عامة');
  });

  it('is in English when asked', () => {
    const en = strip(toMarkdown(input, { lang: 'en' }));
    expect(en.startsWith('# Notes from Warraq\n')).toBe(true);
    expect(en).toContain('Tags: أرقام, SOHR · Colour: pink');
  });

  it('escapes what would change the structure at the start of a line', () => {
    expect(['# عنوان', '> اقتباس', '12. بند', 'نص عادي'].map(escapeLine)).toEqual([
      '\\# عنوان',
      '&gt; اقتباس',
      '12\\. بند',
      'نص عادي',
    ]);
  });
});

describe('HTML', () => {
  const font = { dataUrl: 'data:font/woff2;base64,d09GMgABAAAAAA==', weight: 400 };
  const html = toHtml(input, { fonts: [font, { dataUrl: 'data:text/css,}body{display:none' }] });
  const { document } = parseHTML(html);

  it('is a standalone right-to-left Arabic page', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="ar" dir="rtl">')).toBe(true);
    expect(document.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(document.querySelectorAll('script')).toHaveLength(0);
  });

  it('embeds the given font and skips a data URL that is not a font', () => {
    expect(html).toContain(
      `@font-face { font-family: 'Noto Naskh Arabic'; font-weight: 400; font-display: block; src: url(${font.dataUrl}) format('woff2'); }`,
    );
    expect(html).not.toContain('display:none');
    expect(html).toContain('@media print');
  });

  it('holds the same content: sections, quotes, notes and citations with isolated values', () => {
    expect(document.querySelectorAll('section.article')).toHaveLength(2);
    const quotes = [...document.querySelectorAll('blockquote')].map((b) => b.textContent);
    expect(quotes).toEqual(['٤٥ قتيلاً و١٢٣ جريحاً', 'عدد القتلى بلغ 52 شخصاً', 'Human Rights Watch تقريراً من 40 صفحة']);
    expect(document.querySelector('blockquote mark')?.getAttribute('class')).toBe('hl-yellow');
    expect(document.querySelectorAll('.note')[2]?.textContent).toBe(
      'قارن مع حصيلة الوزارة: 45 مقابل 52.\nسطر ثانٍ فيه "اقتباس", وفاصلة',
    );
    expect(document.querySelectorAll('.note')[2]?.getAttribute('dir')).toBe('rtl');
    expect(document.querySelectorAll('.note')[1]?.getAttribute('dir')).toBe('ltr');
    expect(document.querySelectorAll('blockquote')[2]?.getAttribute('dir')).toBe('rtl');
    const cite = document.querySelectorAll('.cite')[3]!;
    expect(cite.querySelector('.cite-outlet bdi')?.textContent).toBe('BBC عربي');
    expect(cite.querySelector('.cite-paragraph')?.textContent).toBe('فقرة ١');
  });

  it('escapes markup in notes', () => {
    const evil = { ...ANNOTATIONS[3]!, note: '<img src=x onerror=alert(1)> ملاحظة' };
    const page = toHtml({ articles: ARTICLES, annotations: [evil] });
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; ملاحظة');
    expect(parseHTML(page).document.querySelectorAll('img')).toHaveLength(0);
  });
});
