/**
 * App lifecycle: one running instance (a second launch focuses the first window and exits) and
 * quitting when the window closes, macOS included — Warraq has no use without its one window.
 */
import { app } from 'electron';

/** Takes the single-instance lock. Returns false (and quits) when another Warraq already runs. */
export function setupSingleInstance(onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', onSecondInstance);
  app.on('window-all-closed', () => app.quit());
  return true;
}
