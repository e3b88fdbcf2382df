/**
 * What story detection reads of an article: its title and its paragraphs joined by line breaks. Made
 * where the text is at hand (the import worker hands it to detection; the detector reads it back from
 * the database only when it was not handed over).
 */
import type { ArticleText } from '../model';

export interface StoryBody {
  id: string;
  title: string;
  body: string;
  importedAt: number;
}

export function storyBody(id: string, title: string, importedAt: number, t: ArticleText): StoryBody {
  return { id, title, importedAt, body: t.paragraphs.map((r) => t.text.slice(r.start, r.end)).join('\n') };
}
