/**
 * Places one article's annotations in its text: each highlight is anchored (core/anchoring) and sorted
 * into text order; what cannot be placed is kept as an orphan with its quote, never dropped.
 */
import { anchor, quoteOf, type AnchorMethod } from '../core/anchoring';
import type { Annotation, Article, Bookmark, TextRange } from '../core/model';

export interface PlacedAnnotation {
  annotation: Annotation;
  /** Where it stands in the stored text now; undefined for an orphan. */
  range?: TextRange;
  method?: AnchorMethod;
  /** The quote it was made on (from its quote selector; '' when it has none). */
  quote: string;
}

export interface ArticleAnnotations {
  articleId: string;
  /** Anchored highlights in text order (by start, then by end). */
  highlights: PlacedAnnotation[];
  /** Highlights whose words are no longer in the text, oldest first. */
  orphans: PlacedAnnotation[];
  /** Notes on the whole article (no selectors), oldest first. */
  articleNotes: Annotation[];
  /** Bookmarks by paragraph. */
  bookmarks: Bookmark[];
}

/** Anchors `annotations` in `article.text`; never throws (anchor() never does). */
export function placeAnnotations(
  article: Pick<Article, 'id' | 'text'>,
  annotations: readonly Annotation[],
  bookmarks: readonly Bookmark[],
): ArticleAnnotations {
  const highlights: PlacedAnnotation[] = [];
  const orphans: PlacedAnnotation[] = [];
  const articleNotes: Annotation[] = [];
  for (const a of annotations) {
    if (!a.selectors?.length) {
      articleNotes.push(a);
      continue;
    }
    const quote = quoteOf(a.selectors)?.exact ?? '';
    const r = anchor(article.text, a.selectors);
    if (r.orphan) orphans.push({ annotation: a, quote });
    else highlights.push({ annotation: a, quote, range: { start: r.start, end: r.end }, method: r.method });
  }
  highlights.sort((x, y) => x.range!.start - y.range!.start || x.range!.end - y.range!.end);
  return {
    articleId: article.id,
    highlights,
    orphans,
    articleNotes,
    bookmarks: [...bookmarks].sort((a, b) => a.paragraph - b.paragraph),
  };
}
