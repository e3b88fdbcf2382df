/**
 * Markdown export: one section per article, each quote a block quote followed by its note, tags,
 * colour and citation. Citations use FSI/PDI isolates, and quote or note lines whose first letter
 * would set the wrong direction get an RLM/LRM, so mixed Arabic and Latin keep their order.
 */
import { citationText } from './citation';
import { articleTags, groupByArticle, type ExportInput, type ExportItem, type ExportLang } from './common';
import { dirOfLang, isolateIfNeeded } from './direction';
import { escapeMarkdown, majorityDir, withDirectionMark } from './escape';
import { LABELS } from './labels';
import { otherEditions } from './editions';
import type { ArticleMeta } from '../model';
import type { MonthRegion } from './date-display';

export interface MarkdownOptions {
  lang?: ExportLang;
  /** Document heading; defaults to "ملاحظات من ورّاق" / "Notes from Warraq". */
  title?: string;
  /** Gregorian month names in citations (default Levantine). */
  months?: MonthRegion;
}

/** The whole export as one Markdown string (ends with a newline); a heading alone when empty. */
export function toMarkdown(input: ExportInput, options: MarkdownOptions = {}): string {
  const lang = options.lang ?? 'ar';
  const out = [`# ${escapeLine(options.title ?? LABELS[lang].heading)}`, ''];
  for (const g of groupByArticle(input)) {
    const editions = otherEditions(g.article, input.editions?.get(g.article.id));
    out.push(
      `## ${escapeLine(g.article.title || g.article.id)}`,
      '',
      escapeMarkdown(citationText(g.article, { lang, months: options.months, editions })),
      '',
    );
    const own = articleTags(g.article);
    if (own.length) out.push(`${LABELS[lang].articleTags}: ${tagList(own, lang)}`, '');
    for (const item of g.items) out.push(...itemLines(g.article, item, lang, options.months), '---', '');
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

function itemLines(article: ArticleMeta, item: ExportItem, lang: ExportLang, months?: MonthRegion): string[] {
  const l = LABELS[lang];
  const a = item.annotation;
  const lines: string[] = [];
  // A quote reads in its article's direction: "Human Rights Watch تقريراً …" is an Arabic sentence.
  const dir = majorityDir(article.title) ?? majorityDir(item.quote);
  if (item.quote)
    lines.push(...item.quote.split(/\r?\n/).map((x) => `> ${withDirectionMark(escapeLine(x), dir)}`.trimEnd()), '');
  else lines.push(`*${l.articleNote}*`, '');
  if (a.note.trim())
    lines.push(
      ...a.note
        .trim()
        .split(/\r?\n/)
        .map((x) => withDirectionMark(escapeLine(x))),
      '',
    );
  const meta: string[] = [];
  if (a.tags.length) meta.push(`${l.tags}: ${tagList(a.tags, lang)}`);
  if (a.color) meta.push(`${l.colour}: ${l.colours[a.color]}`);
  if (meta.length) lines.push(meta.join(' · '), '');
  lines.push(`— ${escapeMarkdown(citationText(article, { lang, paragraph: item.paragraph, months }))}`, '');
  return lines;
}

/** Tags joined by the language's comma, each escaped, and isolated only when it runs against the line. */
function tagList(tags: readonly string[], lang: ExportLang): string {
  return tags.map((t) => isolateIfNeeded(escapeMarkdown(t), dirOfLang(lang))).join(lang === 'ar' ? '، ' : ', ');
}

/**
 * A line of text from an article or a user, inert in Markdown: inline markup escaped (escapeMarkdown),
 * then what would turn it into a heading, list, quote or rule backslash-escaped.
 */
export function escapeLine(line: string): string {
  return escapeMarkdown(line)
    .replace(/^(\s*)([#>*+\-=|])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
