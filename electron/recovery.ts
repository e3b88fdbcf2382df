/**
 * When the renderer process dies (crash, out of memory, killed), the window would stay blank forever.
 * It is reloaded instead — the archive lives in IndexedDB, so nothing is lost — unless it died too often
 * lately (a page that crashes on load would loop): then the user is told and the app quits.
 */
import { app, dialog, type BrowserWindow, type RenderProcessGoneDetails } from 'electron';

export const MAX_RELOADS = 3;
export const WINDOW_MS = 60_000;

/** Remembers recent deaths; `allowReload(now)` is true while fewer than MAX_RELOADS happened in WINDOW_MS. */
export class CrashBudget {
  private readonly deaths: number[] = [];
  allowReload(now: number): boolean {
    while (this.deaths.length > 0 && now - this.deaths[0]! > WINDOW_MS) this.deaths.shift();
    this.deaths.push(now);
    return this.deaths.length <= MAX_RELOADS;
  }
}

export const GONE_MESSAGE = [
  'توقفت نافذة ورّاق عن العمل مرات متكررة، فسيُغلق التطبيق. بياناتك محفوظة.',
  'The Warraq window stopped working repeatedly, so the app will close. Your library is safe.',
].join('\n');

/** Reloads `win` after its renderer dies; gives up (dialog, quit) when the budget is spent. */
export function recoverFromRendererDeath(win: BrowserWindow, budget = new CrashBudget(), now = () => Date.now()): void {
  win.webContents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    console.error(`renderer process gone (${details.reason}, exit code ${details.exitCode})`);
    if (budget.allowReload(now())) {
      win.webContents.reload();
      return;
    }
    dialog.showErrorBox('ورّاق — Warraq', GONE_MESSAGE);
    app.quit();
  });
}
