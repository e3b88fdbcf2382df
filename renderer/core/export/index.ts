/** Export formats: pure string builders; the exporter service saves what they return. */
export {
  groupByArticle,
  detectLanguage,
  authorOf,
  articleTags,
  articleNotesById,
  isArticleNote,
  type ExportInput,
  type ExportItem,
  type ArticleGroup,
  type ExportLang,
} from './common';
export {
  citationParts,
  citationText,
  citationHtml,
  quoteWithCitation,
  type CitationOptions,
  type CitationPart,
  type CitationField,
} from './citation';
export { formatDate, parseIsoDate, partsOfTime, arabicDigits, isoTime, type DateParts } from './dates';
export { FSI, PDI, isolate, escapeHtml } from './escape';
export { toMarkdown, type MarkdownOptions } from './markdown';
export { toHtml, FONT_FAMILY, type HtmlOptions, type EmbeddedFont } from './html';
export {
  toWebAnnotations,
  toWebAnnotationJson,
  articleResource,
  ANNO_CONTEXT,
  type WebAnnotation,
  type WebAnnotationCollection,
  type WebAnnotationOptions,
} from './json';
export { toCsv, csvRows, csvField, CSV_COLUMNS, BOM, TAG_SEPARATOR, type CsvColumn, type CsvOptions } from './csv';
export { toCslItems, toCslJson, cslItem, type CslItem } from './csl';
export { toRis, risRecord, risDate } from './ris';
export { editionRecords, editionsCell, otherEditions } from './editions';
export { LABELS, COLOR_CSS } from './labels';
export { isolateIfNeeded, runsAgainst, dirOfLang, type Dir } from './direction';
export {
  displayDate,
  formatGregorian,
  formatHijri,
  hijriOf,
  parseHijriIso,
  DEFAULT_DATE_PREFS,
  CALENDAR_CHOICES,
  MONTH_REGIONS,
  MONTHS,
  type DatePrefs,
  type CalendarChoice,
  type MonthRegion,
  type DatedArticle,
} from './date-display';
