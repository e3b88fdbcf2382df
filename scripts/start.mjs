// `npm start`: makes sure Electron's binary is installed (running Electron's own installer on first use, with
// progress; see electron-binary.mjs), builds dist/ and launches Electron on it. When the binary is missing and
// cannot be downloaded it prints one paragraph saying what to do and exits 1 — no stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cannotInstallParagraph, findElectronBinary, installElectron } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  let binary = findElectronBinary(root);
  if (!binary) {
    const installed = await installElectron(root);
    binary = installed.ok ? findElectronBinary(root) : null;
    if (!binary) {
      console.error(
        `✖ ${cannotInstallParagraph(installed.download, installed.ok ? 'the installer left no executable behind' : installed.reason)}`,
      );
      process.exit(1);
    }
  }
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would turn the app into a plain Node process
  const child = spawn(binary, [root], { stdio: 'inherit', env });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
