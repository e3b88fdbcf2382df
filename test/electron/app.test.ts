// The real desktop app, launched with Playwright's Electron support (sandbox on). Where no Electron binary
// is installed (the development machines) it prints a skip line; in the CI workflow
// (.github/workflows/desktop.yml sets WARRAQ_REQUIRE_ELECTRON=1) a missing binary fails instead.
// What it proves, in order: app:// page with only the bridge exposed; hardened web preferences; the
// renderer really sandboxed (Linux: Seccomp mode 2 and no --no-sandbox; macOS/Windows: Electron's process
// metrics); the bundled font drawn; the module workers search the sample; an import through a stubbed
// native file dialog; no CSP violation meanwhile; and the imported article still there after a relaunch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BRIDGE_KEYS } from '../../electron/ipc/contract';
import { binary, launch, newProfile, REQUIRED, root, SKIP_LINE, type Launched } from './launch';
import { usedFonts } from './fonts';

const SAMPLE_TITLE = 'التحالف الدولي يقر بمقتل 1300 مدني "بالخطأ" في سوريا والعراق';
const IMPORTED = {
  file: join(root, 'test', 'fixtures', 'import', 'text', 'khaleej.txt'),
  title: 'تدشين أكبر محطة لتحلية المياه في المنطقة',
};
const CSP_VIOLATION = /Content Security Policy|Refused to (load|execute|connect|create|apply)/i;

if (!binary && !REQUIRED) console.log(SKIP_LINE);

describe.skipIf(!binary && !REQUIRED)('desktop app (real Electron)', () => {
  const profile = newProfile();
  let run: Launched;

  beforeAll(async () => {
    if (!binary) throw new Error(`WARRAQ_REQUIRE_ELECTRON=1 but ${SKIP_LINE.replace('skipped: ', '')}`);
    const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`build failed:\n${built.stderr}`);
    run = await launch(profile);
  }, 120_000);

  afterAll(async () => {
    await run?.app.close();
  });

  it('loads the library from app://warraq with only the bridge exposed', async () => {
    expect(run.page.url()).toBe('app://warraq/index.html');
    await run.page.getByRole('heading', { name: /المكتبة/ }).waitFor({ timeout: 30_000 });
    const exposure = await run.page.evaluate(() => ({
      keys: Object.keys((window as unknown as { warraq: object }).warraq).sort(),
      require: typeof (globalThis as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
      popup: window.open('https://example.org/') === null,
    }));
    expect(exposure).toEqual({
      keys: [...BRIDGE_KEYS].sort(),
      require: 'undefined',
      process: 'undefined',
      popup: true,
    });
  });

  it('uses the hardened web preferences', async () => {
    const prefs = await run.app.evaluate(({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0]!.webContents;
      return (wc as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
    });
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });

  it('runs the renderer inside the OS sandbox', async () => {
    const { pid, metrics } = await run.app.evaluate(({ BrowserWindow, app }) => ({
      pid: BrowserWindow.getAllWindows()[0]!.webContents.getOSProcessId(),
      metrics: app.getAppMetrics().map((m) => ({ pid: m.pid, type: m.type, sandboxed: m.sandboxed })),
    }));
    if (process.platform === 'linux') {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      expect(status).toMatch(/^Seccomp:\s+2$/m);
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      expect(args).toContain('--type=renderer');
      expect(args).not.toContain('--no-sandbox');
    } else {
      // ProcessMetric.sandboxed is reported on macOS and Windows.
      expect(metrics.find((m) => m.pid === pid)).toMatchObject({ type: 'Tab', sandboxed: true });
    }
  });

  it('draws Arabic text with the bundled Noto Naskh Arabic', async () => {
    await run.page.getByRole('grid').getByRole('link', { name: SAMPLE_TITLE }).click();
    await run.page.locator('warraq-reader p[data-p="1"]').waitFor();
    await run.page.evaluate(() => document.fonts.ready);
    expect((await usedFonts(run.page, 'data-p', '1'))[0]).toMatch(/Noto Naskh Arabic/);
    await run.page.goBack();
  });

  it("searches the sample in the app's module workers", async () => {
    await run.page.evaluate(() => {
      location.hash = '#/search';
    });
    const box = run.page.getByRole('searchbox', { name: 'بحث', exact: true });
    await box.fill('التحالف الدولي');
    await box.press('Enter');
    await run.page
      .getByRole('listbox', { name: 'نتائج البحث' })
      .getByRole('option', { name: SAMPLE_TITLE })
      .waitFor({ timeout: 60_000 });
  });

  it('imports a file chosen in the (stubbed) native open dialog', async () => {
    await run.app.evaluate(({ dialog }, file) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [file] })) as typeof dialog.showOpenDialog;
    }, IMPORTED.file);
    await run.page.evaluate(() => {
      location.hash = '#/';
    });
    await run.page.getByRole('button', { name: 'استيراد ملفات' }).click();
    const report = run.page.getByRole('dialog', { name: 'تقرير الاستيراد' });
    await report.getByText('مقالات مستوردة: ١').waitFor({ timeout: 60_000 });
    await run.page.getByRole('button', { name: 'إغلاق', exact: true }).click();
    await run.page.getByRole('grid').getByRole('link', { name: IMPORTED.title }).waitFor();
  });

  it('reported no Content-Security-Policy violation', () => {
    expect(run.console.filter((m) => CSP_VIOLATION.test(m))).toEqual([]);
  });

  it('keeps the library across a relaunch on the same profile', async () => {
    await run.app.close();
    run = await launch(profile);
    await run.page.getByRole('grid').getByRole('link', { name: IMPORTED.title }).waitFor({ timeout: 30_000 });
    await run.page.getByRole('grid').getByRole('link', { name: SAMPLE_TITLE }).waitFor();
  }, 120_000);
});

if (!binary && !REQUIRED) {
  describe('desktop app (real Electron)', () => {
    it.skip('skipped: no Electron binary installed', () => {});
  });
}
