/**
 * Citations for news: outlet, author, the source agency ("نقلاً عن الجزيرة"), title, publication
 * date, URL, the date Warraq archived it, and the paragraph as the locator (news has no pages).
 *   ar: «العنوان»، المنفذ، الكاتب، ١٢ أيار ٢٠١٩، URL، أُرشف في ٣ حزيران ٢٠٢٤، فقرة ٣
 *   en: "Title", Outlet, Author, 12 May 2019, URL, archived 3 June 2024, para. 3
 * A field whose letters run against the citation's direction (a Latin outlet or URL in an Arabic
 * citation, an Arabic title in an English one) is isolated — FSI/PDI in text, <bdi> in HTML — so it
 * cannot reorder its neighbours; a field in the citation's own direction is left bare (see direction.ts).
 */
import type { ArticleMeta, Edition } from '../model';
import { authorOf, type ExportLang } from './common';
import { formatGregorian, type MonthRegion } from './date-display';
import { arabicDigits, parseIsoDate, partsOfTime } from './dates';
import { dirOfLang, isolateIfNeeded, runsAgainst } from './direction';
import { escapeHtml, isWebUrl } from './escape';

export interface CitationOptions {
  lang?: ExportLang;
  /** 1-based paragraph number, the locator; left out when undefined. */
  paragraph?: number;
  /** Gregorian month names by region (default Levantine: آذار, نيسان …). */
  months?: MonthRegion;
  /** Other editions of the cited text, listed after the citation ("also published by …"). */
  editions?: readonly Edition[];
}

export type CitationField =
  'title' | 'outlet' | 'author' | 'agency' | 'published' | 'url' | 'archived' | 'paragraph' | 'editions';

export interface CitationPart {
  field: CitationField;
  /** The value alone ("أيار ٢٠١٩", the title without quotes). */
  value: string;
  /** Words around the value in this language: «…», "archived …", "فقرة …". */
  before: string;
  after: string;
}

const WORDS = {
  ar: {
    open: '«',
    close: '»',
    archived: 'أُرشف في ',
    paragraph: 'فقرة ',
    via: 'نقلاً عن ',
    sep: '، ',
    also: 'ونشرته أيضًا: ',
    alsoSep: '؛ ',
  },
  en: {
    open: '"',
    close: '"',
    archived: 'archived ',
    paragraph: 'para. ',
    via: 'via ',
    sep: ', ',
    also: 'also published by: ',
    alsoSep: '; ',
  },
} as const;

/** The citation's fields in order; empty fields are left out (an article with no author has none). */
export function citationParts(article: ArticleMeta, options: CitationOptions = {}): CitationPart[] {
  const lang = options.lang ?? 'ar';
  const w = WORDS[lang];
  const parts: CitationPart[] = [];
  const add = (field: CitationField, value: string | undefined, before = '', after = '') => {
    if (value?.trim()) parts.push({ field, value: value.trim(), before, after });
  };
  add('title', article.title, w.open, w.close);
  add('outlet', article.outlet);
  add('author', authorOf(article));
  add('agency', article.agency, w.via);
  add('published', formatGregorian(parseIsoDate(article.published), lang, options.months));
  add('url', article.url);
  add('archived', formatGregorian(partsOfTime(article.importedAt), lang, options.months), w.archived);
  if (options.paragraph !== undefined && options.paragraph > 0) {
    add('paragraph', lang === 'ar' ? arabicDigits(options.paragraph) : String(options.paragraph), w.paragraph);
  }
  const others = options.editions
    ?.map((e) =>
      [e.outlet, formatGregorian(parseIsoDate(e.published), lang, options.months), e.url].filter(Boolean).join(' '),
    )
    .filter(Boolean);
  if (others?.length) add('editions', others.join(w.alsoSep), w.also);
  return parts;
}

/**
 * The citation as plain text, a value wrapped in FSI…PDI only when its letters run against the
 * citation's direction (set `isolates: false` for none at all, for formats read by programs).
 * Returns '' for an article with no fields at all.
 */
export function citationText(article: ArticleMeta, options: CitationOptions & { isolates?: boolean } = {}): string {
  const lang = options.lang ?? 'ar';
  const w = WORDS[lang];
  const iso = options.isolates === false ? (s: string) => s : (s: string) => isolateIfNeeded(s, dirOfLang(lang));
  return citationParts(article, options)
    .map((p) => p.before + iso(p.value) + p.after)
    .join(w.sep);
}

/**
 * The citation as HTML: values running against the citation's direction in <bdi>, the URL a link
 * with dir="ltr". Returns '' for no fields.
 */
export function citationHtml(article: ArticleMeta, options: CitationOptions = {}): string {
  const lang = options.lang ?? 'ar';
  const w = WORDS[lang];
  return citationParts(article, options)
    .map((p) => {
      const v = escapeHtml(p.value);
      const bare = !runsAgainst(p.value, dirOfLang(lang));
      const inner =
        p.field === 'url' && isWebUrl(p.value) ? `<a href="${v}" dir="ltr">${v}</a>` : bare ? v : `<bdi>${v}</bdi>`;
      return `<span class="cite-${p.field}">${escapeHtml(p.before)}${inner}${escapeHtml(p.after)}</span>`;
    })
    .join(escapeHtml(w.sep));
}

/**
 * "Copy with citation": the quote in guillemets (or English quotes) followed by its citation on two
 * lines, the quote isolated only when its letters run against the citation's direction. An empty
 * quote gives the citation alone.
 */
export function quoteWithCitation(quote: string, article: ArticleMeta, options: CitationOptions = {}): string {
  const lang = options.lang ?? 'ar';
  const w = WORDS[lang];
  const cite = citationText(article, options);
  return quote.trim() ? `${w.open}${isolateIfNeeded(quote.trim(), dirOfLang(lang))}${w.close}\n— ${cite}` : cite;
}
