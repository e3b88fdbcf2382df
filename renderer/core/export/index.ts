/** Export formats: pure string builders; the exporter service saves what they return. */
export { groupByArticle, detectLanguage, authorOf, type ExportInput, type ExportItem, type ArticleGroup, type ExportLang } from './common';
export { citationParts, citationText, citationHtml, quoteWithCitation, type CitationOptions, type CitationPart, type CitationField } from './citation';
export { formatDate, parseIsoDate, partsOfTime, arabicDigits, isoTime, type DateParts } from './dates';
export { FSI, PDI, isolate, escapeHtml } from './escape';
export { toMarkdown, type MarkdownOptions } from './markdown';
export { toHtml, FONT_FAMILY, type HtmlOptions, type EmbeddedFont } from './html';
export { toWebAnnotations, toWebAnnotationJson, articleResource, ANNO_CONTEXT, type WebAnnotation, type WebAnnotationCollection, type WebAnnotationOptions } from './json';
export { toCsv, csvRows, csvField, CSV_COLUMNS, BOM, TAG_SEPARATOR, type CsvColumn, type CsvOptions } from './csv';
export { toCslItems, toCslJson, type CslItem } from './csl';
export { toRis, risRecord } from './ris';
export { editionRecords, editionsCell, otherEditions } from './editions';
export { LABELS, COLOR_CSS } from './labels';
