// Builds everything into dist/: the renderer (app + workers + static files) and the Electron main/preload.
// Usage: node scripts/build.mjs [--watch] [--dev]  (--dev keeps source maps; release builds have none)
import { build, context } from 'esbuild';
import { cpSync, mkdirSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
const dev = process.argv.includes('--dev');
const watch = process.argv.includes('--watch');

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'renderer'), { recursive: true });

const workersDir = join(root, 'renderer', 'workers');
const workerEntries = existsSync(workersDir)
  ? readdirSync(workersDir)
      .filter((f) => f.endsWith('.worker.ts'))
      .map((f) => join(workersDir, f))
  : [];

const common = { bundle: true, sourcemap: dev, minify: !dev, logLevel: 'warning', legalComments: 'none' };
const configs = [
  {
    ...common,
    entryPoints: { app: join(root, 'renderer', 'main.ts') },
    outdir: join(out, 'renderer'),
    // Code only some actions need (the age cipher of encrypted backups) is a chunk loaded on first use.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
  },
  ...(workerEntries.length
    ? [
        {
          ...common,
          entryPoints: workerEntries,
          outdir: join(out, 'renderer', 'workers'),
          entryNames: '[name]',
          format: 'esm',
          platform: 'browser',
          target: 'chrome120',
        },
      ]
    : []),
  {
    ...common,
    entryPoints: [join(root, 'electron', 'main.ts')],
    outfile: join(out, 'electron', 'main.cjs'),
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    external: ['electron'],
  },
  {
    ...common,
    entryPoints: [join(root, 'electron', 'preload.ts')],
    outfile: join(out, 'electron', 'preload.cjs'),
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    external: ['electron'],
  },
].filter((c) => Object.values(c.entryPoints).every((e) => existsSync(e)));

function copyStatic() {
  cpSync(join(root, 'renderer', 'index.html'), join(out, 'renderer', 'index.html'));
  cpSync(join(root, 'renderer', 'styles'), join(out, 'renderer', 'styles'), { recursive: true });
  cpSync(join(root, 'assets', 'fonts'), join(out, 'renderer', 'fonts'), { recursive: true });
  cpSync(join(root, 'assets', 'sample'), join(out, 'renderer', 'sample'), { recursive: true });
  if (existsSync(join(root, 'assets', 'icons')))
    cpSync(join(root, 'assets', 'icons'), join(out, 'renderer', 'icons'), { recursive: true });
}

if (watch) {
  copyStatic();
  for (const c of configs) await (await context(c)).watch();
  console.log('watching…');
} else {
  await Promise.all(configs.map((c) => build(c)));
  copyStatic();
  console.log(`built dist/ (${dev ? 'dev' : 'release'})`);
}
