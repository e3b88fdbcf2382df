/**
 * HTML export: one standalone, printable, right-to-left page with the same content as Markdown.
 * The bundled Noto Naskh Arabic font comes in as base64 data URLs (core cannot read files), so the
 * page renders the same offline and when printed. No scripts; a CSP meta forbids any.
 */
import { citationHtml } from './citation';
import { otherEditions } from './editions';
import { articleTags, groupByArticle, type ExportInput, type ExportItem, type ExportLang } from './common';
import { escapeHtml, majorityDir } from './escape';
import { COLOR_CSS, LABELS } from './labels';
import type { ArticleMeta, Edition, HighlightColor } from '../model';
import type { MonthRegion } from './date-display';

export interface EmbeddedFont {
  /** `data:font/woff2;base64,…` (also font/woff, font/ttf, font/otf). */
  dataUrl: string;
  weight?: number;
}

export interface HtmlOptions {
  lang?: ExportLang;
  title?: string;
  /** Noto Naskh Arabic faces to embed; without them the page falls back to the system's serif. */
  fonts?: EmbeddedFont[];
  /** Gregorian month names in citations (default Levantine). */
  months?: MonthRegion;
}

export const FONT_FAMILY = 'Noto Naskh Arabic';

/** The whole page as a string. Font data URLs that are not base64 fonts are skipped, never embedded. */
export function toHtml(input: ExportInput, options: HtmlOptions = {}): string {
  const lang = options.lang ?? 'ar';
  const title = options.title ?? LABELS[lang].heading;
  const sections = groupByArticle(input)
    .map((g) =>
      section(g.article, g.items, lang, options.months, otherEditions(g.article, input.editions?.get(g.article.id))),
    )
    .join('\n');
  return [
    '<!doctype html>',
    `<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${fontFaces(options.fonts ?? [])}${CSS}</style>`,
    '</head>',
    '<body>',
    `<header><h1 dir="auto">${escapeHtml(title)}</h1></header>`,
    `<main>\n${sections}\n</main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function section(
  article: ArticleMeta,
  items: ExportItem[],
  lang: ExportLang,
  months?: MonthRegion,
  editions: Edition[] = [],
): string {
  const own = articleTags(article);
  const tagLine = own.length
    ? `\n<p class="article-tags">${escapeHtml(LABELS[lang].articleTags)}: ${own.map((t) => `<bdi class="tag">${escapeHtml(t)}</bdi>`).join(' ')}</p>`
    : '';
  const head = `<h2 dir="auto"><bdi>${escapeHtml(article.title || article.id)}</bdi></h2>\n<p class="source">${citationHtml(article, { lang, months, editions })}</p>${tagLine}`;
  return `<section class="article">\n${head}\n${items.map((i) => item(article, i, lang, months)).join('\n')}\n</section>`;
}

function item(article: ArticleMeta, it: ExportItem, lang: ExportLang, months?: MonthRegion): string {
  const l = LABELS[lang];
  const a = it.annotation;
  const color: HighlightColor = a.color ?? 'yellow';
  const parts: string[] = [];
  // A quote reads in its article's direction: "Human Rights Watch تقريراً …" is an Arabic sentence.
  const dir = majorityDir(article.title) ?? majorityDir(it.quote) ?? 'auto';
  if (it.quote)
    parts.push(`<blockquote dir="${dir}"><mark class="hl-${color}">${escapeHtml(it.quote)}</mark></blockquote>`);
  else parts.push(`<p class="whole"><em>${escapeHtml(l.articleNote)}</em></p>`);
  if (a.note.trim())
    parts.push(`<p class="note" dir="${majorityDir(a.note) ?? 'auto'}">${escapeHtml(a.note.trim())}</p>`);
  const meta: string[] = [];
  if (a.tags.length)
    meta.push(`${escapeHtml(l.tags)}: ${a.tags.map((t) => `<bdi class="tag">${escapeHtml(t)}</bdi>`).join(' ')}`);
  if (a.color) meta.push(`${escapeHtml(l.colour)}: ${escapeHtml(l.colours[a.color])}`);
  if (meta.length) parts.push(`<p class="meta">${meta.join(' · ')}</p>`);
  parts.push(`<p class="cite">— ${citationHtml(article, { lang, paragraph: it.paragraph, months })}</p>`);
  return `<article class="annotation">\n${parts.join('\n')}\n</article>`;
}

const FONT_FORMATS: Record<string, string> = {
  'font/woff2': 'woff2',
  'font/woff': 'woff',
  'font/ttf': 'truetype',
  'font/otf': 'opentype',
};

function fontFaces(fonts: EmbeddedFont[]): string {
  return fonts
    .map((f) => {
      const m = /^data:(font\/(?:woff2|woff|ttf|otf));base64,[A-Za-z0-9+/]+=*$/.exec(f.dataUrl);
      if (!m) return '';
      const weight = Number.isInteger(f.weight) ? f.weight : 400;
      return `@font-face { font-family: '${FONT_FAMILY}'; font-weight: ${weight}; font-display: block; src: url(${f.dataUrl}) format('${FONT_FORMATS[m[1]!]}'); }\n`;
    })
    .join('');
}

const CSS = `
:root { color-scheme: light; }
body { font-family: '${FONT_FAMILY}', 'Noto Naskh Arabic UI', serif; font-size: 13pt; line-height: 1.9;
  max-width: 46rem; margin: 2rem auto; padding: 0 1.5rem; color: #1d1d1f; background: #fff; }
h1 { font-size: 1.6em; border-block-end: 2px solid #444; padding-block-end: .3em; }
h2 { font-size: 1.25em; margin-block: 2em .3em; }
.source, .cite, .meta, .article-tags { font-size: .85em; color: #555; }
.annotation { border-block-end: 1px solid #ddd; padding-block: .6em; }
blockquote { margin: .4em 0; padding-inline-start: 1em; border-inline-start: 4px solid #999; }
mark { color: inherit; padding: 0 .1em; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
${Object.entries(COLOR_CSS)
  .map(([c, v]) => `.hl-${c} { background: ${v}; }`)
  .join('\n')}
.note { white-space: pre-wrap; }
.tag { background: #eee; border-radius: .3em; padding: 0 .35em; }
a { color: #0645ad; word-break: break-all; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11.5pt; }
  mark, .tag { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .annotation { break-inside: avoid; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
