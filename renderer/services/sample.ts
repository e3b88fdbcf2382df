/** The bundled sample article: a news text file parsed by the same code as any imported one. */
import { parseTextBytes } from '../core/article/text';
import { contentId, toArticle } from '../core/article/identity';
import type { StoredArticle } from '../storage/articles-repo';

/** Parses the sample's bytes into a storable article; throws ImportError if the file is unusable. */
export async function parseSampleArticle(bytes: Uint8Array, name: string): Promise<StoredArticle> {
  const { article } = parseTextBytes(bytes, { fileName: name, kind: 'sample' });
  return toArticle(article, await contentId(article), Date.now());
}
