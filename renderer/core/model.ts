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
  /**
   * The story this article belongs to (see Story). Absent until detection has seen the article:
   * treat a missing storyId as a story of its own whose id is the article id.
   */
  storyId?: string;
  /** Editions of this text (copies imported from other outlets/URLs); absent means 1. */
  editions?: number;
  /** Outlet ids of every edition of this text (absent means `[outlet]`). */
  outlets?: string[];
  /** Earliest publication date over its editions, when another edition is dated before `published`. */
  earliest?: string;
  /**
   * The start of the first body paragraph (at most LEAD_CHARS, core/article/lead.ts), for the library
   * list. Set at import; older articles get it lazily when their row is first shown.
   */
  lead?: string;
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

// ---- Stories across outlets (issue 12) ----

/**
 * One copy of an article as it was imported: the outlet, URL and headline as printed. An article
 * (one stored text) has one edition per distinct (outlet, URL); the first is created with the article.
 * Editions never change once stored (corrections are MetaEdits).
 */
export interface Edition {
  /** `${articleId}|${outlet}|${url ?? ''}`: the same file re-imported adds nothing. */
  id: string;
  articleId: string;
  /** Outlet id or name as in the source (display names come from Outlet). */
  outlet: string;
  url?: string;
  /** Headline as printed by this outlet. */
  title: string;
  byline?: string;
  author?: string;
  /** Publication date, ISO 8601. */
  published?: string;
  /** The Hijri date this outlet printed (`YYYY-MM-DD` or `YYYY-MM`, Umm al-Qura), as on ArticleMeta. */
  publishedHijri?: string;
  /** The original source this outlet's credit line names ("الجزيرة"), as on ArticleMeta. */
  agency?: string;
  /** The file (and record, for archives) it came from. */
  source: { kind: SourceKind; name?: string; record?: number };
  /** ms since epoch. */
  importedAt: number;
}

/** How two articles relate: `same` = a republication (merged into one story); `partial` = shares a passage. */
export type StoryRelation = 'same' | 'partial';

/** A detected relation between two articles (a < b by id). */
export interface StoryLink {
  /** `${a}|${b}` */
  id: string;
  a: string;
  b: string;
  relation: StoryRelation;
  /** Detector's confidence-like score, 0..1 (higher = more shared text). */
  score: number;
  /** ms since epoch, when detected. */
  at: number;
}

/**
 * A person's correction, kept for ever and applied after every detection run, later decisions winning
 * per pair. `split`: every article of `left` is kept apart from every article of `right`.
 * `merge`: they are put together whatever detection says.
 */
export interface StoryDecision {
  id: string;
  kind: 'split' | 'merge';
  left: string[];
  right: string[];
  at: number;
}

/** A group of articles that are one report (linked by `same`, or merged by hand). */
export interface Story {
  /** Stable: the id of the story's first-added article at the time it was formed. */
  id: string;
  articleIds: string[];
  /** Earliest publication date over all editions (ISO), if any is dated. */
  earliest?: string;
  /** Distinct outlets over all editions of all articles. */
  outletCount: number;
  editionCount: number;
}

/** An outlet: the id found in sources (`okaz`), a display name (`عكاظ`) and aliases. */
export interface Outlet {
  id: string;
  name: string;
  aliases: string[];
  /** True when the name came from the built-in table and the user has not changed it. */
  seeded?: boolean;
  updatedAt?: number;
}

/** The article fields a person may correct. */
export type MetaField = 'title' | 'outlet' | 'byline' | 'published' | 'url';

/** One correction of an article's metadata, beside the original value (the stored text never changes). */
export interface MetaEdit {
  id: string;
  articleId: string;
  field: MetaField;
  /** The value before this edit (undefined when the field was empty). */
  original?: string;
  value: string;
  at: number;
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
  /** The reading font: Noto Naskh Arabic (default) or Noto Sans Arabic. */
  font?: 'naskh' | 'sans';
}

export const DEFAULT_READER_PREFS: ReaderPrefs = { fontSize: 20, lineHeight: 1.9, columnWidth: 70, theme: 'light' };
