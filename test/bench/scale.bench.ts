/**
 * Scale bench: the search engine on synthetic archives built from the corpus (lib/synthetic.ts:
 * real paragraphs mixed, real vocabulary kept, unseen words at the rate Heaps' law fitted on the
 * corpus gives; deterministic for a seed).
 * `npm run bench -- --corpus PATH --scale 100000,300000,500000 [--queries FILE] [--json OUT]`
 * Per size: index build (one thread, 4,000-article segments then the app's tiered merges; making the
 * synthetic articles is timed apart), serialized
 * bytes, memory of the loaded index (V8 heap + array buffers after a GC), query p50/p95 overall and
 * by kind (the public queries' strings; relevance is judged only on the real corpus, search.bench),
 * and, for sizes in --scale-browser (default 31030,300000 when listed), reload → first library row
 * and reload → search ready in Chromium (scale-browser.ts). Without --scale it does nothing.
 */
import { readFileSync } from 'node:fs';
import type { BenchContext, BenchRow } from './lib/context';
import { median, percentile } from './lib/context';
import { readCorpus, type CorpusRecord } from './lib/corpus';
import { syntheticRecords } from './lib/synthetic';
import { heapUsed } from './lib/search-corpus';
import { corpusArticle } from './lib/seed';
import { SearchIndex, DEFAULT_SEGMENT_SIZE } from '../../renderer/core/search/engine';
import { buildSegment } from '../../renderer/core/search/segment';
import type { SearchDoc } from '../../renderer/core/search/api';
import { browserFigures } from './lib/scale-browser';

export const name = 'scale';

interface ScaleEntry {
  articles: number;
  buildMs: number;
  buildCpuMs: number;
  /** Making the records the build reads (synthetic generator + stored-row conversion), not in buildMs. */
  generateMs: number;
  serializedBytes: number;
  memoryBytes: number;
  queryP50Ms: number;
  queryP95Ms: number;
  /** Reload → the frame that draws the first library row. */
  firstRowMs: number | null;
  /** The same seen by Playwright's locator and a page round trip (what this row measured before). */
  firstRowPolledMs: number | null;
  /** Reload → the frame drawing the status once the first (newest) segment answers, while the rest loads. */
  usableMs: number | null;
  usableEventMs: number | null;
  /** Reload → the frame drawing the 'ready' status; Event: the status event itself. */
  readyMs: number | null;
  readyEventMs: number | null;
  longestTaskMs: number | null;
  keystrokeP50Ms: number | null;
  keystrokeP95Ms: number | null;
  segments: number;
  byKind: Record<string, { p50: number; p95: number; n: number }>;
}

/** A stored-article row's text as the app indexes it (services read the same from IndexedDB). */
export function toSearchDoc(r: CorpusRecord, i: number): SearchDoc {
  const a = corpusArticle(r, i);
  return {
    id: a.meta.id,
    title: a.meta.title as string,
    outlet: r.source,
    published: a.meta.published as string,
    text: a.text.text,
    paragraphs: a.text.paragraphs,
  };
}

function queryStrings(ctx: BenchContext): Array<{ kind: string; query: string }> {
  const path = ctx.queries ?? '';
  if (!path)
    return [
      { kind: 'word', query: 'التحالف' },
      { kind: 'phrase', query: '"وزارة الصحة"' },
      { kind: 'prefix', query: 'اقتصاد*' },
    ];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { kind: string; query: string });
}

/**
 * Builds an archive of `records` as the app would (segments of 4,000, then tiered merges). `ms` and
 * `cpuMs` time the index work alone (buildSegment, adopting into the lexicon, merges); making the
 * records (the synthetic generator, the stored-row conversion) is timed apart as `generateMs`: the
 * app reads stored rows, it does not generate them.
 */
