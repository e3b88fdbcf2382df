// Watched folders in the real desktop app (CI only: .github/workflows/desktop.yml; a skip line where no
// Electron binary is installed). What Node cannot show (test/unit/electron/watch-folders.test.ts covers
// the rest with every other part real): the preload's relay of watched files over real IPC, the sandboxed
// renderer reading them through the grants, and the usual import report. The folder dialog is stubbed.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binary, launch, newProfile, REQUIRED, SKIP_LINE, type Launched } from './launch';

const article = (n: number) =>
  `صحيفة الغد\nافتتاح الجسر رقم ${n} فوق النهر\nبغداد - الأحد 23 آذار 2019\nافتتحت البلدية الجسر رقم ${n} بحضور السكان، وقال رئيس البلدية إن الجسر يخدم ثلاثة أحياء.\n`;

if (!binary && !REQUIRED) console.log(SKIP_LINE.replace('desktop launch tests', 'watched-folder launch test'));

describe.skipIf(!binary && !REQUIRED)('watched folders (real Electron)', () => {
  const profile = newProfile();
  const base = mkdtempSync(join(tmpdir(), 'warraq-watched-'));
  const folder = join(base, 'المراسل');
  let run: Launched;

  beforeAll(async () => {
    // The workflow builds dist/ before the launch tests.
    if (!binary) throw new Error(`WARRAQ_REQUIRE_ELECTRON=1 but ${SKIP_LINE.replace('skipped: ', '')}`);
    mkdirSync(folder);
    writeFileSync(join(folder, 'خبر أول.txt'), article(1));
    run = await launch(profile);
    await run.page.getByRole('heading', { name: /المكتبة/ }).waitFor({ timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await run?.app.close();
    rmSync(base, { recursive: true, force: true });
  });

  const report = async () => {
    const dialog = run.page.getByRole('dialog', { name: 'تقرير الاستيراد' });
    await dialog.getByText('مقالات مستوردة: ١').waitFor({ timeout: 60_000 });
    await run.page.getByRole('button', { name: 'إغلاق', exact: true }).click();
  };

  it('imports the folder chosen in the (stubbed) dialog, then a file added in a new sub-folder', async () => {
    await run.app.evaluate(({ dialog }, chosen) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [chosen] })) as typeof dialog.showOpenDialog;
    }, folder);
    await run.page.evaluate(() => {
      location.hash = '#/feeds';
    });
    await run.page.getByRole('button', { name: 'مراقبة مجلد' }).click();
    await run.page.getByRole('button', { name: 'إيقاف مراقبة «المراسل»' }).waitFor();
    await report();

    mkdirSync(join(folder, 'تقارير'));
    writeFileSync(join(folder, 'تقارير', 'خبر ثان.txt'), article(2));
    await report();
    await run.page.evaluate(() => {
      location.hash = '#/';
    });
    await run.page.getByRole('grid').getByRole('link', { name: 'افتتاح الجسر رقم 2 فوق النهر' }).waitFor();
    await run.page.getByRole('grid').getByRole('link', { name: 'افتتاح الجسر رقم 1 فوق النهر' }).waitFor();
  });
});

if (!binary && !REQUIRED) {
  describe('watched folders (real Electron)', () => {
    it.skip('skipped: no Electron binary installed', () => {});
  });
}
