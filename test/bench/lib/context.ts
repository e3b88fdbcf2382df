/** Shared bench plumbing: arguments, medians, the table. */
export interface BenchContext {
  corpus?: string;
  limit?: number;
  queries?: string;
  json?: string;
  only?: string;
  /** JSON Lines of story pairs `{"a": N, "b": M, "label"?}` (0-based corpus lines), for the stories bench. */
  storyPairs?: string;
  /** Archive sizes for scale.bench.ts (`--scale 100000,300000,500000`). */
  scale?: number[];
  /** Sizes also measured in Chromium (`--scale-browser 31030,300000`). */
  scaleBrowser?: number[];
  /** A folder for CPU profiles (`--profile DIR`; reader-long writes one per phase, for Chrome DevTools). */
  profile?: string;
}

export interface BenchRow {
  group?: string;
  metric: string;
  /** Median (or the single measured value). */
  value: number;
  unit: string;
  /** Number of samples behind the median. */
  n?: number;
  note?: string;
}

export function parseArgs(argv: string[]): BenchContext {
  const ctx: BenchContext = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--corpus' && v) {
      ctx.corpus = v;
      i++;
    } else if (a === '--limit' && v) {
      ctx.limit = Number(v);
      i++;
    } else if (a === '--queries' && v) {
      ctx.queries = v;
      i++;
    } else if (a === '--json' && v) {
      ctx.json = v;
      i++;
    } else if (a === '--only' && v) {
      ctx.only = v;
      i++;
    } else if (a === '--story-pairs' && v) {
      ctx.storyPairs = v;
      i++;
    } else if (a === '--scale' && v) {
      ctx.scale = v.split(',').map(Number);
      i++;
    } else if (a === '--profile' && v) {
      ctx.profile = v;
      i++;
    } else if (a === '--scale-browser' && v) {
      ctx.scaleBrowser = v.split(',').map(Number);
      i++;
    }
  }
  return ctx;
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** Runs `fn` `n` times and returns the median duration in ms. */
export async function timeMedian(n: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 1) return v.toFixed(2);
  return v.toFixed(3);
}

export function printTable(rows: BenchRow[]): void {
  const head = ['group', 'metric', 'median', 'unit', 'n', 'note'];
  const body = rows.map((r) => [
    r.group ?? '',
    r.metric,
    fmt(r.value),
    r.unit,
    r.n === undefined ? '' : String(r.n),
    r.note ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  console.log(line(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const b of body) console.log(line(b));
}
