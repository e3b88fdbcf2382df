/**
 * The notebook's filter: colour, tag (the annotation's or its article's), outlet, date the note was
 * made, article, and a search within notes and quotes folded as search folds Arabic (core foldText:
 * tashkeel, alef forms, ى/ي, ة/ه, digits). Core folds the seats ؤ→و and ئ→ي, which leaves the two
 * common spellings مسؤولية and مسئولية apart; so each text is also folded a second time with every
 * hamza seat (ء ؤ ئ) read as ء, and a word matches when either folding contains it. That is how
 * `مسئوليه` finds `مسؤولية` while `مسووليه` (no hamza typed) still does too.
 */
import { foldText } from '../core/arabic/normalize';
import { quoteOf } from '../core/anchoring';
import type { Annotation, ArticleMeta, HighlightColor } from '../core/model';

export interface NotebookFilter {
  /** Any of these colours; empty or absent means all (article notes have no colour). */
  colors?: HighlightColor[];
  tag?: string;
  outlet?: string;
  /**
   * Inclusive days, `YYYY-MM-DD`: local days compared with the annotation's `createdAt`, or with the
   * article's publication date when `dateOf` is 'article' (undated articles then never pass).
   */
  from?: string;
  to?: string;
  dateOf?: 'annotation' | 'article';
  articleId?: string;
  /** Words to find in the note or the quote, folded. */
  text?: string;
}

export interface NotebookEntry {
  annotation: Annotation;
  /** Undefined when the article is gone (its annotations go with it, so only mid-delete). */
  meta?: ArticleMeta;
  quote: string;
}

const DAY = 86_400_000;

/** Local midnight of a `YYYY-MM-DD` day in ms, or undefined for an empty or invalid day. */
function dayStart(day: string | undefined): number | undefined {
  if (!day) return undefined;
  const t = new Date(`${day}T00:00:00`).getTime();
  return Number.isNaN(t) ? undefined : t;
}

const HAMZA_SEATS = /[\u0621\u0624\u0626]/g;

/** The two foldings of `text`: core's loose folding, and the same with hamza seats unified. */
export function foldBoth(text: string): [string, string] {
  return [foldText(text), foldText(text.replace(HAMZA_SEATS, '\u0621'))];
}

/** True when every word of `needle` is in `hay` under one of the two foldings. */
function contains(hay: [string, string], needle: string[][]): boolean {
  return needle.every(([loose, seats]) => hay[0].includes(loose!) || hay[1].includes(seats!));
}

/** Folds once per annotation version: the notebook re-filters on every key press. */
export class FoldCache {
  private readonly cache = new Map<string, { at: number; folded: [string, string] }>();

  folded(a: Annotation, quote: string): [string, string] {
    const hit = this.cache.get(a.id);
    if (hit && hit.at === a.updatedAt) return hit.folded;
    const folded = foldBoth(`${a.note}\n${quote}`);
    this.cache.set(a.id, { at: a.updatedAt, folded });
    return folded;
  }
}

/** The entries that pass `filter`, newest first. Never throws; an invalid date is ignored. */
export function filterNotebook(
  all: readonly Annotation[],
  meta: (id: string) => ArticleMeta | undefined,
  filter: NotebookFilter,
  folds: FoldCache,
): NotebookEntry[] {
  const from = dayStart(filter.from);
  const toStart = dayStart(filter.to);
  const to = toStart === undefined ? undefined : toStart + DAY;
  const needles = (filter.text ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => foldBoth(w))
    .filter(([w]) => w.length > 0);
  const colors = filter.colors?.length ? new Set(filter.colors) : undefined;
  const out: NotebookEntry[] = [];
  for (const a of all) {
    if (filter.articleId && a.articleId !== filter.articleId) continue;
    if (colors && !(a.color && colors.has(a.color))) continue;
    const m = meta(a.articleId);
    if (filter.dateOf === 'article') {
      const day = m?.published?.slice(0, 10);
      if ((filter.from || filter.to) && !day) continue;
      if (filter.from && day! < filter.from) continue;
      if (filter.to && day! > filter.to) continue;
    } else {
      if (from !== undefined && a.createdAt < from) continue;
      if (to !== undefined && a.createdAt >= to) continue;
    }
    if (filter.outlet && m?.outlet !== filter.outlet) continue;
    if (filter.tag && !a.tags.includes(filter.tag) && !m?.tags.includes(filter.tag)) continue;
    const quote = quoteOf(a.selectors)?.exact ?? '';
    if (needles.length) {
      if (!contains(folds.folded(a, quote), needles)) continue;
    }
    out.push({ annotation: a, meta: m, quote });
  }
  return out.sort((x, y) => y.annotation.createdAt - x.annotation.createdAt);
}
