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
import { ELEMENT_NODE, TEXT_NODE, parseDocument, type MiniDocument, type MiniElement, type MiniNode } from './dom-shim';
import { checkHtml } from './limits';
import { ImportError } from './errors';
import { hostOf, pageMeta } from './html-meta';
import { titleFromFileName } from './text';
import { dropClutter, type TextBlock } from './clutter';
import { openingOf } from './opening';
import { isOutletByName } from './text-header';

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
export function parseHtmlBytes(
  bytes: Uint8Array,
  opts: HtmlParseOptions = {},
): { article: ParsedArticle; encoding: TextEncodingName } {
  const declared = sniffBom(bytes) ? undefined : (opts.charset ?? sniffHtmlCharset(bytes));
  const { text, encoding } = decodeBytes(bytes, declared && knownLabel(declared) ? declared : undefined);
  return { article: parseHtml(text, opts), encoding };
}

// Elements whose end closes a paragraph in the extracted text.
const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'LI',
  'UL',
  'OL',
  'BLOCKQUOTE',
  'PRE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'FIGURE',
  'FIGCAPTION',
  'DD',
  'DT',
  'DL',
  'BR',
  'HR',
  'HEADER',
  'FOOTER',
  'MAIN',
  'ADDRESS',
]);
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'BUTTON',
  'FORM',
  'SELECT',
  'NAV',
  'ASIDE',
]);

/** An extracted block of text; `heading` when it came from an h1–h3, `linkRatio` its share inside links. */
export interface Block extends TextBlock {
  linkRatio: number;
}

// Class/id words of page furniture that readability sometimes keeps (related lists in a cut page,
// share bars inside the article body). Whole words only: "ad" must not hit "header" or "shadow".
const CLUTTER =
  /(?:^|[\s_-])(?:ads?|advert\w*|advertisement|banner|sponsor\w*|share\w*|sharing|social|related\w*|comments?|comment-\w+|promo\w*|newsletter|breadcrumbs?|tags|most-read|popular|outbrain|taboola|subscribe|sidebar|widget|cookies?\w*|consent\w*|gdpr|cmp)(?:$|[\s_-])/i;

function isClutter(el: MiniElement): boolean {
  // Dialogs over the page (consent, newsletter) are never the article.
  const role = el.getAttribute('role');
  if (role === 'dialog' || role === 'alertdialog' || el.getAttribute('aria-modal') === 'true') return true;
  const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return cls.trim() !== '' && CLUTTER.test(cls);
}

/** Text blocks under `root`, whitespace collapsed, one per paragraph, empty ones and clutter dropped. */
export function blockTexts(root: MiniNode): Block[] {
  const out: Block[] = [];
  let cur = '';
  let linked = 0;
  let inLink = 0;
  let heading = false;
  const flush = () => {
    const t = cur.replace(/[\s\u00a0]+/g, ' ').trim();
    const all = cur.replace(/[\s\u00a0]+/g, '').length;
    if (t) out.push({ text: t, heading, linkRatio: all ? Math.min(1, linked / all) : 0 });
    cur = '';
    linked = 0;
    heading = false;
  };
  const walk = (n: MiniNode) => {
    if (n.nodeType === TEXT_NODE) {
      const s = n.textContent ?? '';
      cur += s;
      if (inLink) linked += s.replace(/[\s\u00a0]+/g, '').length;
      return;
    }
    const name = n.nodeName.toUpperCase();
    if (n.nodeType !== ELEMENT_NODE || SKIP.has(name) || isClutter(n as MiniElement)) return;
    const block = BLOCK.has(name);
    if (block) flush();
    heading ||= /^H[1-3]$/.test(name);
    if (name === 'A') inLink++;
    for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]!);
    if (name === 'A') inLink--;
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
function readableRoot(doc: MiniDocument): { root?: MiniElement; title?: string; byline?: string; siteName?: string } {
  try {
    const r = new Readability<MiniElement>(doc as never, {
      keepClasses: true,
      serializer: (n) => n as unknown as MiniElement,
    }).parse();
    return {
      root: r?.content ?? undefined,
      title: r?.title ?? undefined,
      byline: r?.byline ?? undefined,
      siteName: r?.siteName ?? undefined,
    };
  } catch {
    return {};
  }
}

/**
 * Parses a decoded HTML page. Truncated or malformed markup yields whatever text the parser recovers.
 * Throws ImportError 'no-text' when neither readability nor the page body gives any paragraph.
 */
export function parseHtml(html: string, opts: HtmlParseOptions = {}): ParsedArticle {
  checkHtml(html); // too large or too deep: refused before parsing (issue 13)
  const doc = parseDocument(html);
  // Read before readability, which rewrites the document it is given.
  const m = pageMeta(doc);
  const h1 = doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
  const r = readableRoot(doc);
  let blocks = r.root ? blockTexts(r.root) : [];
  if (blocks.length === 0) {
    const body = parseDocument(html).body; // a fresh tree: readability may have pruned this one
    if (body) blocks = blockTexts(body);
  }
  blocks = dropClutter(blocks);
  const site = m.outlet || r.siteName;
  const head = openingOf(blocks, {
    titles: [m.title, h1, stripSiteName(doc.title.trim(), site), r.title],
    author: m.author,
    guessHeadline: !m.title && !h1,
  });
  const paras = blocks.slice(head.skip).map((b) => b.text);
  if (paras.length === 0) throw new ImportError('no-text', 'No article text was found in this web page.');
  const outlet = m.outlet || r.siteName || outletInTitle(doc.title);
  const title =
    stripSiteName(m.title || head.title || h1 || r.title || doc.title.trim(), outlet) ||
    titleFromFileName(opts.fileName);
  const { text, paragraphs } = joinParagraphs(paras);
  const url = m.url ?? opts.url;
  const out: ParsedArticle = {
    title,
    outlet: outlet || hostOf(url) || '',
    text,
    paragraphs,
    source: { kind: opts.kind ?? 'html', ...(opts.fileName ? { name: opts.fileName } : {}) },
  };
  const author = (m.author && !/^https?:/i.test(m.author) ? m.author : undefined) ?? head.author ?? r.byline;
  if (author) {
    out.author = author;
    out.byline = author;
  }
  const published = m.published ?? head.dates?.published;
  if (published) out.published = published;
  if (head.dates?.hijri) out.publishedHijri = head.dates.hijri;
  if (head.dates?.note && (!m.published || m.published === head.dates.published)) out.dateNote = head.dates.note;
  if (url) out.url = url;
  return out;
}

/** "عنوان الخبر | الجزيرة نت" → "عنوان الخبر" when the suffix (after | - – — :) is the site's name. */
export function stripSiteName(title: string, site: string | undefined): string {
  if (!site) return title;
  const m = /^(.*\S)\s*[|\-–—:«»]\s*(.+)$/.exec(title);
  return m && m[2]!.trim() === site.trim() ? m[1]! : title;
}

/** An outlet named in one segment of "<title>" ("جريدة المستقبل - أخبار محلية"), by the text rules. */
function outletInTitle(title: string): string | undefined {
  const named = title
    .split(/\s+[|\-–—]\s+/)
    .map((x) => x.trim())
    .filter(isOutletByName);
  return named.length === 1 ? named[0] : undefined;
}
