/** Reads the corpus (gzip JSON Lines) as a stream of records, or generates Arabic-like articles. */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';

export interface CorpusRecord {
  source: string;
  url: string;
  date_extracted: string;
  title: string;
  author: string;
  content: string;
}

/** Yields up to `limit` records from a .jsonl or .jsonl.gz file. */
export async function* readCorpus(path: string, limit = Infinity): AsyncGenerator<CorpusRecord> {
  const input = path.endsWith('.gz') ? createReadStream(path).pipe(createGunzip()) : createReadStream(path);
  let n = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    if (n++ >= limit) break;
    yield JSON.parse(line) as CorpusRecord;
  }
}

const WORDS = [
  'أعلنت',
  'الحكومة',
  'اليوم',
  'عن',
  'خطة',
  'جديدة',
  'لدعم',
  'المدارس',
  'في',
  'المناطق',
  'الريفية',
  'وقال',
  'وزير',
  'التعليم',
  'إن',
  'المشروع',
  'يشمل',
  'بناء',
  'مئة',
  'مدرسة',
  'خلال',
  'عامين',
  'وأضاف',
  'أن',
  'التمويل',
  'سيأتي',
  'من',
  'الموازنة',
  'العامة',
  'للدولة',
];
const OUTLETS = ['الرياض', 'عكاظ', 'الوطن', 'المدينة', 'الجزيرة', 'سبق', 'اليوم', 'الشرق'];

/** A deterministic pseudo-Arabic corpus of `n` records (same shape as the real one). */
export function* generateCorpus(n: number): Generator<CorpusRecord> {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const sentence = (len: number) =>
    Array.from({ length: len }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
  for (let i = 0; i < n; i++) {
    const paras = Array.from({ length: 3 + Math.floor(rnd() * 8) }, () => sentence(20 + Math.floor(rnd() * 40)) + '.');
    yield {
      source: OUTLETS[i % OUTLETS.length]!,
      url: `https://example.org/news/${i}`,
      date_extracted: `2015-0${7 + (i % 2)}-${String(1 + (i % 28)).padStart(2, '0')} 10:00:00`,
      title: `${sentence(6)} ${i}`,
      author: '',
      content: paras.join('\n'),
    };
  }
}