function build(records: Iterable<CorpusRecord>): {
  index: SearchIndex;
  ms: number;
  cpuMs: number;
  generateMs: number;
} {
  const t = performance.now();
  let ms = 0;
  let cpuMs = 0;
  const timed = (fn: () => void): void => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    fn();
    cpuMs += process.cpuUsage(c0).user / 1000;
    ms += performance.now() - t0;
  };
  const index = new SearchIndex();
  let chunk: SearchDoc[] = [];
  let i = 0;
  for (const r of records) {
    chunk.push(toSearchDoc(r, i++));
    if (chunk.length === DEFAULT_SEGMENT_SIZE) {
      const docs = chunk;
      timed(() => {
        index.adopt(buildSegment(docs));
        index.mergeTiers();
      });
      chunk = [];
    }
  }
  const docs = chunk;
  timed(() => {
    if (docs.length) index.adopt(buildSegment(docs));
    index.mergeTiers();
  });
  return { index, ms, cpuMs, generateMs: performance.now() - t - ms };
}

function measureQueries(
  index: SearchIndex,
  qs: Array<{ kind: string; query: string }>,
): Pick<ScaleEntry, 'queryP50Ms' | 'queryP95Ms' | 'byKind'> {
  const all: number[] = [];
  const kinds = new Map<string, number[]>();
  for (const q of qs) {
    index.search(q.query, { limit: 10 });
    const samples: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      index.search(q.query, { limit: 10 });
      samples.push(performance.now() - t);
    }
    const ms = median(samples);
    all.push(ms);
    kinds.set(q.kind, [...(kinds.get(q.kind) ?? []), ms]);
  }
  const byKind: ScaleEntry['byKind'] = {};
  for (const [k, v] of kinds) byKind[k] = { p50: median(v), p95: percentile(v, 95), n: v.length };
  return { queryP50Ms: median(all), queryP95Ms: percentile(all, 95), byKind };
}

async function measureSize(
  real: CorpusRecord[],
  articles: number,
  qs: Array<{ kind: string; query: string }>,
  browser: boolean,
  ctx: BenchContext,
): Promise<ScaleEntry> {
  const records = articles === real.length ? real : syntheticRecords(real, articles);
  console.error(`  scale ${articles}: building…`);
  let built: SearchIndex | null;
  const { index, ms, cpuMs, generateMs } = build(records);
  built = index;
  const segments = built.segmentInfos().length;
  const blobs = built.serialize();
  const serializedBytes = blobs.reduce((n, b) => n + b.byteLength, 0);
  built = null;
  // Memory of the loaded index: what loading adds, plus the segment bytes it keeps views into.
  const before = heapUsed();
  const loaded = SearchIndex.load(blobs.map((b) => b.slice()));
  const memoryBytes = heapUsed() - before;
  console.error(`  scale ${articles}: ${segments} segments, ${(serializedBytes / 1e6).toFixed(1)} MB; querying…`);
  const q = measureQueries(loaded, qs);
  let fig: Awaited<ReturnType<typeof browserFigures>> | null = null;
  if (browser) {
    console.error(`  scale ${articles}: Chromium…`);
    // Typing is timed on the real corpus: twenty public queries, one key at a time.
    const typing =
      articles === real.length
        ? qs
            .filter((_, i) => i % Math.max(1, Math.floor(qs.length / 20)) === 0)
            .slice(0, 20)
            .map((q) => q.query)
        : [];
    fig = await browserFigures(
      articles === real.length ? real : [...syntheticRecords(real, articles)],
      blobs,
      ctx,
      typing,
    );
  }
  return {
    articles,
    buildMs: ms,
    buildCpuMs: cpuMs,
    generateMs,
    serializedBytes,
    memoryBytes,
    segments,
    ...q,
    firstRowMs: fig?.firstRowMs ?? null,
    firstRowPolledMs: fig?.firstRowPolledMs ?? null,
    usableMs: fig?.usableMs ?? null,
    usableEventMs: fig?.usableEventMs ?? null,
    readyMs: fig?.readyMs ?? null,
    readyEventMs: fig?.readyEventMs ?? null,
    longestTaskMs: fig?.longestTaskMs ?? null,
    keystrokeP50Ms: fig?.keystrokeMs.length ? median(fig.keystrokeMs) : null,
    keystrokeP95Ms: fig?.keystrokeMs.length ? percentile(fig.keystrokeMs, 95) : null,
  };
}

