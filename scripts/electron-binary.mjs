// Finding and installing the Electron binary. Since Electron 42 `npm install` no longer fetches it (the
// `electron` package has no install script, only an `install-electron` command), so `npm start` runs that
// installer — node_modules/electron/install.js, i.e. @electron/get — on first use. The installer reads
// ELECTRON_MIRROR, ELECTRON_CUSTOM_DIR, ELECTRON_CUSTOM_FILENAME, electron_config_cache,
// ELECTRON_INSTALL_PLATFORM / ELECTRON_INSTALL_ARCH, ELECTRON_GET_USE_PROXY, electron_use_remote_checksums,
// force_no_cache and ELECTRON_OVERRIDE_DIST_PATH; we pass the environment through untouched.
// Never `require('electron')` here: that module downloads the binary itself, with a stack trace on failure.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Absolute path of the installed Electron executable, or null when none is installed. */
export function findElectronBinary(base, env = process.env) {
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

/** What the installer will fetch: version, platform-arch and the URL (same rules as install.js and @electron/get). */
export function describeDownload(base, env = process.env) {
  const version = JSON.parse(readFileSync(join(base, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform;
  const arch = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || process.arch;
  const mirror =
    env.npm_config_electron_mirror || env.ELECTRON_MIRROR || 'https://github.com/electron/electron/releases/download/';
  const dir = (env.npm_config_electron_custom_dir || env.ELECTRON_CUSTOM_DIR || `v${version}`).replace(
    '{{ version }}',
    version,
  );
  const file =
    env.npm_config_electron_custom_filename ||
    env.ELECTRON_CUSTOM_FILENAME ||
    `electron-v${version}-${platform}-${arch}.zip`;
  return { version, platform, arch, file, url: `${mirror}${dir}/${file}` };
}

/** The installer's failure, in one line: its error message plus a network error code when there is one. */
export function failureReason(stderr) {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const message =
    lines.find((l) => !l.startsWith('at ') && !l.startsWith('[cause]') && l !== '}' && !l.startsWith('code:')) ??
    'the installer failed';
  const code =
    /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|ENETUNREACH|EHOSTUNREACH|UND_ERR_[A-Z_]+|CERT_[A-Z_]+)\b/.exec(
      stderr,
    )?.[1];
  if (code && !message.includes(code)) return `${message} (${code})`;
  // install.js prints only err.stack, without its cause: "fetch failed" is undici's word for "no connection".
  return /fetch failed/.test(message) ? `${message} (no connection to the server)` : message;
}

/** The one paragraph `npm start` prints when the binary is missing and could not be installed. */
export function cannotInstallParagraph(download, reason) {
  return [
    `Warraq cannot start: Electron ${download.version}'s binary for ${download.platform}-${download.arch} is not installed,`,
    `and downloading it from ${download.url} failed: ${reason}.`,
    'Connect to the internet and run `npm start` again (it downloads the binary once, about 100 MB),',
    `or set ELECTRON_MIRROR to a mirror that holds ${download.file} (ELECTRON_CUSTOM_DIR, electron_config_cache`,
    'and ELECTRON_OVERRIDE_DIST_PATH are honoured too; see "Requirements" in README.md).',
    'Meanwhile the same reader runs in your browser: npm run web',
  ].join(' ');
}

function bytesBelow(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    try {
      total += statSync(join(entry.parentPath ?? entry.path, entry.name)).size;
    } catch {
      // the installer moved or removed it meanwhile
    }
  }
  return total;
}

/**
 * Runs Electron's own installer with the caller's environment and shows progress (megabytes received, read
 * from the installer's private temp folder). Resolves { ok: true } or { ok: false, reason } — never throws,
 * and never lets the installer's stack trace through.
 */
export function installElectron(base, { env = process.env, out = process.stdout } = {}) {
  const download = describeDownload(base, env);
  out.write(
    `▶ Downloading Electron ${download.version} for ${download.platform}-${download.arch} (once) from ${download.url}\n`,
  );
  const temp = mkdtempSync(join(tmpdir(), 'warraq-electron-install-'));
  const childEnv = { ...env, TMPDIR: temp, TEMP: temp, TMP: temp };
  delete childEnv.ELECTRON_RUN_AS_NODE;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(base, 'node_modules', 'electron', 'install.js')], {
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout.on('data', () => {}); // the installer prints nothing useful on stdout
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    let lastShown = -1;
    const progress = setInterval(
      () => {
        const mb = Math.floor(bytesBelow(temp) / 2 ** 20);
        if (mb === lastShown) return;
        lastShown = mb;
        out.write(out.isTTY ? `\r  ${mb} MB received` : `  ${mb} MB received\n`);
      },
      out.isTTY ? 500 : 10_000,
    );
    const finish = (result) => {
      clearInterval(progress);
      if (out.isTTY && lastShown >= 0) out.write('\n');
      rmSync(temp, { recursive: true, force: true });
      resolve(result);
    };
    child.on('error', (error) => finish({ ok: false, reason: error.message, download }));
    child.on('close', (code) =>
      finish(code === 0 ? { ok: true, download } : { ok: false, reason: failureReason(stderr), download }),
    );
  });
}
