/**
 * JSON export: a W3C Web Annotation `AnnotationCollection` (https://www.w3.org/TR/annotation-model/)
 * whose embedded first `AnnotationPage` holds every annotation. Targets are Specific Resources over
 * the article (its URL, else `urn:warraq:article:<id>`) with a TextQuoteSelector and a
 * TextPositionSelector; the article's bibliographic data rides on the source as Dublin Core terms
 * (the `dcterms:` prefix is declared by anno.jsonld). Colour is the model's own styling mechanism:
 * a `styleClass` on the target and one CssStylesheet on the annotation.
 */
import type { ArticleMeta, Selector } from '../model';
import { articleTags, authorOf, detectLanguage, groupByArticle, type ExportInput, type ExportItem } from './common';
import { isWebUrl } from './escape';
import { isoTime as iso } from './dates';
import { COLOR_CSS } from './labels';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format: 'text/plain';
  language?: string;
  textDirection?: 'rtl' | 'ltr';
}

export interface ArticleResource {
  id: string;
  type: 'Text';
  format: 'text/plain';
  language?: string;
  'dcterms:identifier': string;
  'dcterms:title'?: string;
  'dcterms:publisher'?: string;
  'dcterms:creator'?: string;
  /** The original source agency a credit line names. */
  'dcterms:source'?: string;
  'dcterms:issued'?: string;
  /** When Warraq archived the article (its import time). */
  'dcterms:dateSubmitted'?: string;
}

export interface WebAnnotation {
  '@context'?: string;
  id: string;
  type: 'Annotation';
  motivation: string | string[];
  created: string;
  modified: string;
  body?: TextualBody[];
  target: ArticleResource | { source: ArticleResource; selector: Selector[]; styleClass?: string };
  stylesheet?: { type: 'CssStylesheet'; value: string };
}

export interface WebAnnotationCollection {
  '@context': string;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  generator: { type: 'Software'; name: string };
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

export interface WebAnnotationOptions {
  /** The collection's IRI; defaults to `urn:warraq:export:<generated ms>`. */
  id?: string;
  label?: string;
  /** Export time in ms (default: now). */
  generated?: number;
}

/** The collection object (items inherit the collection's @context, as the model allows). */
export function toWebAnnotations(input: ExportInput, options: WebAnnotationOptions = {}): WebAnnotationCollection {
  const generated = options.generated ?? Date.now();
  const id = options.id ?? `urn:warraq:export:${generated}`;
  const items = groupByArticle(input).flatMap((g) => [
    ...articleTagging(g.article),
    ...g.items.map((i) => toAnnotation(g.article, i)),
  ]);
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: options.label ?? 'Warraq notes',
    total: items.length,
    generated: iso(generated),
    generator: { type: 'Software', name: 'Warraq' },
    first: { id: `${id}:page:1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** The collection as pretty-printed JSON-LD text. */
export function toWebAnnotationJson(input: ExportInput, options: WebAnnotationOptions = {}): string {
  return JSON.stringify(toWebAnnotations(input, options), null, 2) + '\n';
}

function toAnnotation(article: ArticleMeta, item: ExportItem): WebAnnotation {
  const a = item.annotation;
  const body: TextualBody[] = [];
  if (a.note.trim()) body.push(textual(a.note, 'commenting'));
  for (const tag of a.tags) body.push(textual(tag, 'tagging'));
  const source = articleResource(article);
  const selectors = orderedSelectors(a.selectors ?? []);
  const out: WebAnnotation = {
    id: `urn:warraq:annotation:${encodeURIComponent(a.id)}`,
    type: 'Annotation',
    motivation: motivation(selectors.length > 0, a.note.trim().length > 0, a.tags.length > 0),
    created: iso(a.createdAt),
    modified: iso(a.updatedAt || a.createdAt),
    target: selectors.length ? { source, selector: selectors } : source,
  };
  if (body.length) out.body = body;
  if (a.color && selectors.length && 'selector' in out.target) {
    out.target.styleClass = `warraq-${a.color}`;
    out.stylesheet = {
      type: 'CssStylesheet',
      value: `.warraq-${a.color} { background-color: ${COLOR_CSS[a.color]}; }`,
    };
  }
  return out;
}

/**
 * The article's own tags as one annotation of the whole article with a tagging body per tag
 * (none when it has no tags), dated by the article's import.
 */
function articleTagging(article: ArticleMeta): WebAnnotation[] {
  const tags = articleTags(article);
  if (!tags.length) return [];
  const when = iso(article.importedAt);
  return [
    {
      id: `urn:warraq:article-tags:${encodeURIComponent(article.id)}`,
      type: 'Annotation',
      motivation: 'tagging',
      created: when,
      modified: when,
      body: tags.map((t) => textual(t, 'tagging')),
      target: articleResource(article),
    },
  ];
}

function motivation(highlight: boolean, note: boolean, tags: boolean): string | string[] {
  const m = [highlight ? 'highlighting' : '', note ? 'commenting' : '', tags ? 'tagging' : ''].filter(Boolean);
  return m.length === 1 ? m[0]! : m.length ? m : 'commenting';
}

function textual(value: string, purpose: TextualBody['purpose']): TextualBody {
  const body: TextualBody = { type: 'TextualBody', value, purpose, format: 'text/plain' };
  const lang = detectLanguage(value);
  if (lang) {
    body.language = lang;
    body.textDirection = lang === 'ar' ? 'rtl' : 'ltr';
  }
  return body;
}

/** TextQuoteSelector first (the one that survives a changed text), then TextPositionSelector. */
function orderedSelectors(selectors: Selector[]): Selector[] {
  const q = selectors.filter((s) => s?.type === 'TextQuoteSelector');
  const p = selectors.filter((s) => s?.type === 'TextPositionSelector');
  return [...q.map((s) => ({ ...s })), ...p.map((s) => ({ ...s }))];
}

/** The article as an External Web Resource with its bibliographic data. */
export function articleResource(article: ArticleMeta): ArticleResource {
  const urn = `urn:warraq:article:${encodeURIComponent(article.id)}`;
  const r: ArticleResource = {
    id: isWebUrl(article.url) ? article.url.trim() : urn,
    type: 'Text',
    format: 'text/plain',
    'dcterms:identifier': urn,
  };
  const lang = detectLanguage(article.title);
  if (lang) r.language = lang;
  if (article.title) r['dcterms:title'] = article.title;
  if (article.outlet) r['dcterms:publisher'] = article.outlet;
  const author = authorOf(article);
  if (author) r['dcterms:creator'] = author;
  if (article.agency) r['dcterms:source'] = article.agency;
  if (article.published) r['dcterms:issued'] = article.published;
  if (article.importedAt > 0) r['dcterms:dateSubmitted'] = iso(article.importedAt);
  return r;
}
