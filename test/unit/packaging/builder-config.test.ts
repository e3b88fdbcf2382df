// electron-builder.yml and its afterPack hook: the hardening that the --dir pack test cannot see on Linux
// (macOS signature, per-platform asar integrity, the AppImage's desktop entry, the deb's AppArmor profile).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FuseV1Options } from '@electron/fuses';

const root = join(import.meta.dirname, '..', '..', '..');
// The same YAML reader electron-builder loads this file with (app-builder-lib/out/util/config/load.js).
const require = createRequire(join(root, 'node_modules', 'app-builder-lib', 'package.json'));
const { load } = require('js-yaml') as { load(text: string): unknown };
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  Record<string, unknown>
>;
const hook = require(join(root, 'build', 'after-pack.cjs')) as {
  default: (context: unknown) => Promise<void>;
};

describe('electron-builder.yml', () => {
  it('re-signs the macOS build ad hoc after flipping fuses (an unsigned arm64 app would not launch)', () => {
    expect(config.electronFuses?.resetAdHocDarwinSignature).toBe(true);
  });
  it('promises embedded asar integrity nowhere in the shared fuse block (Linux has none)', () => {
    expect(config.electronFuses).not.toHaveProperty('enableEmbeddedAsarIntegrityValidation');
    expect(config.afterPack).toBe('build/after-pack.cjs');
  });
  it('ships the deb with the AppArmor postinst of electron-builder, and an AppImage whose desktop entry keeps the sandbox', () => {
    expect(config.linux?.target).toContain('deb');
    // No custom afterInstall: electron-builder's own postinst installs resources/apparmor-profile (`userns`).
    expect(config.deb).not.toHaveProperty('afterInstall');
    expect(config.deb).not.toHaveProperty('appArmorProfile');
    // electron-builder's default for the AppImage .desktop Exec line is ["--no-sandbox"].
    expect(config.appImage?.executableArgs).toEqual([]);
  });
});

describe('afterPack hook (build/after-pack.cjs)', () => {
  async function flipsFor(platform: string): Promise<unknown[]> {
    const calls: unknown[] = [];
    const context = {
      electronPlatformName: platform,
      packager: {
        addElectronFuses: async (_c: unknown, fuses: unknown) => {
          calls.push(fuses);
        },
      },
    };
    await hook.default(context);
    return calls;
  }
  it('enables embedded asar integrity validation on macOS and Windows only', async () => {
    for (const platform of ['darwin', 'mas', 'win32']) {
      expect(await flipsFor(platform)).toEqual([
        { version: '1', [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true },
      ]);
    }
    expect(await flipsFor('linux')).toEqual([]);
  });
});
