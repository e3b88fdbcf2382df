/**
 * A saved web page → ParsedArticle. The main text comes from @mozilla/readability over a linkedom
 * document (nav, share bars, related links, ads and comments are what readability drops); the stored
 * text is the extracted paragraphs joined by a blank line ("\n\n"), with a range per paragraph.
 * Metadata: see html-meta.ts. Charset: BOM, then the caller's (MIME) charset, then <meta charset> or
 * http-equiv, then the same guessing as text files.
 */
import { Readability } from '@mozilla/readability';
import type { ParsedArticle, SourceKind, TextRange } from '../model';
import { decodeBytes, knownLabel, sniffBom, type TextEncodingName } from './decode';
import { ELEMENT_NODE, TEXT_NODE, parseDocument, type MiniElement, type MiniNode } from './dom-shim';
import { ImportError } from './errors';
import { hostOf, pageMeta } from './html-meta';
import { titleFromFileName } from './text';

export interface HtmlParseOptions {
  fileName?: string;
  kind?: SourceKind;
  /**
   * Charset from outside the page (an MHTML part's Content-Type): it describes the bytes as saved, so
   * it wins over the page's own <meta> (as an HTTP header does in browsers); a BOM wins over both.
   */
  charset?: string;
  /** Page address from outside the page (MHTML Content-Location), used when the page names none. */
  url?: string;
}

// The <meta charset> must sit in the first 1024 bytes (HTML spec); 4 KiB tolerates sloppy pages.
const META_SCAN = 4096;

/** The charset a page declares in its first bytes (<meta charset> or http-equiv), or undefined. */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, META_SCAN); i++) head += String.fromCharCode(bytes[i]!);
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m?.[1];
}

/**
 * Decodes a page's bytes by BOM, `opts.charset`, <meta> charset or guessing (as text files), and parses it.
 * Throws ImportError 'empty' | 'binary' | 'no-text'.
 */
export function parseHtmlBytes(bytes: Uint8Array, opts: HtmlParseOptions = {}): { article: ParsedArticle; encoding: TextEncodingName } {
  const declared = sniffBom(bytes) ? undefined : opts.charset ?? sniffHtmlCharset(bytes);
  const { text, encoding } = decodeBytes(bytes, declared && knownLabel(declared) ? declared : undefined);
  return { article: parseHtml(text, opts), encoding };
}

// Elements whose end closes a paragraph in the extracted text.
const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'TABLE', 'TR', 'TD', 'TH', 'FIGURE', 'FIGCAPTION', 'DD', 'DT', 'DL', 'BR', 'HR', 'HEADER', 'FOOTER', 'MAIN', 'ADDRESS']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'FORM', 'SELECT', 'NAV', 'ASIDE']);

/** Text blocks under `root`, whitespace collapsed, one string per paragraph, empty ones dropped. */
export function blockTexts(root: MiniNode): string[] {
  const out: string[] = [];
  let cur = '';
  const flush = () => {
    const t = cur.replace(/[\s\u00a0]+/g, ' ').trim();
    if (t) out.push(t);
    cur = '';
  };
  const walk = (n: MiniNode) => {
    if (n.nodeType === TEXT_NODE) { cur += n.textContent ?? ''; return; }
    if (n.nodeType !== ELEMENT_NODE || SKIP.has(n.nodeName.toUpperCase())) return;
    const block = BLOCK.has(n.nodeName.toUpperCase());
    if (block) flush();
    for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]!);
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}

/** Joins paragraphs with "\n\n" and returns the text with each paragraph's range. */
export function joinParagraphs(paras: readonly string[]): { text: string; paragraphs: TextRange[] } {
  const paragraphs: TextRange[] = [];
  let text = '';
  for (const p of paras) {
    if (text) text += '\n\n';
    paragraphs.push({ start: text.length, end: text.length + p.length });
    text += p;
  }
  return { text, paragraphs };
}

/** Readability's article root, or undefined when it finds none (readability may throw on odd trees). */
function readableRoot(html: string): { root?: MiniElement; title?: string; byline?: string; siteName?: string } {
  try {
    const doc = parseDocument(html);
    const r = new Readability<MiniElement>(doc as never, { serializer: (n) => n as unknown as MiniElement }).parse();
    return { root: r?.content ?? undefined, title: r?.title ?? undefined, byline: r?.byline ?? undefined, siteName: r?.siteName ?? undefined };
  } catch {
    return {};
  }
}

/**
 * Parses a decoded HTML page. Truncated or malformed markup yields whatever text the parser recovers.
 * Throws ImportError 'no-text' when neither readability nor the page body gives any paragraph.
 */
export function parseHtml(html: string, opts: HtmlParseOptions = {}): ParsedArticle {
  const doc = parseDocument(html);
  const m = pageMeta(doc);
  const r = readableRoot(html);
  let paras = r.root ? blockTexts(r.root) : [];
  if (paras.length === 0 && doc.body) paras = blockTexts(doc.body);
  if (paras.length === 0) throw new ImportError('no-text', 'No article text was found in this web page.');
  const title = m.title ?? r.title ?? (doc.title.trim() || titleFromFileName(opts.fileName));
  if (paras[0] === title) paras = paras.slice(1).length ? paras.slice(1) : paras;
  const { text, paragraphs } = joinParagraphs(paras);
  const url = m.url ?? opts.url;
  const out: ParsedArticle = {
    title,
    outlet: m.outlet ?? r.siteName ?? hostOf(url) ?? '',
    text,
    paragraphs,
    source: { kind: opts.kind ?? 'html', ...(opts.fileName ? { name: opts.fileName } : {}) },
  };
  const author = m.author && !/^https?:/i.test(m.author) ? m.author : r.byline;
  if (author) { out.author = author; out.byline = author; }
  if (m.published) out.published = m.published;
  if (url) out.url = url;
  return out;
}
