// `node scripts/check-fuses.mjs <release dir>`: reads the fuse wire of every packed app under the folder
// (electron-builder --dir output: linux-unpacked/warraq, win-unpacked/Warraq.exe, mac*/Warraq.app) with
// @electron/fuses and checks it against EXPECTED_FUSES. Exits 1 on any difference or when no app is found.
// The CI workflow runs it after packing with the real Electron; the pack test checks the same table.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

const ON = 0x31;
const OFF = 0x30;

/** The fuse states a packed Warraq must have on `platform` (electronFuses in electron-builder.yml + build/after-pack.cjs). */
export function expectedFuses(platform) {
  const integrity = platform === 'darwin' || platform === 'mas' || platform === 'win32';
  return {
    RunAsNode: OFF,
    EnableCookieEncryption: ON,
    EnableNodeOptionsEnvironmentVariable: OFF,
    EnableNodeCliInspectArguments: OFF,
    EnableEmbeddedAsarIntegrityValidation: integrity ? ON : OFF,
    OnlyLoadAppFromAsar: ON,
    LoadBrowserProcessSpecificV8Snapshot: OFF,
    GrantFileProtocolExtraPrivileges: OFF,
  };
}

/** The differences between a binary's wire and expectedFuses(platform), as readable lines (empty when it matches). */
export async function checkFuses(binary, platform) {
  const wire = await getCurrentFuseWire(binary);
  const problems = [];
  for (const [name, want] of Object.entries(expectedFuses(platform))) {
    const got = wire[FuseV1Options[name]];
    if (got !== want)
      problems.push(
        `${name}: expected ${want === ON ? 'enabled' : 'disabled'}, found ${got === ON ? 'enabled' : got === OFF ? 'disabled' : String(got)}`,
      );
  }
  return problems;
}

/** [binary, platform] for each app electron-builder --dir left in `release`. */
export function packedApps(release) {
  const apps = [];
  for (const dir of existsSync(release) ? readdirSync(release) : []) {
    const base = join(release, dir);
    if (dir === 'linux-unpacked' || (dir.startsWith('linux-') && dir.endsWith('-unpacked')))
      apps.push([join(base, 'warraq'), 'linux']);
    else if (dir === 'win-unpacked' || (dir.startsWith('win-') && dir.endsWith('-unpacked')))
      apps.push([join(base, 'Warraq.exe'), 'win32']);
    else if (dir === 'mac' || dir.startsWith('mac-')) apps.push([join(base, 'Warraq.app'), 'darwin']);
  }
  return apps.filter(([binary]) => existsSync(binary));
}

async function main() {
  const release = process.argv[2] ?? 'release';
  const apps = packedApps(release);
  if (apps.length === 0) {
    console.error(`✖ no packed app under ${release}/ (run electron-builder --dir first)`);
    process.exit(1);
  }
  let ok = true;
  for (const [binary, platform] of apps) {
    const problems = await checkFuses(binary, platform);
    console.log(`${problems.length ? '✖' : '✔'} ${binary} (${platform})${problems.map((p) => `\n    ${p}`).join('')}`);
    ok &&= problems.length === 0;
  }
  process.exit(ok ? 0 : 1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
