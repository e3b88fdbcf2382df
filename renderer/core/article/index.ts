/**
 * Import parsers, pure: bytes or chunks in, ParsedArticle out. What the import worker and the sample
 * loader use; see each module for details.
 */
export { ImportError, isImportError, type ImportErrorCode } from './errors';
export { detectKind, ignoredReason, extensionOf, SNIFF_BYTES, type Detection, type ImportKind } from './detect';
export { decodeBytes, type Decoded, type TextEncodingName } from './decode';
export { parseDate } from './dates';
export { parseTextArticle, parseTextBytes, titleFromFileName, type TextParseOptions } from './text';
export { parseHtml, parseHtmlBytes, type HtmlParseOptions } from './html';
export { parseMhtmlBytes } from './mhtml';
export { parseFileBytes, type SingleFileKind } from './file';
export { LineSplitter, parseJsonlLine, recordToArticle, type NumberedLine, type RecordResult } from './records';
export { CsvRecordReader } from './csv';
export { contentId, normaliseForHash, toArticle, countWords } from './identity';
