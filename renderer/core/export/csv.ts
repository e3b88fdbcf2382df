/**
 * CSV export: one row per annotation, RFC 4180 (quoted fields, doubled quotes, CRLF rows) with a
 * UTF-8 byte-order mark so spreadsheet programs read Arabic as UTF-8 rather than a legacy code page.
 */
import { articleTags, authorOf, groupByArticle, type ArticleGroup, type ExportInput, type ExportLang } from './common';
import { isoTime } from './dates';
import { guardFormula } from './escape';
import { editionsCell } from './editions';

export const CSV_COLUMNS = [
  'outlet',
  'author',
  'title',
  'date',
  'url',
  'paragraph',
  'quote',
  'note',
  'tags',
  'colour',
  'created',
  'articleTags',
  'agency',
  'story',
  'editions',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

const HEADERS: Record<ExportLang, Record<CsvColumn, string>> = {
  en: {
    outlet: 'outlet',
    author: 'author',
    title: 'title',
    date: 'date',
    url: 'URL',
    paragraph: 'paragraph',
    quote: 'quote',
    note: 'note',
    tags: 'tags',
    colour: 'colour',
    created: 'created',
    articleTags: 'article tags',
    agency: 'source agency',
    story: 'story',
    editions: 'editions',
  },
  ar: {
    outlet: 'المنفذ',
    author: 'الكاتب',
    title: 'العنوان',
    date: 'التاريخ',
    url: 'الرابط',
    paragraph: 'الفقرة',
    quote: 'الاقتباس',
    note: 'الملاحظة',
    tags: 'الوسوم',
    colour: 'اللون',
    created: 'أُنشئت',
    articleTags: 'وسوم المقال',
    agency: 'المصدر الأصلي',
    story: 'الخبر',
    editions: 'النسخ',
  },
};

/** Tags share one cell, joined by this. */
export const TAG_SEPARATOR = '; ';
export const BOM = '\uFEFF';

export interface CsvOptions {
  /** Header language (default 'en', what scripts expect). */
  lang?: ExportLang;
  /**
   * Prefix cells a spreadsheet would run as a formula with an apostrophe (see guardFormula in
   * escape.ts). Default true; a note "-٥ قتلى" is then "'-٥ قتلى".
   */
  guardFormulas?: boolean;
}

/**
 * The rows as plain values, before quoting (handy for tests and previews): one per annotation, and
 * one with empty annotation cells for a tagged article that has no annotation (its tags still go out).
 */
export function csvRows(input: ExportInput): Record<CsvColumn, string>[] {
  return groupByArticle(input).flatMap((g) => {
    const article = articleCells(g, input);
    const blank = { paragraph: '', quote: '', note: '', tags: '', colour: '', created: '' };
    if (!g.items.length) return [{ ...article, ...blank }];
    return g.items.map((i) => ({
      ...article,
      paragraph: i.paragraph === undefined ? '' : String(i.paragraph),
      quote: i.quote,
      note: i.annotation.note,
      tags: i.annotation.tags.join(TAG_SEPARATOR),
      colour: i.annotation.color ?? '',
      created: isoTime(i.annotation.createdAt),
    }));
  });
}

/** The cells that describe the article, repeated on each of its rows. */
function articleCells(
  g: ArticleGroup,
  input: ExportInput,
): Pick<
  Record<CsvColumn, string>,
  'outlet' | 'author' | 'title' | 'date' | 'url' | 'articleTags' | 'agency' | 'story' | 'editions'
> {
  return {
    outlet: g.article.outlet,
    author: authorOf(g.article) ?? '',
    title: g.article.title,
    date: g.article.published ?? '',
    url: g.article.url ?? '',
    articleTags: articleTags(g.article).join(TAG_SEPARATOR),
    agency: g.article.agency ?? '',
    // Stories (issue 12): the story id, and every edition of the annotated text.
    story: g.article.storyId ?? g.article.id,
    editions: editionsCell(g.article, input.editions?.get(g.article.id)),
  };
}

/** The whole file as a string starting with the BOM; a header row alone when there is nothing. */
export function toCsv(input: ExportInput, options: CsvOptions = {}): string {
  const headers = HEADERS[options.lang ?? 'en'];
  const guard = options.guardFormulas ?? true;
  const lines = [CSV_COLUMNS.map((c) => csvField(headers[c], false)).join(',')];
  for (const row of csvRows(input)) lines.push(CSV_COLUMNS.map((c) => csvField(row[c], guard)).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}

/** One RFC 4180 field: quoted when it holds a comma, quote, CR or LF (or leading/trailing space). */
export function csvField(value: string, guardFormulas = true): string {
  const v = guardFormulas ? guardFormula(value) : value;
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
