/**
 * Anchoring 1,000 annotations on a long article (~100 paragraphs, ~40,000 characters):
 * the position path (same text) and the fuzzy path (the article re-imported with other tashkeel and
 * hamza forms, so every position is off and every exact quote misses).
 */
import { anchorAll, describe } from '../../renderer/core/anchoring';
import type { Selector } from '../../renderer/core/model';
import { timeMedian, type BenchRow } from './lib/context';

export const name = 'anchoring';

const SENTENCES = [
  'أعلنت وزارةُ الصحّةِ يوم الأربعاء أنّ حصيلة الضحايا ارتفعت إلى ٤٥ قتيلاً',
  'وقال المتحدث لوكالة Reuters إنّ فرق الإنقاذ ما زالت تبحث تحت الأنقاض',
  'وأضاف أنّ المستشفيات تعمل بطاقتها القصوى في المدينة والريف',
  'من جهته قال المرصد (SOHR) إنّ عدد القتلى بلغ 52 شخصاً حتى المساء',
  'ودعت المنظّمة إلى وقفٍ فوريٍّ لإطلاق النار وإدخال المساعدات الإنسانيّة',
];

function article(paragraphs: number): string {
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const s = SENTENCES.map((x, i) => `${x} (الفقرة ${p + 1}-${i + 1})`);
    out.push(s.join('، ') + '.');
  }
  return out.join('\n\n');
}

/** The other outlet's copy: no tashkeel, plain alef for أ/إ, ه for ة, and one word reworded
 *  (المتحدث → متحدث) so quotes over it need the edit-distance alignment, not just folding. */
function reimport(text: string): string {
  return text
    .replace(/[\u064B-\u0652]/g, '')
    .replace(/[أإ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/المتحدث/g, 'متحدث');
}

function selections(text: string, n: number): Selector[][] {
  const out: Selector[][] = [];
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < n; i++) {
    const start = Math.floor(rand() * (text.length - 120));
    out.push(describe(text, start, start + 20 + Math.floor(rand() * 80)));
  }
  return out;
}

export async function run(): Promise<BenchRow[]> {
  const text = article(100);
  const other = reimport(text);
  const sels = selections(text, 1000);
  const position = await timeMedian(7, () => anchorAll(text, sels));
  const results = anchorAll(other, sels);
  const fuzzy = await timeMedian(5, () => anchorAll(other, sels));
  const unrelated = article(100)
    .replace(/الفقرة/g, 'البند')
    .replace(/[٠-٩0-9]/g, '');
  const orphanPath = await timeMedian(5, () => anchorAll(unrelated.slice(0, 20_000), sels));
  const placed = results.filter((r) => !r.orphan && r.method === 'fuzzy').length;
  const orphans = results.filter((r) => r.orphan).length;
  return [
    { metric: '1,000 annotations, position path', value: position, unit: 'ms', n: 7, note: `${text.length} chars` },
    {
      metric: '1,000 annotations, fuzzy path',
      value: fuzzy,
      unit: 'ms',
      n: 5,
      note: `${placed}/1000 placed by fuzzy, ${orphans} orphans`,
    },
    {
      metric: '1,000 annotations, against a different text',
      value: orphanPath,
      unit: 'ms',
      n: 5,
      note: 'worst case: most fail every step',
    },
  ];
}
