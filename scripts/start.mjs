// `npm start`: builds dist/ and launches Electron on it. Where no Electron binary is installed (it is
// fetched by electron's own postinstall, skipped with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or offline), it
// explains how to get one and exits 1 — no stack trace. `npm run web` serves the same reader meanwhile.
// Note: never `require('electron')` here: that module tries to download the binary when it is missing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Absolute path of the installed Electron executable, or null when none is installed. */
export function findElectronBinary(base = root, env = process.env) {
  const pkg = join(base, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  if (!relative) return null;
  const candidate = join(pkg, 'dist', relative);
  return existsSync(candidate) ? candidate : null;
}

export const HOW_TO_GET_ELECTRON = [
  'No Electron binary is installed (node_modules/electron/dist is missing), so the desktop app cannot start.',
  'To fetch it (needs network access to github.com or an ELECTRON_MIRROR):',
  '  unset ELECTRON_SKIP_BINARY_DOWNLOAD',
  '  node node_modules/electron/install.js',
  '(or delete node_modules/electron and run `npm install` again without ELECTRON_SKIP_BINARY_DOWNLOAD).',
  'Meanwhile the same reader runs in your browser: npm run web',
].join('\n');

function main() {
  const binary = findElectronBinary();
  if (!binary) {
    console.error(`✖ ${HOW_TO_GET_ELECTRON}`);
    process.exit(1);
  }
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would turn the app into a plain Node process
  const child = spawn(binary, [root], { stdio: 'inherit', env });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
