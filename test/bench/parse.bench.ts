/**
 * Import parsing in Node: archive records → ParsedArticle + content id (the import worker's CPU work,
 * minus storage), news text files, saved web pages, and one 50 MB text file. With --corpus the
 * .jsonl.gz is streamed (node:zlib + readline), never read whole; without it, generated records.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHtmlBytes } from '../../renderer/core/article/html';
import { contentId, toArticle } from '../../renderer/core/article/identity';
import { parseJsonlLine } from '../../renderer/core/article/records';
import { parseTextArticle, parseTextBytes } from '../../renderer/core/article/text';
import type { BenchContext, BenchRow } from './lib/context';

export const name = 'parse';

const SENTENCES = [
  'أعلنت وزارة الصحة يوم الأربعاء أن حصيلة الضحايا ارتفعت إلى ٤٥ قتيلاً في المدينة',
  'وقال المتحدث إن فرق الإنقاذ ما زالت تبحث تحت الأنقاض عن ناجين',
  'وأضاف أن المستشفيات تعمل بطاقتها القصوى رغم نقص الأدوية والوقود',
  'ودعت المنظمة إلى وقف فوري لإطلاق النار وإدخال المساعدات الإنسانية',
];

function body(i: number, paragraphs: number): string[] {
  return Array.from({ length: paragraphs }, (_, p) => `${SENTENCES.join('، ')} (${i}-${p}).`);
}

function textArticle(i: number): Uint8Array {
  const lines = [
    'صحيفة الأخبار',
    `عنوان الخبر رقم ${i} عن الأحداث في المدينة`,
    'كتب: مراسلنا',
    `دمشق - الأحد ${(i % 28) + 1} آذار/مارس 2019`,
    ...body(i, 10),
  ];
  return new TextEncoder().encode(lines.join('\r\n\r\n'));
}

function generatedRecords(n: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      source: 'okaz',
      url: `https://x.example/${i}`,
      date_extracted: '2015-07-21 02:51:32',
      title: `خبر ${i}`,
      author: '',
      content: body(i, 8).join('\n'),
    }),
  );
}

async function* corpusLines(path: string, limit: number): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    if (n++ >= limit) break;
    yield line;
  }
  lines.close();
}

/** Records → articles → ids, timing the mapping alone and the whole (with SHA-256). */
async function records(
  source: AsyncIterable<string> | Iterable<string>,
): Promise<{ n: number; parseMs: number; totalMs: number; failed: number; dupes: number }> {
  let parseMs = 0;
  let n = 0;
  let failed = 0;
  const ids = new Set<string>();
  const t0 = performance.now();
  for await (const text of source) {
    const t = performance.now();
    const r = parseJsonlLine({ n: n + 1, text }, 'corpus');
    parseMs += performance.now() - t;
    n++;
    if (!r || !r.ok) {
      failed++;
      continue;
    }
    const id = await contentId(r.article);
    toArticle(r.article, id, 0);
    ids.add(id);
  }
  return { n, parseMs, totalMs: performance.now() - t0, failed, dupes: n - failed - ids.size };
}

async function textFiles(n: number): Promise<BenchRow[]> {
  const files = Array.from({ length: n }, (_, i) => textArticle(i));
  const t = performance.now();
  for (const f of files) await contentId(parseTextBytes(f, { fileName: 'x.txt' }).article);
  const ms = performance.now() - t;
  return [
    {
      metric: 'text files → article + id',
      value: (n / ms) * 1000,
      unit: 'articles/s',
      n,
      note: 'generated, 10 paragraphs, CRLF',
    },
  ];
}

function htmlPages(n: number): BenchRow[] {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const page = new Uint8Array(readFileSync(join(here, '../fixtures/import/html/page-cluttered.html')));
  const t = performance.now();
  for (let i = 0; i < n; i++) parseHtmlBytes(page);
  return [
    {
      metric: 'saved web pages → article (readability)',
      value: (n / (performance.now() - t)) * 1000,
      unit: 'articles/s',
      n,
      note: 'test/fixtures cluttered page',
    },
  ];
}

function bigText(): BenchRow[] {
  const para = body(0, 1)[0]! + '\r\n\r\n';
  const text = 'عنوان ملف كبير\r\n\r\n' + para.repeat(Math.ceil(50e6 / para.length));
  const t = performance.now();
  const a = parseTextArticle(text, {});
  return [
    {
      metric: '50 MB text file parse',
      value: performance.now() - t,
      unit: 'ms',
      note: `${a.paragraphs.length} paragraphs`,
    },
  ];
}

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const limit = ctx.limit ?? Infinity;
  const r = ctx.corpus
    ? await records(corpusLines(ctx.corpus, limit))
    : await records(generatedRecords(Math.min(limit, 5000)));
  const src = ctx.corpus ? 'corpus .jsonl.gz streamed' : 'generated records';
  return [
    {
      metric: 'JSONL records → article (map only)',
      value: (r.n / r.parseMs) * 1000,
      unit: 'articles/s',
      n: r.n,
      note: src,
    },
    {
      metric: 'JSONL records → article + SHA-256 id',
      value: (r.n / r.totalMs) * 1000,
      unit: 'articles/s',
      n: r.n,
      note: `${src}${ctx.corpus ? ' incl. gunzip' : ''}; ${r.failed} failed, ${r.dupes} duplicate ids`,
    },
    ...(await textFiles(2000)),
    ...htmlPages(200),
    ...bigText(),
  ];
}
