/**
 * Export notes: gathers the annotations of a scope (one article, a list of annotation ids such as the
 * notebook's current filter, or the whole library), builds one of the core formats and saves it
 * through the Platform (Electron: native save dialog; browser: a download).
 */
import { cleanMeta, cleanNote } from '../core/article/controls';
import {
  editionRecords,
  toCslJson,
  toCsv,
  toHtml,
  toMarkdown,
  toRis,
  toWebAnnotationJson,
  type EmbeddedFont,
  type ExportInput,
  type ExportLang,
  type MonthRegion,
} from '../core/export';
import type { Annotation, ArticleMeta, ArticleText, Edition } from '../core/model';
import type { Platform } from '../platform/platform';

export type ExportFormat = 'markdown' | 'html' | 'json' | 'csv' | 'csl' | 'ris';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['markdown', 'html', 'json', 'csv', 'csl', 'ris'];

export type ExportScope =
  | { kind: 'article'; articleId: string }
  /** A chosen set of annotations, e.g. the notebook's current filter. */
  | { kind: 'annotations'; annotationIds: string[] }
  /** Chosen articles (the library's selection) with all their annotations. */
  | { kind: 'articles'; articleIds: string[] }
  | { kind: 'library' };

/** What the exporter reads; the annotations and articles repositories satisfy it. */
export interface ExportSources {
  /** Every annotation in the library. */
  allAnnotations(): Promise<Annotation[]>;
  annotationsFor(articleId: string): Promise<Annotation[]>;
  meta(id: string): ArticleMeta | undefined;
  allMeta(): ArticleMeta[];
  text(id: string): Promise<ArticleText | undefined>;
  /** Every edition of these articles (stories); without it, each article is one record. */
  editions?(articleIds: string[]): Promise<Edition[]>;
  /** An outlet id's display name (`okaz` → عكاظ); without it, ids print as they are. */
  outletName?(id: string): string;
  /** The bundled Naskh font as bytes, or undefined when it cannot be read (the page falls back to serif). */
  font?(): Promise<Uint8Array | undefined>;
}

export interface ExportFile {
  name: string;
  mime: string;
  data: Blob;
}

const FILES: Record<ExportFormat, { ext: string; mime: string }> = {
  markdown: { ext: 'md', mime: 'text/markdown;charset=utf-8' },
  html: { ext: 'html', mime: 'text/html;charset=utf-8' },
  json: { ext: 'jsonld', mime: 'application/ld+json;charset=utf-8' },
  csv: { ext: 'csv', mime: 'text/csv;charset=utf-8' },
  csl: { ext: 'csl.json', mime: 'application/vnd.citationstyles.csl+json;charset=utf-8' },
  ris: { ext: 'ris', mime: 'application/x-research-info-systems;charset=utf-8' },
};

export class ExporterService extends EventTarget {
  /** `months`: the reader's Gregorian month names for citations (the 'dates' setting); Levantine without it. */
  constructor(
    private readonly sources: ExportSources,
    private readonly platform: Platform,
    private readonly months: () => MonthRegion = () => 'levantine',
  ) {
    super();
  }

  /** The articles and annotations of a scope, with the texts of annotated articles (for paragraphs). */
  async gather(scope: ExportScope): Promise<ExportInput> {
    const annotations = await this.annotationsOf(scope);
    const annotated = [...new Set(annotations.map((a) => a.articleId))];
    const articles =
      scope.kind === 'library'
        ? this.sources.allMeta()
        : (scope.kind === 'article' ? [scope.articleId] : scope.kind === 'articles' ? scope.articleIds : annotated)
            .map((id) => this.sources.meta(id))
            .filter((m): m is ArticleMeta => !!m);
    const texts = new Map<string, ArticleText>();
    for (const id of annotated) {
      const t = await this.sources.text(id);
      if (t) texts.set(id, t);
    }
    const name = (id: string): string => this.sources.outletName?.(id) ?? id;
    const editions = new Map<string, Edition[]>();
    for (const e of (await this.sources.editions?.(articles.map((a) => a.id))) ?? []) {
      if (!editions.has(e.articleId)) editions.set(e.articleId, []);
      editions.get(e.articleId)!.push(cleanMeta({ ...e, outlet: name(e.outlet) }));
    }
    for (const list of editions.values())
      list.sort(
        (x, y) => (x.published ?? '\uffff').localeCompare(y.published ?? '\uffff') || x.importedAt - y.importedAt,
      );
    const named = this.sources.outletName ? articles.map((a) => ({ ...a, outlet: name(a.outlet) })) : articles;
    // Every export gets labels, notes and tags without bidi controls (issue 13); quotes come from the text.
    return { articles: named.map(cleanMeta), annotations: annotations.map(cleanNote), texts, editions };
  }

