/**
 * What every exporter takes: articles, their annotations and (optionally) their texts, grouped by
 * article in text order. Pure: formats build strings, the exporter service saves them.
 */
import { anchor, paragraphNumber, positionOf, quoteOf } from '../anchoring';
import type { Annotation, ArticleMeta, ArticleText, Edition } from '../model';

export interface ExportInput {
  articles: ArticleMeta[];
  annotations: Annotation[];
  /** With texts, positions and paragraph numbers come from anchoring rather than stored offsets. */
  texts?: Map<string, ArticleText>;
  /** Every edition of each article, earliest first (stories: one record per edition, "also published by"). */
  editions?: Map<string, Edition[]>;
}

export type ExportLang = 'ar' | 'en';

/** One annotation as the formats print it. */
export interface ExportItem {
  annotation: Annotation;
  /** The highlighted words ('' for a note on the whole article). */
  quote: string;
  /** Start offset used for ordering; -1 for a note on the whole article. */
  start: number;
  end: number;
  /** 1-based paragraph, the citation locator. */
  paragraph?: number;
}

export interface ArticleGroup {
  article: ArticleMeta;
  items: ExportItem[];
}

/**
 * Groups annotations by article, articles in input order, items in text order (whole-article notes
 * first, then by start, then by creation). Annotations whose article is missing are kept in a group
 * with a placeholder article (title '', outlet ''), never dropped. Articles with neither annotations
 * nor tags of their own are left out (a tagged article still carries its tags into the export).
 */
export function groupByArticle(input: ExportInput): ArticleGroup[] {
  const byId = new Map<string, ArticleGroup>();
  for (const article of input.articles) byId.set(article.id, { article, items: [] });
  for (const a of input.annotations) {
    let g = byId.get(a.articleId);
    if (!g) byId.set(a.articleId, (g = { article: placeholder(a.articleId), items: [] }));
    g.items.push(toItem(a, input.texts?.get(a.articleId)));
  }
  const groups = [...byId.values()].filter((g) => g.items.length || articleTags(g.article).length);
  for (const g of groups) g.items.sort((x, y) => x.start - y.start || x.annotation.createdAt - y.annotation.createdAt);
  return groups;
}

function toItem(annotation: Annotation, text: ArticleText | undefined): ExportItem {
  const q = quoteOf(annotation.selectors ?? []);
  const p = positionOf(annotation.selectors ?? []);
  const quote = q?.exact ?? '';
  if (!q && !p) return { annotation, quote, start: -1, end: -1, paragraph: annotation.paragraph };
  let start = p?.start ?? 0;
  let end = p?.end ?? start;
  let paragraph = annotation.paragraph;
  if (text) {
    const r = anchor(text.text, annotation.selectors);
    if (!r.orphan) ({ start, end } = r);
    paragraph ??= r.orphan ? undefined : paragraphNumber(text.paragraphs, r.start);
  }
  return { annotation, quote: quote || (text ? text.text.slice(start, end) : ''), start, end, paragraph };
}

function placeholder(id: string): ArticleMeta {
  return { id, title: '', outlet: '', length: 0, words: 0, importedAt: 0, source: { kind: 'text' }, tags: [] };
}

/** 'ar' when the text holds more Arabic letters than Latin ones, 'en' when Latin wins, else undefined. */
export function detectLanguage(text: string): 'ar' | 'en' | undefined {
  let ar = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0600 && c <= 0x06ff) ar++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  if (!ar && !latin) return undefined;
  return ar >= latin ? 'ar' : 'en';
}

/**
 * The author to cite: the author field, else the byline, unless the byline is a credit or agency
 * line (the article has an `agency`: "عشتار تيفي كوم - الجزيرة" names a site and a source, not a
 * writer); undefined when there is none.
 */
export function authorOf(a: ArticleMeta): string | undefined {
  return a.author?.trim() || (a.agency?.trim() ? undefined : a.byline?.trim()) || undefined;
}

/** The article's own tags (not its highlights' tags), trimmed, blanks and repeats dropped. */
export function articleTags(a: ArticleMeta): string[] {
  return [...new Set((a.tags ?? []).map((t) => t.trim()).filter(Boolean))];
}

/** True for a note on the whole article: no selectors, so it points at no passage. */
export function isArticleNote(a: Annotation): boolean {
  return !(a.selectors ?? []).length && a.note.trim().length > 0;
}

/** Notes on the whole article, by article id, oldest first (RIS `N1`, CSL `note`). */
export function articleNotesById(annotations: readonly Annotation[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of [...annotations].filter(isArticleNote).sort((x, y) => x.createdAt - y.createdAt)) {
    const list = out.get(a.articleId) ?? [];
    list.push(a.note.trim());
    out.set(a.articleId, list);
  }
  return out;
}
