// `npm run bench -- --corpus ../shared/corpus/saudinewsnet.jsonl.gz [--limit N] [--queries FILE] [--json OUT] [--only NAME]`
import { spawnSync } from 'node:child_process';
const build = spawnSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const r = spawnSync('npx', ['tsx', 'test/bench/run.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --expose-gc --max-old-space-size=8192`.trim(),
  },
});
process.exit(r.status ?? 1);
