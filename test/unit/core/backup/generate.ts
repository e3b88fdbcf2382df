/** A generated library for backup tests: Arabic articles with tashkeel, Latin and digits, and every table. */
import { describe as selectors } from '../../../../renderer/core/anchoring';
import { BACKUP_TABLES, type BackupRecord } from '../../../../renderer/core/backup';
import { editionOf } from '../../../../renderer/core/stories/editions';
import type {
  Annotation,
  ArticleMeta,
  ArticleText,
  Bookmark,
  Edition,
  MetaEdit,
  Outlet,
  ReadingState,
  Setting,
  StoryDecision,
} from '../../../../renderer/core/model';
import type { FeedBackupRow } from '../../../../renderer/core/backup/format';

const WORDS = [
  'أعلنت',
  'الوزارةُ',
  'حصيلةَ',
  'الضحايا',
  'في',
  'حلب',
  'Reuters',
  '٤٥',
  'قتيلاً',
  '2024',
  'المرصد',
  '(SOHR)',
  'الإنقاذ',
  'مؤتمر',
  'شؤون',
  'القاهرة',
];

export interface Library {
  articles: ArticleMeta[];
  texts: ArticleText[];
  annotations: Annotation[];
  bookmarks: Bookmark[];
  reading: ReadingState[];
  settings: Setting[];
  editions: Edition[];
  metaEdits: MetaEdit[];
  outlets: Outlet[];
  storyDecisions: StoryDecision[];
  feeds: FeedBackupRow[];
}

const emptyLibrary = (): Library => ({
  articles: [],
  texts: [],
  annotations: [],
  bookmarks: [],
  reading: [],
  settings: [],
  editions: [],
  metaEdits: [],
  outlets: [],
  storyDecisions: [],
  feeds: [],
});

/** `n` articles, two annotations and a bookmark on every other one; deterministic. */
export function generateLibrary(n: number): Library {
  let seed = 11;
  const rand = (k: number) => (seed = (seed * 16807) % 2147483647) % k;
  const lib = emptyLibrary();
  for (let i = 0; i < n; i++) {
    const id = ((i * 2654435761) >>> 0).toString(16).padStart(64, '0');
    const paras = Array.from(
      { length: 3 + rand(4) },
      () => Array.from({ length: 12 + rand(20) }, () => WORDS[rand(WORDS.length)]).join(' ') + '.',
    );
    const text = paras.join('\n\n');
    let at = 0;
    const ranges = paras.map((p) => {
      const r = { start: at, end: at + p.length };
      at = r.end + 2;
      return r;
    });
    lib.articles.push({
      id,
      title: `تقرير رقم ${i + 1}: "حلب" و Reuters`,
      outlet: i % 2 ? 'BBC عربي' : 'عشتار تيفي',
      author: i % 3 ? 'سامر الخطيب' : undefined,
      published: `2019-05-${String(1 + (i % 28)).padStart(2, '0')}`,
      url: i % 4 ? `https://example.org/a/${i}?q=حلب` : undefined,
      length: text.length,
      words: text.split(/\s+/).length,
      importedAt: 1_700_000_000_000 + i * 1000,
      source: { kind: 'html', name: `مقال-${i}.html` },
      tags: i % 5 ? ['سوريا', 'SOHR'] : [],
    });
    lib.texts.push({ id, text, paragraphs: ranges });
    lib.editions.push(editionOf(lib.articles[lib.articles.length - 1]!));
    if (i % 2 === 0) {
      for (let k = 0; k < 2; k++) {
        const s = rand(text.length - 20);
        lib.annotations.push({
          id: `ann-${i}-${k}`,
          articleId: id,
          selectors: selectors(text, s, s + 15),
          color: k ? 'green' : 'yellow',
          note: k ? 'ملاحظة فيها "اقتباس"\nوسطر ثانٍ — compare with SOHR 🙂' : '',
          tags: k ? ['أرقام'] : [],
          paragraph: 1,
          createdAt: 1_700_100_000_000 + i,
          updatedAt: 1_700_100_000_500 + i,
        });
      }
      lib.bookmarks.push({
        id: `bm-${i}`,
        articleId: id,
        paragraph: 1,
        label: 'تابع من هنا',
        createdAt: 1_700_200_000_000 + i,
      });
      lib.reading.push({ articleId: id, paragraph: 2, fraction: 0.37, updatedAt: 1_700_300_000_000 + i });
    }
  }
  lib.settings.push(
    { key: 'reader.prefs', value: { fontSize: 20, lineHeight: 1.9, columnWidth: 70, theme: 'sepia' } },
    { key: 'ui.language', value: 'ar' },
    { key: 'search.recent', value: ['حلب', 'Reuters', null, 3.5] },
  );
  return lib;
}

/** The library as backup records, table by table. */
export function recordsOf(lib: Library): BackupRecord[] {
  return BACKUP_TABLES.flatMap((table) => (lib[table] as unknown[]).map((data) => ({ table, data }) as BackupRecord));
}

/** Records back into a library. */
export function libraryOf(records: BackupRecord[]): Library {
  const lib = emptyLibrary();
  for (const r of records) (lib[r.table] as unknown[]).push(r.data);
  return lib;
}
