/** Article texts for the reader's head and page tests (core/article/reader-head, reader-pages). */
import type { ArticleText } from '../../../renderer/core/model';

/** `paragraphs` paragraphs of `words` words (`word` each) after a title, with their ranges; id 'x'. */
export function longText(paragraphs: number, words: number, word = 'كلمة'): ArticleText {
  const title = 'عنوان طويل';
  const paras = Array.from({ length: paragraphs }, (_, i) => `الفقرة ${i + 1} ${`${word} `.repeat(words)}نهاية`);
  const text = `${title}\n\n${paras.join('\n\n')}`;
  let at = title.length + 2;
  const ranges = paras.map((p) => {
    const r = { start: at, end: at + p.length };
    at += p.length + 2;
    return r;
  });
  return { id: 'x', text, titleRange: { start: 0, end: title.length }, paragraphs: ranges };
}
