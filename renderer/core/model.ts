/**
 * The data model every layer shares. Pure types: no behaviour, no imports.
 *
 * Offsets are UTF-16 code-unit offsets into `ArticleText.text`, the article's stored text, which never
 * changes after import (annotations point into it by offset and by quote).
 */

/** A half-open range [start, end) of UTF-16 code units in an article's stored text. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * 'from-hijri': only a Hijri date was printed; `published` is its Umm al-Qura conversion.
 * 'calendars-disagree': both calendars were printed and are more than a day apart; `published` is the
 * printed Gregorian date, `publishedHijri` the printed Hijri one, neither corrected.
 */
export type DateNote = 'from-hijri' | 'calendars-disagree';

/** Where an article came from. */
export type SourceKind = 'sample' | 'text' | 'html' | 'mhtml' | 'jsonl' | 'csv' | 'backup';

/**
 * The small, list-friendly half of an article (the library loads 30,000+ of these at once).
 * `id` is the hex SHA-256 of the normalised body text, so the same article is stored once
 * whatever file it came from, and ids agree across libraries (merge restore relies on it).
 */
export interface ArticleMeta {
  id: string;
  title: string;
  /** Outlet or agency name as printed ("قناة عشتار الفضائية"), or an outlet id from an archive. */
  outlet: string;
  /** Byline or source line ("عشتار تيفي كوم - الجزيرة"). */
  byline?: string;
  author?: string;
  /** Place named in the dateline ("دمشق"). */
  place?: string;
  /** Publication date, ISO 8601 (`YYYY-MM-DD` or a full timestamp). */
  published?: string;
  /** The original source a credit line names ("الجزيرة" in "عشتار تيفي كوم - الجزيرة"): never the author. */
  agency?: string;
  /** The Hijri date as printed, `YYYY-MM-DD` (or `YYYY-MM`) in the Umm al-Qura calendar. */
  publishedHijri?: string;
  /** How `published` relates to what was printed (absent: read as printed). */
  dateNote?: DateNote;
  url?: string;
  /** Body length in characters and in words, for the library's columns. */
  length: number;
  words: number;
  /** ms since epoch. */
  importedAt: number;
  source: { kind: SourceKind; name?: string };
  tags: string[];
}

/** The heavy half: the stored text and where its parts are. */
export interface ArticleText {
  id: string;
  /** The stored text, exactly as decoded from the source (or as extracted from HTML). */
  text: string;
  /** Where the title stands in `text`, when it is part of it. */
  titleRange?: TextRange;
  /** Body paragraphs, in order; the reader renders these slices of `text`. */
  paragraphs: TextRange[];
}

export type Article = ArticleMeta & Omit<ArticleText, 'id'>;

/** What a parser returns: an article before it gets its id and import time. */
export interface ParsedArticle {
  title: string;
  outlet: string;
  byline?: string;
  author?: string;
  place?: string;
  published?: string;
  agency?: string;
  publishedHijri?: string;
  dateNote?: DateNote;
  url?: string;
  text: string;
  titleRange?: TextRange;
  paragraphs: TextRange[];
  source: { kind: SourceKind; name?: string };
}

// ---- Annotations: W3C Web Annotation selectors over `ArticleText.text` ----

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export type Selector = TextPositionSelector | TextQuoteSelector;

export type HighlightColor = 'yellow' | 'green' | 'blue' | 'pink' | 'purple';
export const HIGHLIGHT_COLORS: readonly HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];

export interface Annotation {
  id: string;
  articleId: string;
  /** Empty for a note on the whole article. */
  selectors: Selector[];
  color?: HighlightColor;
  note: string;
  tags: string[];
  /** 1-based paragraph number of the start, the citation locator. */
  paragraph?: number;
  createdAt: number;
  updatedAt: number;
}

export interface Bookmark {
  id: string;
  articleId: string;
  /** 0-based paragraph index. */
  paragraph: number;
  label: string;
  createdAt: number;
}

/** Where the reader left an article. */
export interface ReadingState {
  articleId: string;
  paragraph: number;
  /** Fraction of the article scrolled, 0..1. */
  fraction: number;
  /** Start (text offset) of the first visible block, in an article rendered in windows (issue 13). */
  offset?: number;
  updatedAt: number;
}

export interface Setting<T = unknown> {
  key: string;
  value: T;
}

export type Theme = 'light' | 'sepia' | 'dark';
export type UiLanguage = 'ar' | 'en';

export interface ReaderPrefs {
  fontSize: number;
  lineHeight: number;
  /** Column width in `ch`. */
  columnWidth: number;
  theme: Theme;
}

export const DEFAULT_READER_PREFS: ReaderPrefs = { fontSize: 20, lineHeight: 1.9, columnWidth: 70, theme: 'light' };
