import { describe, expect, it } from 'vitest';
import { describe as describeRange } from '../../../renderer/core/anchoring';
import type { Annotation, ArticleMeta } from '../../../renderer/core/model';
import { storyAnnotations } from '../../../renderer/services/annotations-story';

const spa = 'قال الدفاع المدني إنه أخلى 1,300 أسرة من قرى وادي بيش بعد السيول. وفتحت المدارس لإيواء الأسر.';
const okaz =
  'قال الدفاع المدنی إنه أخلى 1,200 أسرة من قرى وادی بيش بعد السيول. وأغلقت الجهات المعنية الطرق الفرعية المؤدية إلى مجاري الأودية.';

const meta = (id: string, outlet: string): ArticleMeta => ({
  id,
  title: id,
  outlet,
  length: 0,
  words: 0,
  importedAt: 0,
  source: { kind: 'jsonl' },
  tags: [],
});

function highlight(id: string, articleId: string, text: string, phrase: string, createdAt: number): Annotation {
  const start = text.indexOf(phrase);
  return {
    id,
    articleId,
    selectors: describeRange(text, start, start + phrase.length),
    color: 'green',
    note: '',
    tags: [],
    createdAt,
    updatedAt: createdAt,
  };
}

describe('storyAnnotations', () => {
  it("paints the other editions' highlights whose quote is in this text and lists the rest", async () => {
    const rows = {
      okaz: [
        highlight('h1', 'okaz', okaz, 'قرى وادی بيش', 2), // Farsi yeh: found by the fuzzy quote
        highlight('h2', 'okaz', okaz, '1,200 أسرة', 1), // the same passage with the changed figure: fuzzy
        highlight('h3', 'okaz', okaz, 'الطرق الفرعية المؤدية إلى مجاري الأودية', 0), // only in Okaz's copy
      ],
    } as Record<string, Annotation[]>;
    const got = await storyAnnotations({ id: 'spa', text: spa }, [meta('okaz', 'okaz')], async (id) => ({
      annotations: rows[id] ?? [],
      bookmarks: [],
    }));
    expect(got.placed.map((p) => [p.annotation.id, spa.slice(p.range!.start, p.range!.end)])).toEqual([
      ['h2', '1,300 أسرة'],
      ['h1', 'قرى وادي بيش'],
    ]);
    expect(got.placed[0]!.meta.outlet).toBe('okaz');
    expect(got.elsewhere.map((p) => [p.annotation.id, p.quote])).toEqual([
      ['h3', 'الطرق الفرعية المؤدية إلى مجاري الأودية'],
    ]);
  });

  it('is empty without other articles', async () => {
    const got = await storyAnnotations({ id: 'spa', text: spa }, [], async () => ({ annotations: [], bookmarks: [] }));
    expect(got).toEqual({ articleId: 'spa', placed: [], elsewhere: [] });
  });
});
