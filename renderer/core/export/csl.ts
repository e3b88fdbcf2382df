/**
 * Bibliographic data for reference managers as CSL-JSON (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html):
 * one `article-newspaper` item per article. Authors are `literal` names: Arabic bylines do not split
 * into family and given names the way CSL's name parser expects.
 */
import type { Annotation, ArticleMeta } from '../model';
import { articleNotesById, articleTags, authorOf, detectLanguage } from './common';
import { parseIsoDate, partsOfTime, type DateParts } from './dates';

export interface CslDate {
  'date-parts': [number, number?, number?][];
}

export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title'?: string;
  author?: { literal: string }[];
  issued?: CslDate;
  /** When Warraq archived the article. */
  accessed?: CslDate;
  URL?: string;
  'publisher-place'?: string;
  language?: string;
  /** The article's own tags, comma-separated (CSL's `keyword` is one string). */
  keyword?: string;
  /** Notes on the whole article, separated by a blank line. */
  note?: string;
}

/** One CSL-JSON item per article, in input order; `annotations` give the whole-article notes. */
export function toCslItems(articles: readonly ArticleMeta[], annotations: readonly Annotation[] = []): CslItem[] {
  const notes = articleNotesById(annotations);
  return articles.map((a) => cslItem(a, notes.get(a.id) ?? []));
}

/** One item for one article (an edition of a story can be one more call). */
export function cslItem(a: ArticleMeta, notes: readonly string[] = []): CslItem {
  const item: CslItem = { id: a.id, type: 'article-newspaper', title: a.title };
  if (a.outlet) item['container-title'] = a.outlet;
  const author = authorOf(a);
  if (author) item.author = [{ literal: author }];
  const issued = cslDate(parseIsoDate(a.published));
  if (issued) item.issued = issued;
  const accessed = cslDate(partsOfTime(a.importedAt));
  if (accessed) item.accessed = accessed;
  if (a.url) item.URL = a.url;
  if (a.place) item['publisher-place'] = a.place;
  const lang = detectLanguage(a.title);
  if (lang) item.language = lang;
  const tags = articleTags(a);
  if (tags.length) item.keyword = tags.join(', ');
  if (notes.length) item.note = notes.join('\n\n');
  return item;
}

/** The items as pretty-printed JSON text. */
export function toCslJson(articles: readonly ArticleMeta[], annotations: readonly Annotation[] = []): string {
  return JSON.stringify(toCslItems(articles, annotations), null, 2) + '\n';
}

function cslDate(p: DateParts | undefined): CslDate | undefined {
  if (!p) return undefined;
  const parts: [number, number?, number?] = [p.year];
  if (p.month) parts.push(p.month);
  if (p.month && p.day) parts.push(p.day);
  return { 'date-parts': [parts] };
}