export async function run(ctx: BenchContext): Promise<{ rows: BenchRow[]; json: Record<string, unknown> }> {
  if (!ctx.scale?.length || !ctx.corpus) return { rows: [], json: {} };
  const real: CorpusRecord[] = [];
  for await (const r of readCorpus(ctx.corpus, ctx.limit)) if (r.content?.trim()) real.push(r);
  const qs = queryStrings(ctx);
  const browserSizes = ctx.scaleBrowser ?? [real.length, 300_000];
  const sizes = [...new Set([real.length, ...ctx.scale])].sort((a, b) => a - b);
  const scale: ScaleEntry[] = [];
  const rows: BenchRow[] = [];
  for (const articles of sizes) {
    const e = await measureSize(
      real,
      articles,
      qs,
      browserSizes.includes(articles) || (articles === real.length && browserSizes.includes(31_000)),
      ctx,
    );
    scale.push(e);
    // Each size as soon as it is measured: a long run interrupted still leaves its numbers.
    console.error(`  scale entry ${JSON.stringify(e)}`);
    const label = articles === real.length ? `${articles} (real corpus)` : `${articles} (synthetic)`;
    rows.push(
      {
        metric: `${label}: index build, one thread`,
        value: e.buildMs,
        unit: 'ms',
        note: `CPU ${(e.buildCpuMs / 1000).toFixed(0)} s; ${e.segments} segments after tiered merges; making the articles took ${(e.generateMs / 1000).toFixed(0)} s more`,
      },
      { metric: `${label}: serialized index`, value: e.serializedBytes / 1e6, unit: 'MB' },
      {
        metric: `${label}: memory of the loaded index`,
        value: e.memoryBytes / 1e6,
        unit: 'MB',
        note: 'heap + array buffers after GC',
      },
      {
        metric: `${label}: query p50 / p95`,
        value: e.queryP50Ms,
        unit: 'ms',
        n: qs.length,
        note:
          `p95 ${e.queryP95Ms.toFixed(2)} ms; ` +
          Object.entries(e.byKind)
            .map(([k, v]) => `${k} ${v.p50.toFixed(2)}/${v.p95.toFixed(2)}`)
            .join(', '),
      },
    );
    if (e.firstRowMs !== null) {
      rows.push(
        {
          metric: `${label}: reload → first library row (Chromium)`,
          value: e.firstRowMs,
          unit: 'ms',
          note: `the frame the row is drawn in; seen by Playwright's locator and a round trip: ${e.firstRowPolledMs!.toFixed(0)} ms`,
        },
        {
          metric: `${label}: reload → search usable (Chromium)`,
          value: e.usableMs!,
          unit: 'ms',
          note: `newest segment answering, the frame drawing its status (status event ${e.usableEventMs!.toFixed(0)} ms)`,
        },
        {
          metric: `${label}: reload → search ready (Chromium)`,
          value: e.readyMs!,
          unit: 'ms',
          note: `the frame drawing 'ready' (status event ${e.readyEventMs!.toFixed(0)} ms); longest main-thread task ${e.longestTaskMs!.toFixed(0)} ms`,
        },
      );
      if (e.keystrokeP50Ms !== null)
        rows.push({
          metric: `${label}: keystroke → results drawn (real UI)`,
          value: e.keystrokeP50Ms,
          unit: 'ms',
          note: `p95 ${e.keystrokeP95Ms!.toFixed(0)} ms; 80 ms between keys`,
        });
    }
  }
  return {
    rows,
    json: {
      scale: scale.map(
        ({ articles, buildMs, serializedBytes, memoryBytes, queryP50Ms, queryP95Ms, firstRowMs, readyMs }) => ({
          articles,
          buildMs,
          serializedBytes,
          memoryBytes,
          queryP50Ms,
          queryP95Ms,
          firstRowMs,
          readyMs,
        }),
      ),
      scaleDetail: scale,
    },
  };
}
