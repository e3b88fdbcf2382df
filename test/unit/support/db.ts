/** A fresh WarraqDb on fake-indexeddb for each Node test (no shared state between tests). */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { WarraqDb } from '../../../renderer/storage/db';
import type { ArticleMeta, ArticleText } from '../../../renderer/core/model';

export function freshDb(name = 'warraq-test'): WarraqDb {
  return new WarraqDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
}

/** A small stored article with real Arabic text; `n` varies ids, titles and dates. */
export function makeArticle(n: number, overrides: Partial<ArticleMeta> = {}): { meta: ArticleMeta; text: ArticleText } {
  const title = `تقرير رقم ${n}: الأمطار الغزيرة تغمر شوارع المدينة`;
  const body = `قال مسؤولون في الدفاع المدني إن ${n * 10} منزلاً تضرر جراء السيول.\nوأضافوا أن فرق الإنقاذ أجلت العائلات إلى مدارس قريبة.`;
  const text = `${title}\n\n${body}`;
  const p1 = title.length + 2;
  const p2 = text.indexOf('\n', p1) + 1;
  const id = `id-${String(n).padStart(4, '0')}`;
  return {
    meta: {
      id,
      title,
      outlet: n % 2 ? 'وكالة الأنباء' : 'صحيفة الغد',
      published: `2019-05-${String((n % 28) + 1).padStart(2, '0')}`,
      length: body.length,
      words: body.split(/\s+/).length,
      importedAt: 1_700_000_000_000 + n,
      source: { kind: 'text' },
      tags: [],
      ...overrides,
    },
    text: {
      id,
      text,
      titleRange: { start: 0, end: title.length },
      paragraphs: [
        { start: p1, end: p2 - 1 },
        { start: p2, end: text.length },
      ],
    },
  };
}
