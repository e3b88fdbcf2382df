/**
 * A story's annotations seen from one of its articles: every annotation made on the story's other
 * articles, placed in this article's text through the usual anchoring (position when the text there is
 * the same, else the exact or fuzzy quote), so a highlight made on one outlet's copy shows on another's.
 * Those whose quote is not in this text are listed, never dropped.
 */
import { anchor, quoteOf } from '../core/anchoring';
import type { Annotation, Article, ArticleMeta } from '../core/model';
import type { ArticleRows } from './annotations';
import type { PlacedAnnotation } from './annotations-place';

export interface StoryAnnotation extends PlacedAnnotation {
  /** The article (edition) it was made on. */
  meta: ArticleMeta;
}

export interface StoryAnnotations {
  articleId: string;
  /** Anchored in this text, in text order. */
  placed: StoryAnnotation[];
  /** Not found in this text, oldest first. */
  elsewhere: StoryAnnotation[];
}

/**
 * Places the highlights of `others` (the story's other articles) in `article`'s text. Notes on a whole
 * article count as `elsewhere`. Rejects when a read fails (`rows` is AnnotationsService.rows).
 */
export async function storyAnnotations(
  article: Pick<Article, 'id' | 'text'>,
  others: readonly ArticleMeta[],
  rows: (articleId: string) => Promise<ArticleRows>,
): Promise<StoryAnnotations> {
  const all = await Promise.all(others.map(async (meta) => ({ meta, rows: await rows(meta.id) })));
  const placed: StoryAnnotation[] = [];
  const elsewhere: StoryAnnotation[] = [];
  for (const { meta, rows: r } of all) {
    for (const a of r.annotations) {
      const quote = quoteOf(a.selectors ?? [])?.exact ?? '';
      const at = a.selectors?.length ? anchor(article.text, a.selectors) : { orphan: true as const, quote };
      if (at.orphan) elsewhere.push({ annotation: a, quote, meta });
      else placed.push({ annotation: a, quote, meta, range: { start: at.start, end: at.end }, method: at.method });
    }
  }
  placed.sort((x, y) => x.range!.start - y.range!.start || x.range!.end - y.range!.end);
  elsewhere.sort((x, y) => byAge(x.annotation, y.annotation));
  return { articleId: article.id, placed, elsewhere };
}

function byAge(a: Annotation, b: Annotation): number {
  return a.createdAt - b.createdAt;
}
