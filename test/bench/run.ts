/**
 * `npm run bench -- [--corpus PATH] [--limit N] [--queries FILE] [--json OUT] [--only NAME]`
 * Runs every `test/bench/*.bench.ts` module in name order and prints one table of medians.
 * A bench module exports `name` and `run(ctx)`, returning rows. Benchmarks never assert times.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, printTable, type BenchContext, type BenchRow } from './lib/context';

const here = dirname(fileURLToPath(import.meta.url));
const ctx: BenchContext = parseArgs(process.argv.slice(2));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const all: BenchRow[] = [];
const extra: Record<string, unknown> = {};
for (const f of files) {
  const mod = await import(pathToFileURL(join(here, f)).href);
  if (ctx.only && !String(mod.name).includes(ctx.only) && !f.includes(ctx.only)) continue;
  console.error(`… ${mod.name}`);
  try {
    const out = await mod.run(ctx);
    const rows: BenchRow[] = Array.isArray(out) ? out : out.rows;
    if (!Array.isArray(out) && out.json) Object.assign(extra, out.json);
    all.push(...rows.map((r) => ({ ...r, group: r.group ?? mod.name })));
  } catch (e) {
    console.error(`✖ ${mod.name}: ${(e as Error).stack ?? e}`);
    process.exitCode = 1;
  }
}
printTable(all);
if (ctx.json) {
  writeFileSync(ctx.json, JSON.stringify({ rows: all, ...extra }, null, 2));
  console.error(`wrote ${ctx.json}`);
}