  private async annotationsOf(scope: ExportScope): Promise<Annotation[]> {
    if (scope.kind === 'article') return this.sources.annotationsFor(scope.articleId);
    if (scope.kind === 'articles' && scope.articleIds.length <= 50)
      return (await Promise.all(scope.articleIds.map((id) => this.sources.annotationsFor(id)))).flat();
    const all = await this.sources.allAnnotations();
    if (scope.kind === 'library') return all;
    if (scope.kind === 'articles') {
      const chosen = new Set(scope.articleIds);
      return all.filter((a) => chosen.has(a.articleId));
    }
    const wanted = new Set(scope.annotationIds);
    return all.filter((a) => wanted.has(a.id));
  }

  /** The file for a scope and format (`lang` sets headings and citation words). Rejects on a storage failure. */
  async build(scope: ExportScope, format: ExportFormat, lang: ExportLang, now = Date.now()): Promise<ExportFile> {
    const input = await this.gather(scope);
    const title = lang === 'ar' ? 'ملاحظات من ورّاق' : 'Notes from Warraq';
    let text: string;
    switch (format) {
      case 'markdown':
        text = toMarkdown(input, { lang, title, months: this.months() });
        break;
      case 'html':
        text = toHtml(input, { lang, title, fonts: await this.fonts(), months: this.months() });
        break;
      case 'json':
        text = toWebAnnotationJson(input, { generated: now, label: title });
        break;
      // The BOM is part of the string toCsv returns; a Blob encodes it as EF BB BF.
      case 'csv':
        text = toCsv(input, { lang: 'en' });
        break;
      // One record per edition (issue 12): the annotated text as each outlet printed it.
      case 'csl':
        text = toCslJson(editionRecords(input.articles, input.editions), input.annotations);
        break;
      case 'ris':
        text = toRis(editionRecords(input.articles, input.editions), input.annotations);
        break;
    }
    const f = FILES[format];
    return {
      name: `${fileStem(scope, input.articles, now)}.${f.ext}`,
      mime: f.mime,
      data: new Blob([text], { type: f.mime }),
    };
  }

  /** Builds and saves; resolves false when the user cancelled the save dialog. */
  async export(scope: ExportScope, format: ExportFormat, lang: ExportLang): Promise<boolean> {
    const file = await this.build(scope, format, lang);
    return this.platform.save({ suggestedName: file.name, mime: file.mime, data: file.data });
  }

  /** How many annotations and articles a scope covers (the dialog shows it before exporting). */
  async count(scope: ExportScope): Promise<{ annotations: number; articles: number }> {
    const annotations = await this.annotationsOf(scope);
    const articles =
      scope.kind === 'library'
        ? this.sources.allMeta().length
        : scope.kind === 'articles'
          ? scope.articleIds.length
          : new Set(annotations.map((a) => a.articleId)).size || (scope.kind === 'article' ? 1 : 0);
    return { annotations: annotations.length, articles };
  }

  private async fonts(): Promise<EmbeddedFont[]> {
    const bytes = await this.sources.font?.().catch(() => undefined);
    return bytes?.length ? [{ dataUrl: `data:font/woff2;base64,${toBase64(bytes)}`, weight: 400 }] : [];
  }
}

/** "warraq-notes-2026-11-28" (library), or with the article's title for one article. */
function fileStem(scope: ExportScope, articles: ArticleMeta[], now: number): string {
  const day = new Date(now).toISOString().slice(0, 10);
  if (scope.kind !== 'article' || !articles[0]) return `warraq-notes-${day}`;
  // Keep letters of any script; drop what file systems refuse (/ \ : * ? " < > |) and control characters.
  const title = [...articles[0].title]
    .map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60);
  return title ? `warraq-notes-${title}-${day}` : `warraq-notes-${day}`;
}

/** Base64 of bytes, 32 KiB at a time (String.fromCharCode with a huge spread overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Reads the bundled Naskh font from the app's own files (document-relative URL). */
export async function fetchBundledFont(baseUrl: string): Promise<Uint8Array | undefined> {
  const res = await fetch(new URL('fonts/noto-naskh-arabic-arabic-400-normal.woff2', baseUrl));
  return res.ok ? new Uint8Array(await res.arrayBuffer()) : undefined;
}

/** The sources the app uses: annotations from their repository, metas and texts from the library. */
export function librarySources(
  annotations: { all(): Promise<Annotation[]>; forArticle(id: string): Promise<Annotation[]> },
  library: {
    meta(id: string): ArticleMeta | undefined;
    allMeta(): ArticleMeta[];
    get(id: string): Promise<(ArticleMeta & Omit<ArticleText, 'id'>) | undefined>;
  },
  baseUrl: string,
  stories?: { editions(ids: string[]): Promise<Edition[]>; outletName(id: string): string },
): ExportSources {
  return {
    ...(stories
      ? { editions: (ids: string[]) => stories.editions(ids), outletName: (id: string) => stories.outletName(id) }
      : {}),
    allAnnotations: () => annotations.all(),
    annotationsFor: (id) => annotations.forArticle(id),
    meta: (id) => library.meta(id),
    allMeta: () => library.allMeta(),
    text: async (id) => {
      const a = await library.get(id);
      return a && { id: a.id, text: a.text, titleRange: a.titleRange, paragraphs: a.paragraphs };
    },
    font: () => fetchBundledFont(baseUrl),
  };
}
